/**
 * The one rule for link targets in comments, shared by the editor (so a
 * delegate is told at once), the validator (so the server refuses) and the
 * renderer (so a stored link that slipped past both is still not clickable).
 *
 * Only web and e-mail links make sense in a consultation comment. Everything
 * else — `javascript:`, `data:`, `vbscript:`, `file:`, relative and
 * protocol-relative URLs — is refused rather than "cleaned", because a link
 * the author cannot see the real target of is itself a risk for readers.
 */

/** Schemes a comment link may use, lower case, without the colon. */
export const ALLOWED_LINK_SCHEMES = ["http", "https", "mailto"] as const;

/** Longer hrefs are refused: no real reference needs more, and they bloat exports. */
export const MAX_LINK_HREF_CHARS = 2048;

/** Why an href was refused; the validator turns these into sentences. */
export type LinkHrefProblem = "empty" | "too-long" | "control-characters" | "scheme";

/**
 * Characters browsers drop or ignore while reading a URL scheme, so that
 * `java\tscript:` and `\u0000javascript:` still run as `javascript:`:
 * C0 controls, space, DEL, C1 controls, and the Unicode spaces and invisible
 * format characters (zero-width, bidi marks, BOM).
 */

// Matching control characters is the point of these two.
const INVISIBLE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

const CONTROL_OR_INVISIBLE_INSIDE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;

/**
 * Checks an href against the comment link rules.
 *
 * The scheme is read the way a browser would read it — after removing every
 * whitespace, control and invisible character and ignoring case — so that
 * `JaVaScRiPt:`, `" javascript:"` and `"java\tscript:"` are all seen as
 * `javascript:`. Control or invisible characters anywhere inside the link
 * are refused outright: real links never contain them, and they are how the
 * scheme check is usually fooled.
 *
 * @returns `null` when the href is acceptable, otherwise the problem.
 */
export function linkHrefProblem(href: string): LinkHrefProblem | null {
  const trimmed = href.trim();
  if (trimmed === "") return "empty";
  if (trimmed.length > MAX_LINK_HREF_CHARS) return "too-long";

  // Judge the scheme as the browser would see it, before anything else, so the
  // message for "java\tscript:" is about the scheme, not about the tab.
  const compact = trimmed.replace(INVISIBLE_OR_CONTROL, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (!scheme || !(ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme)) return "scheme";

  if (CONTROL_OR_INVISIBLE_INSIDE.test(trimmed)) return "control-characters";
  // After removing invisibles the scheme must still be the literal start of the href:
  // "ht\u200btps://" is refused above; this catches the scheme being spelt with
  // characters the compacting removed (for example a no-break space inside it).
  if (!trimmed.toLowerCase().startsWith(`${scheme}:`)) return "scheme";

  if (scheme === "mailto") return trimmed.length > "mailto:".length ? null : "empty";

  // http(s): must be an absolute URL with a host, as the WHATWG parser reads it.
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return "scheme";
  }
  if (url.protocol !== `${scheme}:` || url.hostname === "") return "scheme";
  return null;
}

/** `true` when {@link linkHrefProblem} finds nothing wrong. */
export function isAllowedLinkHref(href: string): boolean {
  return linkHrefProblem(href) === null;
}
