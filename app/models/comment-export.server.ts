/**
 * Exports of the comments and their dispositions in the ISO 8-column
 * layout: CSV and XLSX are streamed, DOCX is built in memory (capped).
 *
 * Rows come from the database in batches of about {@link EXPORT_BATCH_SIZE},
 * in document order (paragraph order, then comment id): one groupBy gives
 * the count per paragraph, consecutive paragraphs are packed into batches,
 * and a paragraph with more comments than a batch is paged by id. Each
 * query is a plain indexed `paragraphId IN (…)`: no OFFSET that slows down
 * towards the end, no sort of the whole set. Memory stays at one batch.
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";

import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import ExcelJS from "exceljs";

import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import {
  CSV_BOM,
  csvRecord,
  isoRow,
  parseFeedbackFilters,
  sectionLabel,
  sectionParams,
  type FeedbackFilters,
  type IsoRowSource,
} from "~/lib/feedback";
import type { Actor } from "~/lib/permissions";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { recordAuditEvent } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";

import { organizationLabel } from "./disposition.server";
import { feedbackWhere } from "./feedback/filter.server";
import { latestDispositionPublication, publishedExportRowBatches } from "./feedback/published-table.server";
import {
  dispositionTableAccess,
  loadFeedbackScope,
  type FeedbackScope,
  type TableAccess,
} from "./feedback/scope.server";

import type { ExportLabels } from "./comment-export-labels.server";

export { exportLabels, type ExportLabels } from "./comment-export-labels.server";

/** Comments per database query while exporting. */
export const EXPORT_BATCH_SIZE = 1_000;

/**
 * Largest DOCX export. The docx library assembles the whole document in
 * memory (about 2 KB per row), so Word exports are capped; beyond, the CSV
 * and XLSX exports (streamed) or a section filter are the way.
 */
export const DOCX_MAX_ROWS = 5_000;

/** Largest XLSX export written with cell styles (wrapped text, bold header); larger ones are plain. */
export const XLSX_STYLED_MAX_ROWS = 20_000;

/** A comment as the exports write it. */
export interface ExportRow extends IsoRowSource {
  id: string;
  paragraphOrder: number;
  sectionId: string | null;
  duplicateGroupId: string | null;
  submittedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** The language the comment is written in, as its code ("fr"); "en" before languages were recorded. */
  language?: string;
}

const exportSelect = {
  id: true,
  type: true,
  bodyText: true,
  proposedText: true,
  quote: true,
  origin: true,
  sourceAttribution: true,
  submittedAt: true,
  duplicateGroupId: true,
  paragraphId: true,
  language: true,
  organization: { select: { name: true } },
  disposition: { select: { status: true, response: true, decidedAt: true, decidedById: true } },
} satisfies Prisma.CommentSelect;

type ExportComment = Prisma.CommentGetPayload<{ select: typeof exportSelect }>;

/**
 * The comments matching `where` (which must scope one version) in document
 * order, as batches of rows.
 */
