/**
 * HTML character references in text that came out of HTML (mammoth's
 * conversion of Word documents): the one decoder for the importers.
 */

/** The named references mammoth writes (and the common ones a pasted table may hold). */
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The largest Unicode code point: `String.fromCodePoint` throws past it. */
const MAX_CODE_POINT = 0x10ffff;

/**
 * Decodes `&amp;`, `&#233;`, `&#xE9;` and the other named references above.
 * Unknown names and numbers that are no code point are left as written.
 *
 * @example
 * decodeEntities("R&amp;D &#8211; &#x1F600; &bogus; &#x110000;") // → "R&D – 😀 &bogus; &#x110000;"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= MAX_CODE_POINT ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? match;
  });
}
