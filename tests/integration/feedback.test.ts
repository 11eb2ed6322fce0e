import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import type { FeedbackFilters } from "~/lib/feedback";
import {
  feedbackWhere,
  getFeedbackDashboard,
  getParagraphFeedback,
  loadFeedbackScope,
  regroupDuplicates,
} from "~/models/feedback.server";
import { prisma } from "~/utils/db.server";

import { HLEG_SLUG, seed } from "../../prisma/seed";
import { actorFor, createFeedbackFixture, renderBody } from "./feedback-fixtures";

let fixture: Awaited<ReturnType<typeof createFeedbackFixture>>;
let secretariat: Awaited<ReturnType<typeof actorFor>>;
let focalPoint: Awaited<ReturnType<typeof actorFor>>;

beforeAll(async () => {
  await seed({ quiet: true });
  fixture = await createFeedbackFixture("dash");
  [secretariat, focalPoint] = await Promise.all([actorFor("secretariat@demo.test"), actorFor("focal.point@demo.test")]);
}, 60_000);

const dashboard = (filters: FeedbackFilters) =>
  getFeedbackDashboard({ actor: secretariat, slug: fixture.slug, filters: { v: 1, ...filters } });

describe("the dashboard's filters combine (exact counts on the crafted fixture)", () => {
  it.each<[string, FeedbackFilters, number]>([
    ["no filter: submitted only (no draft, no withdrawn) → 7", {}, 7],
    ["section 2 with its sub-heading", { section: "2" }, 4],
    ["member states", { kind: "member_state" }, 4],
    ["source document", { kind: "source" }, 1],
    ["sector members", { kind: "sector_member" }, 1],
    ["technical", { type: "technical" }, 3],
    ["section 2 + member states + technical", { section: "2", kind: "member_state", type: "technical" }, 1],
    ["not decided yet", { status: "undecided" }, 5],
    ["decided (any)", { status: "decided" }, 2],
    ["accepted", { status: "accepted" }, 1],
    ["noted + member states", { status: "noted", kind: "member_state" }, 1],
    ["text, case-insensitive", { q: "regional" }, 2],
    ["two words, both required", { q: "regional organizations" }, 1],
    ["words in the proposed change", { q: "secure" }, 1],
    ["a LIKE wildcard is not a pattern", { q: "%" }, 7],
    ["section 2 + text", { section: "2", q: "REGIONAL" }, 1],
    ["an unknown section matches nothing", { section: "99" }, 0],
  ])("%s", async (_name, filters, expected) => {
    const result = await dashboard(filters);
    expect(result.totals.comments).toBe(expected);
    // The per-day GROUP BY (SQL) and the Prisma counts see the same comments.
    expect(result.series.points.reduce((sum, point) => sum + point.count, 0)).toBe(expected);
    expect(result.kinds.reduce((sum, row) => sum + row.count, 0)).toBe(expected);
    expect(result.types.reduce((sum, row) => sum + row.count, 0)).toBe(expected);
    expect(result.list.comments.length).toBe(Math.min(expected, result.list.pageSize));
  });

  it("breaks the whole version down by group, type, day, section and paragraph", async () => {
    const result = await dashboard({});
    expect(Object.fromEntries(result.kinds.map((row) => [row.kind, row.count]))).toEqual({
      member_state: 4,
      sector_member: 1,
      academia: 1,
      civil_society: 0,
      international_organization: 0,
      source: 1,
      other: 0,
    });
    expect(result.types).toEqual([
      { type: "general", count: 2 },
      { type: "technical", count: 3 },
      { type: "editorial", count: 2 },
    ]);
    expect(result.series).toEqual({
      unit: "day",
      points: [
        { date: "2026-03-02", count: 3 },
        { date: "2026-03-03", count: 2 },
        { date: "2026-03-04", count: 2 },
      ],
    });
    expect(
      result.heatMap.sections.map((entry) => [entry.section.number ?? entry.section.heading, entry.count, entry.total]),
    ).toEqual([
      ["1", 2, 2],
      ["2", 0, 4],
      ["Guidelines", 4, 4],
      ["3", 1, 1],
    ]);
    expect(result.heatMap.sections[2].paragraphs.map((p) => [p.number, p.count])).toEqual([
      ["2.1", 2],
      ["2.2", 2],
    ]);
    expect(result.totals).toEqual({ comments: 7, organizations: 4, paragraphs: 5, withoutParagraph: 0 });
    expect(result.progress).toEqual({ decided: 2, total: 7, filtered: false });
  });

  it("lists comments in document order, and the progress follows the filters", async () => {
    const all = await dashboard({});
    const order = all.list.comments.map((comment) => comment.paragraph?.number);
    expect(order).toEqual(["1.1", "1.2", "2.1", "2.1", "2.2", "2.2", "3.1"]);
    const technical = await dashboard({ type: "technical" });
    expect(technical.progress).toEqual({ decided: 2, total: 3, filtered: true });
    expect(technical.list.comments.map((comment) => comment.id).sort()).toEqual(
      [fixture.c.c1, fixture.c.c2, fixture.c.c4].sort(),
    );
  });
});

