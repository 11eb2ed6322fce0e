import { describe, expect, it } from "vitest";

import { feedbackSearch, hasActiveFilters, parseFeedbackFilters, sectionParams } from "./filters";

describe("dashboard filters in the URL", () => {
  it("reads known values and drops malformed ones", () => {
    const filters = parseFeedbackFilters(
      new URLSearchParams(
        "v=1&section=2&kind=member_state&type=technical&status=undecided&q=%20regional%20%20bodies%20&page=2&evil=1",
      ),
    );
    expect(filters).toEqual({
      v: 1,
      section: "2",
      kind: "member_state",
      type: "technical",
      status: "undecided",
      q: "regional bodies",
      page: 2,
    });
    expect(parseFeedbackFilters(new URLSearchParams("v=x&kind=martians&type=&status=maybe&page=-3&group=a;b"))).toEqual(
      {},
    );
  });
  it("writes the filters back in a fixed order, with overrides", () => {
    const filters = { kind: "academia" as const, v: 1, q: "a&b" };
    expect(feedbackSearch(filters)).toBe("?v=1&kind=academia&q=a%26b");
    expect(feedbackSearch(filters, { page: 3, kind: undefined })).toBe("?v=1&q=a%26b&page=3");
    expect(feedbackSearch({})).toBe("");
    expect(hasActiveFilters({ v: 2, page: 3 })).toBe(false);
    expect(hasActiveFilters({ type: "editorial" })).toBe(true);
  });
  it("names sections by number when unique, by order otherwise", () => {
    const params = sectionParams([
      { id: "a", number: "1", order: 0 },
      { id: "b", number: null, order: 1 },
      { id: "c", number: "Annex", order: 2 },
      { id: "d", number: "Annex", order: 3 },
    ]);
    expect([...params.values()]).toEqual(["1", "s1", "s2", "s3"]);
  });
});
