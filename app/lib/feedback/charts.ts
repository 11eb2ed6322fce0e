/**
 * Geometry for the dashboard's server-rendered SVG charts: round axis
 * maxima and ticks, bar lengths. Kept apart from the React components so
 * the arithmetic is tested on its own.
 */

/**
 * A round upper bound for an axis and its ticks: 1, 2 or 5 times a power of
 * ten per step, about `ticks` steps.
 *
 * @example niceScale(312) // { max: 400, step: 100, ticks: [0, 100, 200, 300, 400] }
 */
export function niceScale(value: number, ticks = 4): { max: number; step: number; ticks: number[] } {
  if (!Number.isFinite(value) || value <= 0) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = value / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const factor = rough / power;
  const step = Math.max(1, (factor <= 1 ? 1 : factor <= 2 ? 2 : factor <= 5 ? 5 : 10) * power);
  const max = Math.ceil(value / step) * step;
  const list: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) list.push(Math.round(tick));
  return { max, step, ticks: list };
}

/**
 * Length of a bar for `value` on an axis of `length` units up to `max`; at
 * least 1 unit when value > 0, so small counts stay visible.
 */
export function barLength(value: number, max: number, length: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.round((value / max) * length * 10) / 10);
}

/** Share of a total as a whole percentage, for labels. */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}
