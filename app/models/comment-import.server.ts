/**
 * Import of a delegation's filled-in commenting template (.xlsx or .docx in
 * the ISO 8-column layout), and the blank template to fill in.
 *
 * All or nothing: the file is read, every row validated (the paragraph
 * exists in the version, the type is ge/te/ed, the comment is not empty and
 * within the limits, the phrase of column 4 is in the paragraph), and the
 * comments are written in one transaction only when no row is rejected.
 * Otherwise the answer lists each rejected row with its number and reason.
 */
import crypto from "node:crypto";

import ExcelJS from "exceljs";

import { DomainError } from "~/lib/errors";
import {
  findHeaderRow,
  ISO_COLUMNS,
  TEMPLATE_LIMITS,
  validateTemplateRows,
  type TemplateRowError,
  type Translate,
} from "~/lib/feedback";
import { can, type Actor } from "~/lib/permissions";
import { quoteContext } from "~/lib/quote-anchor";
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";

import { loadFeedbackScope } from "./feedback/scope.server";
import { readTemplateFile, type TemplateFileError } from "./feedback/template-file.server";

export {
  MAX_IMPORT_BYTES,
  MAX_UNZIPPED_BYTES,
  readTemplateFile,
  type TemplateFileError,
} from "./feedback/template-file.server";

export type ImportResult =
  | { ok: true; imported: number; organization: string }
  | { ok: false; fileError: TemplateFileError; values?: Record<string, string | number> }
  | { ok: false; rowErrors: TemplateRowError[]; validRows: number };

/** How the actor imports: for any organization (the secretariat) or for their own (a focal point). */
export type ImporterRole = "secretariat" | "focal_point";

/**
 * Whether the actor may import comments for `organizationId` (their own
 * organization when not given): the secretariat for any organization
 * (consolidate:comment:any), a focal point for their own
 * (submit:comment:organization, checked against the organization). Anyone
 * else is refused (403, audited as "comment.import").
 */
export async function authorizeImporter({
  actor,
  organizationId,
  ip,
}: {
  actor: Actor | null;
  organizationId?: string | null;
  ip?: string | null;
}): Promise<ImporterRole> {
  if (can(actor, "consolidate:comment:any")) return "secretariat";
  await authorize({
    actor,
    permission: "submit:comment:organization",
    row: { authorId: null, organizationId: organizationId ?? actor?.organization?.id ?? null },
    audit: { ip, action: "comment.import", entity: "organization", entityId: organizationId ?? null },
  });
  return "focal_point";
}

/** Which organization the actor may import for, or a 403 (400 when the secretariat names none). */
async function importingOrganization(
  actor: Actor | null,
  organizationId: string | null | undefined,
  ip?: string | null,
) {
  const role = await authorizeImporter({ actor, organizationId, ip });
  const target = role === "secretariat" ? organizationId : actor?.organization?.id;
  const organization = target
    ? await prisma.organization.findUnique({ where: { id: target }, select: { id: true, name: true, kind: true } })
    : null;
  if (!organization) {
    throw new DomainError(400, "feedback.import.fileErrors.organization", { details: { fileError: "organization" } });
  }
  return { organization, asSecretariat: role === "secretariat" };
}

/** The version comments are imported into; a focal point only while its comment period is open. */
async function importVersion({
  slug,
  versionNumber,
  asSecretariat,
  now,
}: {
  slug: string;
  versionNumber: number;
  asSecretariat: boolean;
  now: Date;
}) {
  const version = await prisma.version.findFirst({
    where: { number: versionNumber, consultation: { slug } },
    select: {
      id: true,
      consultationId: true,
      status: true,
      commentsOpenAt: true,
      commentsCloseAt: true,
      paragraphs: {
        orderBy: { order: "asc" },
        select: { id: true, key: true, number: true, text: true, section: { select: { number: true, heading: true } } },
      },
    },
  });
  if (!version || version.status === "draft") {
    throw new DomainError(404, "feedback.import.fileErrors.version", { details: { fileError: "version" } });
  }
  if (!asSecretariat) {
    const open =
      version.status === "open" &&
      version.commentsOpenAt &&
      version.commentsCloseAt &&
      now >= version.commentsOpenAt &&
      now < version.commentsCloseAt;
    if (!open) throw new DomainError(409, "feedback.import.fileErrors.closed", { details: { fileError: "closed" } });
  }
  return version;
}

/**
 * Imports a filled-in template for an organization: the secretariat for any
 * organization, a focal point for their own (during the comment period).
 * The comments are stored as submitted, with origin "import", each with its
 * first revision, in one transaction. Importing the same file again for the
 * same organization is refused ("alreadyImported").
 */
