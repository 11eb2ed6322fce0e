/**
 * Word-level changes inside one aligned pair of paragraphs.
 *
 * jsdiff's Myers implementation (`diffArrays`, with its `maxEditLength`
 * limit) finds a minimal edit script over words and punctuation marks. It is
 * bounded by work, never by the clock: the same texts give the same result on
 * any machine under any load. Two things are added around it:
 *
 * - Whitespace is not a token. Tokenizing spaces makes the minimal script
 *   keep spaces and delete-and-reinsert words; instead the whitespace between
 *   tokens is carried along and assigned to the runs afterwards, so the old
 *   and new texts are reproduced exactly.
 * - A minimal script is not what a reader wants: between two rewordings it
 *   keeps every "the" and "of" in common and shreds the sentence into
 *   confetti. A cleanup pass folds short common runs that sit between two
 *   changes into one phrase-level change.
 */
import { diffArrays } from "diff";

/** One run of text in a word diff. */
export interface WordChange {
  /** `equal`: in both texts; `delete`: only in the old text; `insert`: only in the new text. */
  type: "equal" | "insert" | "delete";
  /** The run, with the whitespace that belongs to it. */
  text: string;
}

/** Limits that bound the cost of one paragraph diff. */
export interface WordDiffOptions {
  /**
   * Give up when more than this many tokens (words and punctuation marks)
   * would have to be inserted or deleted. Default {@link DEFAULT_MAX_EDIT_LENGTH}.
   */
  maxEditLength?: number;
  /**
   * Give up when the search would cost more than this many token steps
   * (edit length × tokens of both texts). Default {@link DEFAULT_WORK_BUDGET}.
   */
  workBudget?: number;
}

/**
 * Token edits beyond which the diff is abandoned. Myers' algorithm costs
 * O((N + M) · D); at D = 1,000 a paragraph is so rewritten that a
 * word-by-word view would be unreadable anyway, and showing it as replaced
 * is the honest presentation.
 */
export const DEFAULT_MAX_EDIT_LENGTH = 1000;

/**
 * Token steps one paragraph diff may cost: edit length D times the tokens of
 * both texts (N + M), Myers' bound. 20 million is D = 1,000 on a pair of
 * 10,000-token paragraphs, about 70 ms on one core of a 2026 laptop-class
 * machine; a longer pair gets a proportionally smaller D, so no single pair
 * costs more, whatever its length. Being a count, not a duration, it gives the
 * same answer under any load (the issue it replaces: a 250 ms timeout made one
 * 9,400-word pair come out as a word diff on half the runs and as a
 * replacement on the others).
 */
export const DEFAULT_WORK_BUDGET = 20_000_000;

/** The largest edit length the work budget allows for texts of `tokens` tokens in all. */
export function editLengthWithin(tokens: number, options: WordDiffOptions = {}): number {
  const maxEditLength = options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH;
  const budget = options.workBudget ?? DEFAULT_WORK_BUDGET;
  return Math.max(0, Math.min(maxEditLength, Math.floor(budget / Math.max(1, tokens))));
}

/**
 * A common run of at most this many words between two changes may be folded
 * into them (see {@link diffParagraphWords} for the exact rule).
 */
export const MAX_ABSORBED_WORDS = 2;

interface Equal {
  equal: string;
}
interface Change {
  deleted: string;
  inserted: string;
}
type Block = Equal | Change;

const isEqual = (block: Block): block is Equal => "equal" in block;

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function changeSize(change: Change): number {
  return Math.max(wordCount(change.deleted), wordCount(change.inserted));
}

/**
 * Computes the word changes turning `oldText` into `newText`. Deterministic:
 * the same texts and options always give the same runs.
 *
 * Cleanup rule: a common run between two changes is folded into them when it
 * contains no word at all (punctuation or whitespace), or when it has at most
 * {@link MAX_ABSORBED_WORDS} words and no more words than the smaller of the
 * two changes around it. So "a b c d" → "x b y d" reads as "a b c" replaced
 * by "x b y", while "should continue to work" → "must continue to act" keeps
 * "continue to" visible because it is longer than either one-word change.
 *
 * When the diff needs more edits than `maxEditLength`, or than the work
 * budget allows for texts this long ({@link editLengthWithin}), the result is
 * the whole old paragraph deleted and the whole new one inserted.
 *
 * Always: the `equal` and `delete` texts concatenated give `oldText`, the
 * `equal` and `insert` texts give `newText`; no two neighbouring runs have
 * the same type, and a deletion comes before the insertion it pairs with.
 */
