// Word comments read from a .docx: body, author, the commented paragraph and the selected phrase.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import {
  ADDED_PARAGRAPH,
  ANNOTATED_GCA_COMMENTS as C,
  ANNOTATED_GCA_REPLY,
  buildAnnotatedGcaDocx,
} from "./__fixtures__/annotated-gca";
import { commentsFromXml, commentThreads, readDocxComments } from "./docx-comments";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const commentsXml = (...comments: string[]) =>
  `<?xml version="1.0"?><w:comments ${W}>${comments.join("")}</w:comments>`;
const comment = (id: number, text: string) =>
  `<w:comment w:id="${id}" w:author="A" w:date="2026-01-01T00:00:00Z">` +
  `<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe("readDocxComments on the annotated GCA draft", () => {
  it("reads the four comments with their paragraph, phrase and body", async () => {
    const result = await readDocxComments(await buildAnnotatedGcaDocx());
    if (!result.ok) throw new Error(result.error);
    expect(result.comments).toHaveLength(4);
    const [first, second, phrase, added] = result.comments;
    expect(first).toMatchObject({
      id: "0",
      author: "Dario Delegate",
      date: "2026-03-02T10:00:00.000Z",
      body: C["whole-1-1"].body,
      parentId: null,
      quote: null,
      spansParagraphs: false,
    });
    expect(first.paragraphText).toMatch(/^1\.1 The ITU 2018 Plenipotentiary Conference in Dubai adopted/);
    // Two paragraphs in Word: two blocks.
    expect(second.body).toBe(
      "Which criteria define “proper” organizational structures?\n\nPlease list them in an annex.",
    );
    expect(second.paragraphText).toBe(
      "4.8 b. ITU should prioritize countries where proper cybersecurity organizational structures " +
        "have not yet been implemented.",
    );
    expect(second.quote).toBeNull();
    // The selection runs over three runs, one of them bold.
    expect(phrase.quote).toBe("a cybersecurity culture");
    expect(phrase.paragraphText).toMatch(/^5\.1 The development and deployment of appropriate skills/);
    expect(added.paragraphText).toBe(ADDED_PARAGRAPH);
    // Paragraphs are counted in document order: the added one comes right after 1.5.
    expect(added.paragraphIndex).toBeLessThan(phrase.paragraphIndex!);
  });

  it("links a reply to the comment it answers (commentsExtended.xml)", async () => {
    const result = await readDocxComments(await buildAnnotatedGcaDocx({ reply: true }));
    if (!result.ok) throw new Error(result.error);
    const reply = result.comments.find((c) => c.id === String(ANNOTATED_GCA_REPLY.id));
    expect(reply).toMatchObject({ parentId: "0", body: ANNOTATED_GCA_REPLY.body, author: "Fatima Focal" });
    expect(result.comments.filter((c) => c.parentId === null)).toHaveLength(4);
  });
});

describe("commentsFromXml", () => {
  it("takes the phrase between range start and end; a whole paragraph selected is a paragraph comment", () => {
    const comments = commentsFromXml({
      documentXml: documentXml(
        `<w:p>${run("Keep ")}<w:commentRangeStart w:id="1"/>${run("this ")}` +
          `<w:ins w:id="9"><w:r><w:t>new</w:t></w:r></w:ins>` +
          `<w:del w:id="8"><w:r><w:delText>old</w:delText></w:r></w:del><w:r><w:tab/></w:r>` +
          `${run("phrase")}<w:commentRangeEnd w:id="1"/>${run(" here.")}</w:p>` +
          `<w:commentRangeStart w:id="2"/><w:p>${run("Whole paragraph.")}</w:p><w:commentRangeEnd w:id="2"/>`,
      ),
      commentsXml: commentsXml(comment(1, "On a phrase"), comment(2, "On a paragraph")),
    });
    // Inserted text counts, deleted text does not, a tab is a space.
    expect(comments[0]).toMatchObject({
      paragraphText: "Keep this new phrase here.",
      quote: "this new phrase",
      paragraphIndex: 0,
    });
    // Markers between paragraphs: the range is the whole second paragraph.
    expect(comments[1]).toMatchObject({ paragraphText: "Whole paragraph.", quote: null, paragraphIndex: 1 });
  });

  it("anchors a comment without a range at its reference, and one over several paragraphs on the first", () => {
    const comments = commentsFromXml({
      documentXml: documentXml(
        `<w:p>${run("First ")}<w:commentRangeStart w:id="5"/>${run("part")}</w:p>` +
          `<w:p>${run("Second")}<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r></w:p>` +
          `<w:p>${run("Third")}<w:r><w:commentReference w:id="6"/></w:r></w:p>`,
      ),
      commentsXml: commentsXml(comment(5, "Spans"), comment(6, "Point"), comment(7, "Nowhere")),
    });
    expect(comments[0]).toMatchObject({ paragraphText: "First part", quote: null, spansParagraphs: true });
    expect(comments[1]).toMatchObject({ paragraphText: "Third", quote: null, paragraphIndex: 2 });
    expect(comments[2]).toMatchObject({ paragraphText: null, paragraphIndex: null, body: "Nowhere" });
  });

  it("finds no comments in a document without comments.xml", () => {
    expect(commentsFromXml({ documentXml: documentXml(`<w:p>${run("x")}</w:p>`), commentsXml: null })).toEqual([]);
  });

  it("throws on XML that is not well-formed", () => {
    expect(() => commentsFromXml({ documentXml: "<w:document", commentsXml: commentsXml() })).toThrow();
  });
});

const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const W15 = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';
/** A comment whose one paragraph has `paraId` (as Word 2013+ writes it). */
const threaded = (id: number, author: string, text: string, paraId: string) =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="2026-03-0${id + 1}T09:00:00Z">` +
  `<w:p w14:paraId="${paraId}"><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
const threadedComments = (...comments: string[]) =>
  `<?xml version="1.0"?><w:comments ${W} ${W14}>${comments.join("")}</w:comments>`;
const extendedXml = (...entries: string[]) =>
  `<?xml version="1.0"?><w15:commentsEx ${W15}>${entries.join("")}</w15:commentsEx>`;
/** One paragraph with every comment of `ids` on the word "Shared" (replies in Word share the range). */
const sharedRange = (ids: number[], rest = "") =>
  documentXml(
    `<w:p>${ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join("")}${run("Shared")}` +
      `${ids.map((id) => `<w:commentRangeEnd w:id="${id}"/>`).join("")}${run(" text.")}</w:p>${rest}`,
  );

describe("replies", () => {
  it("links a reply and a reply to the reply through commentsExtended.xml, and keeps Word's done flag", () => {
    const comments = commentsFromXml({
      documentXml: sharedRange([1, 2, 3]),
      commentsXml: threadedComments(
        threaded(1, "Ana", "First", "0000000A"),
        threaded(2, "Ben", "Second", "0000000B"),
        threaded(3, "Cy", "Third", "0000000C"),
      ),
      commentsExtendedXml: extendedXml(
        `<w15:commentEx w15:paraId="0000000A" w15:done="1"/>`,
        `<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/>`,
        `<w15:commentEx w15:paraId="0000000C" w15:paraIdParent="0000000B" w15:done="0"/>`,
      ),
    });
    expect(comments.map((c) => [c.id, c.parentId, c.done])).toEqual([
      ["1", null, true],
      ["2", "1", false],
      ["3", "2", false],
    ]);
    expect([...commentThreads(comments)].map(([root, replies]) => [root, replies.map((r) => r.body)])).toEqual([
      ["1", ["Second", "Third"]],
    ]);
  });

  it("without commentsExtended.xml, takes a comment on exactly an earlier comment's range for a reply", () => {
    const comments = commentsFromXml({
      documentXml: sharedRange(
        [1, 2],
        `<w:p><w:commentRangeStart w:id="3"/>${run("Shared")}<w:commentRangeEnd w:id="3"/>${run(" again.")}</w:p>`,
      ),
      commentsXml: commentsXml(comment(1, "Root"), comment(2, "Answer"), comment(3, "Same words, elsewhere")),
    });
    expect(comments.map((c) => [c.id, c.parentId, c.done])).toEqual([
      ["1", null, false],
      ["2", "1", false],
      ["3", null, false],
    ]);
  });

  it("does not infer a reply for a comment commentsExtended.xml describes as a thread of its own", () => {
    const comments = commentsFromXml({
      documentXml: sharedRange([1, 2]),
      commentsXml: threadedComments(threaded(1, "Ana", "One", "0000000A"), threaded(2, "Ben", "Two", "0000000B")),
      commentsExtendedXml: extendedXml(
        `<w15:commentEx w15:paraId="0000000A" w15:done="0"/>`,
        `<w15:commentEx w15:paraId="0000000B" w15:done="0"/>`,
      ),
    });
    expect(comments.map((c) => c.parentId)).toEqual([null, null]);
    expect([...commentThreads(comments).keys()]).toEqual(["1", "2"]);
  });

  it("puts comments whose parents loop (a damaged file) in no thread", () => {
    const comments = commentsFromXml({
      documentXml: sharedRange([]),
      commentsXml: threadedComments(threaded(1, "Ana", "One", "0000000A"), threaded(2, "Ben", "Two", "0000000B")),
      commentsExtendedXml: extendedXml(
        `<w15:commentEx w15:paraId="0000000A" w15:paraIdParent="0000000B"/>`,
        `<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A"/>`,
      ),
    });
    expect(comments.map((c) => c.parentId)).toEqual(["2", "1"]);
    expect(commentThreads(comments).size).toBe(0);
  });
});

describe("readDocxComments on files that are not Word documents", () => {
  it("refuses bytes that are not a zip, and a zip without word/document.xml", async () => {
    expect(await readDocxComments(new TextEncoder().encode("plain text"))).toEqual({ ok: false, error: "notDocx" });
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    expect(await readDocxComments(await zip.generateAsync({ type: "uint8array" }))).toEqual({
      ok: false,
      error: "notDocx",
    });
  });

  it("says corrupt when document.xml is not XML", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document");
    zip.file("word/comments.xml", commentsXml(comment(1, "x")));
    expect(await readDocxComments(await zip.generateAsync({ type: "uint8array" }))).toEqual({
      ok: false,
      error: "corrupt",
    });
  });
});
