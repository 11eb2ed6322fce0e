import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { checkZipBudget, RATIO_FLOOR_BYTES } from "./zip-budget";

async function zip(files: Record<string, Uint8Array | string>, compression: "DEFLATE" | "STORE" = "DEFLATE") {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: "uint8array", compression });
}

/** Rewrites every central-directory entry's declared uncompressed size, as a hostile file would. */
function falsifyDeclaredSizes(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 46 <= copy.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return copy;
}

describe("checkZipBudget", () => {
  it("accepts an honest archive and counts what it inflates to", async () => {
    const bytes = await zip({ "word/document.xml": "<w:document>" + "text ".repeat(1000) + "</w:document>" });
    // Two entries: the file and its folder.
    expect(await checkZipBudget(bytes, { budgetBytes: 1_000_000 })).toEqual({
      ok: true,
      entries: 2,
      inflatedBytes: 5025,
    });
  });

  it("counts stored (uncompressed) entries too", async () => {
    const bytes = await zip({ "a.txt": "x".repeat(2000), "b.txt": "y".repeat(3000) }, "STORE");
    expect(await checkZipBudget(bytes, { budgetBytes: 4000 })).toEqual({ ok: false, reason: "tooLarge" });
    expect(await checkZipBudget(bytes, { budgetBytes: 5000 })).toMatchObject({ ok: true, inflatedBytes: 5000 });
  });

  it("stops a zip bomb at the budget, even when its directory declares tiny sizes", async () => {
    const bomb = await zip({ "word/document.xml": new Uint8Array(20 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await checkZipBudget(bomb, { budgetBytes: 1024 * 1024 })).toEqual({ ok: false, reason: "tooLarge" });
    expect(await checkZipBudget(falsifyDeclaredSizes(bomb, 10), { budgetBytes: 1024 * 1024 })).toEqual({
      ok: false,
      reason: "tooLarge",
    });
  });

  it("refuses an entry that inflates over a hundred times its size, well before the budget", async () => {
    const bomb = falsifyDeclaredSizes(await zip({ "word/document.xml": new Uint8Array(64 * 1024 * 1024) }), 10);
    const started = performance.now();
    // A budget the bomb stays under: only its ratio (over 1,000 : 1) gives it away.
    expect(await checkZipBudget(bomb, { budgetBytes: 1024 * 1024 * 1024 })).toEqual({ ok: false, reason: "tooLarge" });
    expect(performance.now() - started).toBeLessThan(5_000);
    // Text that compresses like a document (well under a hundred to one) passes, even above the floor.
    const words = Array.from({ length: 2_000_000 }, (_, i) => `w${(i * 7919) % 100_003}`).join(" ");
    const honest = await zip({ "word/document.xml": words });
    expect(words.length).toBeGreaterThan(RATIO_FLOOR_BYTES);
    expect(await checkZipBudget(honest, { budgetBytes: 1024 * 1024 * 1024 })).toMatchObject({ ok: true });
  });

  it("spreads the budget over all entries", async () => {
    const bytes = await zip({ "a.xml": new Uint8Array(600_000), "b.xml": new Uint8Array(600_000) });
    expect(await checkZipBudget(bytes, { budgetBytes: 1_000_000 })).toEqual({ ok: false, reason: "tooLarge" });
    expect(await checkZipBudget(bytes, { budgetBytes: 1_200_000 })).toMatchObject({ ok: true, entries: 2 });
  });

  it("refuses too many entries, truncated archives and what is not a zip", async () => {
    const many = await zip(Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`f${k}.txt`, "x"])));
    expect(await checkZipBudget(many, { budgetBytes: 1000, maxEntries: 20 })).toEqual({
      ok: false,
      reason: "tooManyEntries",
    });
    const honest = await zip({ "word/document.xml": "text ".repeat(1000) });
    expect(await checkZipBudget(honest.slice(0, honest.length - 30), { budgetBytes: 1e6 })).toEqual({
      ok: false,
      reason: "corrupt",
    });
    expect(
      await checkZipBudget(new TextEncoder().encode("PK but not a zip at all, only text"), { budgetBytes: 1e6 }),
    ).toEqual({ ok: false, reason: "corrupt" });
    expect(await checkZipBudget(new TextEncoder().encode("plain text"), { budgetBytes: 1e6 })).toEqual({
      ok: false,
      reason: "notZip",
    });
  });
});
