// Word's automatic numbering: numbers computed from numbering.xml and styles.xml, as Word shows them.
import {
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  type ILevelsOptions,
  type IParagraphStyleOptions,
} from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { buildDocx } from "./__fixtures__/docx";
import { parseDocx } from "./docx";
import { alignParagraphs } from "./docx-alignment";
import { formatNumber, numberDocxParagraphs, readDocxNumbering } from "./docx-numbering";
import { ImportError, type ImportedDocument } from "./types";

type Item = string | { text: string; list: string; level?: number; instance?: number; restart?: boolean };

/** A .docx made with the `docx` package: lists named by reference, paragraphs in order. */
async function wordFile(
  lists: Record<string, ILevelsOptions[]>,
  items: (Item | Paragraph | Table)[],
  paragraphStyles: IParagraphStyleOptions[] = [],
): Promise<Buffer> {
  const document = new Document({
    numbering: { config: Object.entries(lists).map(([reference, levels]) => ({ reference, levels })) },
    styles: { paragraphStyles },
    sections: [
      {
        children: items.map((item) => {
          if (item instanceof Paragraph || item instanceof Table) return item;
          if (typeof item === "string") return new Paragraph({ text: item });
          return new Paragraph({
            text: item.text,
            numbering: { reference: item.list, level: item.level ?? 0, instance: item.instance, restart: item.restart },
          });
        }),
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Every paragraph as "number text" (or just the text), section by section. */
function numbered(document: ImportedDocument): string[] {
  return document.sections.flatMap((section) =>
    section.paragraphs.map((p) => (p.number === null ? p.text : `${p.number} ${p.text}`)),
  );
}

const DECIMAL: ILevelsOptions = { level: 0, format: LevelFormat.DECIMAL, text: "%1." };

describe("Word list numbering in .docx import", () => {
  it("continues a list after a plain paragraph: 1, 2, [paragraph], 3", async () => {
    const bytes = await wordFile({ list: [DECIMAL] }, [
      { text: "First point.", list: "list" },
      { text: "Second point.", list: "list" },
      "A paragraph between the points.",
      { text: "Third point.", list: "list" },
    ]);
    const document = await parseDocx(bytes);
    expect(numbered(document)).toEqual([
      "1. First point.",
      "2. Second point.",
      "A paragraph between the points.",
      "3. Third point.",
    ]);
    expect(document.sections[0].paragraphs.map((p) => p.key)).toEqual(["1", "2", "2-u1", "3"]);
  });

  it("starts a list at its start value", async () => {
    const bytes = await wordFile({ list: [{ ...DECIMAL, start: 5 }] }, [
      { text: "Fifth.", list: "list" },
      { text: "Sixth.", list: "list" },
    ]);
    expect(numbered(await parseDocx(bytes))).toEqual(["5. Fifth.", "6. Sixth."]);
  });

  it("restarts a list that a new num with startOverride starts again", async () => {
    const bytes = await wordFile({ list: [DECIMAL] }, [
      { text: "One.", list: "list" },
      { text: "Two.", list: "list" },
      "Another list follows.",
      { text: "One again.", list: "list", instance: 2 },
      { text: "Two again.", list: "list", instance: 2 },
      { text: "Back to one.", list: "list", restart: true },
    ]);
    const xml = await (await JSZip.loadAsync(bytes)).file("word/numbering.xml")!.async("string");
    expect(xml).toContain("startOverride");
    expect(numbered(await parseDocx(bytes))).toEqual([
      "1. One.",
      "2. Two.",
      "Another list follows.",
      "1. One again.",
      "2. Two again.",
      "1. Back to one.",
    ]);
  });

  it("numbers lettered and roman sub-levels under their parent; shows templates like (%1) and %1.%2", async () => {
    const bytes = await wordFile(
      {
        outline: [
          DECIMAL,
          { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)" },
          { level: 2, format: LevelFormat.LOWER_ROMAN, text: "(%3)" },
        ],
        legal: [DECIMAL, { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2" }],
        enumerated: [{ level: 0, format: LevelFormat.DECIMAL, text: "(%1)" }],
        roman: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1." }],
        articles: [{ level: 0, format: LevelFormat.DECIMAL, text: "Article %1" }],
      },
      [
        { text: "Scope.", list: "outline" },
        { text: "first item;", list: "outline", level: 1 },
        { text: "second item:", list: "outline", level: 1 },
        { text: "first sub-item;", list: "outline", level: 2 },
        { text: "second sub-item.", list: "outline", level: 2 },
        { text: "Aims.", list: "outline" },
        { text: "its item.", list: "outline", level: 1 },
        { text: "Definitions.", list: "legal" },
        { text: "A term.", list: "legal", level: 1 },
        { text: "Another term.", list: "legal", level: 1 },
        { text: "Principles.", list: "legal" },
        { text: "A principle.", list: "legal", level: 1 },
        { text: "Enumerated under 2.1.", list: "enumerated" },
        { text: "Part one.", list: "roman" },
        { text: "Part two.", list: "roman" },
        { text: "The first article.", list: "articles" },
      ],
    );
    expect(numbered(await parseDocx(bytes))).toEqual([
      "1. Scope.",
      "1. (a) first item;",
      "1. (b) second item:",
      "1. (b) (i) first sub-item;",
      "1. (b) (ii) second sub-item.",
      "2. Aims.",
      "2. (a) its item.",
      "1. Definitions.",
      "1.1 A term.",
      "1.2 Another term.",
      "2. Principles.",
      "2.1 A principle.",
      "2.1 (1) Enumerated under 2.1.",
      "I. Part one.",
      "II. Part two.",
      "Article 1 The first article.",
    ]);
  });

  it("numbers headings through their styles (and based-on chains): 1, 1.1, 1.1.1, 2; sections follow", async () => {
    const heading = (id: string, name: string, level?: number): IParagraphStyleOptions => ({
      id,
      name,
      basedOn: level === undefined ? "NumberedHeading" : "Normal",
      next: "Normal",
      paragraph: level === undefined ? {} : { numbering: { reference: "headings", level } },
    });
    const bytes = await wordFile(
      {
        headings: [
          { level: 0, format: LevelFormat.DECIMAL, text: "%1" },
          { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2" },
          { level: 2, format: LevelFormat.DECIMAL, text: "%1.%2.%3" },
        ],
        items: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: "%1)" }],
      },
      [
        new Paragraph({ text: "Introduction", heading: HeadingLevel.HEADING_1 }),
        "The text of the introduction.",
        new Paragraph({ text: "Scope", heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: "Details", heading: HeadingLevel.HEADING_3 }),
        { text: "a lettered item;", list: "items" },
        { text: "another one.", list: "items" },
        new Paragraph({ text: "Recommendations", heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: "Legal measures", heading: HeadingLevel.HEADING_2 }),
      ],
      [
        heading("Heading1", "Heading 1", 0),
        heading("Heading2", "Heading 2", 1),
        // Heading 3 takes its numbering from the style it is based on.
        heading("Heading3", "Heading 3"),
        heading("NumberedHeading", "Numbered heading", 2),
      ],
    );
    const document = await parseDocx(bytes);
    expect(
      document.sections.map((s) => ({
        number: s.number,
        heading: s.heading,
        level: s.level,
        paragraphs: numbered({ ...document, sections: [s] }),
      })),
    ).toEqual([
      { number: "1", heading: "Introduction", level: 1, paragraphs: ["The text of the introduction."] },
      { number: "1.1", heading: "Scope", level: 2, paragraphs: [] },
      {
        number: "1.1.1",
        heading: "Details",
        level: 2,
        paragraphs: ["1.1.1 a) a lettered item;", "1.1.1 b) another one."],
      },
      { number: "2", heading: "Recommendations", level: 1, paragraphs: [] },
      { number: "2.1", heading: "Legal measures", level: 2, paragraphs: [] },
    ]);
  });

  it("counts numbered paragraphs in tables and empty ones; numId 0 switches a numbered style off", async () => {
    const bytes = await wordFile(
      { list: [DECIMAL] },
      [
        { text: "Before the table.", list: "list" },
        new Table({
          rows: [
            new TableRow({
              children: [
                new TableCell({
                  children: [new Paragraph({ text: "In a cell.", numbering: { reference: "list", level: 0 } })],
                }),
              ],
            }),
          ],
        }),
        // An empty numbered paragraph still takes a number in Word.
        new Paragraph({ text: "", numbering: { reference: "list", level: 0 } }),
        { text: "After the table.", list: "list" },
        new Paragraph({ text: "Not numbered although its style is.", style: "Numbered" }),
        new Paragraph({ text: "Numbered by its style.", style: "Numbered" }),
      ],
      [
        {
          id: "Numbered",
          name: "Numbered",
          basedOn: "Normal",
          paragraph: { numbering: { reference: "list", level: 0 } },
        },
      ],
    );
    // The docx package cannot write numId 0; write it the way Word does.
    const zip = await JSZip.loadAsync(bytes);
    const documentXml = await zip.file("word/document.xml")!.async("string");
    const switchedOff = documentXml.replace(
      /<w:pPr>(<w:pStyle w:val="Numbered"\/>)<\/w:pPr>(<w:r><w:t xml:space="preserve">Not numbered)/,
      '<w:pPr>$1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr>$2',
    );
    expect(switchedOff).not.toBe(documentXml);
    zip.file("word/document.xml", switchedOff);
    const document = await parseDocx(await zip.generateAsync({ type: "uint8array" }));
    expect(numbered(document)).toEqual([
      "1. Before the table.",
      "2. In a cell.",
      "4. After the table.",
      "Not numbered although its style is.",
      "5. Numbered by its style.",
    ]);
  });
});

describe("numbering that cannot be read", () => {
  it("imports with graceful numbers when numbering.xml points nowhere, loops or uses unknown formats", async () => {
    const bytes = await buildDocx([
      { text: "Listed.", listLevel: 0 },
      { text: "Also listed.", listLevel: 1 },
    ]);
    const zip = await JSZip.loadAsync(bytes);
    zip.file(
      "word/numbering.xml",
      `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="Loop"/></w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="x"/><w:numFmt w:val="klingon"/><w:lvlText w:val="%1.%9"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>`,
    );
    const document = await parseDocx(await zip.generateAsync({ type: "uint8array" }));
    // Unknown formats are written as decimals; the missing level 1 gives no number.
    expect(numbered(document)).toEqual(["1.1 Listed.", "Also listed."]);
  });

  it("a malformed numbering.xml gives the import's own error (never a crash)", async () => {
    const bytes = await buildDocx([{ text: "Listed.", listLevel: 0 }]);
    const zip = await JSZip.loadAsync(bytes);
    zip.file(
      "word/numbering.xml",
      "<w:numbering xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:num",
    );
    const broken = await zip.generateAsync({ type: "uint8array" });
    await expect(readDocxNumbering(await JSZip.loadAsync(broken))).rejects.toThrow(/Malformed/);
    // mammoth refuses such a file too: the upload gets the clear "unreadable .docx" message (a 4xx).
    await expect(parseDocx(broken)).rejects.toBeInstanceOf(ImportError);
  });

  it("numberDocxParagraphs without any list defined does not read the body", () => {
    const document = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
      <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Text</w:t></w:r></w:p>
    </w:body></w:document>`;
    expect(numberDocxParagraphs({ document })).toEqual([]);
    expect(numberDocxParagraphs({ document: "<not-even-xml", numbering: "<numbering/>" })).toEqual([]);
  });
});

describe("numberDocxParagraphs", () => {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  const numbering = `<w:numbering xmlns:w="${W}">
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">
      <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    </w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  </w:numbering>`;
  const listed = (runs: string, extra = "") =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${extra}</w:pPr>${runs}</w:p>`;

  it("reads paragraphs as mammoth does: a deleted mark joins the next; deleted runs, mc:Choice skipped", () => {
    const document = `<w:document xmlns:w="${W}" xmlns:mc="${MC}"><w:body>
      ${listed("<w:r><w:t>First</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>")}
      ${listed("<w:r><w:t>Joined </w:t></w:r>", "<w:rPr><w:del/></w:rPr>")}
      ${listed("<w:r><w:t>to this</w:t></w:r>")}
      <w:p><w:r><mc:AlternateContent>
        <mc:Choice><w:t>choice</w:t></mc:Choice><mc:Fallback><w:t>fallback</w:t></mc:Fallback>
      </mc:AlternateContent></w:r></w:p>
      ${listed("<w:r><w:t>Third</w:t></w:r>")}
    </w:body></w:document>`;
    expect(numberDocxParagraphs({ document, numbering }).map((p) => [p.text, p.number?.label ?? null])).toEqual([
      ["First", "1."],
      ["Joined to this", "2."],
      ["fallback", null],
      ["Third", "3."],
    ]);
  });

  it("follows lvlRestart (0: never restarts) and isLgl (ancestors shown as decimals)", () => {
    const levels = `<w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/>
        <w:lvlRestart w:val="0"/></w:lvl>
    </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const at = (ilvl: number, text: string) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
      `<w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = [at(0, "A"), at(1, "B"), at(0, "C"), at(1, "D")].join("");
    const document = `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
    const result = numberDocxParagraphs({ document, numbering: `<w:numbering xmlns:w="${W}">${levels}</w:numbering>` });
    expect(result.map((p) => p.number?.label)).toEqual(["I.", "1.1", "II.", "2.2"]);
  });

  it("throws on malformed XML", () => {
    expect(() => numberDocxParagraphs({ document: "<w:document", numbering })).toThrow(/Malformed/);
  });
});

describe("formatNumber", () => {
  it("writes Word's formats", () => {
    expect(formatNumber(3, "decimal")).toBe("3");
    expect(formatNumber(27, "lowerLetter")).toBe("aa");
    expect(formatNumber(28, "upperLetter")).toBe("BB");
    expect(formatNumber(14, "lowerRoman")).toBe("xiv");
    expect(formatNumber(1999, "upperRoman")).toBe("MCMXCIX");
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(22, "ordinal")).toBe("22nd");
    expect(formatNumber(4, "somethingNew")).toBe("4");
    // A hostile start value does not build a huge string.
    expect(formatNumber(999_999_999, "lowerLetter")).toBe("999999999");
  });
});

describe("alignParagraphs", () => {
  const ours = (texts: string[]) => texts.map((text) => ({ text, number: null }));
  it("pairs by order and text, skipping a paragraph only one side has", () => {
    expect(alignParagraphs(["A one", "B two", "C three"], ours(["A one", "B two", "C three"]))).toEqual([0, 1, 2]);
    // Ours has a paragraph mammoth dropped; mammoth has one ours lacks.
    expect(
      alignParagraphs(["A one", "C three", "Extra", "D four"], ours(["A one", "B two", "C three", "D four"])),
    ).toEqual([0, 2, null, 3]);
    // Only letters and digits count ("\t", symbols, case).
    expect(alignParagraphs(["1.1\tThe text!"], ours(["1.1 the TEXT"]))).toEqual([0]);
  });
});
