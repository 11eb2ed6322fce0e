import type { LoaderFunctionArgs } from "@remix-run/node";

import { remixI18n } from "~/i18next.server";
import { blankTemplateXlsx } from "~/models/comment-import.server";
import { DomainError } from "~/lib/errors";
import { loadFeedbackScope } from "~/models/feedback.server";

/**
 * The blank commenting template (.xlsx) of a version (`?v=`, by default the
 * one open for comments): public, like the version's paragraphs it lists.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await remixI18n.getFixedT(request);
  const slug = params.slug ?? "";
  const requested = Number(new URL(request.url).searchParams.get("v"));
  try {
    const scope = await loadFeedbackScope({
      slug,
      versionNumber: Number.isInteger(requested) && requested >= 1 ? requested : undefined,
    });
    const open = scope.consultation.versions.find((version) => version.status === "open");
    const versionNumber =
      Number.isInteger(requested) && requested >= 1 ? requested : (open?.number ?? scope.version.number);
    const buffer = await blankTemplateXlsx({ slug, versionNumber, t });
    return new Response(new Uint8Array(buffer), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${slug.replace(/[^a-z0-9-]/gi, "")}-v${versionNumber}-commenting-template.xlsx"`,
        "Content-Length": String(buffer.length),
      },
    });
  } catch (error) {
    if (error instanceof DomainError)
      return new Response(error.message, {
        status: error.status,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    throw error;
  }
}
