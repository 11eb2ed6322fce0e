/**
 * Shapes the database's counts (groupBy rows) into what the dashboard draws:
 * stakeholder groups, a section tree with per-paragraph counts for the heat
 * map, a gap-free daily series. The counting itself happens in the
 * database; these functions see one row per group, never one per comment.
 */
import { FEEDBACK_KINDS } from "./filters";

import type { FeedbackKind } from "./filters";

/** The dashboard bucket of a comment: its organization's kind, or "source". */
export function feedbackKind(origin: string, organizationKind: string | null | undefined): FeedbackKind {
  if (origin === "source") return "source";
  if (organizationKind && (FEEDBACK_KINDS as readonly string[]).includes(organizationKind))
    return organizationKind as FeedbackKind;
  return "other";
}

/** Counts per stakeholder group, every group present (zeros included), in the fixed order. */
export function countByKind(
  rows: ReadonlyArray<{ organizationId: string | null; origin: string; count: number }>,
  kindOfOrganization: ReadonlyMap<string, string>,
): Array<{ kind: FeedbackKind; count: number }> {
  const totals = new Map<FeedbackKind, number>(FEEDBACK_KINDS.map((kind) => [kind, 0]));
  for (const row of rows) {
    const kind = feedbackKind(row.origin, row.organizationId ? kindOfOrganization.get(row.organizationId) : null);
    totals.set(kind, (totals.get(kind) ?? 0) + row.count);
  }
  return FEEDBACK_KINDS.map((kind) => ({ kind, count: totals.get(kind) ?? 0 }));
}

/** A section of the version, in document order. */
export interface OutlineSection {
  id: string;
  number: string | null;
  heading: string;
  level: number;
  order: number;
}

/**
 * The ids of a section and of every section under it (the following
 * sections of a deeper level), e.g. "2 Pillar 1" and its sub-headings.
 */
export function sectionScope(sections: readonly OutlineSection[], sectionId: string): string[] {
  const start = sections.findIndex((section) => section.id === sectionId);
  if (start < 0) return [];
  const ids = [sectionId];
  for (let k = start + 1; k < sections.length && sections[k].level > sections[start].level; k++)
    ids.push(sections[k].id);
  return ids;
}

/** Heat-map shade of a count: 0 for none, 1–5 on a logarithmic scale up to `max`. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil((5 * Math.log1p(count)) / Math.log1p(max))));
}

/** One section of the heat map, with its paragraphs. */
export interface HeatSection<P, S extends OutlineSection = OutlineSection> {
  section: S;
  /** Comments on this section's own paragraphs. */
  count: number;
  /** Comments on this section and the sections under it. */
  total: number;
  paragraphs: Array<P & { count: number; level: number }>;
}

/**
 * The heat map: every section in document order, each paragraph with its
 * count and shade (relative to the most commented paragraph), each section
 * with its own and its subtree's total.
 */
export function heatMap<P extends { id: string; sectionId: string }, S extends OutlineSection>(
  sections: readonly S[],
  paragraphs: readonly P[],
  countByParagraph: ReadonlyMap<string, number>,
): { sections: Array<HeatSection<P, S>>; max: number } {
  let max = 0;
  for (const count of countByParagraph.values()) max = Math.max(max, count);
  const bySection = new Map<string, HeatSection<P, S>>(
    sections.map((section) => [section.id, { section, count: 0, total: 0, paragraphs: [] }]),
  );
  for (const paragraph of paragraphs) {
    const entry = bySection.get(paragraph.sectionId);
    if (!entry) continue;
    const count = countByParagraph.get(paragraph.id) ?? 0;
    entry.paragraphs.push({ ...paragraph, count, level: heatLevel(count, max) });
    entry.count += count;
  }
  const ordered = sections.map((section) => bySection.get(section.id)!);
  // Totals roll up: walk backwards so children are summed before parents.
  for (let k = ordered.length - 1; k >= 0; k--) {
    const entry = ordered[k];
    entry.total += entry.count;
    for (let parent = k - 1; parent >= 0; parent--) {
      if (ordered[parent].section.level < entry.section.level) {
        ordered[parent].total += entry.total;
        break;
      }
    }
  }
  return { sections: ordered, max };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Longest span drawn day by day; longer ones are drawn week by week. */
export const MAX_DAILY_POINTS = 120;

/**
 * A gap-free series from per-day counts ("YYYY-MM-DD", UTC): every day from
 * the first to the last, zeros included. Spans longer than
 * {@link MAX_DAILY_POINTS} days are summed into weeks starting on Mondays.
 */
export function timeSeries(rows: ReadonlyArray<{ day: string; count: number }>): {
  unit: "day" | "week";
  points: Array<{ date: string; count: number }>;
} {
  const valid = rows.filter((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.day));
  if (valid.length === 0) return { unit: "day", points: [] };
  const counts = new Map<number, number>();
  for (const row of valid) {
    const time = Date.parse(`${row.day}T00:00:00Z`);
    counts.set(time, (counts.get(time) ?? 0) + row.count);
  }
  const times = [...counts.keys()].sort((a, b) => a - b);
  const first = times[0];
  const last = times[times.length - 1];
  const days = Math.round((last - first) / DAY_MS) + 1;
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  if (days <= MAX_DAILY_POINTS) {
    const points = Array.from({ length: days }, (_, k) => {
      const time = first + k * DAY_MS;
      return { date: iso(time), count: counts.get(time) ?? 0 };
    });
    return { unit: "day", points };
  }
  const monday = (time: number) => time - ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS;
  const weeks = new Map<number, number>();
  for (const [time, count] of counts) weeks.set(monday(time), (weeks.get(monday(time)) ?? 0) + count);
  const points: Array<{ date: string; count: number }> = [];
  for (let week = monday(first); week <= last; week += 7 * DAY_MS)
    points.push({ date: iso(week), count: weeks.get(week) ?? 0 });
  return { unit: "week", points };
}
