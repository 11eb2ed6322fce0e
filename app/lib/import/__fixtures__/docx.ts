/**
 * Builds small but valid .docx files in memory for tests (jszip is what
 * mammoth itself uses to read them). Only the parts Word needs are written:
 * content types, the package relationship, the document, and numbering
 * definitions when a paragraph uses an automatic list.
 */
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** One paragraph of the test document. */
export interface DocxParagraph {
  text: string;
  /** Paragraph style id: "Title", "Heading1", "Heading2". */
  style?: string;
  /** Level in the automatic numbered list (0 = "1.", 1 = "a."). */
  listLevel?: 0 | 1;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function paragraphXml(paragraph: DocxParagraph): string {
  const properties = [
    paragraph.style ? `<w:pStyle w:val="${paragraph.style}"/>` : "",
    paragraph.listLevel !== undefined
      ? `<w:numPr><w:ilvl w:val="${paragraph.listLevel}"/><w:numId w:val="1"/></w:numPr>`
      : "",
  ].join("");
  // Word writes a tab as <w:tab/>, not as a character inside <w:t>.
  const runs = paragraph.text
    .split("\t")
    .map((part) => `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`)
    .join("<w:tab/>");
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ""}<w:r>${runs}</w:r></w:p>`;
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

/** A .docx containing `paragraphs`, as bytes. */
export async function buildDocx(paragraphs: DocxParagraph[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml"
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/numbering.xml"
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`,
  );
  zip.file("word/numbering.xml", NUMBERING);
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${paragraphs.map(paragraphXml).join("")}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

/** A valid zip archive that is not a Word document. */
export async function buildZipWithoutDocument(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("readme.txt", "This archive holds no word/document.xml.");
  return zip.generateAsync({ type: "uint8array" });
}
