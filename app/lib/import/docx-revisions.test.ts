// Word tracked changes read from word/document.xml: what mammoth's import silently accepts, listed.
import { describe, expect, it } from "vitest";

import { buildDocx } from "./__fixtures__/docx";
import {
  ANA,
  BO,
  buildTrackedChangesDocx,
  REVIEWED_DRAFT_ACCEPTED,
  reviewedDraft,
} from "./__fixtures__/tracked-changes";
import { parseDocx } from "./docx";
import { readDocxRevisions, revisionsFromDocumentXml } from "./docx-revisions";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (xml: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${xml}</w:body></w:document>`;
const texts = (document: Awaited<ReturnType<typeof parseDocx>>) =>
  document.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.text));

describe("readDocxRevisions on files made with the docx package", () => {
  it("lists each revised paragraph with its accepted and rejected text, changes, authors and dates", async () => {
    const revisions = await readDocxRevisions(await reviewedDraft());
    expect(revisions).toMatchObject({
      changes: 4,
      insertions: 2,
      deletions: 2,
      moved: 0,
      authors: ["Ana Lima", "Bo Chen"],
      unknownAuthor: false,
    });
    expect(revisions!.paragraphs).toEqual([
      {
        accepted: "1.1 Member States shall cooperate on cybersecurity.",
        rejected: "1.1 Member States should cooperate on cybersecurity.",
        segments: [
          { kind: "same", text: "1.1 Member States " },
          { kind: "delete", text: "should", author: ANA.author, date: ANA.date },
          { kind: "insert", text: "shall", author: ANA.author, date: ANA.date },
          { kind: "same", text: " cooperate on cybersecurity." },
        ],
        insertions: 1,
        deletions: 1,
      },
      {
        accepted: "1.2 The Secretariat reports every year. It consults the regions first.",
        rejected: "1.2 The Secretariat reports every year.",
        segments: [
          { kind: "same", text: "1.2 The Secretariat reports every year." },
          { kind: "insert", text: " It consults the regions first.", author: BO.author, date: BO.date },
        ],
        insertions: 1,
        deletions: 0,
      },
      {
        // The deleted paragraph and its deleted break are one deletion, shown with the paragraph it joins.
        accepted: "1.4 Nothing else changes.",
        rejected: "1.3 This paragraph is withdrawn.\n1.4 Nothing else changes.",
        segments: [
          { kind: "delete", text: "1.3 This paragraph is withdrawn.", author: BO.author, date: BO.date },
          { kind: "delete", text: "", author: BO.author, date: BO.date, paragraphBreak: true },
          { kind: "same", text: "1.4 Nothing else changes." },
        ],
        insertions: 0,
        deletions: 1,
      },
    ]);
  });

  it("is null for a file without tracked changes", async () => {
    expect(await readDocxRevisions(await buildDocx([{ text: "1.1 Plain text." }]))).toBeNull();
    const formatted = await buildTrackedChangesDocx([{ pieces: ["1.1 Plain text, no changes."] }]);
    expect(await readDocxRevisions(formatted)).toBeNull();
  });

  it("reads a new paragraph (inserted text and mark) and two paragraphs joined (deleted mark)", async () => {
    const revisions = await readDocxRevisions(
      await buildTrackedChangesDocx([
        { pieces: ["First paragraph."] },
        { pieces: [{ ins: "A whole new paragraph.", by: ANA }], mark: { ins: ANA } },
        { pieces: ["Joined with", { del: "", by: BO }], mark: { del: BO } },
        { pieces: [" the next one."] },
      ]),
    );
    expect(
      revisions!.paragraphs.map(({ accepted, rejected, insertions, deletions }) => ({
        accepted,
        rejected,
        insertions,
        deletions,
      })),
    ).toEqual([
      // Rejected, the new paragraph is not there at all.
      { accepted: "A whole new paragraph.", rejected: "", insertions: 1, deletions: 0 },
      { accepted: "Joined with the next one.", rejected: "Joined with\nthe next one.", insertions: 0, deletions: 1 },
    ]);
    expect(revisions!.changes).toBe(2);
  });
});

describe("parseDocx with tracked changes", () => {
  it("imports the text with the changes accepted, and says what was accepted", async () => {
    const document = await parseDocx(await reviewedDraft());
    expect(texts(document)).toEqual(REVIEWED_DRAFT_ACCEPTED);
    expect(document.revisions?.changes).toBe(4);
    // Every accepted text listed is a paragraph of the import (the reader agrees with mammoth).
    const imported = document.sections.flatMap((section) =>
      section.paragraphs.map((paragraph) => `${paragraph.number ? `${paragraph.number} ` : ""}${paragraph.text}`),
    );
    for (const paragraph of document.revisions!.paragraphs) expect(imported).toContain(paragraph.accepted);
  });

  it("leaves a file without tracked changes exactly as before: no revisions field", async () => {
    const document = await parseDocx(await buildDocx([{ text: "1.1 Plain text." }]));
    expect(Object.keys(document).sort()).toEqual(["sections", "title"]);
  });
});

describe("revisionsFromDocumentXml", () => {
  it("reads moves, changes without author or date, links and fields inside changes, deleted table rows", () => {
    const revisions = revisionsFromDocumentXml(
      body(
        '<w:p><w:moveFrom w:id="1" w:author="Ana"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>' +
          '<w:p><w:r><w:t xml:space="preserve">Text </w:t></w:r><w:ins w:id="2"><w:hyperlink r:id="x" ' +
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>with a link</w:t>' +
          "</w:r></w:hyperlink></w:ins><w:r><w:tab/><w:t>and</w:t></w:r>" +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
          '<w:moveTo w:id="3" w:author="Ana"><w:r><w:t xml:space="preserve"> moved here.</w:t></w:r></w:moveTo></w:p>' +
          '<w:tbl><w:tr><w:trPr><w:del w:id="4" w:author="Bo" w:date="2026-01-01T00:00:00Z"/></w:trPr>' +
          "<w:tc><w:p><w:r><w:delText>Row gone</w:delText></w:r></w:p></w:tc></w:tr>" +
          "<w:tr><w:tc><w:p><w:r><w:t>Row kept</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
      ),
    );
    expect(revisions.paragraphs.map(({ accepted, rejected }) => ({ accepted, rejected }))).toEqual([
      { accepted: "", rejected: "Moved away." },
      { accepted: "Text with a link and moved here.", rejected: "Text and" },
      { accepted: "Row kept", rejected: "Row gone\nRow kept" },
    ]);
    expect(revisions).toMatchObject({
      changes: 4,
      insertions: 2,
      deletions: 2,
      moved: 2,
      authors: ["Ana", "Bo"],
      unknownAuthor: true,
    });
    expect(revisions.paragraphs[1].segments[1]).toEqual({ kind: "insert", text: "with a link" });
  });

  it("ignores formatting changes and text inserted then deleted (in neither text)", () => {
    const revisions = revisionsFromDocumentXml(
      body(
        '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="Ana"><w:rPr/></w:rPrChange></w:rPr>' +
          "<w:t>Bold now.</w:t></w:r></w:p>" +
          '<w:p><w:r><w:t>Kept.</w:t></w:r><w:ins w:id="2" w:author="Ana"><w:del w:id="3" w:author="Bo">' +
          "<w:r><w:delText>Never there.</w:delText></w:r></w:del></w:ins></w:p>",
      ),
    );
    expect(revisions).toEqual({
      changes: 0,
      insertions: 0,
      deletions: 0,
      moved: 0,
      authors: [],
      unknownAuthor: false,
      paragraphs: [],
    });
  });

  it("throws on a document part that is not XML", () => {
    expect(() => revisionsFromDocumentXml("<w:document><w:body><w:p></w:body>")).toThrow();
  });
});
