// The HLEG 2008 proposals with the members' comments under each proposal.
import { describe, expect, it } from "vitest";

import { allParagraphs, numbersOf, paragraphNumbered, readCorpus, sequence } from "./__fixtures__/corpus";
import { detectTextShape } from "./detect";
import { parseProposalsWithComments } from "./hleg";
import { parseText } from "./parse-text";

const text = readCorpus("hleg-2008-proposals-with-member-comments.txt");
const hleg = parseProposalsWithComments(text);

/** Proposal numbers only (dotted), without their "(1)" / "a)" items. */
function proposals(): string[] {
  return numbersOf(hleg).filter((n) => /^\d+\.\d+(?:\.[a-z0-9])?$/.test(n));
}

describe("HLEG 2008 proposals with member comments", () => {
  it("is detected as proposals-with-comments and parseText dispatches to it", () => {
    expect(detectTextShape(text)).toBe("proposals-with-comments");
    expect(parseText(text)).toEqual(hleg);
  });

  it("lists the 54 proposals in order, '1.1.' normalized to '1.1'", () => {
    expect(proposals()).toEqual([
      ...sequence("1.", 1, 9),
      "1.9.a",
      ...sequence("1.", 10, 15),
      ...sequence("2.", 1, 16),
      ...sequence("3.", 1, 6),
      ...sequence("4.", 1, 11),
      "5.1",
      "5.2",
      "5.3",
      "5.3.1",
      "5.3.2",
    ]);
    expect(paragraphNumbered(hleg, "1.9.a").key).toBe("1-9-a");
    expect(paragraphNumbered(hleg, "5.3.1").key).toBe("5-3-1");
  });

  it("makes one section per work area; the stray heading above Work Area 1 is dropped", () => {
    expect(hleg.sections.map((s) => [s.number, s.heading, s.level, s.paragraphs.length])).toEqual([
      ["1", "Work Area 1", 1, 17],
      ["2", "Technical and Procedural Measures", 1, 19],
      ["3", "Work Area 3", 1, 6],
      ["4", "Work Area 4", 1, 19],
      ["5", "Work Area 5", 1, 18],
    ]);
    expect(hleg.sections[0].paragraphs[0]).toMatchObject({ key: "s1-u1", number: null });
    expect(hleg.sections[0].paragraphs[0].text).toMatch(
      /^Cybersecurity is a complex issue .* Proposals were made in the following areas:$/,
    );
  });

  it("attaches the comments after proposal 1.3 to 1.3, including the Convention paragraph", () => {
    const comments = paragraphNumbered(hleg, "1.3").memberComments;
    expect(comments).toHaveLength(1);
    expect(comments?.[0]).toMatch(
      /^With regard to the Council of Europe’s Convention on Cybercrime, some members suggested that countries could be encouraged to join and ratify the Convention/,
    );
    expect(paragraphNumbered(hleg, "1.3").text).toMatch(
      /^“Considering the Council of Europe’s Convention on Cybercrime/,
    );
  });

  it("records short verdicts as comments of the proposal above", () => {
    expect(paragraphNumbered(hleg, "1.4").memberComments).toEqual(["A few members wished to delete this proposal."]);
    expect(paragraphNumbered(hleg, "1.6").memberComments).toEqual(["One member wished to delete this proposal."]);
    expect(paragraphNumbered(hleg, "1.12").memberComments).toEqual(["General consensus was achieved."]);
    expect(paragraphNumbered(hleg, "2.11").memberComments?.[0]).toMatch(
      /^There was no consensus on proposals 2\.10 & 2\.11/,
    );
    expect(paragraphNumbered(hleg, "2.10").memberComments).toBeUndefined();
  });

  it("attaches comments after sub-proposals and items to the head proposal", () => {
    expect(paragraphNumbered(hleg, "1.9").memberComments?.[0]).toMatch(
      /^Two members wished to delete this proposal\. Some members wished to replace the specific references to VoIP/,
    );
    expect(paragraphNumbered(hleg, "1.9.a").memberComments).toBeUndefined();
    expect(paragraphNumbered(hleg, "5.2").memberComments?.map((c) => c.slice(0, 40))).toEqual([
      "One member agreed with the sub-points on",
      "One member wished to delete from 5.2.(a)",
      "One member wished to delete from 5.2.(b)",
      "The same member wished to replace bullet",
      "One member wished to delete the bullet p",
      "One member wished to insert at the end o",
    ]);
    expect(paragraphNumbered(hleg, "5.3").memberComments).toHaveLength(3);
  });

  it("keeps a quoted alternative text that runs over several lines in one comment", () => {
    const comments = paragraphNumbered(hleg, "4.2").memberComments;
    expect(comments).toHaveLength(1);
    expect(comments?.[0]).toMatch(
      /^One member proposed alternative text of: “Promote .* in: \(1\) becoming the global ‘centre of excellence’ .* \(4\) measures addressing specific technical topics; as specified by WA 2”\.$/,
    );
    // The proposal's own list stays in the document.
    expect(numbersOf(hleg).filter((n) => n.startsWith("4.2 "))).toEqual(["4.2 (1)", "4.2 (2)", "4.2 (3)", "4.2 (4)"]);
  });

  it("records all 40 comment paragraphs, and none of them as a document paragraph", () => {
    const comments = allParagraphs(hleg).flatMap((p) => p.memberComments ?? []);
    expect(comments).toHaveLength(40);
    const paragraphTexts = allParagraphs(hleg).map((p) => p.text);
    expect(
      paragraphTexts.filter((t) => /\b(?:one|two|a few|some|several|many|another) members?\b|consensus was/i.test(t)),
    ).toEqual([]);
  });

  it("keeps bullets and the recommendation after 5.1's list as unnumbered paragraphs", () => {
    const after51 = hleg.sections[4].paragraphs.slice(1, 10);
    expect(after51.map((p) => p.key)).toEqual(sequence("5-1-u", 1, 9));
    expect(after51[0].text).toMatch(/^To compile information on initiatives/);
    expect(after51[8].text).toBe(
      "It is recommended that the Secretary-General initiate a study to define more precisely the form and function " +
        "of the proposed organization.",
    );
  });
});

describe("parseProposalsWithComments", () => {
  it("names a section after a matching 'N) Title' line", () => {
    const doc = parseProposalsWithComments(
      "3) Organizational Structures\nProposals:\n3.1. Do it.\nOne member disagreed.",
    );
    expect(doc.sections).toEqual([
      {
        number: "3",
        heading: "Organizational Structures",
        level: 1,
        paragraphs: [{ key: "3-1", number: "3.1", text: "Do it.", memberComments: ["One member disagreed."] }],
      },
    ]);
  });
});

describe("parseProposalsWithComments with a heading no proposal follows", () => {
  it("keeps the text under that heading as a section of its own", () => {
    const doc = parseProposalsWithComments("1.1. Do it.\nOne member disagreed.\n6) Follow-up\nThe report ends here.");
    expect(doc.sections.map((s) => [s.number, s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      ["1", "Work Area 1", ["Do it."]],
      ["6", "Follow-up", ["The report ends here."]],
    ]);
  });
});
