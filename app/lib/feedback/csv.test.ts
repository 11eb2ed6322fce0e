import { describe, expect, it } from "vitest";

import { CSV_BOM, csvField, csvRecord, neutralizeFormula } from "./csv";

describe("CSV formula injection (OWASP: cells starting with = + - @ tab CR)", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("neutralizes %j", (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
  it("leaves ordinary text alone, including an = inside it", () => {
    expect(neutralizeFormula("2.9 a.")).toBe("2.9 a.");
    expect(neutralizeFormula("a = b")).toBe("a = b");
    expect(neutralizeFormula("")).toBe("");
  });
});

describe("RFC 4180 fields and records", () => {
  it("quotes fields with commas, quotes or line breaks and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
  });
  it("neutralizes before quoting: a formula with a comma stays text", () => {
    expect(csvField("=SUM(1,2)")).toBe('"\'=SUM(1,2)"');
  });
  it("ends every record with CRLF", () => {
    expect(csvRecord(["ge", "Ünïcödé", "x,y"])).toBe('ge,Ünïcödé,"x,y"\r\n');
    expect(CSV_BOM).toBe("\uFEFF");
  });
});
