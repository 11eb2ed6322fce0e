import { describe, expect, it } from "vitest";

import { inspectZip } from "./zip-guard";

/** A minimal ZIP with stored (uncompressed) entries. */
function zip(entries: Array<{ name: string; data: string; declaredSize?: number }>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = encoder.encode(entry.data);
    const local = new Uint8Array(30 + name.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, entry.declaredSize ?? data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, entry.declaredSize ?? data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe("inspectZip", () => {
  it("lists the entries and sums their declared sizes", () => {
    const result = inspectZip(
      zip([
        { name: "word/document.xml", data: "<w/>" },
        { name: "[Content_Types].xml", data: "<x/>" },
      ]),
    );
    expect(result).toEqual({
      ok: true,
      entries: 2,
      declaredBytes: 8,
      names: ["word/document.xml", "[Content_Types].xml"],
    });
  });
  it("reports what a zip bomb declares before anything is inflated", () => {
    const result = inspectZip(zip([{ name: "xl/workbook.xml", data: "x", declaredSize: 2_000_000_000 }]));
    expect(result).toMatchObject({ ok: true, declaredBytes: 2_000_000_000 });
  });
  it("refuses an empty file, a non-zip and a truncated zip", () => {
    expect(inspectZip(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    expect(inspectZip(new TextEncoder().encode("Organization,Paragraph\nA,2.9 a."))).toEqual({
      ok: false,
      reason: "notZip",
    });
    const whole = zip([{ name: "a.xml", data: "<a/>" }]);
    expect(inspectZip(whole.subarray(0, whole.length - 10))).toEqual({ ok: false, reason: "corrupt" });
  });
});
