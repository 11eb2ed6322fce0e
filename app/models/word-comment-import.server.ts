/**
 * A delegation's annotated copy of the draft (a .docx with Word comments)
 * imported as drafts of its organization: each Word comment that can be
 * placed (app/lib/import/docx-comment-placement.ts) becomes a draft on its
 * paragraph, or on its phrase, of the version open for comments; the focal
 * point then reviews and submits them like any draft
 * (docs/decisions/0032-word-comments-as-drafts.md).
 *
 * The drafts are the reader's drafts: same permission (create:comment:own,
 * for a member of an organization), same period check, same body pipeline
 * (app/lib/richtext), origin "platform" with a first "created" revision, so
 * the workspace, the submission and the reminders treat them as typed ones.
 * Replies in Word (a thread) are appended to the draft of the thread's first
 * comment, in order, each introduced by its author and date in the draft's
 * language. All placed comments are written in one transaction, or none; a file that
 * cannot be read is a 400 and writes nothing. The same file imported twice
 * by the same person is refused (409), not duplicated.
 */
import crypto from "node:crypto";

import { formatDay } from "~/lib/dates";
import { commentLanguageOf, ORIGINAL_LANGUAGE } from "~/lib/editions";
import { DomainError } from "~/lib/errors";
import { inspectZip } from "~/lib/feedback";
import { placeWordComments, type PlacementProblem } from "~/lib/import/docx-comment-placement";
import { commentsOfWordParts, commentThreads, type WordComment } from "~/lib/import/docx-comments";
import { readWordParts } from "~/lib/import/docx-xml";
import type { Actor } from "~/lib/permissions";
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import type { MessageKey, Translate } from "~/lib/translate";
import { assertCommentingOpen } from "~/models/comment-period";
import { mailT } from "~/models/mail-language.server";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";

const MB = 1024 * 1024;

/** What an annotated copy may be. */
export const WORD_IMPORT_LIMITS = {
  /** The file as uploaded (a long draft with its comments is well under this). */
  maxBytes: 10 * MB,
  /** What it may inflate to (app/lib/zip-budget.ts). */
  maxUnzippedBytes: 50 * MB,
  /** Word comments in one file, replies included. */
  maxComments: 500,
} as const;

/** Why a comment of the file was not imported. */
export type WordImportProblem = PlacementProblem | "bodyInvalid";

export interface WordImportResult {
  versionNumber: number;
  /** The drafts created, in the order of the file's comments. */
  imported: Array<{
    id: string;
    paragraphKey: string;
    paragraphNumber: string | null;
    quote: string | null;
    excerpt: string;
  }>;
  /** The comments that could not be placed, with the reason. */
  unplaced: Array<{
    wordId: string;
    author: string;
    excerpt: string;
    anchor: string | null;
    reason: WordImportProblem;
  }>;
}

const EXCERPT_CHARS = 160;

