import type { Prisma } from "~/generated/prisma/client";
import { formatInstant } from "~/lib/dates";
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import { recordAuditEvent } from "~/utils/audit.server";
import type { CommentEditInput, CommentFormInput } from "~/models/comment-schema";
import { DomainError } from "~/lib/errors";
import { prisma, rawDate } from "~/utils/db.server";
import { can } from "~/lib/permissions";

/** Who is acting: the signed-in user with the permissions of their role. */
export type Actor = {
  id: string;
  role: string;
  organization: { id: string; name: string } | null;
  permissions: readonly string[];
} | null;

/** Characters of context kept on each side of a quote, to find it again later. */
const QUOTE_CONTEXT_CHARS = 40;

function mayActOnComment(
  actor: Actor,
  action: "read" | "update" | "delete" | "submit",
  comment: { authorId: string | null; organizationId: string | null },
) {
  return actor !== null && can(actor, `${action}:comment:own`, comment);
}

async function deny(actor: Actor, action: string, entityId: string | null, ip?: string) {
  await recordAuditEvent({
    actorId: actor?.id ?? null,
    action,
    entity: "comment",
    entityId,
    outcome: "denied",
    ip: ip ?? null,
    details: {},
  });
}

type PeriodVersion = {
  status: string;
  commentsOpenAt: Date | null;
  commentsCloseAt: Date | null;
  consultation: { timeZone: string };
};

/** The deadline holds on the server: outside the period nothing is written. */
function assertCommentingOpen(version: PeriodVersion, now: Date) {
  const { commentsOpenAt: opens, commentsCloseAt: closes, consultation } = version;
  if (version.status !== "open" || !opens || !closes) {
    throw new DomainError(409, "This version is not open for comments.");
  }
  if (now < opens) {
    throw new DomainError(
      409,
      `The comment period opens on ${formatInstant(opens, consultation.timeZone)} (${consultation.timeZone}).`,
      {
        opensAt: opens.toISOString(),
      },
    );
  }
  if (now >= closes) {
    throw new DomainError(
      409,
      `The comment period closed on ${formatInstant(closes, consultation.timeZone)} (${consultation.timeZone}).`,
      {
        closesAt: closes.toISOString(),
      },
    );
  }
}

/** Validates and renders a comment body from the editor's JSON or the plain-text fallback. */
function prepareBody(input: { body?: string; bodyText?: string }) {
  const parsed = input.body ? parseRichText(input.body) : parseRichText(plainTextToRichText(input.bodyText ?? ""));
  if (!parsed.ok) throw new DomainError(parsed.status, parsed.error);
  return {
    body: JSON.stringify(parsed.doc),
    bodyHtml: renderRichText(parsed.doc),
    bodyText: richTextToPlainText(parsed.doc),
  };
}

/** Locates the quoted phrase in the paragraph and keeps its surroundings. */
function anchorQuote(paragraphText: string, input: Pick<CommentFormInput, "quote" | "quoteStart" | "quoteEnd">) {
  if (!input.quote) return {};
  let start = input.quoteStart;
  if (start === undefined || paragraphText.slice(start, start + input.quote.length) !== input.quote) {
    start = paragraphText.indexOf(input.quote);
  }
  if (start < 0) throw new DomainError(400, "The selected phrase is not in this paragraph.");
  const end = start + input.quote.length;
  return {
    quote: input.quote,
    quoteStart: start,
    quoteEnd: end,
    quotePrefix: paragraphText.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
    quoteSuffix: paragraphText.slice(end, end + QUOTE_CONTEXT_CHARS),
  };
}

