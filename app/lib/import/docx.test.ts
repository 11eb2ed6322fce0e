// .docx import: mammoth's HTML walked into blocks, then the shared back end.
import { describe, expect, it } from "vitest";

import { buildDocx } from "./__fixtures__/docx";
import { docxHtmlToBlocks, parseDocx } from "./docx";

describe("parseDocx", () => {
  it("reads title, headings, typed numbers with tabs, lettered items and Word lists", async () => {
    const bytes = await buildDocx([
      { text: "Guidelines for the GCA", style: "Title" },
      { text: "Section 1. Introduction", style: "Heading1" },
      { text: "1.1\tThe ITU 2018 Plenipotentiary Conference adopted Resolution 130 & more." },
      { text: "1.2\tCouncil instructed the Secretary-General:" },
      { text: "a.\tto submit a report;" },
      { text: "b.\tto develop guidelines." },
      { text: "Background", style: "Heading2" },
      { text: "1.3\tA fundamental role of ITU." },
      { text: "Section 2. Recommendations", style: "Heading1" },
      { text: "Draw up the guidelines.", listLevel: 0 },
      { text: "Legal measures first.", listLevel: 1 },
      { text: "Then the others.", listLevel: 1 },
      { text: "Cooperate.", listLevel: 0 },
    ]);
    const document = await parseDocx(bytes);
    expect(document).toEqual({
      title: "Guidelines for the GCA",
      sections: [
        {
          number: "1",
          heading: "Introduction",
          level: 1,
          paragraphs: [
            {
              key: "1-1",
              number: "1.1",
              text: "The ITU 2018 Plenipotentiary Conference adopted Resolution 130 & more.",
            },
            { key: "1-2", number: "1.2", text: "Council instructed the Secretary-General:" },
            { key: "1-2-a", number: "1.2 a.", text: "to submit a report;" },
            { key: "1-2-b", number: "1.2 b.", text: "to develop guidelines." },
          ],
        },
        {
          number: null,
          heading: "Background",
          level: 2,
          paragraphs: [{ key: "1-3", number: "1.3", text: "A fundamental role of ITU." }],
        },
        {
          number: "2",
          heading: "Recommendations",
          level: 1,
          // Word's automatic numbering is not in the text; it is rebuilt.
          paragraphs: [
            { key: "1", number: "1.", text: "Draw up the guidelines." },
            { key: "1-a", number: "1. a.", text: "Legal measures first." },
            { key: "1-b", number: "1. b.", text: "Then the others." },
            { key: "2", number: "2.", text: "Cooperate." },
          ],
        },
      ],
    });
  });
});

describe("docxHtmlToBlocks", () => {
  it("drops footnote references and the footnote list, decodes entities, splits table cells", () => {
    const html =
      '<h1>Section 1. Scope &amp; aims</h1><p>1.1 Text<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> ' +
      "ends&nbsp;here.</p>" +
      "<table><tr><td><p>Cell one</p></td><td>Cell two</td></tr></table>" +
      "<ul><li>A bullet</li></ul>" +
      '<ol><li id="footnote-1"><p>The footnote. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(docxHtmlToBlocks(html)).toEqual([
      { kind: "heading", depth: 1, text: "Section 1. Scope & aims" },
      { kind: "paragraph", text: "1.1 Text ends here.", bullet: false },
      { kind: "paragraph", text: "Cell one", bullet: false },
      { kind: "paragraph", text: "Cell two", bullet: false },
      { kind: "paragraph", text: "A bullet", bullet: true },
    ]);
  });
});
