/**
 * Bounds what a ZIP container (.docx, .xlsx) inflates to, before a library
 * that inflates everything in memory (mammoth, ExcelJS) is handed it.
 *
 * Two checks, before any library sees the bytes:
 * 1. the sizes the central directory declares: a "zip bomb" that admits
 *    what it inflates to is refused without inflating a byte;
 * 2. declared sizes can lie, so every entry is then inflated here, as a
 *    stream whose output is counted and thrown away: inflation stops as soon
 *    as the budget is passed, whatever the directory said, and the memory it
 *    takes is one zlib chunk (16 KiB), not the budget (a 100 MB budget held
 *    in one buffer would itself be the harm). The cost is one extra
 *    inflation of an honest file (a few milliseconds for a 1 MB draft).
 *    An entry that inflates past {@link MAX_RATIO} times the compressed bytes
 *    read so far (beyond {@link RATIO_FLOOR_BYTES}) is refused at once: Word
 *    and Excel XML compresses 5–20 times, a bomb a thousand, so a bomb is
 *    stopped after a fraction of the budget (fast under load too).
 */
import zlib from "node:zlib";

export type ZipBudgetResult =
  | { ok: true; entries: number; inflatedBytes: number }
  | { ok: false; reason: "notZip" | "corrupt" | "tooManyEntries" | "tooLarge" };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Inflated ÷ compressed size beyond which an entry is a bomb, not a document. */
export const MAX_RATIO = 100;
/** Entries that inflate to less than this are never refused for their ratio. */
export const RATIO_FLOOR_BYTES = 8 * 1024 * 1024;

/** Where the end-of-central-directory record is (in the last 22 + 65,535 bytes), or -1. */
function findEndOfDirectory(view: DataView, length: number): number {
  for (let at = length - 22; at >= Math.max(0, length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Compressed bytes handed to zlib at a time, so the ratio can be watched as inflation goes. */
const FEED_CHUNK = 64 * 1024;

/**
 * How many bytes raw DEFLATE data inflates to, counting at most `limit + 1`:
 * "tooLarge" once past `limit`, or once past {@link RATIO_FLOOR_BYTES} at more
 * than {@link MAX_RATIO} times the compressed bytes fed so far; "corrupt"
 * when zlib refuses the data.
 */
function inflatedLength(data: Uint8Array, limit: number): Promise<number | "tooLarge" | "corrupt"> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let length = 0;
    let fed = 0;
    let settled = false;
    const settle = (answer: number | "tooLarge" | "corrupt") => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    inflate.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit || (length > RATIO_FLOOR_BYTES && length > fed * MAX_RATIO)) {
        settle("tooLarge");
        inflate.destroy();
      }
    });
    inflate.on("error", () => settle("corrupt"));
    inflate.on("end", () => settle(length));
    inflate.on("close", () => settle(length > limit ? "tooLarge" : length));
    const feed = () => {
      while (fed < data.length && !settled) {
        const end = Math.min(fed + FEED_CHUNK, data.length);
        const more = inflate.write(data.subarray(fed, end));
        fed = end;
        if (!more) {
          inflate.once("drain", feed);
          return;
        }
      }
      if (!settled) inflate.end();
    };
    feed();
  });
}

/** Whether the archive inflates to at most `budgetBytes`, in at most `maxEntries` entries. */
export async function checkZipBudget(
  bytes: Uint8Array,
  { budgetBytes, maxEntries = 10_000 }: { budgetBytes: number; maxEntries?: number },
): Promise<ZipBudgetResult> {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: "notZip" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view, bytes.length);
  if (eocd < 0) return { ok: false, reason: "corrupt" };
  const entries = view.getUint16(eocd + 10, true);
  if (entries > maxEntries) return { ok: false, reason: "tooManyEntries" };
  const directoryStart = view.getUint32(eocd + 16, true);
  // What the directory admits to: enough to refuse an honest bomb at once.
  let declaredBytes = 0;
  for (let k = 0, at = directoryStart; k < entries; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return { ok: false, reason: "corrupt" };
    declaredBytes += view.getUint32(at + 24, true);
    if (declaredBytes > budgetBytes) return { ok: false, reason: "tooLarge" };
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  let at = directoryStart;
  let inflatedBytes = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return { ok: false, reason: "corrupt" };
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE)
      return { ok: false, reason: "corrupt" };
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    // 0xffffffff is ZIP64, which no Word or Excel file under the upload limit needs.
    if (compressedSize === 0xffffffff || dataStart + compressedSize > bytes.length)
      return { ok: false, reason: "corrupt" };
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const left = budgetBytes - inflatedBytes;
    if (method === STORED) {
      inflatedBytes += compressedSize;
    } else if (method === DEFLATED) {
      const length = await inflatedLength(data, left);
      if (typeof length === "string") return { ok: false, reason: length };
      inflatedBytes += length;
    } else {
      return { ok: false, reason: "corrupt" };
    }
    if (inflatedBytes > budgetBytes) return { ok: false, reason: "tooLarge" };
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries, inflatedBytes };
}