function isUniqueViolation(error: unknown) {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

const periodSelect = {
  id: true,
  consultationId: true,
  status: true,
  commentsOpenAt: true,
  commentsCloseAt: true,
  consultation: { select: { timeZone: true } },
} satisfies Prisma.VersionSelect;

/**
 * The version (open for comments now) and the paragraph a new comment is on:
 * one SQL statement on the way every comment takes (portable SQL; Prisma's
 * nested select would be three statements and a query compilation, the
 * largest cost of a submission). When it finds nothing, the version and the
 * paragraph are looked up apart to say which is wrong, in the same order of
 * checks.
 */
async function findVersionAndParagraph({
  slug,
  versionNumber,
  paragraphKey,
  now,
}: {
  slug: string;
  versionNumber: number;
  paragraphKey: string;
  now: Date;
}) {
  const rows = await prisma.$queryRaw<
    Array<{
      paragraphId: string;
      text: string;
      versionId: string;
      consultationId: string;
      status: string;
      commentsOpenAt: Date | string | null;
      commentsCloseAt: Date | string | null;
      timeZone: string;
    }>
  >`
    SELECT p."id" AS "paragraphId", p."text" AS "text", v."id" AS "versionId", v."consultationId" AS "consultationId",
           v."status" AS "status", v."commentsOpenAt" AS "commentsOpenAt", v."commentsCloseAt" AS "commentsCloseAt",
           c."timeZone" AS "timeZone"
    FROM "Consultation" c
    JOIN "Version" v ON v."consultationId" = c."id" AND v."number" = ${versionNumber}
    JOIN "Paragraph" p ON p."versionId" = v."id" AND p."key" = ${paragraphKey}
    WHERE c."slug" = ${slug}`;
  const found = rows[0];
  if (found) {
    const version = {
      id: found.versionId,
      consultationId: found.consultationId,
      status: found.status,
      commentsOpenAt: rawDate(found.commentsOpenAt),
      commentsCloseAt: rawDate(found.commentsCloseAt),
      consultation: { timeZone: found.timeZone },
    };
    assertCommentingOpen(version, now);
    return { version, paragraph: { id: found.paragraphId, text: found.text } };
  }
  const version = await prisma.version.findFirst({
    where: { number: versionNumber, consultation: { slug } },
    select: periodSelect,
  });
  if (!version) throw new DomainError(404, "No such version.");
  assertCommentingOpen(version, now);
  throw new DomainError(404, "No such paragraph in this version.");
}

/**
 * Creates a comment on a paragraph of an open version, on behalf of the
 * actor's organization. Delegates create drafts; a focal point may submit at
 * once. The idempotency key (per user) makes a double click or a client
 * retry return the first comment instead of creating a second.
 */
export async function createComment({
  actor,
  slug,
  versionNumber,
  input,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor;
  slug: string;
  versionNumber: number;
  input: CommentFormInput;
  now?: Date;
  clientAddress?: string;
}) {
  if (!actor || !can(actor, "create:comment:own") || !actor.organization) {
    await deny(actor, "comment.create", null, clientAddress);
    throw new DomainError(403, "Your role cannot comment. Observers read and compare versions only.");
  }
  const { version, paragraph } = await findVersionAndParagraph({
    slug,
    versionNumber,
    paragraphKey: input.paragraphKey,
    now,
  });

  const body = prepareBody(input);
  const quote = anchorQuote(paragraph.text, input);
  const submit = Boolean(input.submit) && can(actor, "submit:comment:organization");
  const status = submit ? "submitted" : "draft";
  const idempotencyKey = `${actor.id}:${input.idempotencyKey}`;

  try {
    const comment = await prisma.comment.create({
      data: {
        consultationId: version.consultationId,
        versionId: version.id,
        paragraphId: paragraph.id,
        authorId: actor.id,
        organizationId: actor.organization.id,
        type: input.type,
        status,
        ...body,
        proposedText: input.proposedText ?? null,
        ...quote,
        idempotencyKey,
        submittedAt: submit ? now : null,
        submittedById: submit ? actor.id : null,
        revisions: {
          create: {
            revision: 1,
            event: submit ? "submitted" : "created",
            type: input.type,
            body: body.body,
            bodyHtml: body.bodyHtml,
            proposedText: input.proposedText ?? null,
            status,
            editedById: actor.id,
          },
        },
      },
      select: { id: true, status: true },
    });
    await recordAuditEvent({
      actorId: actor.id,
      action: submit ? "comment.submit" : "comment.create",
      entity: "comment",
      entityId: comment.id,
      outcome: "ok",
      ip: clientAddress ?? null,
      details: { paragraphKey: input.paragraphKey, versionNumber },
    });
    return { ...comment, duplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await prisma.comment.findUnique({ where: { idempotencyKey }, select: { id: true, status: true } });
    if (!existing) throw error;
    return { ...existing, duplicate: true };
  }
}

const commentForChange = {
  id: true,
  authorId: true,
  organizationId: true,
  status: true,
  type: true,
  body: true,
  bodyHtml: true,
  proposedText: true,
  version: {
    select: { status: true, commentsOpenAt: true, commentsCloseAt: true, consultation: { select: { timeZone: true } } },
  },
  _count: { select: { revisions: true } },
} satisfies Prisma.CommentSelect;

async function loadForChange(
  actor: Actor,
  commentId: string,
  action: "update" | "delete" | "submit",
  clientAddress?: string,
) {
  const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: commentForChange });
  // Someone else's comment and a missing one look the same from outside.
  if (!comment || !mayActOnComment(actor, "read", comment)) {
    await deny(actor, `comment.${action}`, commentId, clientAddress);
    throw new DomainError(404, "No such comment.");
  }
  if (!mayActOnComment(actor, action, comment)) {
    await deny(actor, `comment.${action}`, commentId, clientAddress);
    throw new DomainError(403, "You cannot change this comment.");
  }
  if (comment.status === "withdrawn") throw new DomainError(409, "This comment was withdrawn.");
  return comment;
}

