/**
 * Deterministic synthetic document pairs with known ground truth, for tests
 * and benchmarks of the comparison at sizes the real corpus does not reach.
 *
 * The text is pseudo-English: pseudo-words drawn from a Zipf distribution
 * (so, as in real prose, a few words and word pairs are everywhere and most
 * are rare), in sentences of 8–22 words, in paragraphs of 2–6 sentences —
 * about 400 characters per paragraph, so 5,000 paragraphs make about 2 MB.
 */
import type { AlignmentKind, AlignmentOperation } from "./align";
import type { CompareParagraph } from "./compare";

/** What to generate. Shares are fractions of the old version's paragraphs. */
export interface SyntheticOptions {
  /** Number of paragraphs in the old version. */
  paragraphs: number;
  /** PRNG seed; the same options always give the same pair. Default 1. */
  seed?: number;
  /** Share edited in place (a few words substituted, dropped or added). Default 0.1. */
  edited?: number;
  /** Share moved far away (half of them also edited). Default 0.02. */
  moved?: number;
  /** Share split into two consecutive paragraphs at a sentence boundary. Default 0.01. */
  split?: number;
  /** Share merged with the following paragraph (each merge consumes two). Default 0.01. */
  merged?: number;
  /** Share deleted. Default 0.02. */
  deleted?: number;
  /** New paragraphs to insert, as a share of `paragraphs`. Default 0.02. */
  inserted?: number;
  /** Paragraphs per section (numbers are "section.position", recomputed in the new version). Default 40. */
  sectionSize?: number;
}

/** One generated fact: these old paragraphs became these new ones. */
export interface SyntheticTruth {
  /** What the generator did, in the aligner's terms. */
  kind: AlignmentKind;
  /** Old-version indices. */
  a: number[];
  /** New-version indices. */
  b: number[];
  /** Whether the paragraph was moved away from its position. */
  moved: boolean;
}

/** A generated pair of versions and what really happened between them. */
export interface SyntheticPair {
  a: CompareParagraph[];
  b: CompareParagraph[];
  /** Every old and every new paragraph occurs in exactly one entry. */
  truth: SyntheticTruth[];
}

/** mulberry32: tiny, fast, good enough for test data, and reproducible everywhere. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "ka",
  "to",
  "ri",
  "men",
  "sa",
  "lo",
  "ve",
  "dan",
  "pi",
  "or",
  "el",
  "gu",
  "na",
  "tes",
  "bri",
  "co",
  "fu",
  "lim",
  "ra",
  "zo",
  "quo",
  "sen",
  "tal",
  "mi",
  "ber",
  "du",
  "pre",
  "xen",
  "ob",
  "sti",
  "ul",
  "gar",
];
const VOCABULARY_SIZE = 4000;

interface Vocabulary {
  words: string[];
  cumulative: Float64Array;
}

let vocabulary: Vocabulary | null = null;

/** The same vocabulary for every seed, so documents of different seeds read alike. */
function getVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const random = createRandom(0x5eed);
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < VOCABULARY_SIZE) {
    const length = 1 + Math.floor(random() * 4);
    let word = "";
    for (let k = 0; k < length; k++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  // Zipf with exponent 1: the rank-r word has weight 1/r.
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let rank = 0; rank < VOCABULARY_SIZE; rank++) {
    total += 1 / (rank + 1);
    cumulative[rank] = total;
  }
  for (let rank = 0; rank < VOCABULARY_SIZE; rank++) cumulative[rank] /= total;
  vocabulary = { words, cumulative };
  return vocabulary;
}

function randomWord(random: () => number): string {
  const { words, cumulative } = getVocabulary();
  const target = random();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  return words[low];
}

function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

type Sentences = string[][];

function randomParagraph(random: () => number): Sentences {
  const sentences: Sentences = [];
  const count = randomInt(random, 2, 6);
  for (let s = 0; s < count; s++) {
    const length = randomInt(random, 8, 22);
    const sentence: string[] = [];
    for (let w = 0; w < length; w++) sentence.push(randomWord(random));
    sentences.push(sentence);
  }
  return sentences;
}

/** Substitutes, drops or adds about one word in eight; always changes something. */
function editParagraph(sentences: Sentences, random: () => number): Sentences {
  const edited = sentences.map((sentence) => {
    const words: string[] = [];
    for (const word of sentence) {
      const roll = random();
      if (roll < 0.04) words.push(randomWord(random));
      else if (roll < 0.08) continue;
      else if (roll < 0.12) words.push(word, randomWord(random));
      else words.push(word);
    }
    return words.length > 0 ? words : sentence;
  });
  if (render(edited) === render(sentences)) edited[0] = [...edited[0], randomWord(random)];
  return edited;
}

function render(sentences: Sentences): string {
  return sentences
    .map((words) => `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(" ")}.`)
    .join(" ");
}

interface Slot {
  sentences: Sentences;
  truth: SyntheticTruth;
}

/**
 * Generates an old and a new version with the requested shares of changes.
 * Deterministic for given options.
 *
 * @example
 * const { a, b, truth } = generateDocumentPair({ paragraphs: 5000, seed: 7 });
 */
