/**
 * A cheap look at a ZIP container (.xlsx and .docx are ZIPs) before a
 * library inflates it: is it a ZIP at all, and how large does it say its
 * content is? A 1 MB file declaring 2 GB of content is refused before any
 * byte is inflated.
 *
 * The sizes come from the central directory, which a hostile file can
 * falsify; this guard stops the naive "zip bomb" and malformed uploads with
 * a clear message. The request-size limit of the server bounds the rest.
 */

export type ZipInspection =
  | { ok: true; entries: number; declaredBytes: number; names: string[] }
  | { ok: false; reason: "empty" | "notZip" | "corrupt" };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** Reads the central directory of a ZIP file held in memory. */
export function inspectZip(bytes: Uint8Array): ZipInspection {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: "notZip" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "corrupt" };
  const entries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (directoryOffset + directorySize > bytes.length) return { ok: false, reason: "corrupt" };
  let at = directoryOffset;
  let declaredBytes = 0;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return { ok: false, reason: "corrupt" };
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return { ok: false, reason: "corrupt" };
    // 0xffffffff means "see the ZIP64 extra field": treat as huge.
    declaredBytes += uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : uncompressed;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries, declaredBytes, names };
}
