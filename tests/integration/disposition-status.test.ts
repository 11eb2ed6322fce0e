/**
 * Comment.dispositionStatus is a copy of the comment's disposition status
 * (NULL while undecided), kept by database triggers on Disposition, from
 * which the dashboard counts decisions and filters by status without a
 * join. Every way a disposition is written, cleared or moved must keep it
 * equal to the Disposition table: if one forgets, the invariant below and
 * the dashboard's counts disagree with the dispositions.
 *
 * Also: the dashboard's two ways of counting (from the indexes, and from one
 * reading of the rows for a text search) give the same counts.
 */
import { beforeAll, describe, expect, it } from "vitest";

import type { FeedbackFilters } from "~/lib/feedback";
import { applyFeedbackAction, decideDispositions } from "~/models/disposition.server";
import { countFeedback, getFeedbackDashboard, loadFeedbackScope, regroupDuplicates } from "~/models/feedback.server";
import { prisma } from "~/utils/db.server";

import { seed } from "../../prisma/seed";
import { actorFor, createFeedbackFixture, renderBody } from "./feedback-fixtures";

let fixture: Awaited<ReturnType<typeof createFeedbackFixture>>;
let secretariat: Awaited<ReturnType<typeof actorFor>>;

beforeAll(async () => {
  await seed({ quiet: true });
  fixture = await createFeedbackFixture("dstatus");
  secretariat = await actorFor("secretariat@demo.test");
}, 60_000);

/** Comments whose copy differs from their disposition's status (or is set without a disposition). */
async function mismatches() {
  const comments = await prisma.comment.findMany({
    select: { id: true, dispositionStatus: true, disposition: { select: { status: true } } },
  });
  return comments
    .filter((comment) => comment.dispositionStatus !== (comment.disposition?.status ?? null))
    .map((comment) => ({
      id: comment.id,
      copy: comment.dispositionStatus,
      disposition: comment.disposition?.status ?? null,
    }));
}

const dashboard = (filters: FeedbackFilters = {}) =>
  getFeedbackDashboard({ actor: secretariat, slug: fixture.slug, filters: { v: 1, ...filters }, autoRegroup: false });

/**
 * The dashboard's decided count and status filters agree with the Disposition
 * table (submitted comments of version 1).
 */
async function expectDashboardAgrees() {
  const dispositions = await prisma.disposition.findMany({
    where: { comment: { versionId: fixture.version.id, status: "submitted" } },
    select: { commentId: true, status: true },
  });
  const all = await dashboard();
  expect(all.progress.decided).toBe(dispositions.length);
  expect((await dashboard({ status: "decided" })).totals.comments).toBe(dispositions.length);
  expect((await dashboard({ status: "undecided" })).totals.comments).toBe(all.totals.comments - dispositions.length);
  for (const status of ["accepted", "accepted_in_part", "not_accepted", "noted"] as const) {
    const expected = dispositions
      .filter((row) => row.status === status)
      .map((row) => row.commentId)
      .sort();
    const view = await dashboard({ status });
    expect(view.totals.comments, status).toBe(expected.length);
    expect(view.list.comments.map((comment) => comment.id).sort(), status).toEqual(expected);
  }
}

