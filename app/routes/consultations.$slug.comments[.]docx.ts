import { formatDay } from "~/lib/dates";
import { commentExportResponse } from "~/models/comment-export-response.server";
import { docxExport, exportLabels } from "~/models/comment-export.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * The comments and their dispositions as a Word document: per section, the
 * 8-column table. Built in memory, so capped (DOCX_MAX_ROWS); the 8 public
 * columns only, for everyone.
 */
export function loader(args: LoaderFunctionArgs) {
  return commentExportResponse(
    args,
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    async (prepared, t) => {
      const { consultation, version } = prepared.scope;
      const buffer = await docxExport({
        batches: prepared.batches(),
        labels: exportLabels(t, consultation.title),
        subtitle: t("feedback.export.subtitle", {
          label: version.label,
          date: formatDay(new Date(), consultation.timeZone),
        }),
        total: prepared.total ?? 0,
      });
      return new Uint8Array(buffer);
    },
  );
}
