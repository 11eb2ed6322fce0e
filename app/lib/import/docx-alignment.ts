/**
 * Lining up mammoth's paragraphs with the w:p elements read from the XML
 * (docx-xml.ts `bodyParagraphs`): by document order and text, so that a
 * paragraph one reader skips or joins differently costs only itself.
 */

/** What two readings of one paragraph agree on: its letters and digits. */
export function alignmentKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** How far ahead the alignment looks for a paragraph one side has and the other lacks. */
const LOOKAHEAD = 32;

/**
 * Pairs mammoth's paragraphs (their texts, in order) with ours: in order, by
 * text; when the two disagree (a paragraph one reader skipped), the nearer
 * match within a few paragraphs on either side wins, and a paragraph left
 * without a partner gets no number. Returns, for each of mammoth's
 * paragraphs, the index of ours or null. Linear in the number of paragraphs.
 */
export function alignParagraphs(mammothTexts: readonly string[], ours: readonly { text: string }[]): (number | null)[] {
  const left = mammothTexts.map(alignmentKey);
  const right = ours.map((p) => alignmentKey(p.text));
  const result: (number | null)[] = Array.from({ length: left.length }, () => null);
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      result[i] = j;
      i++;
      j++;
      continue;
    }
    let skipRight = -1;
    for (let k = 1; k <= LOOKAHEAD && j + k < right.length; k++) {
      if (right[j + k] === left[i]) {
        skipRight = k;
        break;
      }
    }
    let skipLeft = -1;
    for (let k = 1; k <= LOOKAHEAD && i + k < left.length; k++) {
      if (left[i + k] === right[j]) {
        skipLeft = k;
        break;
      }
    }
    if (skipRight > 0 && (skipLeft < 0 || skipRight <= skipLeft)) j += skipRight;
    else if (skipLeft > 0) i += skipLeft;
    else {
      i++;
      j++;
    }
  }
  return result;
}
