/**
 * Absolute links to the app's own pages, for email (a message is read
 * outside the site, so its links cannot be relative). The origin is, in
 * order: APP_URL (the public address, e.g. `https://consult.example.org`, a
 * trailing slash tolerated), else the origin the request was addressed to
 * (as the app already derives it: `new URL(request.url).origin`, which the
 * Remix adapter builds from Host and, with TRUST_PROXY, X-Forwarded-Proto),
 * else the address the embedded server listens on (`http://localhost:PORT`),
 * so that events without a request (the seed, a script) still queue working
 * links on a developer's machine.
 */
import { safeReturnPath } from "~/lib/return-address";

/** The origin from APP_URL, or null when unset; throws on a value that is not an http(s) origin. */
export function configuredAppOrigin(value = process.env.APP_URL): string | null {
  const trimmed = value?.trim().replace(/\/+$/, "");
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error("APP_URL is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("APP_URL must be an http(s) URL");
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    throw new Error("APP_URL must be an origin only, such as https://consult.example.org");
  }
  return url.origin;
}

/** The origin links are made absolute with (see the module comment). */
export function appOrigin(request?: Request): string {
  const configured = configuredAppOrigin();
  if (configured) return configured;
  if (request) return new URL(request.url).origin;
  return `http://localhost:${Number(process.env.PORT ?? 3000)}`;
}

/**
 * `path` (a same-site absolute path: "/invitations/…") made absolute. Refuses,
 * by throwing, anything else, with app/lib/return-address.ts safeReturnPath
 * semantics: other origins in every spelling ("//evil", "https://evil",
 * "/\evil"), control characters, paths that change once dot segments are
 * resolved, and relative paths.
 */
export function absoluteUrl(path: string, request?: Request): string {
  if (safeReturnPath(path, "") !== path) throw new Error("absoluteUrl refused: not a same-site absolute path");
  return `${appOrigin(request)}${path}`;
}
