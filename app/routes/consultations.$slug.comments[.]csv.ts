import { commentExportResponse } from "~/models/comment-export-response.server";
import { csvExportStream, exportLabels } from "~/models/comment-export.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * The comments and their dispositions as CSV (8 ISO columns; the
 * secretariat's export adds internal columns), streamed batch by batch.
 */
export function loader(args: LoaderFunctionArgs) {
  return commentExportResponse(args, "csv", "text/csv; charset=utf-8", (prepared, t) =>
    csvExportStream(prepared.batches(), prepared.access, exportLabels(t, prepared.scope.consultation.title)),
  );
}