async function writeRevision(input: {
  actor: NonNullable<Actor>;
  comment: Prisma.CommentGetPayload<{ select: typeof commentForChange }>;
  event: "edited" | "submitted" | "withdrawn";
  data: Prisma.CommentUpdateInput & {
    type?: string;
    body?: string;
    bodyHtml?: string;
    proposedText?: string | null;
    status?: string;
  };
  clientAddress?: string;
}) {
  const { actor, comment, event, data } = input;
  const next = {
    type: (data.type as string | undefined) ?? comment.type,
    body: (data.body as string | undefined) ?? comment.body,
    bodyHtml: (data.bodyHtml as string | undefined) ?? comment.bodyHtml,
    proposedText: data.proposedText === undefined ? comment.proposedText : (data.proposedText as string | null),
    status: (data.status as string | undefined) ?? comment.status,
  };
  await prisma.$transaction([
    prisma.comment.update({ where: { id: comment.id }, data, select: { id: true } }),
    prisma.commentRevision.create({
      data: { commentId: comment.id, revision: comment._count.revisions + 1, event, editedById: actor.id, ...next },
      select: { id: true },
    }),
  ]);
  await recordAuditEvent({
    actorId: actor.id,
    action: `comment.${event === "edited" ? "edit" : event === "submitted" ? "submit" : "withdraw"}`,
    entity: "comment",
    entityId: comment.id,
    outcome: "ok",
    ip: input.clientAddress ?? null,
    details: {},
  });
}

/** Edits a comment before the deadline; the previous text stays in its history. */
export async function updateComment({
  actor,
  input,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor;
  input: CommentEditInput;
  now?: Date;
  clientAddress?: string;
}) {
  const comment = await loadForChange(actor, input.commentId, "update", clientAddress);
  assertCommentingOpen(comment.version, now);
  const body = prepareBody(input);
  await writeRevision({
    actor: actor!,
    comment,
    event: "edited",
    data: { type: input.type, ...body, proposedText: input.proposedText ?? null },
    clientAddress,
  });
}

/** The focal point submits a draft as the organization's official comment. */
export async function submitComment({
  actor,
  commentId,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor;
  commentId: string;
  now?: Date;
  clientAddress?: string;
}) {
  const comment = await loadForChange(actor, commentId, "submit", clientAddress);
  assertCommentingOpen(comment.version, now);
  if (comment.status === "submitted") return;
  await writeRevision({
    actor: actor!,
    comment,
    event: "submitted",
    data: { status: "submitted", submittedAt: now, submittedBy: { connect: { id: actor!.id } } },
    clientAddress,
  });
}

/** Withdraws a comment before the deadline. Nothing is deleted. */
export async function withdrawComment({
  actor,
  commentId,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor;
  commentId: string;
  now?: Date;
  clientAddress?: string;
}) {
  const comment = await loadForChange(actor, commentId, "delete", clientAddress);
  assertCommentingOpen(comment.version, now);
  await writeRevision({
    actor: actor!,
    comment,
    event: "withdrawn",
    data: { status: "withdrawn", withdrawnAt: now },
    clientAddress,
  });
}

/**
 * Which comments the actor may see on a consultation: the secretariat sees
 * every submitted comment; members of an organization also see their
 * organization's drafts; everyone sees submitted comments once they are
 * public (during the period if the consultation says so, or once published).
 */
export function visibleCommentsWhere(
  actor: Actor,
  consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null },
): Prisma.CommentWhereInput {
  const base: Prisma.CommentWhereInput = { consultationId: consultation.id };
  if (can(actor, "read:comment:any")) return { ...base, status: { in: ["submitted", "withdrawn"] } };
  const isPublic = consultation.commentsVisibility === "during" || consultation.commentsPublishedAt !== null;
  const own: Prisma.CommentWhereInput[] = [];
  if (actor?.organization && can(actor, "read:comment:organization"))
    own.push({ organizationId: actor.organization.id });
  if (actor) own.push({ authorId: actor.id });
  const open: Prisma.CommentWhereInput[] = isPublic ? [{ status: "submitted" }] : [];
  const any = [...own, ...open];
  if (any.length === 0) return { id: "__none__" };
  return { ...base, OR: any };
}

