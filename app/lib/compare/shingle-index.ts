/**
 * Inverted index from word-pair hashes to paragraphs, used to find candidate
 * partners for a paragraph without scoring it against every other paragraph.
 */
import type { FeatureList, TextFeatures } from "./similarity";

/**
 * A word pair found in more paragraphs of the pool than this is ignored
 * when looking for candidates (a "stop pair").
 *
 * Pairs like "of the" or "ITU should" occur in a large share of paragraphs;
 * following their posting lists would make candidate search quadratic, and
 * they say nothing about which paragraph is which. Two paragraphs worth
 * pairing share many rarer pairs as well: a paragraph of 60 words has about
 * 60 pairs, and an edited copy keeps most of them. 24 bounds the work per
 * query (≤ 24 postings per pair) while a pair specific to a handful of
 * paragraphs — a guideline's own wording — is always followed.
 */
export const MAX_POSTINGS = 24;

/** How many best candidates (by shared word pairs) a query returns for exact scoring. */
export const DEFAULT_CANDIDATES = 8;

/** Word-pair index over a pool of paragraphs identified by number. */
export class ShingleIndex {
  // The index is a sorted list of (pair hash, paragraph id) entries: every
  // paragraph carrying a pair sits in one contiguous run, found by binary
  // search. Built with one typed-array sort, it costs a fraction of a Map of
  // arrays (no per-pair allocation, no hashing of 32-bit keys).
  private readonly shingles: Uint32Array;
  private readonly ids: Int32Array;
  // Scratch space for queries: counting in a typed array and resetting only
  // the touched slots is several times faster than a Map per query.
  private readonly counts: Int32Array;
  private readonly touched: number[] = [];

  /**
   * @param members paragraph ids (indices into `features`) that form the pool.
   * @param features features of every paragraph, indexed by id.
   */
  constructor(members: readonly number[], features: FeatureList) {
    this.counts = new Int32Array(features.length);
    let size = 0;
    for (const id of members) size += features.get(id).bigrams.length;
    // Pack (hash, id) into one float64: hash · 2^21 + id stays below 2^53,
    // so a numeric sort orders by hash, then id. Ids are below 2^21 (two
    // million paragraphs), far beyond any document.
    const packed = new Float64Array(size);
    let offset = 0;
    for (const id of members) {
      for (const shingle of features.get(id).bigrams) packed[offset++] = shingle * ID_RANGE + id;
    }
    packed.sort();
    this.shingles = new Uint32Array(size);
    this.ids = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      const shingle = Math.floor(packed[k] / ID_RANGE);
      this.shingles[k] = shingle;
      this.ids[k] = packed[k] - shingle * ID_RANGE;
    }
  }

  /** First entry whose pair hash is ≥ `shingle`. */
  private lowerBound(shingle: number): number {
    let low = 0;
    let high = this.shingles.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.shingles[middle] < shingle) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Ids of the pool members sharing the most indexed word pairs with
   * `query`, best first (ties by smaller id), at most `limit` of them.
   */
  candidates(query: TextFeatures, limit = DEFAULT_CANDIDATES): number[] {
    const { counts, touched, shingles, ids } = this;
    for (const shingle of query.bigrams) {
      const start = this.lowerBound(shingle);
      let end = start;
      while (end < shingles.length && shingles[end] === shingle && end - start <= MAX_POSTINGS) end++;
      // A pair found in more than MAX_POSTINGS paragraphs is a stop pair: it
      // is skipped entirely, whatever its position.
      if (end - start > MAX_POSTINGS) continue;
      for (let k = start; k < end; k++) {
        if (counts[ids[k]]++ === 0) touched.push(ids[k]);
      }
    }
    // Keep the best `limit` in a small sorted array instead of sorting all
    // touched ids: queries against common vocabulary touch thousands.
    const best: number[] = [];
    const better = (x: number, y: number) => counts[x] > counts[y] || (counts[x] === counts[y] && x < y);
    for (const id of touched) {
      if (best.length === limit && !better(id, best[limit - 1])) continue;
      let position = best.length < limit ? best.length : limit - 1;
      while (position > 0 && better(id, best[position - 1])) {
        if (position < limit) best[position] = best[position - 1];
        position--;
      }
      best[position] = id;
    }
    for (const id of touched) counts[id] = 0;
    touched.length = 0;
    return best;
  }
}

const ID_RANGE = 2 ** 21;
