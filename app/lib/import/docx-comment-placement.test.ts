// Placing Word comments on the draft's paragraphs by text, and the report of what could not be placed.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { ANNOTATED_GCA_COMMENTS as C, buildAnnotatedGcaDocx } from "./__fixtures__/annotated-gca";
import { findQuote, placeWordComments, type PlacementParagraph } from "./docx-comment-placement";
import { readDocxComments, type WordComment } from "./docx-comments";
import { parseText } from "./parse-text";

const draft = parseText(
  readFileSync(new URL("../../../tests/fixtures/corpus/gca-guidelines-draft-2020-C20-65.txt", import.meta.url), "utf8"),
);
const paragraphs: PlacementParagraph[] = draft.sections.flatMap((section) =>
  section.paragraphs.map((paragraph) => ({ id: `id-${paragraph.key}`, ...paragraph })),
);
const byKey = (key: string) => paragraphs.find((paragraph) => paragraph.key === key)!;

function wordComment(overrides: Partial<WordComment>): WordComment {
  return {
    id: "1",
    author: "A",
    date: null,
    body: "A comment.",
    parentId: null,
    done: false,
    paragraphText: null,
    paragraphIndex: 0,
    quote: null,
    spansParagraphs: false,
    ...overrides,
  };
}

describe("placeWordComments on the annotated GCA draft", () => {
  it("places the two paragraph comments and the phrase comment, and reports the added paragraph", async () => {
    const read = await readDocxComments(await buildAnnotatedGcaDocx({ reply: true }));
    if (!read.ok) throw new Error(read.error);
    const { placed, unplaced } = placeWordComments(read.comments, paragraphs);
    expect(placed.map((p) => [p.paragraph.key, p.match, p.quote?.quote ?? null])).toEqual([
      ["1-1", "exact", null],
      ["4-8-b", "exact", null],
      ["5-1", "exact", "a cybersecurity culture"],
    ]);
    const phrase = placed[2].quote!;
    expect(byKey("5-1").text.slice(phrase.quoteStart, phrase.quoteEnd)).toBe(C["phrase-5-1"].quote);
    expect(phrase.quotePrefix).toMatch(/appropriate skills, of $/);
    expect(unplaced.map((u) => [u.comment.body, u.reason])).toEqual([
      [C["new-paragraph"].body, "paragraphNotFound"],
      ["Agreed; the footnote should cite the Dubai text.", "reply"],
    ]);
  });
});

describe("placeWordComments", () => {
  it("finds a paragraph whatever the typography, case, spacing and printed number", () => {
    const text = byKey("2-4").text.replace(/'/g, "’").toUpperCase().replace(/ /g, "  ");
    const { placed } = placeWordComments([wordComment({ paragraphText: `2.4\t${text}` })], paragraphs);
    expect(placed.map((p) => [p.paragraph.key, p.match])).toEqual([["2-4", "exact"]]);
  });

  it("finds a paragraph the delegation retouched in its copy by similarity, not an unrelated one", () => {
    const edited = byKey("1-6").text.replace("fundamental role", "central role").replace("confidence", "trust");
    const { placed, unplaced } = placeWordComments(
      [
        wordComment({ id: "1", paragraphText: edited }),
        wordComment({ id: "2", paragraphText: "ITU should organize a yearly conference on quantum cryptography." }),
      ],
      paragraphs,
    );
    expect(placed.map((p) => [p.comment.id, p.paragraph.key, p.match])).toEqual([["1", "1-6", "similar"]]);
    expect(unplaced.map((u) => [u.comment.id, u.reason])).toEqual([["2", "paragraphNotFound"]]);
  });

  it("reports a phrase that is not in the paragraph, an empty comment and one without an anchor", () => {
    const { placed, unplaced } = placeWordComments(
      [
        wordComment({ id: "1", paragraphText: byKey("1-1").text, quote: "a phrase the draft never had" }),
        wordComment({ id: "2", paragraphText: byKey("1-1").text, body: "  " }),
        wordComment({ id: "3", paragraphText: null, paragraphIndex: null }),
      ],
      paragraphs,
    );
    expect(placed).toEqual([]);
    expect(unplaced.map((u) => [u.comment.id, u.reason])).toEqual([
      ["1", "quoteNotFound"],
      ["2", "emptyBody"],
      ["3", "noAnchor"],
    ]);
  });

  it("tells identical paragraphs apart by their printed number, and reports them when it cannot", () => {
    const twins: PlacementParagraph[] = [
      { id: "a", key: "1", number: "1.", text: "The Council notes the report." },
      { id: "b", key: "2", number: "2.", text: "The Council notes the report." },
    ];
    const { placed, unplaced } = placeWordComments(
      [
        wordComment({ id: "1", paragraphText: "2. The Council notes the report." }),
        wordComment({ id: "2", paragraphText: "The Council notes the report." }),
      ],
      twins,
    );
    expect(placed.map((p) => [p.comment.id, p.paragraph.id])).toEqual([["1", "b"]]);
    expect(unplaced.map((u) => [u.comment.id, u.reason])).toEqual([["2", "ambiguous"]]);
  });
});

describe("findQuote", () => {
  it("finds a phrase exactly, or with other quotes and spaces, at the paragraph's own offsets", () => {
    const text = "ITU’s role is  “central” to the GCA.";
    expect(findQuote(text, "role is")).toMatchObject({ quote: "role is", quoteStart: 6 });
    const folded = findQuote(text, `ITU's role is "central"`)!;
    expect(folded).toMatchObject({ quote: "ITU’s role is  “central”", quoteStart: 0 });
    expect(text.slice(folded.quoteStart, folded.quoteEnd)).toBe(folded.quote);
    expect(findQuote(text, "peripheral")).toBeNull();
  });
});
