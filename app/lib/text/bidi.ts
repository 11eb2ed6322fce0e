/**
 * Bidirectional formatting controls in names and titles: U+202E (RIGHT-TO-LEFT OVERRIDE) turns
 * "Delegation of ‮A etatS" into what reads as another name, and the others embed, override or isolate
 * runs the same way. Names and titles never need them (the browser lays out Arabic and Hebrew without),
 * so they are removed at input: the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
 * The implicit marks (U+200E, U+200F, U+061C) are kept: they change no order of letters, only of
 * neutral characters beside them, and people writing right-to-left type them on purpose.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text without bidi embedding, override and isolate controls.
 *
 * @example
 * stripBidiControls("\u202Eevil") // → "evil"
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** For `z.preprocess`: a string without bidi controls; anything else as it came (the schema refuses it). */
export function stripBidiInput(value: unknown): unknown {
  return typeof value === "string" ? stripBidiControls(value) : value;
}
