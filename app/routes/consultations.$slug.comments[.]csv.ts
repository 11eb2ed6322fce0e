import type { LoaderFunctionArgs } from "@remix-run/node";

import { remixI18n } from "~/i18next.server";
import { csvExportStream, exportLabels, prepareExport } from "~/models/comment-export.server";
import { DomainError } from "~/models/errors";
import { getSessionUser } from "~/utils/auth.server";

/**
 * The comments and their dispositions as CSV (8 ISO columns; the
 * secretariat's export adds internal columns), streamed batch by batch.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request);
  const t = await remixI18n.getFixedT(request);
  try {
    const prepared = await prepareExport({
      actor: user,
      slug: params.slug ?? "",
      search: new URL(request.url).searchParams,
      ip: context.clientAddress,
      format: "csv",
    });
    headers.set("Content-Type", "text/csv; charset=utf-8");
    headers.set("Content-Disposition", `attachment; filename="${prepared.fileName}"`);
    headers.set("Cache-Control", "private, no-store");
    const labels = exportLabels(t, prepared.scope.consultation.title);
    return new Response(csvExportStream(prepared.batches(), prepared.access, labels), { headers });
  } catch (error) {
    if (error instanceof DomainError) {
      const message = error.details.notPublished ? t("dispositions.notPublished") : error.message;
      return new Response(message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
