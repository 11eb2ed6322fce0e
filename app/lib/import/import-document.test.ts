// Uploads: format choice, limits and every way a file can be refused.
import { createInstance } from "i18next";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { i18nConfig, resources } from "~/i18n";
import type { MessageKey, MessageValues } from "~/lib/translate";

import { allParagraphs, readCorpusBytes, type CorpusFile } from "./__fixtures__/corpus";
import { buildDocx, buildZipWithoutDocument } from "./__fixtures__/docx";
import { importDocument, MAX_IMPORT_BYTES, MAX_UNZIPPED_BYTES } from "./import-document";
import { PARAGRAPH_KEY_PATTERN } from "./keys";
import { ImportError } from "./types";

const utf8 = (text: string) => new TextEncoder().encode(text);

const i18n = createInstance();
await i18n.init({ ...i18nConfig, resources, lng: "en" });
/**
 * English for a key known only at run time. i18next types `t` per key, asking
 * for every value any key of the union interpolates; here the values travel
 * with the key instead.
 */
const english = i18n.getFixedT("en", "common") as unknown as (key: MessageKey, values: MessageValues) => string;

/**
 * The ImportError thrown by the import, failing if there is none: its key,
 * its cause, and `message` as the person who uploaded the file reads it
 * (the key translated in English with its values).
 */
async function importFailure(fileName: string, bytes: Uint8Array) {
  try {
    await importDocument({ fileName, bytes });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const failure = error as ImportError;
    // Old callers that pass `message` on get the key, never English.
    expect(failure.message).toBe(failure.key);
    expect(failure.key).toMatch(/^import\.errors\./);
    return { key: failure.key, cause: failure.cause, message: english(failure.key, failure.values) };
  }
  throw new Error(`importing ${fileName} should have failed`);
}

describe("importDocument refuses unusable files with a clear message", () => {
  it("an empty file", async () => {
    const failure = await importFailure("draft.txt", new Uint8Array());
    expect(failure.key).toBe("import.errors.empty");
    expect(failure.message).toBe('"draft.txt" is empty.');
  });

  it("a text file with only whitespace", async () => {
    expect((await importFailure("draft.md", utf8("  \n\t\n  "))).message).toBe('"draft.md" contains no text.');
  });

  it("binary data with NUL bytes named .txt", async () => {
    const bytes = new Uint8Array([0x48, 0x69, 0x00, 0x01, 0x02, 0x00, 0x41]);
    expect((await importFailure("notes.txt", bytes)).message).toBe(
      '"notes.txt" is not a text file (it contains binary data). Upload a .docx, .txt or .md file.',
    );
  });

  it("text that is not UTF-8", async () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]); // "Café ok" in Latin-1
    expect((await importFailure("notes.txt", latin1)).message).toBe(
      '"notes.txt" is not UTF-8 text. Save it as UTF-8 and upload it again.',
    );
  });

  it("a .docx that is not a zip archive", async () => {
    expect((await importFailure("draft.docx", utf8("1.1 Just text."))).message).toBe(
      '"draft.docx" is not a Word document: a .docx file is a zip archive and this one is not.',
    );
  });

  it("an old binary .doc renamed to .docx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await importFailure("draft.docx", ole)).message).toMatch(/old Word 97–2003 document renamed to \.docx/);
  });

  it("a zip archive that is not a Word document", async () => {
    const error = await importFailure("draft.docx", await buildZipWithoutDocument());
    expect(error.message).toBe(
      "This Word document could not be read. It may be damaged, or it is not a .docx file " +
        "(Word 97–2003 .doc files must be saved as .docx first).",
    );
    expect(error.cause).toBeDefined();
  });

  it("a corrupted (truncated) .docx", async () => {
    const valid = await buildDocx([{ text: "1.1\tSome text." }]);
    const error = await importFailure("draft.docx", valid.slice(0, Math.floor(valid.length / 2)));
    expect(error.message).toMatch(/^This Word document could not be read\./);
  });

  it("a .docx that would unpack to more than the limit (a zip bomb), before mammoth inflates it", async () => {
    const archive = new JSZip();
    archive.file("word/document.xml", new Uint8Array(MAX_UNZIPPED_BYTES + 1));
    const bomb = await archive.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect((await importFailure("bomb.docx", bomb)).message).toBe(
      '"bomb.docx" cannot be imported: once unpacked it would be larger than 100 MB ' +
        "(a Word document's text is far smaller; it may be damaged or hostile).",
    );
  });

  it("a file over the size limit, before reading it", async () => {
    const bytes = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    expect((await importFailure("huge.txt", bytes)).message).toBe(
      '"huge.txt" is too large (20.1 MB); the limit is 20 MB.',
    );
  });

  it("an unsupported or misnamed format", async () => {
    expect((await importFailure("draft.pdf", utf8("%PDF-1.7"))).message).toBe(
      '"draft.pdf" cannot be imported: only Word (.docx), text (.txt) and Markdown (.md) files are supported.',
    );
    expect((await importFailure("draft.doc", utf8("x"))).message).toMatch(/old Word 97–2003 document/);
    const docx = await buildDocx([{ text: "1.1\tSome text." }]);
    expect((await importFailure("draft.txt", docx)).message).toBe(
      '"draft.txt" is named like a text file but contains a binary (Word or zip) file.',
    );
  });

  it("a document in which no paragraph is found", async () => {
    expect((await importFailure("outline.md", utf8("# Title\n\n## Only headings\n"))).message).toBe(
      'No paragraphs were found in "outline.md". Check that it contains the document\'s text.',
    );
    const headingsOnly = await buildDocx([{ text: "Section 1. Introduction", style: "Heading1" }]);
    expect((await importFailure("outline.docx", headingsOnly)).message).toMatch(/^No paragraphs were found/);
  });
});

