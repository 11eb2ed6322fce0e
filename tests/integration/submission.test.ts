import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import type { Actor } from "~/lib/permissions";
import { listParagraphComments } from "~/models/comment-read.server";
import { CommentFormSchema } from "~/models/comment-schema";
import { createComment, restoreComment, submitComment, updateComment, withdrawComment } from "~/models/comment.server";
import { getDelegationWorkspace, parseWorkspaceFilters } from "~/models/delegation.server";
import { getReceipt, submitDrafts } from "~/models/submission.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { GCA_SLUG, seed } from "../../prisma/seed";

const NOW = new Date();
let delegate: Actor;
let focalPoint: Actor;
let secretariat: Actor;
let observer: Actor;
let otherDelegate: Actor;
let otherFocal: Actor;
let closesAt: Date;

async function actor(email: string): Promise<Actor> {
  return toSessionUser(await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect }));
}

let keys = 0;
async function draft(by: Actor, paragraphKey = "2-9-a", text = "A draft.") {
  const input = CommentFormSchema.parse({
    paragraphKey,
    type: "general",
    bodyText: text,
    idempotencyKey: `submission-test-${++keys}-${Date.now()}`,
  });
  const created = await createComment({ actor: by, slug: GCA_SLUG, versionNumber: 1, input });
  return created.id;
}

async function refused(promise: Promise<unknown>, status: number) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
}

function state(id: string) {
  return prisma.comment.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      trackingNumber: true,
      submissionId: true,
      bodyText: true,
      withdrawalReason: true,
      withdrawnById: true,
      _count: { select: { revisions: true } },
    },
  });
}

beforeAll(async () => {
  await seed({ now: NOW, quiet: true });
  const other = await upsertOrganization({ name: "Delegation of Member State S", kind: "member_state" });
  await createUser({
    email: "s.delegate@demo.test",
    name: "S Delegate",
    password: "irrelevant-pw",
    role: "delegate",
    organizationId: other.id,
  });
  await createUser({
    email: "s.focal@demo.test",
    name: "S Focal",
    password: "irrelevant-pw",
    role: "focal_point",
    organizationId: other.id,
  });
  [delegate, focalPoint, secretariat, observer, otherDelegate, otherFocal] = await Promise.all(
    [
      "delegate@demo.test",
      "focal.point@demo.test",
      "secretariat@demo.test",
      "observer@demo.test",
      "s.delegate@demo.test",
      "s.focal@demo.test",
    ].map(actor),
  );
  const version = await prisma.version.findFirstOrThrow({
    where: { number: 1, consultation: { slug: GCA_SLUG } },
    select: { commentsCloseAt: true },
  });
  closesAt = version.commentsCloseAt!;
}, 60_000);

