/**
 * Showing text that people typed (names, organization names, comments)
 * without letting it rearrange what surrounds it.
 *
 * A right-to-left override (U+202E) in a name makes the rest of the line
 * read backwards — "Alice‮ :tnemmoc detpecca" — so a commenter could make a
 * disposition or another author's name appear to say something else. In
 * React, wrap each user-provided string in `<bdi>`, and give rendered
 * comment bodies their own block with `dir="auto"` (an override cannot
 * reach past the end of its paragraph). Where markup is impossible — a
 * page `<title>`, an `aria-label`, a CSV cell, a plain-text e-mail — use
 * {@link isolateBidi}.
 */

const FIRST_STRONG_ISOLATE = "\u2068";
const POP_DIRECTIONAL_ISOLATE = "\u2069";

/** Directional formatting characters: embeddings, overrides, isolates and their terminators. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** `true` when the text contains bidi embedding, override or isolate characters. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/**
 * The text wrapped in a first-strong isolate (U+2068 … U+2069), so that its
 * direction is its own and no override inside it leaks out — the plain-text
 * equivalent of `<bdi>`. A closing U+2069 in the text that has no opener
 * in the text would end our isolate early, so such strays are removed;
 * everything else the author typed is kept.
 */
export function isolateBidi(text: string): string {
  let open = 0;
  let kept = "";
  for (const char of text) {
    if (char === "\u2066" || char === "\u2067" || char === FIRST_STRONG_ISOLATE) open++;
    else if (char === POP_DIRECTIONAL_ISOLATE) {
      if (open === 0) continue;
      open--;
    }
    kept += char;
  }
  return `${FIRST_STRONG_ISOLATE}${kept}${POP_DIRECTIONAL_ISOLATE}`;
}
