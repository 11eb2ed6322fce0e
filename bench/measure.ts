/** Small measuring tools shared by the benchmark areas. */
import { monitorEventLoopDelay } from "node:perf_hooks";

/** Median, min and max of samples, rounded to 0.1 ms. */
export function summarize(samples: readonly number[]) {
  const sorted = [...samples].sort((x, y) => x - y);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    median: round(sorted[Math.floor(sorted.length / 2)]),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    runs: samples.length,
  };
}

/**
 * Times `work` `runs` times after `warmup` unmeasured runs, stopping early
 * (after at least one measured run) once `budgetMs` is spent.
 */
export async function time(work: () => unknown, { runs = 5, warmup = 1, budgetMs = 30_000 } = {}) {
  for (let k = 0; k < warmup; k++) await work();
  const samples: number[] = [];
  const started = performance.now();
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
    if (performance.now() - started > budgetMs) break;
  }
  return summarize(samples);
}

/**
 * Runs `work` while watching the event loop: a 1 ms interval records the
 * longest gap between its ticks (the longest time the loop was held), and
 * `monitorEventLoopDelay` confirms it independently.
 */
export async function withEventLoopProbe<T>(work: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let last = performance.now();
  let longestGap = 0;
  const interval = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  try {
    const result = await work();
    const elapsed = performance.now() - start;
    // One more tick, so that a stall at the very end is seen too.
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { result, elapsedMs: elapsed, longestStallMs: longestGap, histogramMaxMs: histogram.max / 1e6 };
  } finally {
    clearInterval(interval);
    histogram.disable();
  }
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en")} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
