/**
 * A receipt as a file: PDF (pdfkit, docs/decisions/0011-receipt-pdf-with-pdfkit.md)
 * or Word (docx). Both carry what the receipt page shows: the organization,
 * who submitted, the date and time in the consultation's zone (named), and
 * every comment's tracking number, paragraph, type and text.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import PDFDocument from "pdfkit";

import { isCommentType } from "~/lib/comment-types";
import { formatInstant } from "~/lib/dates";
import type { Receipt } from "~/models/submission.server";

/** The translate function of the request (i18next's TFunction, narrowed to what is used here). */
type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The receipt's lines, translated: one source for both formats. */
export function receiptContent(receipt: Receipt, t: Translate, language = "en") {
  const zone = receipt.consultation.timeZone;
  return {
    title: t("receipt.title", { reference: receipt.reference }),
    facts: [
      [t("receipt.consultation"), receipt.consultation.title],
      [t("receipt.organization"), receipt.organization?.name ?? t("receipt.unknown")],
      [t("receipt.submittedBy"), receipt.submittedBy?.name ?? t("receipt.unknown")],
      [t("receipt.submittedAt"), formatInstant(receipt.createdAt, zone, language)],
    ] as Array<[string, string]>,
    count: t("receipt.count", { count: receipt.comments.length }),
    columns: [t("receipt.tracking"), t("receipt.paragraph"), t("receipt.type"), t("receipt.text")],
    rows: receipt.comments.map((comment) => {
      const text = [
        comment.bodyText,
        comment.proposedText ? t("receipt.proposed", { text: comment.proposedText }) : "",
        comment.status === "withdrawn" && comment.withdrawalReason
          ? t("receipt.withdrawnNote", { reason: comment.withdrawalReason })
          : "",
      ]
        .filter(Boolean)
        .join("\n");
      return [
        comment.trackingNumber ?? "",
        comment.paragraph?.number ?? comment.paragraph?.key ?? "",
        isCommentType(comment.type) ? t(`comments.types.${comment.type}`) : comment.type,
        text,
      ];
    }),
  };
}

/**
 * The languages the PDF is written in: those whose letters the standard Helvetica (WinAnsi) has. Arabic,
 * Chinese and Russian readers get it in English (docs/decisions/0026-receipt-pdf-language.md); their Word
 * receipt is in their language.
 */
export const PDF_LANGUAGES: readonly string[] = ["en", "es", "fr"];

/** The PDF: A4, the standard Helvetica (no font file to ship), text wrapped by pdfkit. */
export function receiptPdf(receipt: Receipt, t: Translate, language = "en"): Promise<Buffer> {
  const content = receiptContent(receipt, t, language);
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: content.title } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("Helvetica-Bold").fontSize(18).text(content.title);
  doc.moveDown(0.5);
  for (const [label, value] of content.facts) {
    doc.font("Helvetica-Bold").fontSize(11).text(`${label}: `, { continued: true });
    doc.font("Helvetica").text(value);
  }
  doc.moveDown();
  doc.font("Helvetica-Bold").fontSize(13).text(content.count);
  for (const [tracking, paragraph, type, text] of content.rows) {
    doc.moveDown(0.6);
    doc.font("Helvetica-Bold").fontSize(11).text(`${tracking} · ${content.columns[1]} ${paragraph} · ${type}`);
    doc.font("Helvetica").fontSize(10).text(text);
  }
  doc.end();
  return done;
}

/** The Word document: the facts, then a table of the comments. */
export function receiptDocx(receipt: Receipt, t: Translate, language = "en"): Promise<Buffer> {
  const content = receiptContent(receipt, t, language);
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
    });
  const document = new Document({
    creator: "Consultation platform",
    title: content.title,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }),
          ...content.facts.map(
            ([label, value]) =>
              new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
          ),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(content.count)] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: content.columns.map((label) => cell(label, true)) }),
              ...content.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
