import { describe, expect, it } from "vitest";

import { createRandom, generateDocumentPair } from "./synthetic";
import { diffParagraphWords, type WordChange } from "./words";

const equal = (text: string): WordChange => ({ type: "equal", text });
const insert = (text: string): WordChange => ({ type: "insert", text });
const remove = (text: string): WordChange => ({ type: "delete", text });

/** The old and new texts a diff describes. */
function sides(changes: WordChange[]): [string, string] {
  const old = changes
    .filter((change) => change.type !== "insert")
    .map((change) => change.text)
    .join("");
  const updated = changes
    .filter((change) => change.type !== "delete")
    .map((change) => change.text)
    .join("");
  return [old, updated];
}

describe("diffParagraphWords", () => {
  it("returns one equal run for identical texts and nothing for two empty texts", () => {
    expect(diffParagraphWords("ITU should act.", "ITU should act.")).toEqual([equal("ITU should act.")]);
    expect(diffParagraphWords("", "")).toEqual([]);
  });

  it("returns a single insertion or deletion when one side is empty", () => {
    expect(diffParagraphWords("", "New guideline.")).toEqual([insert("New guideline.")]);
    expect(diffParagraphWords("Old guideline.", "")).toEqual([remove("Old guideline.")]);
  });

  it("shows a replaced word with the spaces around it left common", () => {
    expect(diffParagraphWords("ITU should prioritize countries.", "ITU should assist countries.")).toEqual([
      equal("ITU should "),
      remove("prioritize"),
      insert("assist"),
      equal(" countries."),
    ]);
  });

  it("keeps the deleted phrase's trailing space inside the deletion (2020 5.14 d. → 2022 5. d.)", () => {
    expect(
      diffParagraphWords(
        "Enhance the promotion and facilitate the exchange of good practices.",
        "Enhance and facilitate the exchange of good practices.",
      ),
    ).toEqual([equal("Enhance "), remove("the promotion "), equal("and facilitate the exchange of good practices.")]);
  });

  it("inserts a phrase before punctuation without disturbing the old text's spacing", () => {
    expect(
      diffParagraphWords(
        "ITU should continue to collect global ICT security standards.",
        "ITU should continue to disseminate global ICT security standards and also work with other standardization " +
          "organizations.",
      ),
    ).toEqual([
      equal("ITU should continue to "),
      remove("collect"),
      insert("disseminate"),
      equal(" global ICT security standards"),
      insert(" and also work with other standardization organizations"),
      equal("."),
    ]);
  });

  it("inserts a closing parenthesis as itself, not as a replaced space (2020 5.14 g. → 2022 5. g.)", () => {
    expect(
      diffParagraphWords(
        "Continue to develop and strengthen the GCI as a tool for capacity building.",
        "Continue to develop and strengthen the Global Cybersecurity Index (GCI) as a tool for capacity building " +
          "and awareness creation.",
      ),
    ).toEqual([
      equal("Continue to develop and strengthen the "),
      insert("Global Cybersecurity Index ("),
      equal("GCI"),
      insert(")"),
      equal(" as a tool for capacity building"),
      insert(" and awareness creation"),
      equal("."),
    ]);
  });

  it("folds a one-word common run between one-word changes into one phrase change (confetti)", () => {
    expect(diffParagraphWords("one two three four five", "one TWO three FOUR five")).toEqual([
      equal("one "),
      remove("two three four"),
      insert("TWO three FOUR"),
      equal(" five"),
    ]);
    expect(diffParagraphWords("The quick brown fox jumps.", "A quick red fox jumps.")).toEqual([
      remove("The quick brown"),
      insert("A quick red"),
      equal(" fox jumps."),
    ]);
  });

  it("keeps a common run visible when it is longer than the changes around it", () => {
    expect(
      diffParagraphWords("ITU should continue to work with partners.", "ITU must continue to act with partners."),
    ).toEqual([
      equal("ITU "),
      remove("should"),
      insert("must"),
      equal(" continue to "),
      remove("work"),
      insert("act"),
      equal(" with partners."),
    ]);
  });

  it("folds common punctuation between two changes", () => {
    expect(diffParagraphWords("alpha beta, gamma delta", "alpha BETA, GAMMA delta")).toEqual([
      equal("alpha "),
      remove("beta, gamma"),
      insert("BETA, GAMMA"),
      equal(" delta"),
    ]);
  });

  it("falls back to replacing the whole paragraph when the edit length limit is exceeded", () => {
    expect(diffParagraphWords("alpha beta gamma delta", "alpha BETA gamma DELTA", { maxEditLength: 1 })).toEqual([
      remove("alpha beta gamma delta"),
      insert("alpha BETA gamma DELTA"),
    ]);
  });

  it("reproduces both texts exactly and alternates run types, on 300 generated edits", () => {
    const pair = generateDocumentPair({
      paragraphs: 300,
      seed: 5,
      edited: 1,
      moved: 0,
      split: 0,
      merged: 0,
      deleted: 0,
      inserted: 0,
    });
    const random = createRandom(9);
    for (let i = 0; i < pair.a.length; i++) {
      // Sprinkle punctuation and odd spacing so the whitespace bookkeeping is exercised.
      const before = pair.a[i].text.replace(/ /g, () => (random() < 0.05 ? ", " : random() < 0.02 ? "  " : " "));
      const after = pair.b[i].text;
      const changes = diffParagraphWords(before, after);
      expect(sides(changes)).toEqual([before, after]);
      for (let k = 1; k < changes.length; k++) expect(changes[k].type).not.toBe(changes[k - 1].type);
      for (const change of changes) expect(change.text).not.toBe("");
    }
  });
});
