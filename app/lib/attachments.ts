/**
 * What a contribution's attachment may be: a PDF or a Word document, told
 * by its bytes, never by its name or the browser's declared type.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** {@link MAX_ATTACHMENT_BYTES} in megabytes, as messages state it. */
export const MAX_ATTACHMENT_MEGABYTES = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** The media type of a Word (.docx) document. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type AttachmentKind =
  | { kind: "pdf"; contentType: "application/pdf"; extension: ".pdf" }
  | {
      kind: "docx";
      contentType: typeof DOCX_TYPE;
      extension: ".docx";
    };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/**
 * Classifies an upload by its leading bytes. A DOCX is a zip; whether the
 * zip really holds `word/document.xml` is checked by the caller, which can
 * afford to open it (see contribution.server.ts).
 */
export function sniffAttachment(bytes: Uint8Array): AttachmentKind | null {
  if (startsWith(bytes, PDF_MAGIC)) return { kind: "pdf", contentType: "application/pdf", extension: ".pdf" };
  if (startsWith(bytes, ZIP_MAGIC)) {
    return {
      kind: "docx",
      contentType: DOCX_TYPE,
      extension: ".docx",
    };
  }
  return null;
}

/**
 * A file name safe to send back in Content-Disposition: no path, no control
 * or bidi characters, no quotes, the right extension, at most 120 characters.
 */
export function safeAttachmentName(name: string, extension: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    // Removing control characters is the point.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"]/g, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .trim()
    .slice(0, 100);
  return `${base || "attachment"}${extension}`;
}