describe("submitting drafts", () => {
  it("numbers each comment and the receipt in one transaction, with a revision each", async () => {
    const ids = [await draft(delegate, "3-1"), await draft(delegate, "2-9-a")];
    const before = await prisma.consultation.findUniqueOrThrow({
      where: { slug: GCA_SLUG },
      select: { commentSequence: true, receiptSequence: true },
    });
    const result = await submitDrafts({ actor: focalPoint, slug: GCA_SLUG, commentIds: ids, now: NOW });
    expect(result).toMatchObject({ submitted: 2, duplicate: false });
    expect(result.reference).toBe(`GCA-GUIDELINES-R${String(before.receiptSequence + 1).padStart(4, "0")}`);
    const rows = await Promise.all(ids.map(state));
    const numbers = rows.map((row) => row.trackingNumber).sort();
    expect(numbers).toEqual([
      `GCA-GUIDELINES-${String(before.commentSequence + 1).padStart(4, "0")}`,
      `GCA-GUIDELINES-${String(before.commentSequence + 2).padStart(4, "0")}`,
    ]);
    // Document order: paragraph 2.9 a comes before 3.1.
    expect(rows[1].trackingNumber! < rows[0].trackingNumber!).toBe(true);
    for (const row of rows) expect(row).toMatchObject({ status: "submitted", _count: { revisions: 2 } });
    const submission = await prisma.submission.findUniqueOrThrow({
      where: { reference: result.reference },
      select: { submittedById: true, organizationId: true, _count: { select: { comments: true } } },
    });
    expect(submission).toEqual({
      submittedById: focalPoint.id,
      organizationId: focalPoint.organization!.id,
      _count: { comments: 2 },
    });
  });

  it("two submissions at the same moment get distinct receipt and tracking numbers", async () => {
    const mine = [await draft(delegate), await draft(delegate)];
    const theirs = [await draft(otherDelegate), await draft(otherDelegate)];
    const [a, b] = await Promise.all([
      submitDrafts({ actor: focalPoint, slug: GCA_SLUG, commentIds: mine, now: NOW }),
      submitDrafts({ actor: otherFocal, slug: GCA_SLUG, commentIds: theirs, now: NOW }),
    ]);
    expect(a.reference).not.toBe(b.reference);
    const numbers = (await Promise.all([...mine, ...theirs].map(state))).map((row) => row.trackingNumber);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers.every(Boolean)).toBe(true);
  });

  it("a double submit neither resubmits nor renumbers (also when both arrive at once)", async () => {
    const ids = [await draft(delegate), await draft(delegate)];
    const [first, second] = await Promise.all([
      submitDrafts({ actor: focalPoint, slug: GCA_SLUG, commentIds: ids, now: NOW }),
      submitDrafts({ actor: focalPoint, slug: GCA_SLUG, commentIds: ids, now: NOW }),
    ]);
    const winners = [first, second].filter((result) => !result.duplicate);
    expect(winners).toHaveLength(1);
    expect(first.reference).toBe(second.reference);
    const afterOnce = await Promise.all(ids.map(state));
    const sequence = await prisma.consultation.findUniqueOrThrow({
      where: { slug: GCA_SLUG },
      select: { commentSequence: true },
    });
    const third = await submitDrafts({ actor: focalPoint, slug: GCA_SLUG, commentIds: ids, now: NOW });
    expect(third).toMatchObject({ duplicate: true, submitted: 0, reference: first.reference });
    // The single submit from the panel goes through the same code.
    await submitComment({ actor: focalPoint, commentId: ids[0], now: NOW });
    expect(await Promise.all(ids.map(state))).toEqual(afterOnce);
    expect(afterOnce.every((row) => row._count.revisions === 2)).toBe(true);
    expect(
      (await prisma.consultation.findUniqueOrThrow({ where: { slug: GCA_SLUG }, select: { commentSequence: true } }))
        .commentSequence,
    ).toBe(sequence.commentSequence);
  });

  it("the single submit gives a tracking number and a receipt", async () => {
    const id = await draft(delegate);
    const result = await submitComment({ actor: focalPoint, commentId: id, now: NOW });
    expect(result.reference).toMatch(/^GCA-GUIDELINES-R\d{4}$/);
    expect((await state(id)).trackingNumber).toMatch(/^GCA-GUIDELINES-\d{4}$/);
  });

  it("refuses after the deadline (409) and changes nothing", async () => {
    const id = await draft(delegate);
    const late = new Date(closesAt.getTime() + 1);
    await refused(submitDrafts({ actor: focalPoint, slug: GCA_SLUG, commentIds: [id], now: late }), 409);
    expect(await state(id)).toMatchObject({ status: "draft", trackingNumber: null, submissionId: null });
  });

  it("refuses a delegate (403), another organization's drafts (404) and an empty selection (400)", async () => {
    const id = await draft(delegate);
    await refused(submitDrafts({ actor: delegate, slug: GCA_SLUG, commentIds: [id], now: NOW }), 403);
    await refused(submitDrafts({ actor: otherFocal, slug: GCA_SLUG, commentIds: [id], now: NOW }), 404);
    await refused(submitDrafts({ actor: focalPoint, slug: GCA_SLUG, commentIds: [], now: NOW }), 400);
    expect(await state(id)).toMatchObject({ status: "draft", trackingNumber: null });
  });
});

