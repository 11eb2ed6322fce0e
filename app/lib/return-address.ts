/**
 * Return addresses: where "Sign in to comment" sends a reader back to, and
 * the check that the sign-in page only ever sends people to a path of this
 * site. Pure (no request, no database): unit-tested in return-address.test.ts.
 */

const DEFAULT_RETURN = "/consultations";
const BASE = "http://same-site.invalid";

/**
 * A paragraph's open comment panel: `<reader>?p=<key>#p-<key>` (the query
 * before the hash, or the browser reads the query as part of the anchor).
 */
export function paragraphPanelPath(readerPath: string, paragraphKey: string): string {
  const path = readerPath.replace(/[?#].*$/s, "");
  return `${path}?p=${encodeURIComponent(paragraphKey)}#p-${paragraphKey}`;
}

/** The sign-in page, returning to `returnTo` (a same-site path) afterwards. */
export function signInPath(returnTo: string): string {
  return `/login?redirectTo=${encodeURIComponent(returnTo)}`;
}

/**
 * `to` if it is a path on this site, else `fallback`. Refuses other origins in
 * every spelling browsers accept: "//evil", "https://evil", "/\evil",
 * control characters, and paths that only become "//evil" once the browser
 * resolves their dot segments ("/.//evil", "/a/..//evil"); and never returns
 * to the sign-in or sign-out pages themselves.
 */
export function safeReturnPath(to: unknown, fallback = DEFAULT_RETURN): string {
  if (typeof to !== "string" || to.length > 2048 || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // After dot segments are resolved the path must still be a single-slash path.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  if (url.pathname === "/login" || url.pathname === "/logout") return fallback;
  return path;
}
