import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import type { Actor } from "~/lib/permissions";
import { commentingState } from "~/models/comment-period";
import { commentCountsByParagraph, listCommentRevisions, listParagraphComments } from "~/models/comment-read.server";
import { CommentFormSchema } from "~/models/comment-schema";
import { createComment, submitComment, updateComment, withdrawComment } from "~/models/comment.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { GCA_SLUG, seed } from "../../prisma/seed";

let delegate: Actor;
let focalPoint: Actor;
let secretariat: Actor;
let observer: Actor;
let otherDelegate: Actor;
let closesAt: Date;
const NOW = new Date();

async function actor(email: string): Promise<Actor> {
  const row = await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect });
  return toSessionUser(row);
}

let keyCounter = 0;
function form(fields: Record<string, string>) {
  return CommentFormSchema.parse({
    paragraphKey: "2-9-a",
    type: "technical",
    bodyText: "Please mention regional organizations.",
    idempotencyKey: `test-key-${++keyCounter}-${Date.now()}`,
    ...fields,
  });
}

async function expectDomainError(
  promise: Promise<unknown>,
  status: number,
  message?: { key: string; values?: Record<string, unknown> },
) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
  if (message) expect((error as DomainError).userMessage).toMatchObject(message);
}

async function gcaVersion(number: number) {
  return prisma.version.findFirstOrThrow({
    where: { number, consultation: { slug: GCA_SLUG } },
    select: {
      id: true,
      commentsCloseAt: true,
      consultation: { select: { id: true, commentsVisibility: true, commentsPublishedAt: true } },
    },
  });
}

beforeAll(async () => {
  await seed({ now: NOW, quiet: true });
  const other = await upsertOrganization({ name: "Delegation of Member State C", kind: "member_state" });
  await createUser({
    email: "other.delegate@demo.test",
    name: "Other",
    password: "irrelevant-password",
    role: "delegate",
    organizationId: other.id,
  });
  [delegate, focalPoint, secretariat, observer, otherDelegate] = await Promise.all(
    [
      "delegate@demo.test",
      "focal.point@demo.test",
      "secretariat@demo.test",
      "observer@demo.test",
      "other.delegate@demo.test",
    ].map(actor),
  );
  closesAt = (await gcaVersion(1)).commentsCloseAt!;
}, 60_000);

describe("the two-tier comment flow on paragraph 2.9 a.", () => {
  it("a delegate drafts, the focal point submits, the secretariat sees it", async () => {
    const created = await createComment({
      actor: delegate,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: form({
        proposedText: "ITU should continue its efforts, together with regional organizations, to facilitate",
      }),
    });
    expect(created).toMatchObject({ status: "draft", duplicate: false });

    const version = await gcaVersion(1);
    const paragraph = await prisma.paragraph.findUniqueOrThrow({
      where: { versionId_key: { versionId: version.id, key: "2-9-a" } },
      select: { id: true },
    });
    // A draft is internal to the delegation: the secretariat does not see it yet.
    const before = await listParagraphComments({ actor: secretariat, version, paragraphId: paragraph.id });
    expect(before.map((c) => c.id)).not.toContain(created.id);

    await submitComment({ actor: focalPoint, commentId: created.id });
    const seen = await listParagraphComments({ actor: secretariat, version, paragraphId: paragraph.id });
    const comment = seen.find((c) => c.id === created.id);
    expect(comment).toMatchObject({
      status: "submitted",
      type: "technical",
      organization: { name: "Delegation of Member State A" },
    });
    expect(comment?.proposedText).toContain("regional organizations");

    const revisions = await listCommentRevisions({ actor: delegate, commentId: created.id });
    expect(revisions.map((r) => r.event)).toEqual(["created", "submitted"]);
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: created.id },
      select: { action: true, outcome: true },
    });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "comment.create", outcome: "ok" },
        { action: "comment.submit", outcome: "ok" },
      ]),
    );
  });

  it("refuses an observer with 403 and records the attempt (threats: observer posts a comment)", async () => {
    const before = await prisma.comment.count();
    await expectDomainError(createComment({ actor: observer, slug: GCA_SLUG, versionNumber: 1, input: form({}) }), 403);
    await expectDomainError(createComment({ actor: null, slug: GCA_SLUG, versionNumber: 1, input: form({}) }), 403);
    expect(await prisma.comment.count()).toBe(before);
    const denied = await prisma.auditEvent.findFirst({
      where: { action: "comment.create", outcome: "denied", actorId: observer.id },
    });
    expect(denied).not.toBeNull();
  });
});