describe("importDocument reads valid files", () => {
  it("accepts exactly MAX_IMPORT_BYTES", async () => {
    const text = "1.1 A paragraph.\n".padEnd(MAX_IMPORT_BYTES, " ");
    const document = await importDocument({ fileName: "big.txt", bytes: utf8(text) });
    expect(allParagraphs(document).map((p) => p.number)).toEqual(["1.1"]);
  });

  it("a .docx round trip", async () => {
    const bytes = await buildDocx([
      { text: "Section 2. Pillar 1 - Legal Measures", style: "Heading1" },
      { text: "2.\tGiven the rapid advancements in technology:" },
      { text: "a.\tITU should continue its efforts." },
      { text: "b.\tITU should continue to work with partners." },
    ]);
    const document = await importDocument({ fileName: "final_2022.docx", bytes });
    expect(document.title).toBe("final 2022");
    expect(document.sections.map((s) => [s.number, s.heading])).toEqual([["2", "Pillar 1 - Legal Measures"]]);
    expect(allParagraphs(document).map((p) => [p.key, p.number, p.text])).toEqual([
      ["2", "2.", "Given the rapid advancements in technology:"],
      ["2-a", "2. a.", "ITU should continue its efforts."],
      ["2-b", "2. b.", "ITU should continue to work with partners."],
    ]);
  });

  it("UTF-16 text with a byte-order mark", async () => {
    const text = "1.1 Première phrase.";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const document = await importDocument({ fileName: "note.txt", bytes });
    expect(allParagraphs(document)).toEqual([{ key: "1-1", number: "1.1", text: "Première phrase." }]);
  });

  it("forces Markdown for .md even when the text looks plain, and honours an explicit title", async () => {
    const document = await importDocument(
      { fileName: "notes.md", bytes: utf8("Intro *emphasis*.\n\n**1.1** First.") },
      { title: "My title" },
    );
    expect(document.title).toBe("My title");
    expect(allParagraphs(document).map((p) => [p.number, p.text])).toEqual([
      [null, "Intro emphasis."],
      ["1.1", "First."],
    ]);
  });

  const corpus: [CorpusFile, number, string][] = [
    ["gca-guidelines-draft-2020-C20-65.txt", 155, "GUIDELINES FOR UTILIZATION OF THE GLOBAL CYBERSECURITY AGENDA"],
    ["gca-guidelines-final-2022.txt", 53, "GUIDELINES FOR UTILIZATION OF THE GLOBAL CYBERSECURITY AGENDA BY THE ITU"],
    ["secretariat-report-gca-utilization-2020.txt", 46, "secretariat report gca utilization 2020"],
    [
      "member-state-contribution-gca-guidelines.txt",
      8,
      "RECOMMENDATIONS FOR ITU TO DEVELOP GUIDELINES FOR UTILIZATION OF THE GLOBAL CYBERSECURITY AGENDA",
    ],
    ["hleg-2008-proposals-with-member-comments.txt", 79, "hleg 2008 proposals with member comments"],
  ];

  it.each(corpus)("%s: %i paragraphs, clean text, unique URL-safe keys", async (file, count, title) => {
    const document = await importDocument({ fileName: file, bytes: readCorpusBytes(file) });
    expect(document.title).toBe(title);
    const paragraphs = allParagraphs(document);
    expect(paragraphs).toHaveLength(count);

    const keys = paragraphs.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => !PARAGRAPH_KEY_PATTERN.test(key))).toEqual([]);

    const leftovers = /PAGEREF|\[bookmark|footnoteRef|\*\*|<sup>|\]\(#\)|\t|\s{2}/;
    expect(paragraphs.filter((p) => leftovers.test(p.text)).map((p) => p.key)).toEqual([]);
    // A paragraph text starting with "1.2" or "3." is a number that was not split off.
    expect(paragraphs.filter((p) => /^\d+\.\d*(?:\s|[A-Z])/.test(p.text)).map((p) => p.key)).toEqual([]);
    expect(paragraphs.filter((p) => p.text.trim() === "" || p.text !== p.text.trim()).map((p) => p.key)).toEqual([]);
    expect(document.sections.every((s) => s.heading.trim() !== "")).toBe(true);
  });
});
