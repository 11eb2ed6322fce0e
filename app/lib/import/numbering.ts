/**
 * Recognising the number printed at the start of a paragraph ("1.1", "2.",
 * "a.", "b)", "(1)", "1.9.a") and composing the display number of a lettered
 * item from its parent ("2.9" + "a." → "2.9 a.").
 */

/** What kind of marker opens a paragraph. */
export type MarkerKind =
  /** "1.1", "5.3.1", "1.9.a" (and "1.1." normalized to "1.1"). */
  | "dotted"
  /** "1." or "2)": a section-level paragraph number. */
  | "whole"
  /** "a.", "b)", "(c)": an item of the preceding numbered paragraph. */
  | "letter"
  /** "(1)", "(2)": a numbered item of the preceding numbered paragraph. */
  | "enumerated";

/** A paragraph marker found at the start of a text. */
export interface LeadingMarker {
  kind: MarkerKind;
  /** The marker normalized for display: "1.1", "1.9.a", "2.", "a.", "a)", "(1)". */
  label: string;
  /** The text after the marker, trimmed. */
  rest: string;
}

// Numbers are limited to three digits per part so that years ("2018.") and
// counts ("1500.") at the start of a sentence are not taken for numbers.
const DOTTED = /^(\d{1,3}(?:\.\d{1,3})+)(?:\.([a-z]))?\.?(?=\s|$)/;
const WHOLE = /^(\d{1,3})([.)])(?=\s|$)/;
const LETTER = /^([a-z])([.)])(?=\s|$)/;
const PAREN_LETTER = /^\(([a-z])\)(?=\s|$)/;
const PAREN_NUMBER = /^\((\d{1,2})\)(?=\s|$)/;

/**
 * Reads the paragraph marker at the start of `text`, if any. The marker must
 * be followed by whitespace: in line-based sources a number glued to a word
 * is part of the sentence ("2.5G networks").
 */
export function parseLeadingMarker(text: string): LeadingMarker | null {
  const trimmed = text.trimStart();
  let match = DOTTED.exec(trimmed);
  if (match) {
    const label = match[2] ? `${match[1]}.${match[2]}` : match[1];
    return { kind: "dotted", label, rest: trimmed.slice(match[0].length).trim() };
  }
  match = WHOLE.exec(trimmed);
  if (match) {
    return { kind: "whole", label: `${match[1]}${match[2]}`, rest: trimmed.slice(match[0].length).trim() };
  }
  match = LETTER.exec(trimmed);
  if (match) {
    return { kind: "letter", label: `${match[1]}${match[2]}`, rest: trimmed.slice(match[0].length).trim() };
  }
  match = PAREN_LETTER.exec(trimmed);
  if (match) {
    return { kind: "letter", label: `(${match[1]})`, rest: trimmed.slice(match[0].length).trim() };
  }
  match = PAREN_NUMBER.exec(trimmed);
  if (match) {
    return { kind: "enumerated", label: `(${match[1]})`, rest: trimmed.slice(match[0].length).trim() };
  }
  return null;
}

/**
 * Display number of an item under a numbered paragraph: "2.9" + "a." →
 * "2.9 a.", "2." + "a." → "2. a.", "1.7" + "a)" → "1.7 a)". Without a parent
 * the item keeps its own label.
 */
export function itemNumber(parent: string | null, label: string): string {
  return parent ? `${parent} ${label}` : label;
}
