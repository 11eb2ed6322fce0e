/**
 * Reading an uploaded commenting template (.xlsx or .docx in the ISO
 * 8-column layout) into rows, after checking that the file is a zip of a
 * reasonable size (app/lib/feedback/zip-guard.ts).
 */
import ExcelJS from "exceljs";
import mammoth from "mammoth";

import { findHeaderRow, inspectZip, type TemplateRow } from "~/lib/feedback";
import { decodeEntities } from "~/lib/text/entities";
import { checkZipBudget } from "~/lib/zip-budget";

/** Largest template accepted: the server's limit on a form body (server/index.ts). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** Largest content a template may declare once unzipped (see app/lib/feedback/zip-guard.ts). */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

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
  // The declared sizes can lie: what it really inflates to, bounded, before ExcelJS or mammoth inflate it all.
  const budget = await checkZipBudget(bytes, { budgetBytes: MAX_UNZIPPED_BYTES });
  if (!budget.ok)
    return {
      ok: false,
      fileError: budget.reason === "notZip" ? "notZip" : budget.reason === "corrupt" ? "corrupt" : "zipTooLarge",
    };
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
