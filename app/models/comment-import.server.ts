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
import mammoth from "mammoth";

import {
  findHeaderRow,
  inspectZip,
  ISO_COLUMNS,
  TEMPLATE_LIMITS,
  validateTemplateRows,
  type TemplateRow,
  type TemplateRowError,
  type Translate,
} from "~/lib/feedback";
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import { recordAuditEvent } from "~/utils/audit.server";
import type { Actor } from "~/models/comment.server";
import { DomainError } from "~/lib/errors";
import { prisma } from "~/utils/db.server";
import { can } from "~/lib/permissions";

/** Largest template accepted: the server's limit on a form body (server/index.ts). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** Largest content a template may declare once unzipped (see app/lib/feedback/zip-guard.ts). */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

/** Characters of paragraph text kept on each side of a quoted phrase (as for comments written on the platform). */
const QUOTE_CONTEXT_CHARS = 40;

/** Why a file could not be read at all; a locale key under `feedback.import.fileErrors`. */
export type TemplateFileError =
  | "missing"
  | "tooLarge"
  | "empty"
  | "notZip"
  | "corrupt"
  | "unsupported"
  | "zipTooLarge"
  | "noHeader"
  | "noRows"
  | "tooManyRows"
  | "alreadyImported"
  | "organization"
  | "version"
  | "closed";

export type ImportResult =
  | { ok: true; imported: number; organization: string }
  | { ok: false; fileError: TemplateFileError; values?: Record<string, string | number> }
  | { ok: false; rowErrors: TemplateRowError[]; validRows: number };

type CellValue = ExcelJS.CellValue;

/** The text a person sees in a spreadsheet cell. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value as { result?: CellValue }).result ?? null);
  }
  return "";
}

async function readXlsxRows(bytes: Uint8Array): Promise<TemplateRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  // The sheet that holds the template's header; the first one otherwise.
  for (const sheet of workbook.worksheets) {
    const rows: TemplateRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      rows.push({ rowNumber, cells: Array.from({ length: 8 }, (_, k) => cellText(row.getCell(k + 1).value)) });
    });
    if (findHeaderRow(rows) >= 0) return rows;
  }
  return [];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/**
 * The rows of the first table in a Word document that has the template's
 * header. mammoth turns the document into simple HTML; a cell's paragraphs
 * become lines. Rows are numbered as in the table (the header is row 1).
 */
async function readDocxRows(bytes: Uint8Array): Promise<TemplateRow[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const tables: string[][][] = [];
  const stack: Array<{ rows: string[][]; row: string[] | null; cell: string | null }> = [];
  for (const token of html.split(/(<[^>]+>)/)) {
    const current = stack[stack.length - 1];
    const tag = /^<(\/?)(table|tr|td|th|p|br)\b[^>]*>$/i.exec(token);
    if (!tag) {
      if (current?.cell !== null && current?.cell !== undefined && !token.startsWith("<")) current.cell += token;
      continue;
    }
    const [, closing, name] = tag;
    const element = name.toLowerCase();
    if (element === "table") {
      if (closing) {
        const done = stack.pop();
        if (done) tables.push(done.rows);
      } else stack.push({ rows: [], row: null, cell: null });
    } else if (!current) continue;
    else if (element === "tr") {
      if (closing) {
        if (current.row) current.rows.push(current.row);
        current.row = null;
      } else current.row = [];
    } else if (element === "td" || element === "th") {
      if (closing) {
        current.row?.push(
          decodeEntities(current.cell ?? "")
            .replace(/[ \t]+\n/g, "\n")
            .trim(),
        );
        current.cell = null;
      } else current.cell = "";
    } else if ((element === "p" && closing) || element === "br") {
      if (current.cell !== null && current.cell !== "") current.cell += "\n";
    }
  }
  for (const table of tables) {
    const rows = table.map((cells, index) => ({ rowNumber: index + 1, cells: cells.slice(0, 8) }));
    if (findHeaderRow(rows) >= 0) return rows;
  }
  return [];
}

