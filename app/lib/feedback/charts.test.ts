import { describe, expect, it } from "vitest";

import { barLength, niceScale, percent } from "./charts";

describe("chart geometry", () => {
  it("rounds axes up to 1, 2 or 5 times a power of ten", () => {
    expect(niceScale(312)).toEqual({ max: 400, step: 100, ticks: [0, 100, 200, 300, 400] });
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(1)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(95_000).max).toBe(100_000);
  });
  it("keeps small non-zero bars visible", () => {
    expect(barLength(0, 100, 300)).toBe(0);
    expect(barLength(1, 10_000, 300)).toBe(1);
    expect(barLength(50, 100, 300)).toBe(150);
  });
  it("rounds shares", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
});
