/**
 * Submissions: the focal point makes drafts of the organization official in
 * one transaction. The submission gets a receipt reference ("GCA-R0007",
 * from Consultation.receiptSequence) and every comment a tracking number
 * ("GCA-0042", from Consultation.commentSequence), both allocated by an
 * atomic increment inside the transaction, so two submissions at once never
 * share a number. A comment that is already submitted is neither submitted
 * again nor renumbered. Receipts are read by members of the submitting
 * organization and the secretariat only.
 */
import type { Prisma } from "~/generated/prisma/client";
import { formatInstant } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { languageDirection } from "~/lib/language";
import { composeMail, MAIL_KINDS } from "~/lib/mail/compose";
import { can, type Actor } from "~/lib/permissions";
import { assertCommentingOpen } from "~/models/comment-period";
import { revisionCounts } from "~/models/comment-read.server";
import { mailLanguage, mailT } from "~/models/mail-language.server";
import { absoluteUrl } from "~/utils/app-url.server";
import { recordAuditEventsIn } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/outbox.server";

/** The most comments one submission takes (the workspace lists far fewer per organization). */
export const MAX_SUBMISSION_COMMENTS = 500;

/** "GCA-GUIDELINES-0042": the slug in capitals and a number of at least 4 digits. */
export function trackingNumber(slug: string, sequence: number) {
  return `${slug.toUpperCase()}-${String(sequence).padStart(4, "0")}`;
}

/** "GCA-GUIDELINES-R0007". */
export function receiptReference(slug: string, sequence: number) {
  return `${slug.toUpperCase()}-R${String(sequence).padStart(4, "0")}`;
}

const draftSelect = {
  id: true,
  status: true,
  organizationId: true,
  authorId: true,
  type: true,
  body: true,
  bodyHtml: true,
  proposedText: true,
  submissionId: true,
  submission: { select: { reference: true } },
  paragraph: { select: { order: true } },
  version: {
    select: { status: true, commentsOpenAt: true, commentsCloseAt: true, consultation: { select: { timeZone: true } } },
  },
} as const;

/** A draft as a submission writes it: its "submitted" revision repeats the body. */
export interface DraftToSubmit {
  id: string;
  authorId: string | null;
  type: string;
  body: string;
  bodyHtml: string;
  proposedText: string | null;
  /** How many revisions it has so far: the "submitted" one comes next. */
  revisions: number;
}

/** The receipt page, as a same-site path. */
export function receiptPath(slug: string, reference: string) {
  return `/consultations/${encodeURIComponent(slug)}/delegation/receipts/${encodeURIComponent(reference)}`;
}

/**
 * The receipt emails, queued with the submission's transaction client: one
 * to the focal point who submitted (every tracking number), one to each
 * other author whose drafts were submitted (the tracking numbers of theirs).
 * One message per submission and recipient.
 */
async function queueReceiptMail(
  tx: Prisma.TransactionClient,
  {
    submission,
    consultation,
    submittedById,
    organizationId,
    numbered,
    link,
  }: {
    submission: { id: string; reference: string; createdAt: Date };
    consultation: { title: string; timeZone: string };
    submittedById: string;
    organizationId: string;
    numbered: { authorId: string | null; trackingNumber: string }[];
    link: string;
  },
) {
  const authorIds = new Set(numbered.map((comment) => comment.authorId).filter((id): id is string => id !== null));
  const people = await tx.user.findMany({
    where: { id: { in: [submittedById, ...authorIds] } },
    select: { id: true, name: true, email: true, locale: true },
  });
  const submitter = people.find((person) => person.id === submittedById);
  const { name: organizationName } = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true },
  });
  for (const person of people) {
    // In the recipient's language (User.locale, else English).
    const language = mailLanguage(person.locale);
    const t = await mailT(language);
    const date = formatInstant(submission.createdAt, consultation.timeZone, language);
    const common = { organization: organizationName, consultation: consultation.title, date };
    const own = person.id === submittedById;
    const numbers = own
      ? numbered.map((comment) => comment.trackingNumber)
      : numbered.filter((comment) => comment.authorId === person.id).map((comment) => comment.trackingNumber);
    if (numbers.length === 0) continue;
    const mail = composeMail({
      lang: language,
      dir: languageDirection(language),
      subject: t("mail.receipt.subject", { reference: submission.reference, consultation: consultation.title }),
      greeting: t("mail.receipt.greeting", { name: person.name }),
      paragraphs: [
        own
          ? t("mail.receipt.submittedByYou", { ...common, count: numbers.length })
          : t("mail.receipt.submittedYours", { ...common, count: numbers.length, submitter: submitter?.name ?? "" }),
        t("mail.receipt.reference", { reference: submission.reference }),
        t("mail.receipt.trackingNumbers", { numbers: numbers.join(", ") }),
      ],
      action: { label: t("mail.receipt.action"), url: link, hint: t("mail.common.linkHint") },
      footer: [
        own ? t("mail.receipt.footerFocalPoint", { organization: organizationName }) : t("mail.receipt.footerDelegate"),
      ],
    });
    await queueEmail(tx, {
      kind: MAIL_KINDS.receipt,
      to: { address: person.email, name: person.name },
      ...mail,
      dedupeKey: `receipt:${submission.id}:${person.id}`,
    });
  }
}

