/**
 * Sentences moved from one paragraph into another. The paragraph alignment
 * pairs whole paragraphs; when one sentence leaves a paragraph and joins
 * another (GCA 2020 "6.17 a." → 2022 "6."), the word diffs of both rows show
 * it as an unrelated deletion and insertion. Here, a sentence deleted as a
 * whole in one row and inserted as a whole in another row, the same after
 * normalization, is marked on both sides with a link between them.
 *
 * Linear in the changed text: each side's sentences are cut once, hashed by
 * their normalized words and matched through a map. Deterministic: a map in
 * row order, no clock, no randomness.
 */
import { normalizedWords } from "./similarity";

import type { WordChange } from "./words";

/**
 * Sentences shorter than this many words are not marked as moved: "See
 * above." or "Not applicable." recur in unrelated places.
 */
export const MIN_MOVED_SENTENCE_WORDS = 6;

/** One end of a moved sentence, on the row that shows it. */
export interface MovedSentence {
  /** `old`: the sentence was deleted here (moved away); `new`: it was inserted here (moved in). */
  side: "old" | "new";
  /**
   * Character range of the sentence in this row's text on that side: the
   * concatenation of its `equal` and `delete` runs (old) or of its `equal`
   * and `insert` runs (new).
   */
  start: number;
  end: number;
  /** Index (in the comparison's rows) of the row holding the other end. */
  row: number;
}

/**
 * Sentence boundaries: a full stop, question or exclamation mark before a
 * space and anything but a lower-case letter or a digit ("Res. 130", "e.g.
 * the" go on); CJK full stops; the blank line between joined paragraphs.
 */
