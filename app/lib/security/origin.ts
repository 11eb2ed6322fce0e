/** Methods that must not change state, and so need no Origin check. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Decides whether a request may change state: non-safe methods must carry an
 * Origin header equal to the app's own origin (or one explicitly allowed).
 * A missing Origin is refused too: every browser we support sends it on POST,
 * so its absence means a non-browser client or a stripped header.
 */
export function checkRequestOrigin(input: {
  method: string;
  origin: string | null | undefined;
  /** The origin this request was addressed to, e.g. "https://consult.example.org". */
  selfOrigin: string;
  allowedOrigins?: readonly string[];
}): { ok: true } | { ok: false; reason: "missing-origin" | "foreign-origin" } {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  if (!input.origin || input.origin === "null") return { ok: false, reason: "missing-origin" };
  const origin = input.origin.toLowerCase();
  if (origin === input.selfOrigin.toLowerCase()) return { ok: true };
  if (input.allowedOrigins?.some((allowed) => allowed.toLowerCase() === origin)) return { ok: true };
  return { ok: false, reason: "foreign-origin" };
}
