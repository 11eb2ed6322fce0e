import { remixI18n } from "~/i18next.server";
import { blankTemplate } from "~/models/comment-import.server";
import { orErrorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * The blank commenting template (.xlsx) of a version (`?v=`, by default the
 * one open for comments): public, like the version's paragraphs it lists.
 * An unknown consultation or version is a 404 with its message key.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await remixI18n.getFixedT(request);
  const requested = Number(new URL(request.url).searchParams.get("v"));
  const { buffer, fileName } = await orErrorResponse(
    blankTemplate({
      slug: params.slug ?? "",
      versionNumber: Number.isInteger(requested) && requested >= 1 ? requested : undefined,
      t,
    }),
  );
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(buffer.length),
    },
  });
}
