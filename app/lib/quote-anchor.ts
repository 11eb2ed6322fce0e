/**
 * Where a quoted phrase sits in a paragraph, with enough of its surroundings
 * to find it again if the paragraph is later edited or re-imported. Used by
 * comments typed on the platform and by comments imported from a template.
 */

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT_CHARS = 40;

/** A quote located in its paragraph: the phrase, its offsets and its context. */
export interface AnchoredQuote {
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  quotePrefix: string;
  quoteSuffix: string;
}

/** The context on each side of `text.slice(start, end)`. */
export function quoteContext(
  text: string,
  start: number,
  end: number,
): Pick<AnchoredQuote, "quotePrefix" | "quoteSuffix"> {
  return {
    quotePrefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
    quoteSuffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
  };
}

/**
 * Locates `quote` in `paragraphText`: at `start` when the phrase is there
 * (the offset the browser measured), otherwise at its first occurrence.
 * Returns null when the phrase is not in the paragraph.
 */
export function anchorQuote(paragraphText: string, quote: string, start?: number): AnchoredQuote | null {
  let at = start;
  if (at === undefined || paragraphText.slice(at, at + quote.length) !== quote) at = paragraphText.indexOf(quote);
  if (at < 0) return null;
  const end = at + quote.length;
  return { quote, quoteStart: at, quoteEnd: end, ...quoteContext(paragraphText, at, end) };
}
