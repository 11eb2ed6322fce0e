import { describe, expect, it } from "vitest";

import { safeAttachmentName, sniffAttachment } from "./attachments";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("sniffAttachment (threats: malformed upload)", () => {
  it("recognizes a PDF and a zip by their bytes", () => {
    expect(sniffAttachment(bytes("%PDF-1.7\n..."))?.kind).toBe("pdf");
    expect(sniffAttachment(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))?.kind).toBe("docx");
  });
  it("refuses HTML or an empty file even when named .pdf", () => {
    expect(sniffAttachment(bytes("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffAttachment(new Uint8Array())).toBeNull();
  });
});

describe("safeAttachmentName", () => {
  it("strips paths, quotes, bidi overrides and forces the sniffed extension", () => {
    expect(safeAttachmentName("../../etc/passwd", ".pdf")).toBe("passwd.pdf");
    expect(safeAttachmentName('Position "paper"\u202Efdp.exe', ".pdf")).toBe("Position paperfdp.pdf");
    expect(safeAttachmentName("contribution.docx", ".docx")).toBe("contribution.docx");
    expect(safeAttachmentName("", ".docx")).toBe("attachment.docx");
  });
});