describe("an account without an organization", () => {
  it("cannot comment even with a commenting role (403), and nothing is stored", async () => {
    await createUser({
      email: "lone.delegate@demo.test",
      name: "Lone",
      password: "irrelevant-password",
      role: "delegate",
      organizationId: null,
    });
    const lone = await actor("lone.delegate@demo.test");
    expect(lone.organization).toBeNull();
    const before = await prisma.comment.count();
    await expectDomainError(createComment({ actor: lone, slug: GCA_SLUG, versionNumber: 1, input: form({}) }), 403, {
      key: "comments.errors.noOrganization",
    });
    expect(await prisma.comment.count()).toBe(before);
  });
});

describe("what the panel offers (commentingState, the same rule as the writes)", () => {
  const version = (opens: Date, closes: Date, status = "open") => ({
    status,
    commentsOpenAt: opens,
    commentsCloseAt: closes,
    consultation: { timeZone: "Europe/Zurich" },
  });
  const open = version(new Date(NOW.getTime() - 1000), new Date(NOW.getTime() + 60_000));
  it("a form for who may comment, with the submit option for the focal point only", () => {
    expect(commentingState({ actor: focalPoint, version: open, now: NOW })).toEqual({
      kind: "allowed",
      canSubmit: true,
    });
    expect(commentingState({ actor: delegate, version: open, now: NOW })).toEqual({
      kind: "allowed",
      canSubmit: false,
    });
  });
  it("a sign-in link for the public, a refusal for an observer", () => {
    expect(commentingState({ actor: null, version: open, now: NOW })).toEqual({ kind: "signed-out" });
    expect(commentingState({ actor: observer, version: open, now: NOW })).toEqual({ kind: "not-allowed" });
  });
  it("why not, outside the period or on a version that is not open", () => {
    const upcoming = version(new Date(NOW.getTime() + 1000), new Date(NOW.getTime() + 60_000));
    expect(commentingState({ actor: focalPoint, version: upcoming, now: NOW })).toMatchObject({
      kind: "closed",
      message: { key: "comments.errors.opensOn", values: { timeZone: "Europe/Zurich" } },
    });
    const closed = version(new Date(NOW.getTime() - 60_000), NOW);
    expect(commentingState({ actor: focalPoint, version: closed, now: NOW })).toMatchObject({
      kind: "closed",
      message: { key: "comments.errors.closedOn" },
    });
    expect(commentingState({ actor: focalPoint, version: { ...open, status: "final" }, now: NOW })).toEqual({
      kind: "closed",
      message: { key: "comments.errors.notOpen" },
    });
  });
});

describe("the deadline holds on the server (threats: comment on a closed or unpublished version)", () => {
  it("refuses after the deadline with the deadline in the message, and writes nothing", async () => {
    const before = await prisma.comment.count();
    await expectDomainError(
      createComment({
        actor: focalPoint,
        slug: GCA_SLUG,
        versionNumber: 1,
        input: form({}),
        now: new Date(closesAt.getTime()),
      }),
      409,
      { key: "comments.errors.closedOn", values: { timeZone: "Europe/Zurich", date: expect.any(String) as string } },
    );
    expect(await prisma.comment.count()).toBe(before);
  });
  it("accepts a comment one second before the deadline", async () => {
    const created = await createComment({
      actor: focalPoint,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: form({}),
      now: new Date(closesAt.getTime() - 1000),
    });
    expect(created.status).toBe("draft");
  });
  it("refuses comments on the final text, which is not open", async () => {
    await expectDomainError(
      createComment({ actor: focalPoint, slug: GCA_SLUG, versionNumber: 2, input: form({ paragraphKey: "2-9-a" }) }),
      409,
      { key: "comments.errors.notOpen" },
    );
  });
  it("refuses edits and withdrawals after the deadline", async () => {
    const created = await createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input: form({}) });
    const late = new Date(closesAt.getTime() + 1);
    await expectDomainError(withdrawComment({ actor: delegate, commentId: created.id, now: late }), 409);
    await expectDomainError(
      updateComment({
        actor: delegate,
        input: { commentId: created.id, type: "editorial", bodyText: "late" },
        now: late,
      }),
      409,
    );
  });
});