describe("Comment.dispositionStatus follows every write to Disposition", () => {
  it("starts equal (dispositions created by the fixture)", async () => {
    expect(await mismatches()).toEqual([]);
    const stored = await prisma.comment.findUniqueOrThrow({
      where: { id: fixture.c.c1 },
      select: { dispositionStatus: true },
    });
    expect(stored.dispositionStatus).toBe("accepted");
    await expectDashboardAgrees();
  });

  it("one comment decided, then decided again differently", async () => {
    const decide = (status: "noted" | "not_accepted") =>
      decideDispositions({
        actor: secretariat,
        slug: fixture.slug,
        input: { intent: "dispose", commentIds: [fixture.c.c3], status, response: "" },
      });
    await decide("noted");
    expect(await mismatches()).toEqual([]);
    await decide("not_accepted");
    expect(await mismatches()).toEqual([]);
    expect(
      (await prisma.comment.findUniqueOrThrow({ where: { id: fixture.c.c3 }, select: { dispositionStatus: true } }))
        .dispositionStatus,
    ).toBe("not_accepted");
    await expectDashboardAgrees();
  });

  it("a selection decided at once, new and earlier decisions together; the same again changes nothing", async () => {
    const input = {
      intent: "dispose-selected" as const,
      commentIds: [fixture.c.c1, fixture.c.c4, fixture.c.c6],
      status: "accepted_in_part" as const,
      response: "Partly.",
    };
    expect(await decideDispositions({ actor: secretariat, slug: fixture.slug, input })).toEqual({
      decided: 3,
      changed: 3,
    });
    expect(await mismatches()).toEqual([]);
    expect(await decideDispositions({ actor: secretariat, slug: fixture.slug, input })).toEqual({
      decided: 3,
      changed: 0,
    });
    // Only the response changes: the status (and its copy) stay.
    await decideDispositions({
      actor: secretariat,
      slug: fixture.slug,
      input: { ...input, response: "Partly, see 2.2." },
    });
    expect(await mismatches()).toEqual([]);
    await expectDashboardAgrees();
  });

  it("a whole near-duplicate group decided in one action, and the group's decided count", async () => {
    const letter =
      "Please refer to the Budapest Convention and to regional instruments on cybercrime in this guideline.";
    const ids: string[] = [];
    for (const [index, organizationId] of [fixture.org.x, fixture.org.y, fixture.org.telecom].entries()) {
      const created = await prisma.comment.create({
        data: {
          consultationId: fixture.version.consultationId,
          versionId: fixture.version.id,
          paragraphId: fixture.paragraph["3-1"],
          organizationId,
          type: "general",
          status: "submitted",
          ...renderBody(letter),
          submittedAt: new Date(Date.UTC(2026, 2, 6, 8, index)),
        },
        select: { id: true },
      });
      ids.push(created.id);
    }
    await regroupDuplicates({ actor: secretariat, slug: fixture.slug });
    const before = await dashboard();
    expect(before.groups).toEqual([expect.objectContaining({ id: ids[0], size: 3, inView: 3, decided: 0 })]);

    expect(
      await applyFeedbackAction({
        actor: secretariat,
        slug: fixture.slug,
        action: { intent: "dispose-group", groupId: ids[0], status: "noted", response: "Covered by 3.1." },
      }),
    ).toEqual({ notice: "decided", count: 3 });
    expect(await mismatches()).toEqual([]);
    const after = await dashboard();
    expect(after.groups).toEqual([expect.objectContaining({ id: ids[0], size: 3, inView: 3, decided: 3 })]);
    expect((await dashboard({ group: ids[0], status: "noted" })).totals.comments).toBe(3);
    expect((await dashboard({ group: ids[0], status: "undecided" })).totals.comments).toBe(0);
    await expectDashboardAgrees();
  });

  it("a disposition cleared (deleted), one by one or many at once", async () => {
    await prisma.disposition.delete({ where: { commentId: fixture.c.c3 } });
    expect(
      (await prisma.comment.findUniqueOrThrow({ where: { id: fixture.c.c3 }, select: { dispositionStatus: true } }))
        .dispositionStatus,
    ).toBeNull();
    await prisma.disposition.deleteMany({ where: { commentId: { in: [fixture.c.c4, fixture.c.c6] } } });
    expect(await mismatches()).toEqual([]);
    await expectDashboardAgrees();
  });

  it("written by createMany, updateMany, a status change, a move to another comment, and raw SQL", async () => {
    await prisma.disposition.createMany({
      data: [
        { commentId: fixture.c.c3, status: "accepted", response: "" },
        { commentId: fixture.c.c4, status: "accepted", response: "" },
      ],
    });
    expect(await mismatches()).toEqual([]);
    await prisma.disposition.updateMany({
      where: { commentId: { in: [fixture.c.c3, fixture.c.c4] } },
      data: { status: "not_accepted" },
    });
    expect(await mismatches()).toEqual([]);
    await prisma.disposition.update({ where: { commentId: fixture.c.c3 }, data: { status: "noted" } });
    expect(await mismatches()).toEqual([]);
    // Moved from c4 to c6: c4 is undecided again, c6 has c4's decision.
    await prisma.disposition.update({ where: { commentId: fixture.c.c4 }, data: { commentId: fixture.c.c6 } });
    expect(await mismatches()).toEqual([]);
    expect(
      (await prisma.comment.findUniqueOrThrow({ where: { id: fixture.c.c4 }, select: { dispositionStatus: true } }))
        .dispositionStatus,
    ).toBeNull();
    await prisma.$executeRaw`
      INSERT INTO "Disposition" ("id", "commentId", "status", "response", "updatedAt")
      VALUES (${"raw-disposition"}, ${fixture.c.c5}, ${"accepted"}, ${""}, ${new Date()})`;
    expect(await mismatches()).toEqual([]);
    await expectDashboardAgrees();
  });

  it("a decided comment deleted (its disposition goes by cascade)", async () => {
    await prisma.comment.delete({ where: { id: fixture.c.c5 } });
    expect(await prisma.disposition.count({ where: { commentId: fixture.c.c5 } })).toBe(0);
    expect(await mismatches()).toEqual([]);
    await expectDashboardAgrees();
  });
});

