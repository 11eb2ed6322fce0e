/**
 * A paragraph's feedback in words, in the manner of the 2008 HLEG report
 * ("Two members wished to delete this proposal. One member proposed the
 * alternative text: “…”."): deterministic sentences built from counts,
 * comment types, organization kinds and proposed changes. No language
 * model: every sentence can be traced to the comments it counts, and each
 * carries their ids so the page can link to them.
 *
 * The wording comes from the locale (`feedback.summary.*`) through an
 * injected translate function, so this module stays pure.
 */

import { COMMENT_TYPES } from "~/lib/comment-types";
import type { Translate } from "~/lib/translate";

/** A comment as the summary sees it. */
export interface SummaryComment {
  id: string;
  /** general | technical | editorial */
  type: string;
  /** Kind of the commenting organization; null for comments recorded in a source document. */
  organizationKind: string | null;
  /** Counts people per organization, not per comment ("two delegations", even with five comments). */
  organizationId: string | null;
  /** platform | source | import */
  origin: string;
  /** Who a source document attributes the comment to, e.g. "HLEG members". */
  sourceAttribution?: string | null;
  /** Plain text of the comment. */
  text: string;
  proposedText: string | null;
  /** Near-duplicate group (the id of its first comment), when grouped. */
  duplicateGroupId?: string | null;
}

/** What a sentence reports. */
export type SummaryIntent =
  "delete" | "alternative" | "support" | "general" | "technical" | "editorial" | "campaign" | "source";

/** One sentence of the summary and the comments it stands for. */
export interface SummarySentence {
  intent: SummaryIntent;
  text: string;
  commentIds: string[];
}

/** i18next's `t` (the app's one translate type). */
export type { Translate };

/** Longest proposed text quoted in a sentence; longer ones end with "…". */
export const SUMMARY_QUOTE_CHARS = 240;

/** Kinds in the order the summary names them (the report's "member states first"). */
const KIND_ORDER = [
  "member_state",
  "sector_member",
  "academia",
  "civil_society",
  "international_organization",
] as const;
type CommenterKind = (typeof KIND_ORDER)[number] | "other";

const isKindInOrder = (kind: string): kind is (typeof KIND_ORDER)[number] =>
  (KIND_ORDER as readonly string[]).includes(kind);

/** The spelled numbers' keys (`feedback.summary.numbers.*`), one to ten. */
const SPELLED = ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10"] as const;

// Words that signal the comment's intent when no replacement text was
// given. English only, like the corpus; other languages fall back to the
// comment type, which is never wrong, only less specific.
const DELETE_WORDS =
  /\b(delete|deleted|deleting|deletion|remove|removed|removing|removal|omit|omitted|omitting|strike|drop)\b/i;
const SUPPORT_WORDS =
  /\b(support|supports|supported|agree|agrees|agreed|welcome|welcomes|endorse|endorses|endorsed)\b/i;

/**
 * Which sentence a comment counts in: a proposed replacement first (it is
 * the most actionable), then a request to delete, then support, otherwise
 * its type.
 */
export function commentIntent(comment: SummaryComment): Exclude<SummaryIntent, "campaign" | "source"> {
  if (comment.proposedText && comment.proposedText.trim() !== "") return "alternative";
  if (DELETE_WORDS.test(comment.text)) return "delete";
  if (SUPPORT_WORDS.test(comment.text)) return "support";
  if (comment.type === "technical" || comment.type === "editorial") return comment.type;
  return "general";
}

