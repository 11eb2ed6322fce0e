import { describe, expect, it } from "vitest";

import { anchorQuote, QUOTE_CONTEXT_CHARS, quoteContext } from "./quote-anchor";

const text = "ITU should continue its efforts to facilitate multi-stakeholder discussions on cybersecurity.";

describe("anchorQuote", () => {
  it("keeps the offset the browser measured when the phrase is there", () => {
    expect(anchorQuote("its its its", "its", 4)).toMatchObject({ quoteStart: 4, quoteEnd: 7, quotePrefix: "its " });
  });
  it("falls back to the first occurrence when the offset is stale", () => {
    const anchored = anchorQuote(text, "multi-stakeholder discussions", 0);
    expect(anchored).toEqual({
      quote: "multi-stakeholder discussions",
      quoteStart: 46,
      quoteEnd: 75,
      quotePrefix: text.slice(46 - QUOTE_CONTEXT_CHARS, 46),
      quoteSuffix: " on cybersecurity.",
    });
  });
  it("returns null for a phrase that is not in the paragraph", () => {
    expect(anchorQuote(text, "not in this paragraph at all")).toBeNull();
  });
});

describe("quoteContext", () => {
  it("stops at the ends of the paragraph", () => {
    expect(quoteContext("abc", 1, 2)).toEqual({ quotePrefix: "a", quoteSuffix: "c" });
  });
});
