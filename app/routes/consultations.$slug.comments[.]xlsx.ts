import { commentExportResponse } from "~/models/comment-export-response.server";
import { exportLabels, xlsxExportStream } from "~/models/comment-export.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/** The comments and their dispositions as an Excel workbook, streamed (ExcelJS WorkbookWriter). */
export function loader(args: LoaderFunctionArgs) {
  return commentExportResponse(
    args,
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (prepared, t) =>
      xlsxExportStream(prepared.batches(), prepared.access, exportLabels(t, prepared.scope.consultation.title), {
        rows: prepared.total ?? 0,
      }),
  );
}
