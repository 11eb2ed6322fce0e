/**
 * Threat-model row: CRLF, U+202E (bidi override), zero-width chars in names
 * and comments → bidi isolated on screen (React uses <bdi>; this is for the
 * places where markup is impossible).
 */
import { describe, expect, it } from "vitest";

import { hasBidiControls, isolateBidi } from "./display";

describe("isolateBidi", () => {
  it("wraps the text in a first-strong isolate", () => {
    expect(isolateBidi("Alice\u202eevil")).toBe("\u2068Alice\u202eevil\u2069");
  });

  it("removes a stray closing isolate that would end the wrapper early, keeps matched pairs", () => {
    expect(isolateBidi("\u2069\u202egotcha")).toBe("\u2068\u202egotcha\u2069");
    expect(isolateBidi("a\u2067b\u2069c\u2069")).toBe("\u2068a\u2067b\u2069c\u2069");
  });
});

describe("hasBidiControls", () => {
  it("flags overrides, embeddings and isolates, not ordinary right-to-left text", () => {
    expect(hasBidiControls("Alice\u202eevil")).toBe(true);
    expect(hasBidiControls("a\u2066b")).toBe(true);
    expect(hasBidiControls("منظمة الصحة العالمية")).toBe(false);
  });
});
