import type { LoaderFunctionArgs } from "@remix-run/node";

import { remixI18n } from "~/i18next.server";
import { prepareExport } from "~/models/comment-export.server";
import { DomainError } from "~/lib/errors";
import { getSessionUser } from "~/utils/auth.server";

type Prepared = Awaited<ReturnType<typeof prepareExport>>;
import type { Translate } from "~/lib/translate";

/**
 * What the CSV, XLSX and DOCX export routes share: who may export what
 * (prepareExport), the download headers, and refusals as plain text. Each
 * route supplies only its content type and how it writes the body.
 */
export async function commentExportResponse(
  { request, params, context }: LoaderFunctionArgs,
  format: "csv" | "xlsx" | "docx",
  contentType: string,
  writeBody: (
    prepared: Prepared,
    t: Translate,
  ) => Promise<ReadableStream<Uint8Array> | Uint8Array> | ReadableStream<Uint8Array> | Uint8Array,
) {
  const { user, headers } = await getSessionUser(request);
  const t = await remixI18n.getFixedT(request);
  try {
    const prepared = await prepareExport({
      actor: user,
      slug: params.slug ?? "",
      search: new URL(request.url).searchParams,
      ip: context.clientAddress,
      format,
    });
    const body = await writeBody(prepared, t);
    headers.set("Content-Type", contentType);
    headers.set("Content-Disposition", `attachment; filename="${prepared.fileName}"`);
    headers.set("Cache-Control", "private, no-store");
    if (body instanceof Uint8Array) headers.set("Content-Length", String(body.byteLength));
    // Our bytes always sit on a plain ArrayBuffer; the DOM typings want that said.
    return new Response(body as ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>, { headers });
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
