/**
 * The comparison is a function of its inputs only: no clock, no load. The
 * word diff used to give up after 250 ms of wall-clock time, so one long
 * paragraph pair came out as a word diff on some runs and as a replacement on
 * others; it is now bounded by work (words.ts, DEFAULT_WORK_BUDGET).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

import { afterEach, describe, expect, it, vi } from "vitest";

import { parseText } from "../import";
import { compareVersions, type CompareParagraph } from "./compare";
import { paragraphsForComparison } from "./document";
import { createRandom } from "./synthetic";
import { DEFAULT_WORK_BUDGET, diffParagraphWords, editLengthWithin } from "./words";

const read = (name: string) => readFileSync(new URL(`../../../tests/fixtures/corpus/${name}`, import.meta.url), "utf8");

/** A paragraph of `words` words and a copy with about `share` of its words changed. */
function longPair(words: number, share: number, seed: number): [string, string] {
  const random = createRandom(seed);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
  const text = Array.from({ length: words }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
  const edited = text.map((word) => (random() < share ? `${word}x` : word));
  return [`${text.join(" ")}.`, `${edited.join(" ")}.`];
}

function withLongParagraph(paragraphs: CompareParagraph[], text: string): CompareParagraph[] {
  const last = paragraphs[paragraphs.length - 1];
  return [...paragraphs, { ...last, key: "long-paragraph", number: "99.", text }];
}

const busy: ChildProcess[] = [];
afterEach(() => {
  for (const child of busy.splice(0)) child.kill("SIGKILL");
  vi.restoreAllMocks();
});

/** Two processes that keep two cores busy until killed; resolves once both run. */
async function loadTheMachine() {
  const started = Array.from({ length: 2 }, () => {
    const child = spawn(process.execPath, ["-e", "process.stdout.write('go'); for (;;) {}"], { stdio: "pipe" });
    busy.push(child);
    return new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  });
  await Promise.all(started);
}

describe("deterministic comparison", () => {
  it("gives the same word diff however slow the clock says the machine is", () => {
    // 9,400 words with 3 % of them changed: hundreds of edits, well within the work budget.
    const [before, after] = longPair(9400, 0.03, 11);
    const expected = diffParagraphWords(before, after);
    expect(expected.length).toBeGreaterThan(100); // a word diff, not a replacement
    // A clock that jumps a second at every reading: any time limit trips at once.
    let now = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => (now += 1000));
    vi.spyOn(performance, "now").mockImplementation(() => (now += 1000));
    expect(diffParagraphWords(before, after)).toEqual(expected);
  });

  it("bounds the cost of one pair by counting work: longer texts get a smaller edit length", () => {
    expect(editLengthWithin(1000)).toBe(1000);
    expect(editLengthWithin(40_000)).toBe(DEFAULT_WORK_BUDGET / 40_000);
    expect(editLengthWithin(40_000, { maxEditLength: 10 })).toBe(10);
    // Two 30,000-word paragraphs with 5 % changed need ~3,000 edits: over the budget, so replaced, on every run.
    const [before, after] = longPair(30_000, 0.05, 5);
    expect(diffParagraphWords(before, after)).toEqual([
      { type: "delete", text: before },
      { type: "insert", text: after },
    ]);
  });

  it("gives byte-identical output run alone and run beside two CPU-bound processes", async () => {
    const [before, after] = longPair(9400, 0.045, 3);
    const draft = paragraphsForComparison(parseText(read("gca-guidelines-draft-2020-C20-65.txt")));
    const final = paragraphsForComparison(parseText(read("gca-guidelines-final-2022.txt")));
    const a = withLongParagraph(draft, before);
    const b = withLongParagraph(final, after);
    const alone = JSON.stringify(compareVersions(a, b));
    await loadTheMachine();
    const loaded = JSON.stringify(compareVersions(a, b));
    expect(loaded).toBe(alone);
    // The long pair is a word diff (not given up), so the check above covered the expensive path.
    const rows = compareVersions(a, b).rows;
    const row = rows.find((candidate) => candidate.new.some((ref) => ref.key === "long-paragraph"));
    expect(row?.kind).toBe("modified");
  }, 60_000);
});