describe("once submitted (threats: delegate edits after submission)", () => {
  it("the delegate can no longer edit or withdraw it (403), nothing changes; the flags say so", async () => {
    const id = await draft(delegate);
    await submitComment({ actor: focalPoint, commentId: id, now: NOW });
    const before = await state(id);
    await refused(
      updateComment({ actor: delegate, input: { commentId: id, type: "editorial", bodyText: "x" }, now: NOW }),
      403,
    );
    await refused(withdrawComment({ actor: delegate, commentId: id, reason: "mine", now: NOW }), 403);
    expect(await state(id)).toEqual(before);
    const comment = await prisma.comment.findUniqueOrThrow({
      where: { id },
      select: { paragraphId: true, versionId: true },
    });
    const version = await prisma.version.findUniqueOrThrow({
      where: { id: comment.versionId },
      select: { id: true, consultation: { select: { id: true, commentsVisibility: true, commentsPublishedAt: true } } },
    });
    const [seen] = (
      await listParagraphComments({ actor: delegate, version, paragraphId: comment.paragraphId! })
    ).filter((row) => row.id === id);
    expect(seen).toMatchObject({ canEdit: false, canWithdraw: false, canRestore: false });
    const [asFocal] = (
      await listParagraphComments({ actor: focalPoint, version, paragraphId: comment.paragraphId! })
    ).filter((row) => row.id === id);
    expect(asFocal).toMatchObject({ canEdit: true, canWithdraw: true });
  });

  it("the focal point withdraws it only with a reason, which stays visible; undo restores its number", async () => {
    const id = await draft(delegate);
    await submitComment({ actor: focalPoint, commentId: id, now: NOW });
    const { trackingNumber } = await state(id);
    await refused(withdrawComment({ actor: focalPoint, commentId: id, reason: "  ", now: NOW }), 400);
    await refused(withdrawComment({ actor: focalPoint, commentId: id, reason: "x".repeat(1001), now: NOW }), 400);
    expect((await state(id)).status).toBe("submitted");
    await withdrawComment({ actor: focalPoint, commentId: id, reason: "Superseded by our later comment.", now: NOW });
    expect(await state(id)).toMatchObject({
      status: "withdrawn",
      withdrawalReason: "Superseded by our later comment.",
      withdrawnById: focalPoint.id,
      trackingNumber,
    });
    await refused(restoreComment({ actor: delegate, commentId: id, now: NOW }), 403);
    await refused(restoreComment({ actor: focalPoint, commentId: id, now: new Date(closesAt.getTime() + 1) }), 409);
    expect(await restoreComment({ actor: focalPoint, commentId: id, now: NOW })).toEqual({ status: "submitted" });
    expect(await state(id)).toMatchObject({ status: "submitted", trackingNumber, withdrawalReason: null });
    const events = await prisma.commentRevision.findMany({
      where: { commentId: id },
      orderBy: { revision: "asc" },
      select: { event: true },
    });
    expect(events.map((row) => row.event)).toEqual(["created", "submitted", "withdrawn", "restored"]);
  });

  it("a withdrawn draft is restored to a draft, by its delegate", async () => {
    const id = await draft(delegate);
    await withdrawComment({ actor: delegate, commentId: id, now: NOW });
    await refused(restoreComment({ actor: otherDelegate, commentId: id, now: NOW }), 404);
    expect(await restoreComment({ actor: delegate, commentId: id, now: NOW })).toEqual({ status: "draft" });
    await refused(restoreComment({ actor: delegate, commentId: id, now: NOW }), 409);
  });
});

describe("receipts", () => {
  it("members of the organization and the secretariat read it; others get 404", async () => {
    const id = await draft(delegate, "2-9-a", "For the receipt.");
    const { reference } = await submitComment({ actor: focalPoint, commentId: id, now: NOW });
    const receipt = await getReceipt({ actor: delegate, slug: GCA_SLUG, reference });
    expect(receipt.comments.map((comment) => comment.bodyText)).toEqual(["For the receipt."]);
    expect(receipt.submittedBy?.name).toBeTruthy();
    await getReceipt({ actor: focalPoint, slug: GCA_SLUG, reference });
    await getReceipt({ actor: secretariat, slug: GCA_SLUG, reference });
    await refused(getReceipt({ actor: otherDelegate, slug: GCA_SLUG, reference }), 404);
    await refused(getReceipt({ actor: otherFocal, slug: GCA_SLUG, reference }), 404);
    await refused(getReceipt({ actor: observer, slug: GCA_SLUG, reference }), 404);
    await refused(getReceipt({ actor: null, slug: GCA_SLUG, reference }), 404);
    await refused(getReceipt({ actor: delegate, slug: "another-slug", reference }), 404);
  });
});

describe("the workspace", () => {
  it("lists the organization's comments by paragraph in document order, filtered; others are refused", async () => {
    await draft(delegate, "3-1", "Workspace later paragraph.");
    await draft(delegate, "2-9-a", "Workspace earlier paragraph.");
    const workspace = await getDelegationWorkspace({
      actor: delegate,
      slug: GCA_SLUG,
      filters: parseWorkspaceFilters(new URLSearchParams("status=draft")),
      now: NOW,
    });
    const keysInOrder = workspace.groups.map((group) => group.paragraphKey);
    expect(keysInOrder.indexOf("2-9-a")).toBeLessThan(keysInOrder.indexOf("3-1"));
    expect(workspace.groups.flatMap((group) => group.comments).every((comment) => comment.status === "draft")).toBe(
      true,
    );
    expect(workspace.canSubmitDrafts).toBe(false);
    const asFocal = await getDelegationWorkspace({
      actor: focalPoint,
      slug: GCA_SLUG,
      filters: parseWorkspaceFilters(new URLSearchParams()),
      now: NOW,
    });
    expect(asFocal.canSubmitDrafts).toBe(true);
    expect(asFocal.groups.flatMap((group) => group.comments).some((comment) => comment.status === "submitted")).toBe(
      true,
    );
    const none = parseWorkspaceFilters(new URLSearchParams());
    await refused(getDelegationWorkspace({ actor: observer, slug: GCA_SLUG, filters: none }), 403);
    await refused(getDelegationWorkspace({ actor: secretariat, slug: GCA_SLUG, filters: none }), 403);
    await refused(getDelegationWorkspace({ actor: null, slug: GCA_SLUG, filters: none }), 403);
  });
});
