/**
 * The exports of a comparison (the Word document, the printable redline)
 * are built whole: every row of the comparison. They depend only on the two
 * versions, the language and the form asked for — never on who asks, since
 * they leave comments out — so each is built once per process and kept, up
 * to a size: repeated requests, anonymous or not, send the kept bytes.
 * Concurrent requests for one export wait for a single build.
 */
import { LRUCache } from "lru-cache";

import { COMPARISON_ALGORITHM } from "~/models/comparison.server";

/** All exports kept in this process, in bytes (HTML kept as UTF-8). */
const MAX_BYTES = 96 * 1024 * 1024;
/** An export larger than this is built for each request and not kept. */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

const kept = new LRUCache<string, Buffer>({
  maxSize: MAX_BYTES,
  maxEntrySize: MAX_ENTRY_BYTES,
  sizeCalculation: (value) => Math.max(1, value.byteLength),
});
const building = new Map<string, Promise<Buffer>>();
const stats = { builds: 0, hits: 0 };

/** Exports built and served from memory since the process started (for tests and metrics). */
export function comparisonExportStats() {
  return { ...stats };
}

/** What an export is kept under: the versions, the comparison code, the form and the language. */
export function comparisonExportKey(
  pair: { fromVersionId: string; toVersionId: string },
  form: string,
  language: string,
) {
  return [pair.fromVersionId, pair.toVersionId, COMPARISON_ALGORITHM, form, language].join("\u0000");
}

/**
 * The export under `key`, built by `build` when it is not kept. Only call
 * it once the caller may see both versions: the key says nothing of rights.
 */
export async function cachedComparisonExport(key: string, build: () => Promise<Buffer>): Promise<Buffer> {
  const found = kept.get(key);
  if (found !== undefined) {
    stats.hits++;
    return found;
  }
  let pending = building.get(key);
  if (!pending) {
    stats.builds++;
    pending = build()
      .then((value) => {
        kept.set(key, value);
        return value;
      })
      .finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}
