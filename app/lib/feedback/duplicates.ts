/**
 * Near-duplicate grouping of comments: mass campaigns and copied texts.
 *
 * The pipeline, each step near-linear in the number of comments:
 * 1. normalize the text (case, punctuation, width, invisible characters) and
 *    merge exact copies through a hash map — a campaign of 10,000 identical
 *    letters costs one map lookup each;
 * 2. for the remaining distinct texts, hash word shingles and compute a
 *    MinHash signature (`bands × rows` minimum hash values);
 * 3. LSH banding: texts whose signatures agree on every row of at least one
 *    band become candidates; a band is sorted once, so equal band keys sit
 *    next to each other and no pair of texts is ever enumerated blindly;
 * 4. verify each candidate against a few representatives of its bucket with
 *    the exact Jaccard similarity of the shingle sets, and union-find the
 *    verified pairs into groups.
 *
 * Pure: no database, no framework. The model layer loads the texts and
 * writes `Comment.duplicateGroupId`.
 */

/** One text to group. */
export interface DuplicateCandidate {
  /** Returned as the group id when this item is the first of its group. */
  id: string;
  /** Plain text: the comment and its proposed change. */
  text: string;
  /**
   * Where the text applies (the paragraph id). Short texts ("Agree.",
   * "Delete this paragraph.") are only grouped with identical texts in the
   * same scope: on different paragraphs they mean different things.
   */
  scope?: string | null;
}

/** Tuning of {@link groupNearDuplicates}; the defaults suit comments. */
export interface DuplicateGroupingOptions {
  /** Minimum Jaccard similarity of the shingle sets to count as a near-duplicate. Default 0.7. */
  threshold?: number;
  /** Words per shingle. Default 3. */
  shingleSize?: number;
  /** LSH bands. Default 20. */
  bands?: number;
  /** MinHash values per band. Default 4 (so 80 hash functions). */
  rows?: number;
  /** Texts with fewer words than this are only grouped with exact copies in the same scope. Default 6. */
  minWords?: number;
  /** Seed of the hash functions: same seed, same groups. Default 1. */
  seed?: number;
  /** Items of distinct groups kept per LSH bucket to verify newcomers against. Default 4. */
  representativesPerBucket?: number;
}

/** What the grouping did, for benchmarks and tests. */
export interface DuplicateGroupingStats {
  items: number;
  /** Items merged into an earlier identical (normalized) text. */
  exactCopies: number;
  /** Distinct long texts that went through MinHash and LSH. */
  hashed: number;
  /** Exact Jaccard computations (candidate pairs verified). */
  verifications: number;
  /** Verified pairs that were merged. */
  merges: number;
  /** Groups with two or more members. */
  groups: number;
  /** Items in those groups. */
  groupedItems: number;
}

/** The group of every input item, in input order. */
export interface DuplicateGroupingResult {
  /**
   * For item `i`, the id of the first item (in input order) of its group;
   * an item without near-duplicates is its own group (its own id).
   */
  groupIds: string[];
  stats: DuplicateGroupingStats;
}

export const DEFAULT_DUPLICATE_THRESHOLD = 0.7;

// Zero-width characters, bidi controls and the BOM carry no words but would
// make "copied" texts look different.
// The combining ones (U+034F, Khmer vowels, Mongolian and variation selectors) sit in a class of their own:
// written after another character they would read as one combined character.
const INVISIBLE =
  /[\u00ad\u061c\u115f\u1160\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]|[\u034f\u17b4\u17b5\u180b-\u180f\ufe00-\ufe0f]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
// The whole 7-bit range, control characters included, is the point of this test.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/**
 * The words of a text, for comparison: Unicode-compatibility folded (full
 * width letters, ligatures), lower case, accents removed, invisible
 * characters dropped, anything but letters and digits a word break.
 *
 * @example normalizeForDuplicates("  Delete   THIS, please!") === "delete this please"
 */
export function normalizeForDuplicates(text: string): string {
  // Most comments are plain ASCII: no compatibility forms, accents or invisible characters to fold.
  if (ASCII.test(text)) return text.toLowerCase().replace(NOT_ASCII_WORD, " ").trim();
  return text
    .normalize("NFKD")
    .replace(INVISIBLE, "")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(NOT_WORD, " ")
    .trim();
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finalizer: a fast, well-mixing 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic 32-bit seeds (mulberry32). */
function seeds(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
}

/**
 * Sorted, distinct hashes of the word shingles of a normalized text. A text
 * shorter than one shingle is a single shingle of all its words.
 */
export function shingleHashes(words: readonly string[], size: number): Uint32Array {
  const wordHashes = words.map(fnv1a);
  const count = Math.max(1, wordHashes.length - size + 1);
  const out = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let h = 0x9747b28c;
    const end = Math.min(wordHashes.length, start + size);
    for (let k = start; k < end; k++) h = fmix32((h ^ wordHashes[k]) + k - start);
    out[start] = h;
  }
  out.sort();
  let unique = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[unique++] = out[k];
  return out.subarray(0, unique);
}