/**
 * The counts in a fixed order (GROUP BY promises none; PostgreSQL's hash
 * aggregates differ from SQLite's sorted ones).
 */
const sorted = (counts: Awaited<ReturnType<typeof countFeedback>>) => ({
  byParagraph: [...counts.byParagraph].sort((a, b) => String(a.paragraphId).localeCompare(String(b.paragraphId))),
  byOrganization: [...counts.byOrganization].sort((a, b) =>
    `${a.organizationId}|${a.origin}|${a.type}`.localeCompare(`${b.organizationId}|${b.origin}|${b.type}`),
  ),
  byDay: [...counts.byDay].sort((a, b) => a.day.localeCompare(b.day)),
  groupCandidates: counts.groupCandidates,
});

describe("the dashboard's two ways of counting agree", () => {
  it.each<[string, FeedbackFilters]>([
    ["no filter", {}],
    ["section 2", { section: "2" }],
    ["member states, technical", { kind: "member_state", type: "technical" }],
    ["other", { kind: "other" }],
    ["source", { kind: "source" }],
    ["undecided", { status: "undecided" }],
    ["noted", { status: "noted" }],
    ["text", { q: "regional" }],
    ["text in a section, decided", { q: "the", section: "2", status: "decided" }],
    ["a word found nowhere", { q: "zzzz" }],
  ])("%s", async (_name, filters) => {
    const scope = await loadFeedbackScope({ slug: fixture.slug, versionNumber: 1 });
    const fromIndexes = await countFeedback(scope, filters, { oneScan: false });
    const fromOneScan = await countFeedback(scope, filters, { oneScan: true });
    expect(sorted(fromOneScan)).toEqual(sorted(fromIndexes));
  });

  it("counts the near-duplicate groups' other comments the same way", async () => {
    const scope = await loadFeedbackScope({ slug: fixture.slug, versionNumber: 1 });
    const fromIndexes = await countFeedback(scope, {}, { oneScan: false });
    expect(fromIndexes.groupCandidates).toEqual([{ groupId: expect.any(String), count: 2 }]);
    expect(await countFeedback(scope, {}, { oneScan: true })).toMatchObject({
      groupCandidates: fromIndexes.groupCandidates,
    });
    // A group's view is read once through the group index; the same counts as from the dashboard indexes.
    const [{ groupId }] = fromIndexes.groupCandidates;
    for (const filters of [
      { group: groupId },
      { group: groupId, q: "budapest" },
      { group: groupId, status: "noted" as const },
    ]) {
      expect(sorted(await countFeedback(scope, filters))).toEqual(
        sorted(await countFeedback(scope, filters, { oneScan: false })),
      );
    }
    expect((await countFeedback(scope, { group: groupId })).byParagraph).toEqual([
      { paragraphId: fixture.paragraph["3-1"], count: 3 },
    ]);
  });
});
