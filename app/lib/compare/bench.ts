/**
 * Timing helper for the comparison, meant for `npm run bench` (not for
 * tests: timings on shared machines are too noisy to assert).
 */
import { alignParagraphs } from "./align";
import { compareVersions, type CompareParagraph } from "./compare";
import { generateDocumentPair } from "./synthetic";

/** A named pair of versions to time. */
export interface BenchCase {
  name: string;
  a: readonly CompareParagraph[];
  b: readonly CompareParagraph[];
}

/** Milliseconds over the measured runs. */
export interface Timing {
  median: number;
  min: number;
  max: number;
}

/** Timings of one case. */
export interface BenchResult {
  name: string;
  /** Paragraphs in the old and the new version. */
  paragraphs: [number, number];
  /** Characters of paragraph text in both versions together. */
  characters: number;
  runs: number;
  /** {@link alignParagraphs} alone. */
  align: Timing;
  /** The whole {@link compareVersions}: alignment, word diffs, summaries. */
  compare: Timing;
}

/** How many times to run each case. */
export interface BenchOptions {
  /** Unmeasured runs first, so the JIT has compiled the hot paths. Default 2. */
  warmup?: number;
  /** Measured runs. Default 5. */
  runs?: number;
  /** Clock; injectable for tests. Default `performance.now`. */
  now?: () => number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((x, y) => x - y);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    median: round(sorted[Math.floor(sorted.length / 2)]),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

/** The synthetic case of the performance budget: 5,000 paragraphs (≈2 MB), 10% edited, some moved. */
export function syntheticBenchCase(paragraphs = 5000, seed = 7): BenchCase {
  const { a, b } = generateDocumentPair({ paragraphs, seed });
  return { name: `synthetic ${paragraphs} paragraphs (seed ${seed})`, a, b };
}

/**
 * Times alignment and full comparison of each case.
 *
 * @example
 * benchCompare([syntheticBenchCase(), { name: "GCA 2020 → 2022", a, b }]);
 */
export function benchCompare(cases: readonly BenchCase[], options: BenchOptions = {}): BenchResult[] {
  const warmup = options.warmup ?? 2;
  const runs = Math.max(1, options.runs ?? 5);
  const now = options.now ?? (() => performance.now());
  return cases.map(({ name, a, b }) => {
    for (let k = 0; k < warmup; k++) compareVersions(a, b);
    const align: number[] = [];
    const compare: number[] = [];
    for (let k = 0; k < runs; k++) {
      let start = now();
      alignParagraphs(a, b);
      align.push(now() - start);
      start = now();
      compareVersions(a, b);
      compare.push(now() - start);
    }
    const characters = [...a, ...b].reduce((sum, paragraph) => sum + paragraph.text.length, 0);
    return {
      name,
      paragraphs: [a.length, b.length],
      characters,
      runs,
      align: summarize(align),
      compare: summarize(compare),
    };
  });
}