describe("one filter description, compiled to a Prisma where and to SQL", () => {
  // The fixture plus a comment from no organization (stakeholder group "other").
  let forms: Awaited<ReturnType<typeof createFeedbackFixture>>;
  beforeAll(async () => {
    forms = await createFeedbackFixture("forms");
    await prisma.comment.create({
      data: {
        consultationId: forms.version.consultationId,
        versionId: forms.version.id,
        paragraphId: forms.paragraph["3-1"],
        organizationId: null,
        type: "general",
        status: "submitted",
        ...renderBody("An unsigned remark."),
        submittedAt: new Date("2026-03-03T09:00:00Z"),
      },
    });
    await regroupDuplicates({ actor: secretariat, slug: forms.slug });
  });

  it.each<[string, FeedbackFilters | ((c: typeof forms.c) => FeedbackFilters), number]>([
    ["no filter", {}, 8],
    ["a section with its sub-heading", { section: "2" }, 4],
    ["member states", { kind: "member_state" }, 4],
    ["other (no organization)", { kind: "other" }, 1],
    ["other + general", { kind: "other", type: "general" }, 1],
    ["source document", { kind: "source" }, 1],
    ["technical", { type: "technical" }, 3],
    ["undecided", { status: "undecided" }, 6],
    ["decided", { status: "decided" }, 2],
    ["noted + member states", { status: "noted", kind: "member_state" }, 1],
    ["text, any case", { q: "regional" }, 2],
    ["text in the proposed change", { q: "secure" }, 1],
    ["a LIKE wildcard", { q: "%" }, 8],
    ["section + text", { section: "2", q: "REGIONAL" }, 1],
    ["an unknown section", { section: "99" }, 0],
    ["a near-duplicate group", (c) => ({ group: c.c3 }), 1],
    ["a group, undecided, with text", (c) => ({ group: c.c3, status: "undecided", q: "delete" }), 1],
  ])("%s: both forms select the same comments", async (_name, filtersOf, expected) => {
    const filters = typeof filtersOf === "function" ? filtersOf(forms.c) : filtersOf;
    const scope = await loadFeedbackScope({ slug: forms.slug, versionNumber: 1 });
    const { where, sql } = feedbackWhere(scope, filters);
    const viaPrisma = (await prisma.comment.findMany({ where, select: { id: true } })).map((row) => row.id).sort();
    const viaSql = (await prisma.$queryRaw<Array<{ id: string }>>`SELECT c."id" AS "id" FROM "Comment" c WHERE ${sql}`)
      .map((row) => row.id)
      .sort();
    expect(viaSql).toEqual(viaPrisma);
    expect(viaPrisma).toHaveLength(expected);
  });
});

