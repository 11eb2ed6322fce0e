import { PAGE_CACHE_HEADER } from "~/lib/page-cache";

import type { HeadersFunction } from "@remix-run/node";

/**
 * How long the server may serve one rendering of a public page to anonymous
 * readers (app/lib/page-cache.ts): long enough that a busy page is rendered
 * a few times a minute instead of hundreds of times a second, short enough
 * that a new comment count or a publication shows almost at once.
 */
export const PUBLIC_PAGE_CACHE_SECONDS = 2;

/**
 * Marks a loader's answer as cacheable for anonymous readers. Only when
 * `user` is null: what a signed-in person sees (their drafts, their
 * organization's comments, forms with their keys) is never shared.
 */
export function allowPublicPageCache(headers: Headers, user: unknown) {
  if (user === null) headers.set(PAGE_CACHE_HEADER, String(PUBLIC_PAGE_CACHE_SECONDS));
  return headers;
}

/**
 * A route's `headers` export that passes the loader's permission on to the
 * document (Remix keeps only Set-Cookie from loader headers otherwise).
 */
export const publicPageCacheHeaders: HeadersFunction = ({ loaderHeaders }) => {
  const ttl = loaderHeaders.get(PAGE_CACHE_HEADER);
  const headers = new Headers();
  if (ttl) headers.set(PAGE_CACHE_HEADER, ttl);
  return headers;
};