/** Visible, not withdrawn, comment counts per paragraph of a version, in one query. */
export async function commentCountsByParagraph({
  actor,
  version,
}: {
  actor: Actor;
  version: { id: string; consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null } };
}) {
  // Whoever reads every comment counts the version's submitted ones: the
  // same rows as the general form, in a shape the (versionId, status,
  // paragraphId, …) index answers alone, already grouped, without reading
  // a row of the table.
  const where: Prisma.CommentWhereInput = can(actor, "read:comment:any")
    ? { versionId: version.id, status: "submitted" }
    : {
        AND: [
          visibleCommentsWhere(actor, version.consultation),
          { versionId: version.id, status: { not: "withdrawn" } },
        ],
      };
  const rows = await prisma.comment.groupBy({ by: ["paragraphId"], where, _count: { _all: true } });
  const counts: Record<string, number> = {};
  for (const row of rows) if (row.paragraphId) counts[row.paragraphId] = row._count._all;
  return counts;
}

/** The comments on one paragraph that the actor may see, with what the actor may do to each. */
export async function listParagraphComments({
  actor,
  version,
  paragraphId,
}: {
  actor: Actor;
  version: { id: string; consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null } };
  paragraphId: string;
}) {
  const comments = await prisma.comment.findMany({
    where: { AND: [visibleCommentsWhere(actor, version.consultation), { versionId: version.id, paragraphId }] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      type: true,
      status: true,
      body: true,
      bodyHtml: true,
      proposedText: true,
      quote: true,
      origin: true,
      sourceAttribution: true,
      createdAt: true,
      submittedAt: true,
      authorId: true,
      organizationId: true,
      author: { select: { name: true } },
      organization: { select: { name: true, kind: true } },
      _count: { select: { revisions: true } },
    },
  });
  return comments.map(({ authorId, organizationId, ...comment }) => {
    const target = { authorId, organizationId };
    const live = comment.status !== "withdrawn" && comment.origin === "platform";
    return {
      ...comment,
      mine: actor?.id === authorId,
      canEdit: live && mayActOnComment(actor, "update", target),
      canWithdraw: live && mayActOnComment(actor, "delete", target),
      canSubmit: live && comment.status === "draft" && mayActOnComment(actor, "submit", target),
      canSeeHistory: mayActOnComment(actor, "update", target) || can(actor, "read:comment:any"),
    };
  });
}

/** Every revision of a comment, for its author, their organization and the secretariat. */
export async function listCommentRevisions({ actor, commentId }: { actor: Actor; commentId: string }) {
  const comment = await prisma.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, organizationId: true },
  });
  if (!comment || !(mayActOnComment(actor, "update", comment) || can(actor, "read:comment:any"))) {
    throw new DomainError(404, "No such comment.");
  }
  return prisma.commentRevision.findMany({
    where: { commentId },
    orderBy: { revision: "asc" },
    select: {
      revision: true,
      event: true,
      type: true,
      bodyHtml: true,
      proposedText: true,
      status: true,
      createdAt: true,
      editedBy: { select: { name: true } },
    },
  });
}

/**
 * Stores comments that a source document itself records (the HLEG report's
 * "One member wished to delete this proposal."), as submitted comments
 * attributed to the source, not to any account.
 */
export async function recordSourceComments({
  versionNumber,
  slug,
  attribution,
  comments,
  submittedAt,
}: {
  slug: string;
  versionNumber: number;
  attribution: string;
  comments: Array<{ paragraphKey: string; text: string }>;
  submittedAt: Date;
}) {
  const version = await prisma.version.findFirstOrThrow({
    where: { number: versionNumber, consultation: { slug } },
    select: { id: true, consultationId: true, paragraphs: { select: { id: true, key: true } } },
  });
  const paragraphIds = new Map(version.paragraphs.map((paragraph) => [paragraph.key, paragraph.id]));
  const rows = comments.map((comment) => {
    const paragraphId = paragraphIds.get(comment.paragraphKey);
    if (!paragraphId) throw new Error(`No paragraph "${comment.paragraphKey}" in version ${versionNumber}`);
    const parsed = parseRichText(plainTextToRichText(comment.text));
    if (!parsed.ok) throw new Error(`Source comment on ${comment.paragraphKey}: ${parsed.error}`);
    return {
      consultationId: version.consultationId,
      versionId: version.id,
      paragraphId,
      type: "general",
      status: "submitted",
      body: JSON.stringify(parsed.doc),
      bodyHtml: renderRichText(parsed.doc),
      bodyText: richTextToPlainText(parsed.doc),
      origin: "source",
      sourceAttribution: attribution,
      submittedAt,
      createdAt: submittedAt,
    };
  });
  await prisma.comment.createMany({ data: rows });
  return rows.length;
}