function excerpt(text: string | null): string {
  if (text === null) return "";
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

/** Why a file is refused as a whole, and what the person reads. */
const FILE_ERRORS = {
  missing: "workspace.wordImport.errors.missing",
  tooLarge: "workspace.wordImport.errors.tooLarge",
  notDocx: "workspace.wordImport.errors.notDocx",
  corrupt: "workspace.wordImport.errors.corrupt",
  zipTooLarge: "workspace.wordImport.errors.zipTooLarge",
  noComments: "workspace.wordImport.errors.noComments",
  tooManyComments: "workspace.wordImport.errors.tooManyComments",
} as const satisfies Record<string, MessageKey>;

/** A 400 (413 for size) for a file refused as a whole: nothing is written. */
function refused(code: keyof typeof FILE_ERRORS, values: Record<string, number> = {}) {
  const status = code === "tooLarge" || code === "zipTooLarge" ? 413 : 400;
  return new DomainError(status, FILE_ERRORS[code], { values, details: { fileError: code } });
}

/** The Word comments of an uploaded file, after bounding what it is and what it inflates to. */
async function readComments(bytes: Uint8Array): Promise<WordComment[]> {
  if (bytes.length === 0) throw refused("missing");
  if (bytes.length > WORD_IMPORT_LIMITS.maxBytes)
    throw refused("tooLarge", { megabytes: WORD_IMPORT_LIMITS.maxBytes / MB });
  const zip = inspectZip(bytes);
  if (!zip.ok) throw refused(zip.reason === "corrupt" ? "corrupt" : "notDocx");
  const unzipped = { megabytes: WORD_IMPORT_LIMITS.maxUnzippedBytes / MB };
  if (zip.declaredBytes > WORD_IMPORT_LIMITS.maxUnzippedBytes) throw refused("zipTooLarge", unzipped);
  if (!zip.names.includes("word/document.xml")) throw refused("notDocx");
  const opened = await readWordParts(bytes, { budgetBytes: WORD_IMPORT_LIMITS.maxUnzippedBytes });
  if (!opened.ok)
    throw opened.reason === "tooLarge" || opened.reason === "tooManyEntries"
      ? refused("zipTooLarge", unzipped)
      : refused(opened.reason === "notZip" ? "notDocx" : "corrupt");
  const read = await commentsOfWordParts(opened.parts);
  if (!read.ok) throw refused(read.error);
  if (read.comments.length === 0) throw refused("noComments");
  if (read.comments.length > WORD_IMPORT_LIMITS.maxComments)
    throw refused("tooManyComments", { count: read.comments.length, max: WORD_IMPORT_LIMITS.maxComments });
  return read.comments;
}

/**
 * The body of a thread's draft: its first comment, then each reply in the
 * file's order, introduced by who wrote it and when ("Reply from Fatima
 * Focal (2 March 2026): …"). The date is the day Word recorded, as written.
 */
function threadBody(root: WordComment, replies: readonly WordComment[], t: Translate, language: string): string {
  const blocks = [root.body];
  for (const reply of replies) {
    if (reply.body.trim() === "") continue;
    const author = reply.author.trim() || t("workspace.wordImport.unnamedAuthor");
    const day = reply.date !== null && !Number.isNaN(Date.parse(reply.date)) ? reply.date : null;
    blocks.push(
      day === null
        ? t("workspace.wordImport.replyUndated", { author, text: reply.body })
        : t("workspace.wordImport.reply", { author, date: formatDay(day, "UTC", language), text: reply.body }),
    );
  }
  return blocks.join("\n\n");
}

/**
 * Who may import and into which version: a member of an organization who
 * comments for it (delegate, focal point), on the consultation's version
 * open for comments, before its deadline. Refused otherwise (403, 404, 409).
 */
export async function authorizeWordImport({
  actor,
  slug,
  now = new Date(),
  ip,
}: {
  actor: Actor | null;
  slug: string;
  now?: Date;
  ip?: string | null;
}) {
  await authorize({
    actor,
    permission: "create:comment:own",
    audit: { ip, action: "comment.word-import", entity: "comment" },
  });
  const member = actor!;
  if (!member.organization) throw new DomainError(403, "comments.errors.noOrganization");
  const organization = await prisma.organization.findUniqueOrThrow({
    where: { id: member.organization.id },
    select: { id: true, name: true },
  });
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      timeZone: true,
      versions: {
        where: { status: "open" },
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, number: true, label: true, status: true, commentsOpenAt: true, commentsCloseAt: true },
      },
    },
  });
  if (!consultation) throw new DomainError(404, "errors.notFound");
  const version = consultation.versions[0];
  if (!version) throw new DomainError(409, "workspace.wordImport.errors.noVersion");
  assertCommentingOpen({ ...version, consultation: { timeZone: consultation.timeZone } }, now);
  return {
    member,
    organization,
    consultation: { id: consultation.id, slug: consultation.slug, title: consultation.title },
    version: { id: version.id, number: version.number, label: version.label },
  };
}

/**
 * Imports the Word comments of `bytes` as drafts of the actor's
 * organization; returns what was created and what could not be placed.
 */