const BOUNDARY = /[.!?؟]["'”’)\]]*(?=\s+[^\s\p{Ll}\p{N}])|[.!?؟]["'”’)\]]*\s*$|[。！？]|\n\n/gu;

/** Sentences of a text as [start, end) ranges, surrounding whitespace excluded. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to > from) ranges.push([from, to]);
  };
  for (const match of text.matchAll(BOUNDARY)) {
    const end = (match.index ?? 0) + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return ranges;
}

/** One side of a row: its text and which characters are changed (deleted or inserted) there. */
function sideOf(changes: readonly WordChange[], side: "old" | "new") {
  const changed = side === "old" ? "delete" : "insert";
  const skipped = side === "old" ? "insert" : "delete";
  let text = "";
  const ranges: Array<[number, number]> = [];
  for (const change of changes) {
    if (change.type === skipped) continue;
    if (change.type === changed) ranges.push([text.length, text.length + change.text.length]);
    text += change.text;
  }
  return { text, ranges };
}

/** Whether every non-space character of [start, end) lies in one of the sorted `ranges`. */
function wholyChanged(text: string, start: number, end: number, ranges: ReadonlyArray<[number, number]>) {
  let position = start;
  for (const [from, to] of ranges) {
    if (to <= position) continue;
    // Between changed runs only whitespace may be left unchanged.
    if (from > position && /\S/.test(text.slice(position, Math.min(from, end)))) return false;
    if (from >= end) break;
    position = Math.max(position, to);
    if (position >= end) return true;
  }
  return !/\S/.test(text.slice(position, end));
}

interface Occurrence {
  row: number;
  start: number;
  end: number;
}

/** The wholly changed sentences of one side of every row, by normalized text, in row order. */
function changedSentences(rows: ReadonlyArray<{ changes: readonly WordChange[] }>, side: "old" | "new") {
  const changed = side === "old" ? "delete" : "insert";
  const byText = new Map<string, Occurrence[]>();
  rows.forEach((row, index) => {
    if (!row.changes.some((change) => change.type === changed)) return;
    const { text, ranges } = sideOf(row.changes, side);
    for (const [start, end] of sentenceRanges(text)) {
      if (!wholyChanged(text, start, end, ranges)) continue;
      const words = normalizedWords(text.slice(start, end));
      if (words.length < MIN_MOVED_SENTENCE_WORDS) continue;
      const key = words.join(" ");
      const list = byText.get(key);
      if (list) list.push({ row: index, start, end });
      else byText.set(key, [{ row: index, start, end }]);
    }
  });
  return byText;
}

/**
 * The moved sentences of each row (same indexes as `rows`; empty arrays for
 * most). A sentence counts as moved when it is deleted as a whole in exactly
 * one row and inserted as a whole in exactly one other row: a sentence
 * deleted or inserted in several places (boilerplate) gives no reliable link.
 */
export function findMovedSentences(rows: ReadonlyArray<{ changes: readonly WordChange[] }>): MovedSentence[][] {
  const result: MovedSentence[][] = rows.map(() => []);
  const deleted = changedSentences(rows, "old");
  if (deleted.size === 0) return result;
  const inserted = changedSentences(rows, "new");
  for (const [key, gone] of deleted) {
    const arrived = inserted.get(key);
    if (!arrived || gone.length !== 1 || arrived.length !== 1) continue;
    const [from] = gone;
    const [to] = arrived;
    if (from.row === to.row) continue;
    result[from.row].push({ side: "old", start: from.start, end: from.end, row: to.row });
    result[to.row].push({ side: "new", start: to.start, end: to.end, row: from.row });
  }
  for (const list of result) list.sort((x, y) => (x.side === y.side ? x.start - y.start : x.side === "old" ? -1 : 1));
  return result;
}

/** One end of a sentence moved between two rows, as the page links it. */
export interface MovedSentenceView {
  /** `old`: deleted here, `to` the other row; `new`: inserted here, `from` the other row. */
  side: "old" | "new";
  /** Character range in this row's text on that side (see {@link MovedSentence}). */
  start: number;
  end: number;
  /** Index of the other row in the comparison. */
  row: number;
  /** Element id of the other row. */
  anchor: string;
  /** Where the sentence went (its new paragraphs' numbers) or came from (its old ones); "" when unnumbered. */
  number: string;
  /** The page of the current view that shows the other row, when the comparison has several; else null. */
  page: number | null;
}

/** A row as {@link movedSentenceViews} reads it. */
interface RowWithMoves {
  old: ReadonlyArray<{ key: string; number: string | null }>;
  new: ReadonlyArray<{ key: string; number: string | null }>;
  movedSentences?: MovedSentence[];
}

/** The moved sentences of `row` as the page links them (page.ts passes its anchor and numbering rules). */
export function movedSentenceViews<Row extends RowWithMoves>(
  row: Row,
  rows: readonly Row[],
  how: {
    rowAnchor: (row: Row) => string;
    rowNumbers: (paragraphs: Row["old"]) => string;
    pageOf?: (row: number) => number | null;
  },
): MovedSentenceView[] {
  return (row.movedSentences ?? []).map((moved) => {
    const other = rows[moved.row];
    return {
      ...moved,
      anchor: how.rowAnchor(other),
      number: how.rowNumbers(moved.side === "old" ? other.new : other.old),
      page: how.pageOf?.(moved.row) ?? null,
    };
  });
}

/** The bounds of one end of a moved sentence, as {@link markMovedSentences} reads them. */
type MoveBounds = Pick<MovedSentence, "side" | "start" | "end">;

/** A run of a row's text as shown: a word change, or the part of one that is a moved sentence. */
export type MarkedChange<Move extends MoveBounds> = WordChange & {
  /** The moved sentence this part belongs to. */
  move?: Move;
  /** The last part of that sentence (where the page puts its link, the Word export the end of its comment). */
  moveEnds?: boolean;
};

/**
 * Cuts the deleted and inserted runs at the moved sentences' bounds
 * (character ranges in the old side's text, equal + deleted runs, and the
 * new side's, equal + inserted runs), so the page and the exports can mark
 * each moved sentence as one.
 */
export function markMovedSentences<Move extends MoveBounds>(
  changes: readonly WordChange[],
  moves: readonly Move[],
): Array<MarkedChange<Move>> {
  if (moves.length === 0) return [...changes];
  const shown: Array<MarkedChange<Move>> = [];
  let oldAt = 0;
  let newAt = 0;
  for (const change of changes) {
    const side = change.type === "delete" ? "old" : change.type === "insert" ? "new" : null;
    const at = change.type === "insert" ? newAt : oldAt;
    const end = at + change.text.length;
    if (change.type !== "insert") oldAt += change.text.length;
    if (change.type !== "delete") newAt += change.text.length;
    const inside = side ? moves.filter((move) => move.side === side && move.start < end && move.end > at) : [];
    if (inside.length === 0) {
      shown.push(change);
      continue;
    }
    let cut = at;
    for (const move of inside) {
      const from = Math.max(move.start, at);
      const to = Math.min(move.end, end);
      if (from > cut) shown.push({ type: change.type, text: change.text.slice(cut - at, from - at) });
      shown.push({ type: change.type, text: change.text.slice(from - at, to - at), move, moveEnds: move.end <= end });
      cut = to;
    }
    if (cut < end) shown.push({ type: change.type, text: change.text.slice(cut - at) });
  }
  return shown;
}