describe("access", () => {
  it("refuses a focal point (403) and records the attempt", async () => {
    const error = await getFeedbackDashboard({ actor: focalPoint, slug: fixture.slug, filters: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(403);
    const denied = await prisma.auditEvent.findFirst({
      where: { action: "feedback.read", outcome: "denied", actorId: focalPoint.id },
    });
    expect(denied).not.toBeNull();
    await expect(getFeedbackDashboard({ actor: null, slug: fixture.slug, filters: {} })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("near-duplicate groups on the dashboard", () => {
  it("groups by itself when it finds ungrouped comments, and lists the groups with their sizes", async () => {
    const extra = await createFeedbackFixture("groups");
    const letter =
      "We urge the secretariat to delete this paragraph because it extends the mandate beyond what Member " +
      "States agreed.";
    const version = extra.version;
    const ids: string[] = [];
    for (const [index, text] of [letter, letter.toUpperCase(), letter.replace("We urge", "We kindly urge")].entries()) {
      const created = await prisma.comment.create({
        data: {
          consultationId: version.consultationId,
          versionId: version.id,
          paragraphId: extra.paragraph["2-2"],
          organizationId: [extra.org.x, extra.org.y, extra.org.uni][index],
          type: "general",
          status: "submitted",
          ...renderBody(text),
          submittedAt: new Date(Date.UTC(2026, 2, 5, 10, index)),
        },
        select: { id: true },
      });
      ids.push(created.id);
    }
    const result = await getFeedbackDashboard({ actor: secretariat, slug: extra.slug, filters: { v: 1 } });
    expect(result.duplicates.regrouped).toMatchObject({ items: 10, groups: 1, groupedItems: 3 });
    expect(result.groups).toEqual([
      expect.objectContaining({
        id: ids[0],
        size: 3,
        inView: 3,
        decided: 0,
        text: letter,
        paragraph: { number: "2.2", key: "2-2" },
      }),
    ]);
    const stored = await prisma.comment.findMany({
      where: { consultationId: version.consultationId },
      select: { id: true, duplicateGroupId: true },
    });
    // Every submitted comment is grouped (alone: its own id); drafts and withdrawn ones are left out.
    for (const row of stored) {
      if (ids.includes(row.id)) expect(row.duplicateGroupId).toBe(ids[0]);
      else if (row.id === extra.c.draft || row.id === extra.c.withdrawn) expect(row.duplicateGroupId).toBeNull();
      else expect(row.duplicateGroupId).toBe(row.id);
    }
    const grouped = await getFeedbackDashboard({
      actor: secretariat,
      slug: extra.slug,
      filters: { v: 1, group: ids[0] },
    });
    expect(grouped.totals.comments).toBe(3);
    expect(grouped.duplicates.regrouped).toBeNull();
    // Running it again writes nothing.
    expect((await regroupDuplicates({ actor: secretariat, slug: extra.slug })).written).toBe(0);
  });

  it("refuses regrouping to anyone but the secretariat", async () => {
    await expect(regroupDuplicates({ actor: focalPoint, slug: fixture.slug })).rejects.toMatchObject({ status: 403 });
  });
});

describe("a paragraph's feedback", () => {
  it("returns the paragraph's submitted comments in the shape of the summary", async () => {
    const result = await getParagraphFeedback({
      actor: secretariat,
      slug: fixture.slug,
      versionNumber: 1,
      paragraphKey: "2-2",
    });
    expect(result.paragraph).toMatchObject({ number: "2.2", section: { number: null, heading: "Guidelines" } });
    expect(result.total).toBe(2);
    expect(result.summaryInput.map((comment) => [comment.organizationKind, comment.type, comment.text])).toEqual([
      ["member_state", "general", "Delete this paragraph, it is out of scope."],
      ["member_state", "editorial", "REGIONAL bodies should be named."],
    ]);
    await expect(
      getParagraphFeedback({ actor: secretariat, slug: fixture.slug, versionNumber: 1, paragraphKey: "9-9" }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("the HLEG 2008 consultation", () => {
  it("shows the members' comments recorded in the report as submitted source comments", async () => {
    const recorded = await prisma.comment.count({
      where: { consultation: { slug: HLEG_SLUG }, origin: "source", status: "submitted" },
    });
    expect(recorded).toBeGreaterThan(30);
    const result = await getFeedbackDashboard({ actor: secretariat, slug: HLEG_SLUG, filters: {} });
    expect(result.totals.comments).toBe(recorded);
    expect(result.kinds.find((row) => row.kind === "source")?.count).toBe(recorded);
    expect(result.series.points).toEqual([{ date: "2008-11-26", count: recorded }]);
  });
});
