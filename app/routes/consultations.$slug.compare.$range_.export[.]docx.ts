import { remixI18n } from "~/i18next.server";
import { parseVersionRange } from "~/lib/compare";
import { comparisonDocx } from "~/models/comparison-docx.server";
import { getComparison } from "~/models/comparison.server";
import { getSessionUser } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/** `/consultations/:slug/compare/1...2/export.docx`: the comparison as Word tracked changes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const range = parseVersionRange(params.range);
  if (!range) throw errorResponse(404, { key: "compare.errors.notFound" });
  const auth = await getSessionUser(request);
  const page = await getComparison({ slug: params.slug ?? "", ...range, actor: auth.user, withComments: false });
  if (!page) throw errorResponse(404, { key: "compare.errors.notFound" }, auth.headers);
  const t = await remixI18n.getFixedT(request);
  const buffer = await comparisonDocx({ page, t });
  const headers = new Headers(auth.headers);
  headers.set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  headers.set(
    "Content-Disposition",
    `attachment; filename="${page.consultation.slug}-compare-${range.from}-${range.to}.docx"`,
  );
  headers.set("Cache-Control", "private, max-age=0, must-revalidate");
  return new Response(new Uint8Array(buffer), { headers });
}