describe("ownership (threats: delegate A edits or withdraws delegate B's comment by id)", () => {
  it("another delegation's delegate gets 404 and nothing changes", async () => {
    const created = await createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input: form({}) });
    await expectDomainError(withdrawComment({ actor: otherDelegate, commentId: created.id }), 404);
    await expectDomainError(
      updateComment({ actor: otherDelegate, input: { commentId: created.id, type: "editorial", bodyText: "hijack" } }),
      404,
    );
    await expectDomainError(submitComment({ actor: otherDelegate, commentId: created.id }), 404);
    const after = await prisma.comment.findUniqueOrThrow({
      where: { id: created.id },
      select: { status: true, bodyText: true },
    });
    expect(after).toEqual({ status: "draft", bodyText: "Please mention regional organizations." });
  });
  it("a delegate cannot submit for the organization (403), only the focal point can", async () => {
    const created = await createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input: form({}) });
    await expectDomainError(submitComment({ actor: delegate, commentId: created.id }), 403);
  });
  it("edits keep every revision; withdrawal keeps the comment", async () => {
    const created = await createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input: form({}) });
    await updateComment({
      actor: delegate,
      input: { commentId: created.id, type: "editorial", bodyText: "Second thoughts." },
    });
    await withdrawComment({ actor: delegate, commentId: created.id });
    const revisions = await listCommentRevisions({ actor: secretariat, commentId: created.id });
    expect(revisions.map((r) => [r.event, r.status, r.type])).toEqual([
      ["created", "draft", "technical"],
      ["edited", "draft", "editorial"],
      ["withdrawn", "withdrawn", "editorial"],
    ]);
    expect(revisions[0].bodyHtml).toBe("<p>Please mention regional organizations.</p>");
    await expect(listCommentRevisions({ actor: otherDelegate, commentId: created.id })).rejects.toThrow(DomainError);
  });
});

describe("mass assignment (threats: extra form fields)", () => {
  it("ignores role, authorId and organizationId sent with the form", async () => {
    const other = await prisma.organization.findUniqueOrThrow({
      where: { name: "Delegation of Member State C" },
      select: { id: true },
    });
    const input = form({
      role: "secretariat",
      authorId: otherDelegate.id,
      organizationId: other.id,
      status: "submitted",
    });
    expect(Object.keys(input)).not.toContain("organizationId");
    const created = await createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input });
    const stored = await prisma.comment.findUniqueOrThrow({
      where: { id: created.id },
      select: { authorId: true, organizationId: true, status: true },
    });
    expect(stored).toEqual({ authorId: delegate.id, organizationId: delegate.organization!.id, status: "draft" });
  });
});

describe("idempotency and concurrency", () => {
  it("the same submission twice (double click, client retry) is one comment", async () => {
    const input = form({});
    const before = await prisma.comment.count();
    const [first, second] = await Promise.all([
      createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input }),
      createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input }),
    ]);
    expect(first.id).toBe(second.id);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(await prisma.comment.count()).toBe(before + 1);
  });
  it("50 comments written in parallel on SQLite are all stored", async () => {
    const before = await prisma.comment.count();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        createComment({
          actor: i % 2 ? delegate : focalPoint,
          slug: GCA_SLUG,
          versionNumber: 1,
          input: form({ bodyText: `Parallel comment ${i}` }),
        }),
      ),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures).toEqual([]);
    expect(await prisma.comment.count()).toBe(before + 50);
    const stored = await prisma.comment.findMany({
      where: { bodyText: { startsWith: "Parallel comment " } },
      select: { bodyText: true },
    });
    expect(new Set(stored.map((c) => c.bodyText)).size).toBe(50);
  });
});

