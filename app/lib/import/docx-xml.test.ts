// One reading of a .docx: the zip budget first, the archive opened once, each part read and parsed once.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { buildDocx } from "./__fixtures__/docx";
import { readWordParts, wordPartsOf } from "./docx-xml";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = `<?xml version="1.0"?><w:document ${W}><w:body><w:p/></w:body></w:document>`;

describe("readWordParts", () => {
  it("refuses an archive that inflates past the budget, before opening it", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", documentXml + " ".repeat(20_000));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(await readWordParts(bytes, { budgetBytes: 10_000 })).toEqual({ ok: false, reason: "tooLarge" });
    expect(await readWordParts(bytes, { budgetBytes: 100_000 })).toMatchObject({ ok: true });
  });

  it("says notZip for bytes that are not an archive", async () => {
    expect(await readWordParts(new TextEncoder().encode("plain text"), { budgetBytes: 1e6 })).toEqual({
      ok: false,
      reason: "notZip",
    });
  });

  it("parses each part once, whoever asks, and finds them through the relationships", async () => {
    const opened = await readWordParts(await buildDocx([{ text: "1.1 Plain text." }]), { budgetBytes: 1e6 });
    if (!opened.ok) throw new Error(opened.reason);
    const [first, second] = await Promise.all([opened.parts.xml("document"), opened.parts.xml("document")]);
    expect(first).not.toBeNull();
    expect(second).toBe(first);
    expect(await opened.parts.xml("styles")).toBe(await opened.parts.xml("styles"));
    expect(await opened.parts.text("document")).toContain("1.1 Plain text.");
  });

  it("gives null for an absent part and rejects a malformed one", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", documentXml);
    zip.file("word/comments.xml", "<w:comments");
    const parts = wordPartsOf(await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" })));
    expect(await parts.xml("numbering")).toBeNull();
    expect(await parts.text("commentsExtended")).toBeNull();
    await expect(parts.xml("comments")).rejects.toThrow(/Malformed/);
  });

  it("reads the main document where the package relationships put it", async () => {
    const zip = new JSZip();
    zip.file(
      "_rels/.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Target="doc/main.xml" ` +
        `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>` +
        `</Relationships>`,
    );
    zip.file("doc/main.xml", documentXml);
    zip.file("doc/comments.xml", `<w:comments ${W}/>`);
    const parts = wordPartsOf(await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" })));
    expect(await parts.text("document")).toBe(documentXml);
    expect(await parts.text("comments")).toBe(`<w:comments ${W}/>`);
  });
});
