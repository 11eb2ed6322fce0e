import { remixI18n } from "~/i18next.server";
import { parseVersionRange } from "~/lib/compare";
import { comparisonDocx } from "~/models/comparison-docx.server";
import { cachedComparisonExport, comparisonExportKey } from "~/models/comparison-exports.server";
import { comparisonPairIds, getComparison } from "~/models/comparison.server";
import { getSessionUser } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * `/consultations/:slug/compare/1...2/export.docx`: the comparison as Word tracked changes, built once per
 * pair of versions and language and then kept (app/models/comparison-exports.server.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const range = parseVersionRange(params.range);
  if (!range) throw errorResponse(404, { key: "compare.errors.notFound" });
  const auth = await getSessionUser(request);
  const slug = params.slug ?? "";
  const pair = await comparisonPairIds({ slug, ...range });
  if (!pair) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);
  const language = await remixI18n.getLocale(request);
  const buffer = await cachedComparisonExport(comparisonExportKey(pair, "docx", language), async () => {
    const page = await getComparison({ slug, ...range, actor: auth.user, withComments: false });
    if (!page) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);
    const t = await remixI18n.getFixedT(request);
    return comparisonDocx({ page, t });
  });
  const headers = new Headers(auth.headers);
  headers.set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  headers.set("Content-Disposition", `attachment; filename="${slug}-compare-${range.from}-${range.to}.docx"`);
  headers.set("Cache-Control", "private, max-age=0, must-revalidate");
  return new Response(new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength), { headers });
}
