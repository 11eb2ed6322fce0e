import { describe, expect, it } from "vitest";
import { benchCompare, syntheticBenchCase } from "./bench";

describe("benchCompare", () => {
  it("reports sizes and median/min/max of each timing (with a fake clock, no real timing asserted)", () => {
    let tick = 0;
    const [result] = benchCompare([syntheticBenchCase(30, 2)], { warmup: 0, runs: 3, now: () => (tick += 1) });
    expect(result).toMatchObject({
      name: "synthetic 30 paragraphs (seed 2)",
      runs: 3,
      align: { median: 1, min: 1, max: 1 },
      compare: { median: 1, min: 1, max: 1 },
    });
    expect(result.paragraphs[0]).toBe(30);
    expect(result.characters).toBeGreaterThan(0);
  });
});