export async function importWordComments({
  actor,
  slug,
  bytes,
  fileName,
  now = new Date(),
  ip,
  uiLanguage,
}: {
  actor: Actor | null;
  slug: string;
  bytes: Uint8Array;
  fileName: string;
  now?: Date;
  ip?: string | null;
  /** The importer's UI language: the drafts' language, as for a comment typed in the reader. */
  uiLanguage?: string;
}): Promise<WordImportResult> {
  const { member, organization, consultation, version } = await authorizeWordImport({ actor, slug, now, ip });
  const comments = await readComments(bytes);
  const paragraphs = await prisma.paragraph.findMany({
    where: { versionId: version.id },
    orderBy: { order: "asc" },
    select: { id: true, key: true, number: true, text: true },
  });
  const placement = placeWordComments(comments, paragraphs);
  const unplaced: WordImportResult["unplaced"] = placement.unplaced.map(({ comment, reason }) => ({
    wordId: comment.id,
    author: comment.author,
    excerpt: excerpt(comment.body),
    anchor: comment.paragraphText === null ? null : excerpt(comment.paragraphText),
    reason,
  }));

  // The same checks as a comment typed in the reader (app/lib/richtext).
  const digest = crypto.createHash("sha256").update(bytes).digest("base64url").slice(0, 24);
  const language = commentLanguageOf(uiLanguage) ?? ORIGINAL_LANGUAGE;
  const threads = commentThreads(comments);
  const t = [...threads.values()].some((replies) => replies.length > 0) ? await mailT(language) : null;
  const rows = placement.placed.flatMap(({ comment, paragraph, quote }) => {
    const replies = threads.get(comment.id) ?? [];
    const body = t && replies.length > 0 ? threadBody(comment, replies, t, language) : comment.body;
    const parsed = parseRichText(plainTextToRichText(body));
    if (!parsed.ok) {
      unplaced.push({
        wordId: comment.id,
        author: comment.author,
        excerpt: excerpt(comment.body),
        anchor: excerpt(comment.paragraphText),
        reason: "bodyInvalid",
      });
      return [];
    }
    return [
      {
        wordId: comment.id,
        paragraph,
        data: {
          consultationId: consultation.id,
          versionId: version.id,
          paragraphId: paragraph.id,
          authorId: member.id,
          organizationId: organization.id,
          type: "general",
          status: "draft",
          body: JSON.stringify(parsed.doc),
          bodyHtml: renderRichText(parsed.doc),
          bodyText: richTextToPlainText(parsed.doc),
          ...(quote ?? {}),
          // Per person, file and Word comment: the same file imported twice is refused.
          idempotencyKey: `${member.id}:word:${digest}:${comment.id}`,
          language,
          createdAt: now,
        },
      },
    ];
  });

  // A reply now in its thread's draft is imported, not unplaced; the others stay listed ("reply").
  const imported = new Set(rows.map((row) => row.wordId));
  const inDraft = new Set(
    [...threads].flatMap(([root, replies]) => (imported.has(root) ? replies.map((reply) => reply.id) : [])),
  );
  const report = unplaced.filter((entry) => !(entry.reason === "reply" && inDraft.has(entry.wordId)));

  let created: Array<{ id: string; idempotencyKey: string | null }> = [];
  if (rows.length > 0) {
    try {
      created = await prisma.$transaction(async (tx) => {
        const made = await tx.comment.createManyAndReturn({
          data: rows.map((row) => row.data),
          select: { id: true, idempotencyKey: true },
        });
        const byKey = new Map(rows.map((row) => [row.data.idempotencyKey, row.data]));
        await tx.commentRevision.createMany({
          data: made.map((comment) => {
            const row = byKey.get(comment.idempotencyKey!)!;
            return {
              commentId: comment.id,
              revision: 1,
              event: "created",
              type: row.type,
              body: row.body,
              bodyHtml: row.bodyHtml,
              proposedText: null,
              status: "draft",
              editedById: member.id,
              createdAt: now,
            };
          }),
        });
        return made;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(409, "workspace.wordImport.errors.alreadyImported");
      throw error;
    }
  }
  const idByKey = new Map(created.map((comment) => [comment.idempotencyKey, comment.id]));
  await recordAuditEvent({
    actorId: member.id,
    action: "comment.word-import",
    entity: "organization",
    entityId: organization.id,
    outcome: "ok",
    ip: ip ?? null,
    details: {
      slug,
      versionNumber: version.number,
      fileName: fileName.slice(0, 200),
      comments: comments.length,
      imported: created.length,
      unplaced: report.length,
    },
  });
  return {
    versionNumber: version.number,
    imported: rows.map((row) => ({
      id: idByKey.get(row.data.idempotencyKey)!,
      paragraphKey: row.paragraph.key,
      paragraphNumber: row.paragraph.number,
      quote: row.data.quote ?? null,
      excerpt: excerpt(row.data.bodyText),
    })),
    unplaced: report,
  };
}