/** Reads the rows of an uploaded template, or says why it cannot. */
export async function readTemplateFile(
  bytes: Uint8Array,
): Promise<{ ok: true; rows: TemplateRow[]; format: "xlsx" | "docx" } | { ok: false; fileError: TemplateFileError }> {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, fileError: "tooLarge" };
  const zip = inspectZip(bytes);
  if (!zip.ok) return { ok: false, fileError: zip.reason };
  if (zip.declaredBytes > MAX_UNZIPPED_BYTES) return { ok: false, fileError: "zipTooLarge" };
  const format = zip.names.includes("xl/workbook.xml")
    ? "xlsx"
    : zip.names.includes("word/document.xml")
      ? "docx"
      : null;
  if (!format) return { ok: false, fileError: "unsupported" };
  try {
    const rows = format === "xlsx" ? await readXlsxRows(bytes) : await readDocxRows(bytes);
    return { ok: true, rows, format };
  } catch {
    return { ok: false, fileError: "corrupt" };
  }
}

/** Which organization the actor may import for, or a 403. */
async function importingOrganization(actor: Actor, organizationId: string | null | undefined, ip?: string | null) {
  const secretariat = actor !== null && can(actor, "consolidate:comment:any");
  const focalPoint = actor !== null && actor.organization !== null && can(actor, "submit:comment:organization");
  const target = secretariat ? organizationId : actor?.organization?.id;
  if (
    (!secretariat && !focalPoint) ||
    (focalPoint && !secretariat && organizationId && organizationId !== actor?.organization?.id)
  ) {
    await recordAuditEvent({
      actorId: actor?.id ?? null,
      action: "comment.import",
      entity: "organization",
      entityId: organizationId ?? null,
      outcome: "denied",
      ip: ip ?? null,
      details: { permission: "consolidate:comment:any or submit:comment:organization (own organization)" },
    });
    throw new DomainError(
      403,
      "Only the secretariat, or a focal point for their own organization, may import comments.",
    );
  }
  if (!target)
    throw new DomainError(400, "Choose the organization the comments are from.", { fileError: "organization" });
  const organization = await prisma.organization.findUnique({
    where: { id: target },
    select: { id: true, name: true, kind: true },
  });
  if (!organization)
    throw new DomainError(400, "Choose the organization the comments are from.", { fileError: "organization" });
  return { organization, asSecretariat: secretariat };
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
  if (!version || version.status === "draft") throw new DomainError(404, "No such version.", { fileError: "version" });
  if (!asSecretariat) {
    const open =
      version.status === "open" &&
      version.commentsOpenAt &&
      version.commentsCloseAt &&
      now >= version.commentsOpenAt &&
      now < version.commentsCloseAt;
    if (!open) throw new DomainError(409, "This version is not open for comments.", { fileError: "closed" });
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
  actor: Actor;
  slug: string;
  versionNumber: number;
  organizationId?: string | null;
  bytes: Uint8Array;
  fileName: string;
  now?: Date;
  ip?: string | null;
}): Promise<ImportResult> {
  const { organization, asSecretariat } = await importingOrganization(actor, organizationId, ip);
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
      rowErrors.push({ rowNumber: comment.rowNumber, code: "commentInvalid", values: { reason: parsed.error } });
      return [];
    }
    const text = paragraphText.get(comment.paragraphId) ?? "";
    const quote = comment.quote
      ? {
          quote: comment.quote.text,
          quoteStart: comment.quote.start,
          quoteEnd: comment.quote.end,
          quotePrefix: text.slice(Math.max(0, comment.quote.start - QUOTE_CONTEXT_CHARS), comment.quote.start),
          quoteSuffix: text.slice(comment.quote.end, comment.quote.end + QUOTE_CONTEXT_CHARS),
        }
      : {};
    return [
      {
        consultationId: version.consultationId,
        versionId: version.id,
        paragraphId: comment.paragraphId,
        authorId: actor!.id,
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
        submittedById: actor!.id,
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
            editedById: actor!.id,
            createdAt: now,
          };
        }),
      });
    });
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      return { ok: false, fileError: "alreadyImported" };
    }
    throw error;
  }
  await recordAuditEvent({
    actorId: actor!.id,
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
export async function listImportOrganizations() {
  return prisma.organization.findMany({
    where: { kind: { not: "secretariat" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true },
  });
}

/** Rows of the blank template made ready for typing (with the type list). */
const TEMPLATE_INPUT_ROWS = 500;

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
  if (!version) throw new DomainError(404, "No such version.");
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