/**
 * The writes of one submission, inside the caller's transaction, once its
 * numbers are allocated there (`receiptSequence` for the receipt;
 * `commentSequence` already advanced by `drafts.length`, so the drafts get
 * the numbers just below it, in their order): the Submission row, each draft
 * made official with its tracking number and a "submitted" revision, and the
 * receipt emails. Both ways of submitting share it: submitDrafts, and a new
 * comment submitted at once (createComment), which writes the comment and
 * its submission in one transaction.
 */
export async function writeSubmission(
  tx: Prisma.TransactionClient,
  {
    consultation,
    organizationId,
    focalPointId,
    drafts,
    receiptSequence,
    commentSequence,
    now,
    request,
  }: {
    consultation: { id: string; slug: string; title: string; timeZone: string };
    organizationId: string;
    focalPointId: string;
    drafts: DraftToSubmit[];
    receiptSequence: number;
    commentSequence: number;
    now: Date;
    request?: Request;
  },
) {
  const reference = receiptReference(consultation.slug, receiptSequence);
  const submission = await tx.submission.create({
    data: {
      consultationId: consultation.id,
      organizationId,
      submittedById: focalPointId,
      reference,
      createdAt: now,
    },
    select: { id: true },
  });
  const numbered: { authorId: string | null; trackingNumber: string }[] = [];
  let next = commentSequence - drafts.length;
  for (const comment of drafts) {
    next += 1;
    numbered.push({ authorId: comment.authorId, trackingNumber: trackingNumber(consultation.slug, next) });
    // Guarded by status: a comment submitted meanwhile is not renumbered.
    const changed = await tx.comment.updateMany({
      where: { id: comment.id, status: "draft" },
      data: {
        status: "submitted",
        submittedAt: now,
        submittedById: focalPointId,
        submissionId: submission.id,
        trackingNumber: trackingNumber(consultation.slug, next),
      },
    });
    if (changed.count !== 1) throw new DomainError(409, "workspace.errors.alreadySubmitted");
  }
  await tx.commentRevision.createMany({
    data: drafts.map((comment) => ({
      commentId: comment.id,
      revision: comment.revisions + 1,
      event: "submitted",
      type: comment.type,
      body: comment.body,
      bodyHtml: comment.bodyHtml,
      proposedText: comment.proposedText,
      status: "submitted",
      editedById: focalPointId,
    })),
  });
  await queueReceiptMail(tx, {
    submission: { id: submission.id, reference, createdAt: now },
    consultation,
    submittedById: focalPointId,
    organizationId,
    numbered,
    link: absoluteUrl(receiptPath(consultation.slug, reference), request),
  });
  return { reference };
}

/**
 * Submits the given drafts of the actor's organization as official comments,
 * in one transaction, and returns the receipt reference. Comments already
 * submitted (a double click, a second tab) are left as they are; when all
 * of them are, the answer is the receipt that made them official
 * (`duplicate: true`) and nothing is written. The receipt emails are queued
 * in the same transaction (queueReceiptMail).
 */
