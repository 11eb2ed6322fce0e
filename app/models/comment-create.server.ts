/**
 * Creating a comment (the reader's form, the way every comment of deadline
 * day takes): checked against the actor's permissions and the comment
 * period, and, when a focal point submits at once, submitted in the same
 * transaction (submission.server.ts writeSubmission). Kept apart from the
 * other writes (comment.server.ts, which re-exports it) because it is the
 * hot path: see docs/benchmarks.md, HTTP section.
 */
import type { Prisma } from "~/generated/prisma/client";
import { commentLanguageOf, ORIGINAL_LANGUAGE } from "~/lib/editions";
import { DomainError } from "~/lib/errors";
import { can, type Actor } from "~/lib/permissions";
import { anchorQuote } from "~/lib/quote-anchor";
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import { assertCommentingOpen } from "~/models/comment-period";
import type { CommentFormInput } from "~/models/comment-schema";
import { commentEdition } from "~/models/edition.server";
import { writeSubmission } from "~/models/submission.server";
import { recordAuditEventsIn } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { isUniqueViolation, prisma, rawDate } from "~/utils/db.server";

/** Validates and renders a comment body from the editor's JSON or the plain-text fallback. */
export function prepareBody(input: { body?: string; bodyText?: string }) {
  const parsed = input.body ? parseRichText(input.body) : parseRichText(plainTextToRichText(input.bodyText ?? ""));
  if (!parsed.ok) throw new DomainError(parsed.status, parsed.error.key, { values: parsed.error.values });
  return {
    body: JSON.stringify(parsed.doc),
    bodyHtml: renderRichText(parsed.doc),
    bodyText: richTextToPlainText(parsed.doc),
  };
}

/** Locates the quoted phrase in the paragraph and keeps its surroundings. */
function quoteFields(paragraphText: string, input: Pick<CommentFormInput, "quote" | "quoteStart">) {
  if (!input.quote) return {};
  const anchored = anchorQuote(paragraphText, input.quote, input.quoteStart);
  if (!anchored) throw new DomainError(400, "comments.errors.quoteNotFound");
  return anchored;
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
  if (!version) throw new DomainError(404, "reader.errors.noSuchVersion");
  assertCommentingOpen(version, now);
  throw new DomainError(404, "reader.errors.noSuchParagraph");
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
  uiLanguage,
}: {
  actor: Actor | null;
  slug: string;
  versionNumber: number;
  input: CommentFormInput;
  now?: Date;
  clientAddress?: string;
  /** The author's UI language: the comment's language unless the form says otherwise. */
  uiLanguage?: string;
}) {
  await authorize({
    actor,
    permission: "create:comment:own",
    audit: { ip: clientAddress, action: "comment.create", entity: "comment" },
  });
  // authorize returned: there is an actor. A comment is always on behalf of an organization.
  const author = actor!;
  const organization = author.organization;
  if (!organization) throw new DomainError(403, "comments.errors.noOrganization");
  const { version, paragraph } = await findVersionAndParagraph({
    slug,
    versionNumber,
    paragraphKey: input.paragraphKey,
    now,
  });

  const body = prepareBody(input);
  // On an edition, a selected phrase is in the translated text (the original's where it has none).
  const edition = input.edition
    ? await commentEdition({ versionId: version.id, language: input.edition, paragraphId: paragraph.id })
    : null;
  const quote = quoteFields(edition?.text ?? paragraph.text, input);
  const language = input.language ?? commentLanguageOf(uiLanguage) ?? ORIGINAL_LANGUAGE;
  // "Submit now" goes through the one submission code (writeSubmission: tracking number, receipt) once the draft
  // exists, in the same transaction: the comment is acknowledged submitted, or not stored at all.
  const submit = Boolean(input.submit) && can(author, "submit:comment:organization");
  const status = "draft";
  const idempotencyKey = `${author.id}:${input.idempotencyKey}`;
  const audit = { actorId: author.id, entity: "comment", outcome: "ok" as const, ip: clientAddress ?? null };

  try {
    const { comment, reference, logAudit } = await prisma.$transaction(
      async (tx) => {
        const comment = await tx.comment.create({
          data: {
            consultationId: version.consultationId,
            versionId: version.id,
            paragraphId: paragraph.id,
            authorId: author.id,
            organizationId: organization.id,
            type: input.type,
            status,
            ...body,
            proposedText: input.proposedText ?? null,
            ...quote,
            idempotencyKey,
            language,
            editionId: edition?.editionId ?? null,
          },
          select: { id: true, status: true },
        });
        // Not a nested create: Prisma would read the comment back after it, a third statement.
        await tx.commentRevision.createMany({
          data: {
            commentId: comment.id,
            revision: 1,
            event: "created",
            type: input.type,
            body: body.body,
            bodyHtml: body.bodyHtml,
            proposedText: input.proposedText ?? null,
            status,
            editedById: author.id,
          },
        });
        const created = { ...audit, action: "comment.create", entityId: comment.id };
        const details = { paragraphKey: input.paragraphKey, versionNumber };
        if (!submit) {
          return { comment, reference: null, logAudit: await recordAuditEventsIn(tx, [{ ...created, details }]) };
        }
        // One statement allocates both numbers; its row lock serializes submissions to the consultation
        // (as in submitDrafts). The period, the organization and the permission were checked above.
        const consultation = await tx.consultation.update({
          where: { id: version.consultationId },
          data: { receiptSequence: { increment: 1 }, commentSequence: { increment: 1 } },
          select: { id: true, slug: true, title: true, timeZone: true, receiptSequence: true, commentSequence: true },
        });
        const { reference } = await writeSubmission(tx, {
          consultation,
          organizationId: organization.id,
          focalPointId: author.id,
          drafts: [
            {
              id: comment.id,
              authorId: author.id,
              type: input.type,
              ...body,
              proposedText: input.proposedText ?? null,
              revisions: 1,
            },
          ],
          receiptSequence: consultation.receiptSequence,
          commentSequence: consultation.commentSequence,
          now,
        });
        const logAudit = await recordAuditEventsIn(tx, [
          { ...created, details },
          { ...audit, action: "comment.submit", entityId: comment.id, details: { reference } },
        ]);
        return { comment, reference, logAudit };
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
    logAudit();
    if (reference) return { id: comment.id, status: "submitted", reference, duplicate: false };
    return { ...comment, duplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await prisma.comment.findUnique({ where: { idempotencyKey }, select: { id: true, status: true } });
    if (!existing) throw error;
    return { ...existing, duplicate: true };
  }
}