export async function* exportRowBatches({
  scope,
  where,
  batchSize = EXPORT_BATCH_SIZE,
}: {
  scope: Pick<FeedbackScope, "sections" | "paragraphs">;
  where: Prisma.CommentWhereInput;
  batchSize?: number;
}): AsyncGenerator<ExportRow[]> {
  const paragraphById = new Map(scope.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const sectionById = new Map(scope.sections.map((section) => [section.id, section]));
  const deciders = new Map<string, string>();

  const toRows = async (comments: ExportComment[]): Promise<ExportRow[]> => {
    const unknown = [
      ...new Set(
        comments.map((c) => c.disposition?.decidedById).filter((id): id is string => !!id && !deciders.has(id)),
      ),
    ];
    if (unknown.length > 0) {
      for (const user of await prisma.user.findMany({
        where: { id: { in: unknown } },
        select: { id: true, name: true },
      })) {
        deciders.set(user.id, user.name);
      }
    }
    return comments.map((comment) => {
      const paragraph = comment.paragraphId ? paragraphById.get(comment.paragraphId) : undefined;
      const section = paragraph ? sectionById.get(paragraph.sectionId) : undefined;
      return {
        id: comment.id,
        paragraphOrder: paragraph?.order ?? Number.MAX_SAFE_INTEGER,
        sectionId: section?.id ?? null,
        organization: organizationLabel(comment),
        paragraphNumber: paragraph?.number ?? null,
        section: section ? { number: section.number, heading: section.heading } : null,
        quote: comment.quote,
        type: comment.type,
        comment: comment.bodyText,
        proposedText: comment.proposedText,
        disposition: comment.disposition
          ? { status: comment.disposition.status, response: comment.disposition.response }
          : null,
        duplicateGroupId: comment.duplicateGroupId,
        submittedAt: comment.submittedAt,
        decidedBy: comment.disposition?.decidedById ? (deciders.get(comment.disposition.decidedById) ?? null) : null,
        decidedAt: comment.disposition?.decidedAt ?? null,
        language: comment.language ?? "en",
      };
    });
  };
  const byDocumentOrder = (a: ExportRow, b: ExportRow) =>
    a.paragraphOrder - b.paragraphOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const counts = await prisma.comment.groupBy({ by: ["paragraphId"], where, _count: { _all: true } });
  const countOf = new Map(counts.map((row) => [row.paragraphId, row._count._all]));

  // Pages one paragraph (or the comments without one) by id.
  async function* pageById(paragraphId: string | null) {
    let after: string | undefined;
    for (;;) {
      const comments = await prisma.comment.findMany({
        where: { AND: [where, { paragraphId }, after ? { id: { gt: after } } : {}] },
        orderBy: { id: "asc" },
        take: batchSize,
        select: exportSelect,
      });
      if (comments.length === 0) return;
      yield await toRows(comments);
      if (comments.length < batchSize) return;
      after = comments[comments.length - 1].id;
    }
  }

  let pending: string[] = [];
  let pendingCount = 0;
  const flush = async () => {
    const ids = pending;
    pending = [];
    pendingCount = 0;
    if (ids.length === 0) return [];
    const comments = await prisma.comment.findMany({
      where: { AND: [where, { paragraphId: { in: ids } }] },
      select: exportSelect,
    });
    return (await toRows(comments)).sort(byDocumentOrder);
  };
  for (const paragraph of scope.paragraphs) {
    const count = countOf.get(paragraph.id) ?? 0;
    if (count === 0) continue;
    if (count > batchSize) {
      const before = await flush();
      if (before.length > 0) yield before;
      yield* pageById(paragraph.id);
      continue;
    }
    if (pendingCount + count > batchSize) {
      const rows = await flush();
      if (rows.length > 0) yield rows;
    }
    pending.push(paragraph.id);
    pendingCount += count;
  }
  const rows = await flush();
  if (rows.length > 0) yield rows;
  if ((countOf.get(null) ?? 0) > 0) yield* pageById(null);
}

function cells(row: ExportRow, access: TableAccess, labels: ExportLabels): Array<string> {
  const iso = isoRow(row, labels.status);
  if (access === "public") return iso;
  return [
    ...iso,
    row.id,
    row.duplicateGroupId && row.duplicateGroupId !== row.id ? row.duplicateGroupId : "",
    row.submittedAt ? row.submittedAt.toISOString() : "",
    row.decidedBy ?? "",
    row.decidedAt ? row.decidedAt.toISOString() : "",
    row.language ?? "en",
  ];
}

function header(access: TableAccess, labels: ExportLabels) {
  return access === "public" ? labels.columns : [...labels.columns, ...labels.internalColumns];
}

/**
 * The CSV export as a byte stream: BOM, header, then one batch of rows per
 * pull — the next database query runs only when the client has taken the
 * previous batch.
 */
export function csvExportStream(
  batches: AsyncGenerator<ExportRow[]>,
  access: TableAccess,
  labels: ExportLabels,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRecord(header(access, labels))));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => csvRecord(cells(row, access, labels))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/**
 * The XLSX export, streamed with ExcelJS's WorkbookWriter: rows are
 * committed as they come and the zip is written to the response as it
 * grows. Text cells are stored as strings, so "=…" is never a formula.
 */
export function xlsxExportStream(
  batches: AsyncGenerator<ExportRow[]>,
  access: TableAccess,
  labels: ExportLabels,
  { rows = 0 }: { rows?: number } = {},
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // Cell styles (wrapped text, bold header) cost ExcelJS about a third more
  // time per row: large exports are written plain to stay quick.
  const styled = rows <= XLSX_STYLED_MAX_ROWS;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: styled,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  const sheet = workbook.addWorksheet(labels.title.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { orientation: "landscape", fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = header(access, labels);
  const widths = [24, 12, 28, 20, 8, 60, 50, 40, 28, 28, 24, 20, 24];
  // One style per column, not per cell: the writer then has one style to emit.
  sheet.columns = columns.map((_, index) => ({
    width: widths[index] ?? 20,
    style: { alignment: { vertical: "top", wrapText: true } },
  }));
  const write = async () => {
    const head = sheet.addRow(columns);
    head.font = { bold: true };
    head.commit();
    for await (const batch of batches) {
      for (const row of batch) {
        sheet.addRow(cells(row, access, labels)).commit();
      }
      // Wait for the client when it reads slower than the database answers.
      if (output.writableNeedDrain) await once(output, "drain");
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as unknown as ReadableStream<Uint8Array>;
}

function cellParagraphs(text: string, bold = false) {
  const lines = text.split(/\n/);
  return lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 18 })] }));
}

/**
 * The DOCX export: a landscape Word document with the title and, per
 * section in document order, a heading and the 8-column table (its header
 * row repeated on every page). Built in memory, hence {@link DOCX_MAX_ROWS}.
 */