/** Exact Jaccard similarity of two sorted, distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Union-find over item indices; the root of a set is its smallest index. */
class DisjointSets {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    // Path compression keeps later finds O(1) in practice.
    while (this.parent[x] !== root) {
      const next = this.parent[x];
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  /** Merges the sets of a and b; false when they were already one. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // The smaller index wins, so a group's id is its first comment's.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

/** Indices below 2^21 pack with a 32-bit key into one float64 (< 2^53). */
const INDEX_RANGE = 2 ** 21;

/**
 * Groups near-duplicate texts. Items are expected in a meaningful order
 * (oldest comment first): the first item of a group names it.
 *
 * @example
 * groupNearDuplicates([
 *   { id: "a", text: "Please delete paragraph 2.9 a. It duplicates 2.3." },
 *   { id: "b", text: "please delete paragraph 2.9 a — it duplicates 2.3" },
 *   { id: "c", text: "Agree." },
 * ]).groupIds // ["a", "a", "c"]
 */
export function groupNearDuplicates(
  items: readonly DuplicateCandidate[],
  options: DuplicateGroupingOptions = {},
): DuplicateGroupingResult {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const shingleSize = options.shingleSize ?? 3;
  const bands = options.bands ?? 20;
  const rows = options.rows ?? 4;
  const minWords = options.minWords ?? 6;
  const maxRepresentatives = options.representativesPerBucket ?? 4;
  if (items.length >= INDEX_RANGE) throw new RangeError(`At most ${INDEX_RANGE - 1} items can be grouped at once.`);

  const sets = new DisjointSets(items.length);
  const stats: DuplicateGroupingStats = {
    items: items.length,
    exactCopies: 0,
    hashed: 0,
    verifications: 0,
    merges: 0,
    groups: 0,
    groupedItems: 0,
  };

  // 1. Exact copies after normalization. Short texts are keyed by scope too.
  const firstByKey = new Map<string, number>();
  const distinctLong: number[] = [];
  const wordsOf: string[][] = [];
  for (let i = 0; i < items.length; i++) {
    const normalized = normalizeForDuplicates(items[i].text);
    const words = normalized === "" ? [] : normalized.split(" ");
    const long = words.length >= minWords;
    const key = long ? `L\u0000${normalized}` : `S\u0000${items[i].scope ?? ""}\u0000${normalized}`;
    const first = firstByKey.get(key);
    if (first !== undefined) {
      sets.union(first, i);
      stats.exactCopies++;
      continue;
    }
    firstByKey.set(key, i);
    if (long) {
      distinctLong.push(i);
      wordsOf.push(words);
    }
  }
  firstByKey.clear();

  // 2. Shingles and MinHash signatures of the distinct long texts.
  const n = distinctLong.length;
  stats.hashed = n;
  const hashes = bands * rows;
  // The h-th permutation is x ↦ a·x + b (mod 2^32) with a odd: a bijection,
  // cheap (one multiply), and random enough on shingle hashes that are
  // already well mixed.
  const salt = seeds(2 * hashes, options.seed ?? 1);
  const multipliers = new Uint32Array(hashes);
  const offsets = new Uint32Array(hashes);
  for (let h = 0; h < hashes; h++) {
    multipliers[h] = (salt[2 * h] | 1) >>> 0;
    offsets[h] = salt[2 * h + 1];
  }
  const shingles = new Array<Uint32Array>(n);
  const signatures = new Uint32Array(n * hashes);
  for (let d = 0; d < n; d++) {
    const set = shingleHashes(wordsOf[d], shingleSize);
    wordsOf[d] = [];
    shingles[d] = set;
    const base = d * hashes;
    for (let h = 0; h < hashes; h++) signatures[base + h] = 0xffffffff;
    for (let s = 0; s < set.length; s++) {
      const value = set[s];
      for (let h = 0; h < hashes; h++) {
        const permuted = (Math.imul(value, multipliers[h]) + offsets[h]) >>> 0;
        if (permuted < signatures[base + h]) signatures[base + h] = permuted;
      }
    }
  }

  // 3 and 4. Per band: sort (band key, index) so buckets are contiguous runs,
  // then check each member of a run against a few representatives.
  const packed = new Float64Array(n);
  const representatives: number[] = [];
  for (let band = 0; band < bands; band++) {
    for (let d = 0; d < n; d++) {
      let key = 0x2545f491 ^ band;
      const base = d * hashes + band * rows;
      for (let r = 0; r < rows; r++) key = fmix32(key ^ signatures[base + r]);
      packed[d] = key * INDEX_RANGE + d;
    }
    packed.sort();
    let runStart = 0;
    while (runStart < n) {
      const key = Math.floor(packed[runStart] / INDEX_RANGE);
      let runEnd = runStart + 1;
      while (runEnd < n && Math.floor(packed[runEnd] / INDEX_RANGE) === key) runEnd++;
      if (runEnd - runStart > 1) {
        representatives.length = 0;
        for (let k = runStart; k < runEnd; k++) {
          const d = packed[k] - key * INDEX_RANGE;
          const item = distinctLong[d];
          let placed = false;
          for (const rep of representatives) {
            const repItem = distinctLong[rep];
            if (sets.find(repItem) === sets.find(item)) {
              placed = true;
              break;
            }
            stats.verifications++;
            if (jaccard(shingles[d], shingles[rep]) >= threshold) {
              sets.union(repItem, item);
              stats.merges++;
              placed = true;
              break;
            }
          }
          if (!placed && representatives.length < maxRepresentatives) representatives.push(d);
        }
      }
      runStart = runEnd;
    }
  }

  const groupIds = new Array<string>(items.length);
  const sizes = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    const root = sets.find(i);
    groupIds[i] = items[root].id;
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  for (const size of sizes.values()) {
    if (size < 2) continue;
    stats.groups++;
    stats.groupedItems += size;
  }
  return { groupIds, stats };
}