export function generateDocumentPair(options: SyntheticOptions): SyntheticPair {
  const random = createRandom(options.seed ?? 1);
  const count = options.paragraphs;
  const shares = {
    deleted: options.deleted ?? 0.02,
    split: options.split ?? 0.01,
    merged: options.merged ?? 0.01,
    moved: options.moved ?? 0.02,
    edited: options.edited ?? 0.1,
  };
  const sectionSize = options.sectionSize ?? 40;

  const original = Array.from({ length: count }, () => randomParagraph(random));
  const truth: SyntheticTruth[] = [];
  const slots: Slot[] = [];
  const pendingMoves: Array<{ slot: Slot; origin: number }> = [];

  for (let i = 0; i < count; i++) {
    const sentences = original[i];
    let roll = random();
    const entry = (kind: AlignmentKind, a: number[], moved = false): SyntheticTruth => {
      const fact: SyntheticTruth = { kind, a, b: [], moved };
      truth.push(fact);
      return fact;
    };
    if ((roll -= shares.deleted) < 0) {
      entry("deleted", [i]);
    } else if ((roll -= shares.split) < 0 && sentences.length >= 2) {
      const fact = entry("split", [i]);
      const cut = randomInt(random, 1, sentences.length - 1);
      slots.push({ sentences: sentences.slice(0, cut), truth: fact }, { sentences: sentences.slice(cut), truth: fact });
    } else if ((roll -= shares.merged) < 0 && i + 1 < count) {
      const fact = entry("merged", [i, i + 1]);
      slots.push({ sentences: [...sentences, ...original[i + 1]], truth: fact });
      i++;
    } else if ((roll -= shares.moved) < 0) {
      const edit = random() < 0.5;
      const fact = entry(edit ? "modified" : "unchanged", [i], true);
      pendingMoves.push({
        slot: { sentences: edit ? editParagraph(sentences, random) : sentences, truth: fact },
        origin: slots.length,
      });
    } else if ((roll -= shares.edited) < 0) {
      slots.push({ sentences: editParagraph(sentences, random), truth: entry("modified", [i]) });
    } else {
      slots.push({ sentences, truth: entry("unchanged", [i]) });
    }
  }

  // New and moved paragraphs never land between the two pieces of a split:
  // the pieces must stay consecutive to be a split.
  const landing = (target: number) => {
    while (target > 0 && target < slots.length && slots[target - 1].truth === slots[target].truth) target++;
    return target;
  };
  const insertions = Math.round(count * (options.inserted ?? 0.02));
  for (let k = 0; k < insertions; k++) {
    const fact: SyntheticTruth = { kind: "inserted", a: [], b: [], moved: false };
    truth.push(fact);
    slots.splice(landing(randomInt(random, 0, slots.length)), 0, { sentences: randomParagraph(random), truth: fact });
  }
  // Moves land at least MOVE_DISTANCE slots away, so that the paragraph, not
  // its neighbourhood, is what moved.
  const MOVE_DISTANCE = 20;
  for (const { slot, origin } of pendingMoves) {
    let target = randomInt(random, 0, slots.length);
    for (let attempt = 0; attempt < 10 && Math.abs(target - origin) < MOVE_DISTANCE; attempt++) {
      target = randomInt(random, 0, slots.length);
    }
    slots.splice(landing(target), 0, slot);
  }

  const a = original.map((sentences, i) => paragraph(`a-${i}`, i, sectionSize, render(sentences)));
  const b = slots.map((slot, j) => {
    slot.truth.b.push(j);
    return paragraph(`b-${j}`, j, sectionSize, render(slot.sentences));
  });
  return { a, b, truth };
}

function paragraph(key: string, index: number, sectionSize: number, text: string): CompareParagraph {
  const section = Math.floor(index / sectionSize) + 1;
  return {
    key,
    number: `${section}.${(index % sectionSize) + 1}`,
    text,
    section: `s${section}`,
    sectionNumber: String(section),
    sectionHeading: `Section ${section}`,
  };
}

/** How many ground-truth facts an alignment reproduced exactly. */
export interface TruthScore {
  total: number;
  /** Facts with an operation of exactly the same old and new indices (and the same moved flag for pairings). */
  recovered: number;
  /** The facts not reproduced, for diagnostics. */
  missed: SyntheticTruth[];
}

/** Compares alignment operations with the generator's ground truth. */
export function scoreAgainstTruth(
  truth: readonly SyntheticTruth[],
  operations: readonly AlignmentOperation[],
): TruthScore {
  const signature = (a: readonly number[], b: readonly number[]) => `${a.join(",")}|${b.join(",")}`;
  const found = new Map<string, AlignmentOperation>();
  for (const operation of operations) found.set(signature(operation.a, operation.b), operation);
  const missed: SyntheticTruth[] = [];
  for (const fact of truth) {
    const operation = found.get(signature(fact.a, fact.b));
    const ok =
      operation !== undefined && (fact.a.length === 0 || fact.b.length === 0 || operation.moved === fact.moved);
    if (!ok) missed.push(fact);
  }
  return { total: truth.length, recovered: truth.length - missed.length, missed };
}