export async function docxExport({
  batches,
  labels,
  subtitle,
  total,
}: {
  batches: AsyncGenerator<ExportRow[]>;
  labels: ExportLabels;
  subtitle: string;
  total: number;
}): Promise<Buffer> {
  if (total > DOCX_MAX_ROWS) {
    throw new DomainError(413, "feedback.exports.tooLarge", { values: { total, max: DOCX_MAX_ROWS } });
  }
  const headerRow = () =>
    new TableRow({
      tableHeader: true,
      children: labels.columns.map((label) => new TableCell({ children: cellParagraphs(label, true) })),
    });
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(labels.title)] }),
    new Paragraph({ children: [new TextRun(subtitle)] }),
  ];
  let currentSection: string | null | undefined;
  let rows: TableRow[] = [];
  const closeTable = () => {
    if (rows.length === 0) return;
    children.push(new Table({ rows: [headerRow(), ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }));
    rows = [];
  };
  for await (const batch of batches) {
    for (const row of batch) {
      if (row.sectionId !== currentSection) {
        closeTable();
        currentSection = row.sectionId;
        children.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            alignment: AlignmentType.LEFT,
            children: [new TextRun(row.section ? sectionLabel(row.section) : labels.noSection)],
          }),
        );
      }
      rows.push(
        new TableRow({
          children: isoRow(row, labels.status).map((text) => new TableCell({ children: cellParagraphs(text) })),
        }),
      );
    }
  }
  closeTable();
  const document = new Document({
    creator: "Consultation platform",
    title: labels.title,
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBuffer(document);
}

/** A file name for an export: "gca-guidelines-v1-comments.csv". */
export function exportFileName(slug: string, versionNumber: number, extension: "csv" | "xlsx" | "docx") {
  return `${slug.replace(/[^a-z0-9-]/gi, "")}-v${versionNumber}-comments.${extension}`;
}

/**
 * Everything an export route needs, after the access check: the secretariat
 * always (all columns, the dashboard's filters apply); anyone once the
 * dispositions are published (the eight public columns; version and section
 * filters only); otherwise a 404 "not published yet", as for the table.
 */
export async function prepareExport({
  actor,
  slug,
  search,
  ip,
  format,
}: {
  actor: Actor | null;
  slug: string;
  search: URLSearchParams;
  ip?: string | null;
  format: "csv" | "xlsx" | "docx";
}) {
  const requested = parseFeedbackFilters(search);
  const scope = await loadFeedbackScope({ slug, versionNumber: requested.v });
  const access = await dispositionTableAccess({
    actor,
    consultation: scope.consultation,
    audit: { ip, action: "comments.export", details: { format, reason: "not published" } },
  });
  if (access !== "secretariat") return preparePublicExport({ scope, section: requested.section, format });
  const filters: FeedbackFilters = requested;
  const { where } = feedbackWhere(scope, filters);
  const total = format === "csv" ? null : await prisma.comment.count({ where });
  await recordAuditEvent({
    actorId: actor?.id ?? null,
    action: "comments.export",
    entity: "consultation",
    entityId: scope.consultation.id,
    outcome: "ok",
    ip: ip ?? null,
    details: { format, filters },
  });
  return {
    access,
    scope,
    where,
    total,
    fileName: exportFileName(scope.consultation.slug, scope.version.number, format),
    batches: () => exportRowBatches({ scope, where }),
  };
}

/** The public's export: the latest published snapshot of a public version (section filter only). */
async function preparePublicExport({
  scope,
  section,
  format,
}: {
  scope: FeedbackScope;
  section: string | undefined;
  format: "csv" | "xlsx" | "docx";
}) {
  if (!(PUBLISHED_VERSION_STATUSES as readonly string[]).includes(scope.version.status)) {
    throw new DomainError(404, "feedback.errors.noVersion");
  }
  const publication = await latestDispositionPublication(scope.consultation.id);
  if (!publication) {
    throw new DomainError(404, "dispositions.notPublished", { values: { title: scope.consultation.title } });
  }
  const params = sectionParams(scope.sections);
  const sectionId = section ? ([...params].find(([, value]) => value === section)?.[0] ?? "none") : null;
  const where = { publicationId: publication.id, versionId: scope.version.id, ...(sectionId ? { sectionId } : {}) };
  const total = format === "csv" ? null : await prisma.publishedDisposition.count({ where });
  return {
    access: "public" as TableAccess,
    scope,
    where: null,
    total,
    fileName: exportFileName(scope.consultation.slug, scope.version.number, format),
    batches: () =>
      publishedExportRowBatches({
        publicationId: publication.id,
        versionId: scope.version.id,
        sections: scope.sections,
        sectionId,
        batchSize: EXPORT_BATCH_SIZE,
      }),
  };
}
