/** The column labels and cell words of the comment exports (CSV, XLSX, DOCX), in the reader's language. */
import { isDispositionStatus, ISO_COLUMNS, type Translate } from "~/lib/feedback";

/** Labels of the columns and the words inside cells, in the reader's language. */
export interface ExportLabels {
  columns: string[];
  /** Extra columns of the secretariat's CSV and XLSX: id, group, submitted, decided by, decided at, language. */
  internalColumns: string[];
  status: (status: string) => string;
  title: string;
  /** "Section" heading for rows without a section. */
  noSection: string;
}

/** The labels of the exports from the locale (`feedback.columns.*`, `dispositions.status.*`). */
export function exportLabels(t: Translate, consultationTitle: string): ExportLabels {
  return {
    columns: ISO_COLUMNS.map((column, index) => `(${index + 1}) ${t(`feedback.columns.${column}`)}`),
    internalColumns: [
      t("feedback.columns.commentId"),
      t("feedback.columns.duplicateGroup"),
      t("feedback.columns.submittedAt"),
      t("feedback.columns.decidedBy"),
      t("feedback.columns.decidedAt"),
      t("editions.feedback.language"),
    ],
    status: (status) => (isDispositionStatus(status) ? t(`dispositions.status.${status}`) : status),
    title: t("feedback.export.title", { title: consultationTitle }),
    noSection: t("feedback.export.noSection"),
  };
}
