import type { LoaderFunctionArgs } from "@remix-run/node";

import { remixI18n } from "~/i18next.server";
import { formatDay } from "~/lib/dates";
import { docxExport, exportLabels, prepareExport } from "~/models/comment-export.server";
import { DomainError } from "~/models/errors";
import { getSessionUser } from "~/utils/auth.server";

/**
 * The comments and their dispositions as a Word document: per section, the
 * 8-column table. Built in memory, so capped (DOCX_MAX_ROWS); the 8 public
 * columns only, for everyone.
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
      format: "docx",
    });
    const { consultation, version } = prepared.scope;
    const buffer = await docxExport({
      batches: prepared.batches(),
      labels: exportLabels(t, consultation.title),
      subtitle: t("feedback.export.subtitle", { label: version.label, date: formatDay(new Date(), consultation.timeZone) }),
      total: prepared.total ?? 0,
    });
    headers.set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    headers.set("Content-Disposition", `attachment; filename="${prepared.fileName}"`);
    headers.set("Cache-Control", "private, no-store");
    headers.set("Content-Length", String(buffer.length));
    return new Response(new Uint8Array(buffer), { headers });
  } catch (error) {
    if (error instanceof DomainError) {
      const message = error.details.notPublished
        ? t("dispositions.notPublished")
        : error.status === 413
          ? t("feedback.exports.tooLarge", { total: error.details.total, max: error.details.max })
          : error.message;
      return new Response(message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
