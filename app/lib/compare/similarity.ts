/**
 * Text features and similarity measures shared by paragraph alignment.
 *
 * Paragraphs are compared as *sets of hashed word unigrams and bigrams*
 * rather than as strings: set operations on small sorted integer arrays are
 * cheap (a merge walk), insensitive to punctuation and case noise, and the
 * bigrams keep enough word order to tell apart two guidelines that share
 * vocabulary ("ITU should continue to …") but say different things.
 */

/** Words of a paragraph as the aligner sees them: NFKC, lower case, letters and digits only. */
export function normalizedWords(text: string): string[] {
  // Punctuation and quote styles change between drafts ("’" vs "'", "Res." vs
  // "Resolution") without changing what a paragraph is about, so only runs of
  // letters and digits count as words for alignment purposes.
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a: deterministic across runs and platforms, unlike object identity or Math.random. */
export function hashString(value: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** Combines two word hashes into one bigram hash (order-sensitive). */
export function hashPair(first: number, second: number): number {
  // A multiply-xorshift mix keeps (x, y) and (y, x) apart.
  let hash = Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ second;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * What the aligner knows about one paragraph. Arrays are sorted, without
 * duplicates, so intersections are a linear merge.
 */
export interface TextFeatures {
  /**
   * Fingerprint of the normalized word sequence (word count and two
   * independent 32-bit hashes): equal keys mean "the same paragraph modulo
   * punctuation and case". 64 bits make an accidental collision between two
   * paragraphs of real documents vanishingly unlikely.
   */
  key: string;
  /** Number of normalized words. */
  wordCount: number;
  /** Hashes of the distinct words. */
  unigrams: Uint32Array;
  /** Hashes of the distinct adjacent word pairs; empty for a one-word paragraph. */
  bigrams: Uint32Array;
}

function sortedUnique(values: Uint32Array): Uint32Array {
  values.sort();
  let write = 0;
  for (let read = 0; read < values.length; read++) {
    if (read === 0 || values[read] !== values[write - 1]) values[write++] = values[read];
  }
  return values.slice(0, write);
}

/** Any UTF-16 code unit outside ASCII (the same as [^\x00-\x7f], written without control characters). */
const NON_ASCII = /[\u0080-\uffff]/;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/**
 * Hashes of {@link normalizedWords}`(text)`, computed in one pass without
 * building the word strings: features are computed for every paragraph of
 * both versions, and on a 2 MB document regex splitting and substring
 * allocation were most of the alignment time.
 */
// Reused between calls: growing one buffer beats allocating a number[] per paragraph.
let scratch = new Uint32Array(1024);

function wordHashes(text: string): Uint32Array {
  const source = NON_ASCII.test(text) ? text.normalize("NFKC").toLowerCase() : text;
  // A text of n characters has at most n / 2 + 1 words.
  if (scratch.length < (source.length >> 1) + 1) scratch = new Uint32Array((source.length >> 1) + 1);
  let count = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < source.length; i++) {
    let code = source.charCodeAt(i);
    let width = 1;
    let isWord: boolean;
    if (code < 128) {
      if (code >= 65 && code <= 90) {
        code += 32; // ASCII lower case, as toLowerCase would
        isWord = true;
      } else {
        isWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
      }
    } else {
      width = (source.codePointAt(i) ?? code) > 0xffff ? 2 : 1;
      isWord = WORD_CHARACTER.test(source.slice(i, i + width));
    }
    if (isWord) {
      if (!inWord) {
        hash = FNV_OFFSET;
        inWord = true;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
      if (width === 2) hash = Math.imul(hash ^ source.charCodeAt(++i), FNV_PRIME);
    } else {
      if (inWord) scratch[count++] = hash >>> 0;
      inWord = false;
      i += width - 1;
    }
  }
  if (inWord) scratch[count++] = hash >>> 0;
  return scratch.slice(0, count);
}

function fingerprint(words: Uint32Array): string {
  let first = 0x2545f491;
  let second = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    first = Math.imul(first ^ words[i], 0x85ebca6b);
    second = Math.imul((second + words[i]) ^ (second >>> 15), 0xc2b2ae35);
  }
  return `${words.length}:${first >>> 0}:${second >>> 0}`;
}

function featuresOfWords(words: Uint32Array, key: string): TextFeatures {
  const pairs = new Uint32Array(Math.max(0, words.length - 1));
  for (let i = 1; i < words.length; i++) pairs[i - 1] = hashPair(words[i - 1], words[i]);
  return { key, wordCount: words.length, unigrams: sortedUnique(words.slice()), bigrams: sortedUnique(pairs) };
}

/** Computes the features of one paragraph text. */
export function textFeatures(text: string): TextFeatures {
  const words = wordHashes(text);
  return featuresOfWords(words, fingerprint(words));
}

/**
 * Features of a list of paragraphs, computed on first use. Keys are needed
 * for every paragraph (anchors), the word sets only for the paragraphs left
 * after anchoring — a small share when versions are mostly alike — and
 * building the sets is the costly part.
 */
export class FeatureList {
  private readonly words: Uint32Array[];
  private readonly keys: string[];
  private readonly cache: Array<TextFeatures | undefined>;

  constructor(texts: readonly string[]) {
    this.words = texts.map(wordHashes);
    this.keys = this.words.map(fingerprint);
    this.cache = new Array<TextFeatures | undefined>(texts.length);
  }

  /** Number of paragraphs. */
  get length(): number {
    return this.words.length;
  }

  /** Hashes of the paragraph's normalized words, in text order (do not modify). */
  wordSequence(index: number): Uint32Array {
    return this.words[index];
  }

  /** The paragraph's {@link TextFeatures.key}, without building its word sets. */
  key(index: number): string {
    return this.keys[index];
  }

  /** The paragraph's features. */
  get(index: number): TextFeatures {
    let features = this.cache[index];
    if (features === undefined) {
      features = featuresOfWords(this.words[index], this.keys[index]);
      this.cache[index] = features;
    }
    return features;
  }
}

/** Features of several paragraphs read as one text (the pieces of a split or merge). */
export function unionFeatures(parts: TextFeatures[]): TextFeatures {
  if (parts.length === 1) return parts[0];
  const concat = (pick: (part: TextFeatures) => Uint32Array) => {
    const all = new Uint32Array(parts.reduce((sum, part) => sum + pick(part).length, 0));
    let offset = 0;
    for (const part of parts) {
      all.set(pick(part), offset);
      offset += pick(part).length;
    }
    return sortedUnique(all);
  };
  return {
    // Not a fingerprint of the joined text: a union is never an anchor, and
    // a distinct key keeps the similarity shortcut for identical texts honest.
    key: parts.map((part) => part.key).join("+"),
    wordCount: parts.reduce((sum, part) => sum + part.wordCount, 0),
    unigrams: concat((part) => part.unigrams),
    bigrams: concat((part) => part.bigrams),
  };
}

/** Size of the intersection of two sorted, duplicate-free arrays. */
export function intersectionSize(left: Uint32Array, right: Uint32Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < left.length && j < right.length) {
    const x = left[i];
    const y = right[j];
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}

function dice(left: Uint32Array, right: Uint32Array): number {
  const total = left.length + right.length;
  return total === 0 ? 1 : (2 * intersectionSize(left, right)) / total;
}

/**
 * Symmetric similarity in 0..1: the mean of the Dice coefficients over word
 * sets and over word-pair sets.
 *
 * Unigram Dice alone rates two unrelated paragraphs of the same document at
 * 0.25–0.35 (shared function words and topic vocabulary); bigram Dice alone
 * punishes a reworded paragraph too hard. The mean separates the two cases
 * well: unrelated paragraphs score about 0.1–0.25, edited ones 0.5–0.95.
 */
export function similarity(left: TextFeatures, right: TextFeatures): number {
  if (left.key === right.key) return 1;
  const words = dice(left.unigrams, right.unigrams);
  // One-word paragraphs have no pairs; judging them by pairs would make every
  // short paragraph dissimilar to everything.
  if (left.bigrams.length === 0 || right.bigrams.length === 0) return words;
  return (words + dice(left.bigrams, right.bigrams)) / 2;
}

/**
 * How much of `part` is found in `whole`, in 0..1 (asymmetric).
 *
 * Used to recognize the pieces of a split or merge: each piece is mostly
 * contained in the paragraph it came from even though its Dice similarity to
 * that longer paragraph is low. Word pairs carry the measure because single
 * common words ("the", "ITU", "should") are contained in any long paragraph.
 */
export function containment(part: TextFeatures, whole: TextFeatures): number {
  if (part.bigrams.length === 0) {
    return part.unigrams.length === 0 ? 0 : intersectionSize(part.unigrams, whole.unigrams) / part.unigrams.length;
  }
  return intersectionSize(part.bigrams, whole.bigrams) / part.bigrams.length;
}

/**
 * Share of `part`'s word pairs that occur in `whole` but not in `known`.
 *
 * When a paragraph paired with `known` might also have been split into
 * `part`, this tells a real piece (it carries text of `whole` that `known`
 * lacks) from a copy (it repeats text `known` already has).
 */
export function novelContainment(part: TextFeatures, whole: TextFeatures, known: TextFeatures): number {
  if (part.bigrams.length === 0) return 0;
  let count = 0;
  for (const shingle of part.bigrams) {
    if (includes(whole.bigrams, shingle) && !includes(known.bigrams, shingle)) count++;
  }
  return count / part.bigrams.length;
}

function includes(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] === value;
}