export function diffParagraphWords(oldText: string, newText: string, options: WordDiffOptions = {}): WordChange[] {
  if (oldText === newText) return oldText === "" ? [] : [{ type: "equal", text: oldText }];
  if (oldText === "") return [{ type: "insert", text: newText }];
  if (newText === "") return [{ type: "delete", text: oldText }];

  const before = tokenize(oldText);
  const after = tokenize(newText);
  const changes = diffArrays(before.tokens, after.tokens, {
    maxEditLength: editLengthWithin(before.tokens.length + after.tokens.length, options),
  });
  if (changes === undefined) {
    return [
      { type: "delete", text: oldText },
      { type: "insert", text: newText },
    ];
  }

  const blocks = new BlockBuilder();
  // Whitespace after the last token consumed on each side, not yet emitted.
  let pendingOld = before.gaps[0];
  let pendingNew = after.gaps[0];
  let oldPosition = 0;
  let newPosition = 0;
  // Whitespace both sides have at this point is common text.
  const flushCommon = () => {
    const common = commonPrefix(pendingOld, pendingNew);
    blocks.equal(common);
    pendingOld = pendingOld.slice(common.length);
    pendingNew = pendingNew.slice(common.length);
  };
  // Before common text, whatever whitespace is left belongs to its side only.
  const flushAll = () => {
    flushCommon();
    blocks.deleted(pendingOld);
    blocks.inserted(pendingNew);
    pendingOld = "";
    pendingNew = "";
  };
  for (const change of changes) {
    // Inside a change, each side's leftover whitespace waits for that side's
    // next token, so "GCI as" → "GCI) as" inserts ")" rather than deleting
    // " " and inserting ") ".
    if (change.removed) {
      if (blocks.endsWithEqual()) flushCommon();
      for (let k = 0; k < change.count; k++, oldPosition++) {
        blocks.deleted(pendingOld + before.tokens[oldPosition]);
        pendingOld = before.gaps[oldPosition + 1];
      }
    } else if (change.added) {
      if (blocks.endsWithEqual()) flushCommon();
      for (let k = 0; k < change.count; k++, newPosition++) {
        blocks.inserted(pendingNew + after.tokens[newPosition]);
        pendingNew = after.gaps[newPosition + 1];
      }
    } else {
      for (let k = 0; k < change.count; k++, oldPosition++, newPosition++) {
        flushAll();
        blocks.equal(after.tokens[newPosition]);
        pendingOld = before.gaps[oldPosition + 1];
        pendingNew = after.gaps[newPosition + 1];
      }
    }
  }
  flushAll();
  return toWordChanges(absorbShortEquals(blocks.blocks));
}

/** Words (letters, marks, digits) and single punctuation marks, with the whitespace around them. */
function tokenize(text: string): { tokens: string[]; gaps: string[] } {
  const tokens: string[] = [];
  // gaps[0] is the whitespace before the first token, gaps[k + 1] the
  // whitespace after token k.
  const gaps: string[] = [];
  let position = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}_]+|\S/gu)) {
    gaps.push(text.slice(position, match.index));
    tokens.push(match[0]);
    position = match.index + match[0].length;
  }
  gaps.push(text.slice(position));
  return { tokens, gaps };
}

function commonPrefix(left: string, right: string): string {
  let length = 0;
  while (length < left.length && length < right.length && left[length] === right[length]) length++;
  return left.slice(0, length);
}

/** Appends text to alternating equal and change blocks. */
class BlockBuilder {
  readonly blocks: Block[] = [];

  endsWithEqual(): boolean {
    const last = this.blocks[this.blocks.length - 1];
    return last === undefined || isEqual(last);
  }

  equal(text: string): void {
    if (text === "") return;
    const last = this.blocks[this.blocks.length - 1];
    if (last && isEqual(last)) last.equal += text;
    else this.blocks.push({ equal: text });
  }

  deleted(text: string): void {
    if (text !== "") this.change().deleted += text;
  }

  inserted(text: string): void {
    if (text !== "") this.change().inserted += text;
  }

  private change(): Change {
    const last = this.blocks[this.blocks.length - 1];
    if (last && !isEqual(last)) return last;
    const change: Change = { deleted: "", inserted: "" };
    this.blocks.push(change);
    return change;
  }
}

/** Applies the cleanup rule until nothing more folds (each fold removes two blocks, so this ends). */
function absorbShortEquals(blocks: Block[]): Block[] {
  let current = blocks;
  for (;;) {
    const next: Block[] = [];
    let folded = false;
    for (const block of current) {
      const equal = next[next.length - 1];
      const before = next[next.length - 2];
      if (
        !isEqual(block) &&
        equal &&
        isEqual(equal) &&
        before &&
        !isEqual(before) &&
        shouldAbsorb(equal.equal, before, block)
      ) {
        next.length -= 2;
        next.push({
          deleted: before.deleted + equal.equal + block.deleted,
          inserted: before.inserted + equal.equal + block.inserted,
        });
        folded = true;
      } else {
        next.push({ ...block });
      }
    }
    current = next;
    if (!folded) return current;
  }
}

function shouldAbsorb(text: string, before: Change, after: Change): boolean {
  const words = wordCount(text);
  if (words === 0) return true;
  return words <= MAX_ABSORBED_WORDS && words <= Math.min(changeSize(before), changeSize(after));
}

function toWordChanges(blocks: readonly Block[]): WordChange[] {
  const result: WordChange[] = [];
  const push = (type: WordChange["type"], text: string) => {
    if (text === "") return;
    const last = result[result.length - 1];
    if (last && last.type === type) last.text += text;
    else result.push({ type, text });
  };
  for (const block of blocks) {
    if (isEqual(block)) push("equal", block.equal);
    else {
      // Deletion first: tracked-changes views conventionally strike the old
      // wording before showing the new.
      push("delete", block.deleted);
      push("insert", block.inserted);
    }
  }
  return result;
}