function capitalize(text: string, locale: string) {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function truncate(text: string, max: number) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** "one", "two" … "ten", then digits: as the report writes counts. */
export function spelledCount(count: number, t: Translate, locale = "en"): string {
  const spelled = Number.isInteger(count) ? SPELLED[count - 1] : undefined;
  if (spelled) return t(`feedback.summary.numbers.${spelled}`);
  return new Intl.NumberFormat(locale).format(count);
}

/**
 * Who made a set of comments: "one member-state delegation", "three sector
 * members", or, across kinds, "four participants (three member-state
 * delegations and one sector member)". Organizations are counted once
 * however many comments they made; comments without an organization count
 * one each.
 */
export function describeCommenters(comments: readonly SummaryComment[], t: Translate, locale = "en"): string {
  const byKind = new Map<CommenterKind, Set<string>>();
  for (const comment of comments) {
    const kind: CommenterKind =
      comment.organizationKind && isKindInOrder(comment.organizationKind) ? comment.organizationKind : "other";
    const who = comment.organizationId ?? `comment:${comment.id}`;
    const set = byKind.get(kind) ?? new Set<string>();
    set.add(who);
    byKind.set(kind, set);
  }
  const kinds = [...KIND_ORDER, "other" as const].filter((kind) => byKind.has(kind));
  const part = (kind: CommenterKind) => {
    const count = byKind.get(kind)?.size ?? 0;
    return t(`feedback.summary.who.${kind}`, { count, number: spelledCount(count, t, locale) });
  };
  if (kinds.length === 1) return part(kinds[0]);
  const total = kinds.reduce((sum, kind) => sum + (byKind.get(kind)?.size ?? 0), 0);
  const parts = new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(kinds.map(part));
  return t("feedback.summary.who.mixed", { count: total, number: spelledCount(total, t, locale), parts });
}

/**
 * The summary of one paragraph's comments, sentence by sentence, in a fixed
 * order: deletions, alternative texts, support, then general, technical and
 * editorial comments, near-identical comments, and comments recorded in a
 * source document. Withdrawn and draft comments must not be passed in.
 *
 * @example
 * summarizeParagraphFeedback(comments, t).map((s) => s.text)
 * // ["Two member-state delegations wished to delete this paragraph.",
 * //  "One sector member proposed the alternative text: “ITU should …”."]
 */
export function summarizeParagraphFeedback(
  comments: readonly SummaryComment[],
  t: Translate,
  { locale = "en", quoteChars = SUMMARY_QUOTE_CHARS }: { locale?: string; quoteChars?: number } = {},
): SummarySentence[] {
  const fromSource = comments.filter((comment) => comment.origin === "source");
  const fromPeople = comments.filter((comment) => comment.origin !== "source");
  const byIntent = new Map<SummaryIntent, SummaryComment[]>();
  for (const comment of fromPeople) {
    const intent = commentIntent(comment);
    const list = byIntent.get(intent) ?? [];
    list.push(comment);
    byIntent.set(intent, list);
  }

  const sentences: SummarySentence[] = [];
  // Each sentence's wording gets who made the comments and how many there are.
  const say = (
    intent: SummaryIntent,
    list: readonly SummaryComment[],
    words: (who: string, count: number) => string,
  ) => {
    sentences.push({
      intent,
      text: capitalize(words(describeCommenters(list, t, locale), list.length), locale),
      commentIds: list.map((comment) => comment.id),
    });
  };

  const deletions = byIntent.get("delete");
  if (deletions) say("delete", deletions, (who) => t("feedback.summary.delete", { who }));
  const alternatives = byIntent.get("alternative");
  if (alternatives) {
    const texts = new Set(alternatives.map((comment) => truncate(comment.proposedText ?? "", quoteChars)));
    if (texts.size === 1) {
      const text = [...texts][0];
      say("alternative", alternatives, (who, count) => t("feedback.summary.alternativeQuoted", { who, count, text }));
    } else {
      const spelled = spelledCount(texts.size, t, locale);
      say("alternative", alternatives, (who) => t("feedback.summary.alternatives", { who, texts: spelled }));
    }
  }
  const support = byIntent.get("support");
  if (support) say("support", support, (who) => t("feedback.summary.support", { who }));
  for (const type of COMMENT_TYPES) {
    const list = byIntent.get(type);
    if (list) say(type, list, (who, count) => t(`feedback.summary.${type}`, { who, count }));
  }

  // Near-identical texts from several organizations: a campaign, worth
  // saying even though their comments were already counted above.
  const groups = new Map<string, SummaryComment[]>();
  for (const comment of fromPeople) {
    if (!comment.duplicateGroupId) continue;
    const list = groups.get(comment.duplicateGroupId) ?? [];
    list.push(comment);
    groups.set(comment.duplicateGroupId, list);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    say("campaign", list, (who) => t("feedback.summary.campaign", { who }));
  }

  if (fromSource.length > 0) {
    const attributions = [
      ...new Set(fromSource.flatMap((comment) => (comment.sourceAttribution ? [comment.sourceAttribution] : []))),
    ];
    sentences.push({
      intent: "source",
      text: capitalize(
        attributions.length > 0
          ? t("feedback.summary.sourceAttributed", {
              count: fromSource.length,
              number: spelledCount(fromSource.length, t, locale),
              attribution: new Intl.ListFormat(locale, { type: "conjunction" }).format(attributions),
            })
          : t("feedback.summary.source", {
              count: fromSource.length,
              number: spelledCount(fromSource.length, t, locale),
            }),
        locale,
      ),
      commentIds: fromSource.map((comment) => comment.id),
    });
  }
  return sentences;
}
