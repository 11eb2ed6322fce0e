/**
 * What the CSV, XLSX and DOCX export routes share (a route-level helper):
 * who may export what (prepareExport), the download headers, and refusals
 * as JSON message keys (app/utils/http.server.ts) with their status — 404
 * before publication, 413 for a Word export too large. Each route supplies
 * only its content type and how it writes the body.
 */

import { remixI18n } from "~/i18next.server";
import { DomainError } from "~/lib/errors";
import type { Translate } from "~/lib/translate";
import { getSessionUser } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";

import { prepareExport } from "./comment-export.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

type Prepared = Awaited<ReturnType<typeof prepareExport>>;

type ExportBody = ReadableStream<Uint8Array> | Uint8Array;

export async function commentExportResponse(
  { request, params, context }: LoaderFunctionArgs,
  format: "csv" | "xlsx" | "docx",
  contentType: string,
  writeBody: (prepared: Prepared, t: Translate) => Promise<ExportBody> | ExportBody,
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
    // A download is answered, not shown by an error boundary: the refusal is the response.
    if (error instanceof DomainError) return errorResponse(error.status, error.userMessage, headers);
    throw error;
  }
}
