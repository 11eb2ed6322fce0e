import { describe, expect, it } from "vitest";

import { stripBidiControls, stripBidiInput } from "./bidi";

describe("stripBidiControls (threats: bidi controls reorder names)", () => {
  it("removes every embedding, override and isolate control", () => {
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
    for (const control of controls) expect(stripBidiControls(`${control}evil${control}`)).toBe("evil");
    expect(stripBidiControls("Delegation of \u202EA etatS\u202C")).toBe("Delegation of A etatS");
  });

  it("keeps right-to-left letters, the implicit marks and everything else", () => {
    const text = "\u0627\u0644\u0627\u062A\u062D\u0627\u062F \u200F(UAE)\u200E \u061C Café – 😀";
    expect(stripBidiControls(text)).toBe(text);
    expect(stripBidiControls("")).toBe("");
  });

  it("leaves what is not a string to the schema", () => {
    expect(stripBidiInput(undefined)).toBeUndefined();
    expect(stripBidiInput(42)).toBe(42);
    expect(stripBidiInput("\u2066x\u2069")).toBe("x");
  });
});
