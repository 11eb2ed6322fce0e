/**
 * The query parameters each publicly cached page reads; any other parameter
 * changes nothing it renders. The page cache keys pages by these alone
 * (app/lib/page-cache.ts `pageCacheUrl`), and forms that carry a page's query
 * along carry only these (a cached rendering is shared by every URL with the
 * same key). Pure: imported by the browser too.
 */
const PAGE_QUERY_PARAMETERS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/consultations\/[^/]+\/versions\/[^/]+$/, ["at", "edit", "edition", "goto", "history", "p", "page", "saved"]],
  [/^\/consultations\/[^/]+\/compare\/[^/]+$/, ["edition", "goto", "only", "page", "view"]],
  [/^\/consultations\/[^/]+\/compare\/[^/]+\/export\.html$/, ["download"]],
  [/^\/consultations\/[^/]+\/dispositions$/, ["page", "v"]],
];

/** The parameters the page at `pathname` reads, or null when it is not listed (its whole query counts). */
export function pageQueryParameters(pathname: string): readonly string[] | null {
  return PAGE_QUERY_PARAMETERS.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}