describe("rich text and quotes", () => {
  it("renders a <script> typed as text inert", async () => {
    const created = await createComment({
      actor: focalPoint,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: form({ bodyText: '<script>alert(1)</script><img src=x onerror="alert(2)">' }),
    });
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: created.id }, select: { bodyHtml: true } });
    expect(stored.bodyHtml).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;</p>');
  });
  it("rejects editor JSON with an unknown node type (iframe) with 400, storing nothing", async () => {
    const before = await prisma.comment.count();
    const body = JSON.stringify({ type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] });
    await expectDomainError(
      createComment({ actor: focalPoint, slug: GCA_SLUG, versionNumber: 1, input: form({ body }) }),
      400,
    );
    expect(await prisma.comment.count()).toBe(before);
  });
  it("rejects a javascript: link with 400", async () => {
    const body = JSON.stringify({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "JaVaScRiPt:alert(1)" } }] }],
        },
      ],
    });
    await expectDomainError(
      createComment({ actor: focalPoint, slug: GCA_SLUG, versionNumber: 1, input: form({ body }) }),
      400,
    );
  });
  it("stores a quoted phrase with its offsets and context, and refuses a phrase not in the paragraph", async () => {
    const quote = "multi-stakeholder discussions";
    const created = await createComment({
      actor: focalPoint,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: form({ quote, quoteStart: "0" }),
    });
    const stored = await prisma.comment.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        quote: true,
        quoteStart: true,
        quoteEnd: true,
        quotePrefix: true,
        paragraph: { select: { text: true } },
      },
    });
    expect(stored.paragraph!.text.slice(stored.quoteStart!, stored.quoteEnd!)).toBe(quote);
    expect(stored.quotePrefix).toBe(stored.paragraph!.text.slice(stored.quoteStart! - 40, stored.quoteStart!));
    await expectDomainError(
      createComment({
        actor: focalPoint,
        slug: GCA_SLUG,
        versionNumber: 1,
        input: form({ quote: "not in this paragraph at all" }),
      }),
      400,
    );
  });
});

