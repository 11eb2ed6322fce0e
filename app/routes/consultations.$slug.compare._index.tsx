import { redirect } from "@remix-run/node";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseVersionRange } from "~/lib/compare";
import { latestComparisonRange } from "~/models/comparison.server";
import { errorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * `/consultations/:slug/compare?from=1&to=2` (the version picker's GET form)
 * and plain `/consultations/:slug/compare` (the two latest versions) lead to
 * the shareable `/consultations/:slug/compare/1...2`.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const url = new URL(request.url);
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to");
  const range =
    from !== null || to !== null ? parseVersionRange(`${from}...${to}`) : await latestComparisonRange({ slug });
  if (!range) throw errorResponse(404, { key: "compare.errors.notFound" });
  const options = new URLSearchParams();
  for (const name of ["view", "only"]) {
    const value = url.searchParams.get(name);
    if (value) options.set(name, value);
  }
  const query = options.toString();
  throw redirect(
    `/consultations/${encodeURIComponent(slug)}/compare/${range.from}...${range.to}${query ? `?${query}` : ""}`,
  );
}

/** Never rendered: the loader always redirects or throws (a page, so a 404 gets the error page). */
export default function CompareIndex() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