export async function submitDrafts({
  actor,
  slug,
  commentIds,
  now = new Date(),
  clientAddress,
  request,
}: {
  actor: Actor | null;
  slug: string;
  commentIds: string[];
  now?: Date;
  clientAddress?: string;
  /** Whose origin the emails' link uses when APP_URL is unset (app/utils/app-url.server.ts). */
  request?: Request;
}): Promise<{ reference: string; submitted: number; duplicate: boolean }> {
  const audit = { ip: clientAddress, action: "comment.submit", entity: "comment" };
  await authorize({ actor, permission: "submit:comment:organization", audit });
  const focalPoint = actor!;
  const organization = focalPoint.organization;
  if (!organization) throw new DomainError(403, "comments.errors.noOrganization");
  const ids = [...new Set(commentIds)];
  if (ids.length === 0) throw new DomainError(400, "workspace.errors.nothingSelected");
  if (ids.length > MAX_SUBMISSION_COMMENTS) throw new DomainError(413, "workspace.errors.tooMany");

  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, timeZone: true },
  });
  if (!consultation) throw new DomainError(404, "errors.notFound");
  const comments = await prisma.comment.findMany({
    where: { id: { in: ids }, consultationId: consultation.id },
    select: draftSelect,
  });
  // Another organization's comment and a missing one look the same.
  const own = comments.filter((comment) => comment.organizationId === organization.id);
  if (own.length !== ids.length) throw new DomainError(404, "errors.notFound");
  for (const comment of own) assertCommentingOpen(comment.version, now);
  if (own.some((comment) => comment.status === "withdrawn")) throw new DomainError(409, "comments.errors.withdrawn");
  const drafts = own.filter((comment) => comment.status === "draft");
  if (drafts.length === 0) {
    const reference = own[0]?.submission?.reference;
    if (!reference) throw new DomainError(409, "workspace.errors.alreadySubmitted");
    return { reference, submitted: 0, duplicate: true };
  }

  const result = await prisma.$transaction(
    async (tx) => {
      // The row lock taken by this increment serializes submissions to one
      // consultation (PostgreSQL; SQLite has one writer anyway), so the
      // drafts read next are read after any other submission committed.
      const { receiptSequence } = await tx.consultation.update({
        where: { id: consultation.id },
        data: { receiptSequence: { increment: 1 } },
        select: { receiptSequence: true },
      });
      const stillDrafts = await tx.comment.findMany({
        where: { id: { in: drafts.map((comment) => comment.id) }, status: "draft" },
        select: draftSelect,
      });
      if (stillDrafts.length === 0) return null;
      stillDrafts.sort(
        (a, b) => (a.paragraph?.order ?? 0) - (b.paragraph?.order ?? 0) || ids.indexOf(a.id) - ids.indexOf(b.id),
      );
      const revisions = await revisionCounts(
        tx,
        stillDrafts.map((comment) => comment.id),
      );
      const { commentSequence } = await tx.consultation.update({
        where: { id: consultation.id },
        data: { commentSequence: { increment: stillDrafts.length } },
        select: { commentSequence: true },
      });
      const { reference } = await writeSubmission(tx, {
        consultation,
        organizationId: organization.id,
        focalPointId: focalPoint.id,
        drafts: stillDrafts.map((comment) => ({ ...comment, revisions: revisions.get(comment.id) ?? 0 })),
        receiptSequence,
        commentSequence,
        now,
        request,
      });
      const logAudit = await recordAuditEventsIn(
        tx,
        stillDrafts.map((comment) => ({
          actorId: focalPoint.id,
          action: "comment.submit",
          entity: "comment",
          entityId: comment.id,
          outcome: "ok" as const,
          ip: clientAddress ?? null,
          details: { reference },
        })),
      );
      return { reference, submitted: stillDrafts.length, logAudit };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
  if (!result) {
    const again = await prisma.comment.findFirst({
      where: { id: { in: ids }, submissionId: { not: null } },
      select: { submission: { select: { reference: true } } },
    });
    if (!again?.submission) throw new DomainError(409, "workspace.errors.alreadySubmitted");
    return { reference: again.submission.reference, submitted: 0, duplicate: true };
  }
  result.logAudit();
  return { reference: result.reference, submitted: result.submitted, duplicate: false };
}

/**
 * A receipt: the submission, who made it, when, and each comment with its
 * tracking number, paragraph, type and text. Members of the submitting
 * organization and the secretariat only; anyone else gets the 404 of a
 * missing receipt.
 */
export async function getReceipt({
  actor,
  slug,
  reference,
  clientAddress,
}: {
  actor: Actor | null;
  slug: string;
  reference: string;
  clientAddress?: string;
}) {
  const submission = await prisma.submission.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      createdAt: true,
      organizationId: true,
      organization: { select: { name: true } },
      submittedBy: { select: { name: true } },
      consultation: { select: { slug: true, title: true, timeZone: true } },
      comments: {
        select: {
          id: true,
          trackingNumber: true,
          type: true,
          status: true,
          bodyText: true,
          bodyHtml: true,
          proposedText: true,
          withdrawalReason: true,
          paragraph: { select: { key: true, number: true, order: true } },
          version: { select: { number: true } },
        },
      },
    },
  });
  if (!submission || submission.consultation.slug !== slug) throw new DomainError(404, "errors.notFound");
  const member =
    actor?.organization != null &&
    submission.organizationId === actor.organization.id &&
    can(actor, "read:comment:organization");
  if (!member) {
    await authorize({
      actor,
      permission: "read:comment:any",
      status: 404,
      key: "errors.notFound",
      audit: { ip: clientAddress, action: "submission.read", entity: "submission", entityId: submission.id },
    });
  }
  const comments = [...submission.comments].sort(
    (a, b) => (a.trackingNumber ?? "").localeCompare(b.trackingNumber ?? "") || a.id.localeCompare(b.id),
  );
  return { ...submission, comments };
}

export type Receipt = Awaited<ReturnType<typeof getReceipt>>;

/** The organization's receipts on a consultation, newest first (for the workspace). */
export async function listReceipts({
  organizationId,
  consultationId,
}: {
  organizationId: string;
  consultationId: string;
}) {
  return prisma.submission.findMany({
    where: { organizationId, consultationId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      reference: true,
      createdAt: true,
      submittedBy: { select: { name: true } },
      _count: { select: { comments: true } },
    },
  });
}