describe("visibility", () => {
  it("the public sees no comment of an after-close consultation until published; members see their own", async () => {
    const version = await gcaVersion(1);
    const publicCounts = await commentCountsByParagraph({ actor: null, version });
    expect(publicCounts).toEqual({});
    const delegateCounts = await commentCountsByParagraph({ actor: delegate, version });
    expect(Object.values(delegateCounts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const published = { ...version, consultation: { ...version.consultation, commentsPublishedAt: new Date() } };
    const afterPublication = await commentCountsByParagraph({ actor: null, version: published });
    expect(Object.values(afterPublication).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
  it("the secretariat counts every submitted comment of the version, and no draft or withdrawn one", async () => {
    const version = await gcaVersion(1);
    const paragraph = await prisma.paragraph.findUniqueOrThrow({
      where: { versionId_key: { versionId: version.id, key: "3-1" } },
      select: { id: true },
    });
    const before = (await commentCountsByParagraph({ actor: secretariat, version }))[paragraph.id] ?? 0;
    // A draft:
    await createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input: form({ paragraphKey: "3-1" }) });
    await createComment({
      actor: focalPoint,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: form({ paragraphKey: "3-1", submit: "on" }),
    });
    const withdrawn = await createComment({
      actor: focalPoint,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: form({ paragraphKey: "3-1", submit: "on" }),
    });
    await withdrawComment({ actor: focalPoint, commentId: withdrawn.id, reason: "Sent twice." });

    const counts = await commentCountsByParagraph({ actor: secretariat, version });
    expect(counts[paragraph.id]).toBe(before + 1);
    const submitted = await prisma.comment.groupBy({
      by: ["paragraphId"],
      where: { versionId: version.id, status: "submitted" },
      _count: { _all: true },
    });
    expect(counts).toEqual(Object.fromEntries(submitted.map((row) => [row.paragraphId, row._count._all])));
  });
  it("the HLEG members' comments from the source are public on their proposals", async () => {
    const hleg = await prisma.version.findFirstOrThrow({
      where: { consultation: { slug: "hleg-2008" } },
      select: { id: true, consultation: { select: { id: true, commentsVisibility: true, commentsPublishedAt: true } } },
    });
    const counts = await commentCountsByParagraph({ actor: null, version: hleg });
    const paragraph = await prisma.paragraph.findUniqueOrThrow({
      where: { versionId_key: { versionId: hleg.id, key: "1-3" } },
      select: { id: true },
    });
    const comments = await listParagraphComments({ actor: null, version: hleg, paragraphId: paragraph.id });
    expect(counts[paragraph.id]).toBe(comments.length);
    expect(comments[0].sourceAttribution).toBe("HLEG members");
    expect(comments.map((c) => c.bodyHtml).join(" ")).toContain("With regard to the Council of Europe");
  });
});

describe("a comment submitted at once (the focal point's 'submit now')", () => {
  it("is stored submitted with its tracking number, both revisions and audit rows, one receipt email", async () => {
    const created = await createComment({
      actor: focalPoint,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: form({ submit: "on" }),
      clientAddress: "192.0.2.7",
    });
    expect(created).toMatchObject({ status: "submitted", duplicate: false });
    const stored = await prisma.comment.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        status: true,
        trackingNumber: true,
        submission: { select: { id: true, reference: true } },
        revisions: { select: { revision: true, event: true, status: true }, orderBy: { revision: "asc" } },
      },
    });
    expect(stored.status).toBe("submitted");
    expect(stored.trackingNumber).toMatch(/^GCA-GUIDELINES-\d{4,}$/);
    expect(stored.submission?.reference).toBe("reference" in created ? created.reference : null);
    expect(stored.revisions).toEqual([
      { revision: 1, event: "created", status: "draft" },
      { revision: 2, event: "submitted", status: "submitted" },
    ]);
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: created.id },
      select: { action: true, outcome: true, ip: true },
      orderBy: { action: "asc" },
    });
    expect(audit).toEqual([
      { action: "comment.create", outcome: "ok", ip: "192.0.2.7" },
      { action: "comment.submit", outcome: "ok", ip: "192.0.2.7" },
    ]);
    const mail = await prisma.outboxMessage.count({
      where: { dedupeKey: { startsWith: `receipt:${stored.submission!.id}:` } },
    });
    expect(mail).toBe(1);
  });

  it("is all or nothing: when the submission cannot be written, not even the draft is kept", async () => {
    // The receipt reference the next submission takes is already used, so the submission's insert fails.
    const consultation = await prisma.consultation.findUniqueOrThrow({
      where: { slug: GCA_SLUG },
      select: { id: true, receiptSequence: true },
    });
    const reference = `${GCA_SLUG.toUpperCase()}-R${String(consultation.receiptSequence + 1).padStart(4, "0")}`;
    const blocker = await prisma.submission.create({
      data: { consultationId: consultation.id, reference },
      select: { id: true },
    });
    const input = form({ submit: "on" });
    try {
      await expect(createComment({ actor: focalPoint, slug: GCA_SLUG, versionNumber: 1, input })).rejects.toThrow();
      const idempotencyKey = `${focalPoint.id}:${input.idempotencyKey}`;
      expect(await prisma.comment.findUnique({ where: { idempotencyKey }, select: { id: true } })).toBeNull();
      const after = await prisma.consultation.findUniqueOrThrow({
        where: { id: consultation.id },
        select: { receiptSequence: true },
      });
      expect(after.receiptSequence).toBe(consultation.receiptSequence);
    } finally {
      await prisma.submission.delete({ where: { id: blocker.id } });
    }
  });
});