export async function importCommentTemplate({
  actor,
  slug,
  versionNumber,
  organizationId,
  bytes,
  fileName,
  now = new Date(),
  ip,
}: {
  actor: Actor | null;
  slug: string;
  versionNumber: number;
  organizationId?: string | null;
  bytes: Uint8Array;
  fileName: string;
  now?: Date;
  ip?: string | null;
}): Promise<ImportResult> {
  const { organization, asSecretariat } = await importingOrganization(actor, organizationId, ip);
  const importer = actor?.id ?? null;
  const version = await importVersion({ slug, versionNumber, asSecretariat, now });
  if (bytes.length === 0) return { ok: false, fileError: "empty" };
  const file = await readTemplateFile(bytes);
  if (!file.ok) return { ok: false, fileError: file.fileError };
  const header = findHeaderRow(file.rows);
  if (header < 0) return { ok: false, fileError: "noHeader" };
  const dataRows = file.rows.slice(header + 1).filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) return { ok: false, fileError: "noRows" };
  if (dataRows.length > TEMPLATE_LIMITS.maxRows)
    return { ok: false, fileError: "tooManyRows", values: { count: dataRows.length, max: TEMPLATE_LIMITS.maxRows } };

  const validation = validateTemplateRows({
    rows: dataRows,
    paragraphs: version.paragraphs,
    organizationName: organization.name,
  });
  if (!validation.ok) return { ok: false, rowErrors: validation.errors, validRows: validation.validRows };

  // The same checks as a comment typed on the platform (app/lib/richtext).
  const rowErrors: TemplateRowError[] = [];
  const paragraphText = new Map(version.paragraphs.map((paragraph) => [paragraph.id, paragraph.text]));
  const digest = crypto.createHash("sha256").update(bytes).digest("base64url").slice(0, 24);
  const rows = validation.comments.flatMap((comment) => {
    const parsed = parseRichText(plainTextToRichText(comment.comment));
    if (!parsed.ok) {
      rowErrors.push({ rowNumber: comment.rowNumber, code: "commentInvalid", values: {}, reason: parsed.error });
      return [];
    }
    const text = paragraphText.get(comment.paragraphId) ?? "";
    const quote = comment.quote
      ? {
          quote: comment.quote.text,
          quoteStart: comment.quote.start,
          quoteEnd: comment.quote.end,
          ...quoteContext(text, comment.quote.start, comment.quote.end),
        }
      : {};
    return [
      {
        consultationId: version.consultationId,
        versionId: version.id,
        paragraphId: comment.paragraphId,
        authorId: importer,
        organizationId: organization.id,
        type: comment.type,
        status: "submitted",
        body: JSON.stringify(parsed.doc),
        bodyHtml: renderRichText(parsed.doc),
        bodyText: richTextToPlainText(parsed.doc),
        proposedText: comment.proposedText,
        ...quote,
        origin: "import",
        // Per file, organization and row: the same file imported twice is refused.
        idempotencyKey: `import:${digest}:${organization.id}:${comment.rowNumber}`,
        submittedAt: now,
        submittedById: importer,
        createdAt: now,
      },
    ];
  });
  if (rowErrors.length > 0) return { ok: false, rowErrors, validRows: rows.length };

  try {
    await prisma.$transaction(async (tx) => {
      const created = await tx.comment.createManyAndReturn({ data: rows, select: { id: true, idempotencyKey: true } });
      const byKey = new Map(rows.map((row) => [row.idempotencyKey, row]));
      await tx.commentRevision.createMany({
        data: created.map((comment) => {
          const row = byKey.get(comment.idempotencyKey!)!;
          return {
            commentId: comment.id,
            revision: 1,
            event: "submitted",
            type: row.type,
            body: row.body,
            bodyHtml: row.bodyHtml,
            proposedText: row.proposedText,
            status: "submitted",
            editedById: importer,
            createdAt: now,
          };
        }),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fileError: "alreadyImported" };
    throw error;
  }
  await recordAuditEvent({
    actorId: importer,
    action: "comment.import",
    entity: "organization",
    entityId: organization.id,
    outcome: "ok",
    ip: ip ?? null,
    details: { slug, versionNumber, format: file.format, fileName: fileName.slice(0, 200), comments: rows.length },
  });
  return { ok: true, imported: rows.length, organization: organization.name };
}

/** Organizations the secretariat may import for (not the secretariat itself). */
function listImportOrganizations() {
  return prisma.organization.findMany({
    where: { kind: { not: "secretariat" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true },
  });
}

/**
 * The import page: the consultation's published versions (the one open for
 * comments first offered), and for the secretariat the organizations it may
 * import for. Refused (403) to anyone who may not import.
 */
export async function loadImportPage({ actor, slug, ip }: { actor: Actor | null; slug: string; ip?: string | null }) {
  const role = await authorizeImporter({ actor, ip });
  const scope = await loadFeedbackScope({ slug });
  const versions = scope.consultation.versions.filter((version) => version.status !== "draft");
  const open = versions.find((version) => version.status === "open");
  return {
    consultation: { slug: scope.consultation.slug, title: scope.consultation.title },
    versions: versions.map(({ number, label, status }) => ({ number, label, status })),
    defaultVersion: open?.number ?? versions[versions.length - 1]?.number ?? 1,
    role,
    organizations: role === "secretariat" ? await listImportOrganizations() : [],
    maxRows: TEMPLATE_LIMITS.maxRows,
  };
}

/** Rows of the blank template made ready for typing (with the type list). */
const TEMPLATE_INPUT_ROWS = 500;

/**
 * The blank template of the requested version, else of the one open for
 * comments, else of the default version (see loadFeedbackScope). Public,
 * like the versions' paragraphs it lists.
 */
export async function blankTemplate({
  slug,
  versionNumber,
  t,
}: {
  slug: string;
  versionNumber?: number;
  t: Translate;
}) {
  const scope = await loadFeedbackScope({ slug, versionNumber });
  const open = scope.consultation.versions.find((version) => version.status === "open");
  const number = versionNumber ?? open?.number ?? scope.version.number;
  return {
    versionNumber: number,
    fileName: `${slug.replace(/[^a-z0-9-]/gi, "")}-v${number}-commenting-template.xlsx`,
    buffer: await blankTemplateXlsx({ slug, versionNumber: number, t }),
  };
}

/**
 * The blank commenting template of a version: a "Comments" sheet with a
 * title, instructions and the eight column headers (column 5 offers
 * ge/te/ed, column 2 the paragraph numbers), and a "Paragraphs" sheet
 * listing every numbered paragraph with its section.
 */
export async function blankTemplateXlsx({
  slug,
  versionNumber,
  t,
}: {
  slug: string;
  versionNumber: number;
  t: Translate;
}) {
  const version = await prisma.version.findFirst({
    where: { number: versionNumber, consultation: { slug }, status: { not: "draft" } },
    select: {
      label: true,
      consultation: { select: { title: true } },
      paragraphs: {
        where: { number: { not: null } },
        orderBy: { order: "asc" },
        select: { number: true, text: true, section: { select: { number: true, heading: true } } },
      },
    },
  });
  if (!version) throw new DomainError(404, "feedback.errors.noVersion");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Consultation platform";
  // Excel: at most 31 characters, none of \ / ? * [ ] :
  const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);
  const paragraphsSheet = sheetName(t("feedback.template.paragraphsSheet"));
  const sheet = workbook.addWorksheet(sheetName(t("feedback.template.sheet")), {
    views: [{ state: "frozen", ySplit: 3 }],
  });
  sheet.columns = [24, 12, 28, 24, 10, 60, 50, 40].map((width) => ({ width }));
  sheet.addRow([t("feedback.template.title", { title: version.consultation.title, label: version.label })]).font = {
    bold: true,
    size: 14,
  };
  sheet.addRow([t("feedback.template.instructions")]);
  const header = sheet.addRow(ISO_COLUMNS.map((column, index) => `(${index + 1}) ${t(`feedback.columns.${column}`)}`));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  const paragraphs = workbook.addWorksheet(paragraphsSheet);
  paragraphs.columns = [{ width: 12 }, { width: 40 }, { width: 80 }];
  paragraphs.addRow([
    t("feedback.columns.paragraphNumber"),
    t("feedback.columns.section"),
    t("feedback.template.paragraphText"),
  ]).font = { bold: true };
  for (const paragraph of version.paragraphs) {
    const section = paragraph.section.number
      ? `${paragraph.section.number} ${paragraph.section.heading}`
      : paragraph.section.heading;
    paragraphs.addRow([
      paragraph.number,
      section,
      paragraph.text.length > 200 ? `${paragraph.text.slice(0, 199)}…` : paragraph.text,
    ]);
  }
  const lastParagraphRow = version.paragraphs.length + 1;
  for (let row = 4; row < 4 + TEMPLATE_INPUT_ROWS; row++) {
    sheet.getCell(row, 5).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"ge,te,ed"'],
      showErrorMessage: true,
      errorTitle: t("feedback.columns.type"),
      error: t("feedback.template.typeHint"),
    };
    if (lastParagraphRow > 1) {
      sheet.getCell(row, 2).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`'${paragraphsSheet.replace(/'/g, "''")}'!$A$2:$A$${lastParagraphRow}`],
        showErrorMessage: false,
      };
    }
    for (let column = 1; column <= 8; column++)
      sheet.getCell(row, column).alignment = { wrapText: true, vertical: "top" };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
