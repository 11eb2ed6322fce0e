/**
 * CSV for people who open it in a spreadsheet: RFC 4180 (comma separator,
 * CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled), UTF-8 with a byte-order mark so that Excel reads
 * the accents right, and cells neutralized against formula injection.
 */

/** Written once at the start of the file: Excel's cue that the file is UTF-8. */
export const CSV_BOM = "\uFEFF";

/** RFC 4180 record separator. */
export const CSV_LINE_END = "\r\n";

/**
 * A cell starting with one of these is a formula to Excel, LibreOffice and
 * Google Sheets (OWASP "CSV injection"): `=HYPERLINK(…)`, `+cmd|…`, `-2+3`,
 * `@SUM(…)`, and tab or carriage return followed by one of them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The cell as text a spreadsheet shows but never evaluates: prefixed with an
 * apostrophe when it could start a formula.
 *
 * @example neutralizeFormula("=1+1") === "'=1+1"
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One field: neutralized, then quoted if it holds a comma, a double quote,
 * CR or LF (quotes inside doubled).
 *
 * @example csvField('He said "no", twice') === '"He said ""no"", twice"'
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = neutralizeFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRecord(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvField).join(",") + CSV_LINE_END;
}
