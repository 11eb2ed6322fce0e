import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";

import en from "~/locales/en";

import {
  commentIntent,
  describeCommenters,
  summarizeParagraphFeedback,
  type SummaryComment,
  type Translate,
} from "./summary";

let t: Translate;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: "en", resources: { en }, defaultNS: "common", interpolation: { escapeValue: false } });
  // The instance's t is i18next's TFunction for the same resources: the app's Translate.
  t = instance.t.bind(instance);
});

let counter = 0;
function comment(fields: Partial<SummaryComment>): SummaryComment {
  counter += 1;
  return {
    id: `c${counter}`,
    type: "general",
    organizationKind: "member_state",
    organizationId: `org${counter}`,
    origin: "platform",
    text: "A comment.",
    proposedText: null,
    ...fields,
  };
}

describe("commentIntent", () => {
  it("reads a proposed text first, then deletion and support words, then the type", () => {
    expect(commentIntent(comment({ text: "Delete it.", proposedText: "New text" }))).toBe("alternative");
    expect(commentIntent(comment({ text: "We wish to delete this proposal." }))).toBe("delete");
    expect(commentIntent(comment({ text: "Please remove the last sentence." }))).toBe("delete");
    expect(commentIntent(comment({ text: "We support this guideline." }))).toBe("support");
    expect(commentIntent(comment({ text: "Unclear wording.", type: "editorial" }))).toBe("editorial");
    expect(commentIntent(comment({ text: "Unclear wording.", type: "general" }))).toBe("general");
    // "Supportive" or "removable" are not the words: whole words only.
    expect(commentIntent(comment({ text: "Supportive environment is removable.", type: "technical" }))).toBe(
      "technical",
    );
  });
});

describe("describeCommenters", () => {
  it("counts organizations, not comments, and names kinds in a fixed order", () => {
    const twoFromOne = [comment({ organizationId: "a" }), comment({ organizationId: "a" })];
    expect(describeCommenters(twoFromOne, t)).toBe("one member-state delegation");
    const mixed = [
      comment({ organizationKind: "sector_member", organizationId: "s" }),
      comment({ organizationId: "a" }),
      comment({ organizationId: "b" }),
    ];
    expect(describeCommenters(mixed, t)).toBe(
      "three participants (two member-state delegations and one sector member)",
    );
    const many = Array.from({ length: 12 }, (_, k) =>
      comment({ organizationKind: "civil_society", organizationId: `cs${k}` }),
    );
    expect(describeCommenters(many, t)).toBe("12 civil-society organizations");
  });
});

describe("summarizeParagraphFeedback (HLEG style, exact sentences)", () => {
  it("writes the report's sentences in a fixed order, each with its comments", () => {
    const deleteA = comment({ organizationId: "ms-a", text: "We wish to delete this proposal." });
    const deleteB = comment({ organizationId: "ms-b", text: "Delete the paragraph: it is outside the mandate." });
    const alternative = comment({
      organizationKind: "sector_member",
      organizationId: "telecom",
      text: "Clearer wording needed.",
      proposedText: "ITU should continue, with regional organizations, to facilitate discussions.",
    });
    const support = comment({
      organizationKind: "academia",
      organizationId: "uni",
      text: "We support this guideline.",
    });
    const technical = comment({ organizationId: "ms-c", type: "technical", text: "Mention security by design." });
    const editorial1 = comment({
      organizationKind: "civil_society",
      organizationId: "ngo",
      type: "editorial",
      text: "Typo: woman.",
    });
    const editorial2 = comment({
      organizationKind: "civil_society",
      organizationId: "ngo",
      type: "editorial",
      text: "Typo: its.",
    });

    const sentences = summarizeParagraphFeedback(
      [support, deleteA, editorial1, alternative, technical, deleteB, editorial2],
      t,
    );
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "Two member-state delegations wished to delete this paragraph.",
      "One sector member proposed the alternative text: " +
        "“ITU should continue, with regional organizations, to facilitate discussions.”.",
      "One academic institution supported this paragraph.",
      "One member-state delegation made a technical comment.",
      "One civil-society organization made editorial comments.",
    ]);
    expect(sentences.map((sentence) => sentence.commentIds)).toEqual([
      [deleteA.id, deleteB.id],
      [alternative.id],
      [support.id],
      [technical.id],
      [editorial1.id, editorial2.id],
    ]);
  });

  it("counts distinct alternative texts and reports near-identical comments as a campaign", () => {
    const campaign = ["ngo-1", "ngo-2", "ngo-3"].map((organizationId) =>
      comment({
        organizationKind: "civil_society",
        organizationId,
        text: "Human rights must be respected.",
        duplicateGroupId: "g1",
      }),
    );
    const alternatives = [
      comment({ organizationId: "ms-a", text: "Reword.", proposedText: "Text one." }),
      comment({
        organizationKind: "international_organization",
        organizationId: "io",
        text: "Reword.",
        proposedText: "Text two.",
      }),
    ];
    const sentences = summarizeParagraphFeedback([...campaign, ...alternatives], t);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "Two participants (one member-state delegation and one international organization) " +
        "proposed two different alternative texts.",
      "Three civil-society organizations made general comments.",
      "Three civil-society organizations sent near-identical comments.",
    ]);
    expect(sentences[2].commentIds).toEqual(campaign.map((c) => c.id));
  });

  it("shortens a long proposed text and reports comments recorded in a source document", () => {
    const long = comment({ organizationId: "ms-a", text: "Replace.", proposedText: `${"word ".repeat(20)}end` });
    const source = [1, 2].map(() =>
      comment({
        origin: "source",
        organizationKind: null,
        organizationId: null,
        sourceAttribution: "HLEG members",
        text: "One member wished to delete this proposal.",
      }),
    );
    const sentences = summarizeParagraphFeedback([long, ...source], t, { quoteChars: 20 });
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "One member-state delegation proposed the alternative text: “word word word word…”.",
      "The source document records two comments by HLEG members.",
    ]);
    expect(sentences[1]).toMatchObject({ intent: "source", commentIds: source.map((c) => c.id) });
  });

  it("says nothing about a paragraph without comments", () => {
    expect(summarizeParagraphFeedback([], t)).toEqual([]);
  });
});
