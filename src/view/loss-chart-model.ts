import { scaleLinear, scaleLog } from 'd3-scale';
import { lossExtremes, type RangeExtremes } from './loss-extremes.ts';

/**
 * Pure part of the loss chart: decimation of long histories, domains, scales and ticks.
 * A point whose loss is NaN or ±∞ (or ≤ 0 on a log axis) breaks the line and is marked.
 */

export interface ChartPoint {
  /** step index */
  readonly x: number;
  /** loss; NaN marks a break in the line */
  readonly y: number;
}

export const MAX_DRAWN_POINTS = 1000;

/** A value that can be drawn on the axis: finite, and positive on a log axis. */
export function drawable(y: number, log: boolean): boolean {
  return Number.isFinite(y) && (!log || y > 0);
}

/**
 * At most `maxPoints` points that keep the shape of a history: all of it when short, else
 * per bucket of consecutive steps its minimum and maximum, in step order, and a break
 * (y = NaN) where the bucket holds a value that cannot be drawn.
 */
export function decimate(history: ArrayLike<number>, log = false, maxPoints = MAX_DRAWN_POINTS): ChartPoint[] {
  const n = history.length;
  const out: ChartPoint[] = [];
  if (n <= maxPoints) {
    for (let x = 0; x < n; x++) out.push({ x, y: drawable(history[x], log) ? history[x] : NaN });
    return out;
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = Math.ceil(n / buckets);
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    let lo = -1;
    let hi = -1;
    let bad = -1;
    for (let x = start; x < end; x++) {
      const y = history[x];
      if (!drawable(y, log)) {
        if (bad < 0) bad = x;
        continue;
      }
      if (lo < 0 || y < history[lo]) lo = x;
      if (hi < 0 || y > history[hi]) hi = x;
    }
    const picks: ChartPoint[] = [];
    if (lo >= 0) picks.push({ x: lo, y: history[lo] });
    if (hi >= 0 && hi !== lo) picks.push({ x: hi, y: history[hi] });
    if (bad >= 0) picks.push({ x: bad, y: NaN });
    picks.sort((p, q) => p.x - q.x);
    for (const p of picks) out.push(p);
  }
  return out;
}

/** Steps whose loss cannot be drawn, at most one per bucket of a long history. */
export function badSteps(history: ArrayLike<number>, log = false, maxMarks = 200): number[] {
  const n = history.length;
  const size = Math.max(1, Math.ceil(n / maxMarks));
  const extremes = lossExtremes(history, log);
  const range: RangeExtremes = { lo: -1, hi: -1, bad: -1 };
  const out: number[] = [];
  for (let start = 0; start < n; start += size) {
    const { bad } = extremes.query(start, Math.min(n, start + size), range);
    if (bad >= 0) out.push(bad);
  }
  return out;
}

export interface ChartScales {
  readonly x: (step: number) => number;
  readonly y: (loss: number) => number;
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly log: boolean;
  readonly yDomain: readonly [number, number];
}

export interface ChartBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Scales and ticks for the drawn points in a plot box; integer step ticks only. */
export function chartScales(points: readonly ChartPoint[], steps: number, box: ChartBox, log = false): ChartScales {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.y)) continue;
    if (p.y < lo) lo = p.y;
    if (p.y > hi) hi = p.y;
  }
  if (!(lo <= hi)) [lo, hi] = log ? [0.1, 1] : [0, 1];
  if (lo === hi) [lo, hi] = log ? [lo / 2, hi * 2] : [lo - (Math.abs(lo) || 1) * 0.5, hi + (Math.abs(hi) || 1) * 0.5];
  if (!log && lo > 0 && lo < hi * 0.5) lo = 0;
  const x = scaleLinear()
    .domain([0, Math.max(1, steps - 1)])
    .range([box.left, box.right]);
  const y = log
    ? scaleLog().domain([lo, hi]).range([box.bottom, box.top]).nice()
    : scaleLinear().domain([lo, hi]).range([box.bottom, box.top]).nice();
  const xTicks = x.ticks(Math.max(2, Math.floor((box.right - box.left) / 70))).filter((t) => Number.isInteger(t));
  let yTicks = y.ticks(4);
  if (log && yTicks.length > 6)
    yTicks = yTicks.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const [d0, d1] = y.domain();
  return { x, y, xTicks, yTicks, log, yDomain: [d0, d1] };
}

/**
 * The points of a history to draw over a plot `width` pixels wide (step 0 at its left edge,
 * the last step at its right): all of them when no pixel column holds more than two steps,
 * else per pixel column its minimum and maximum in step order, and a break (y = NaN) at the
 * first step of a column that cannot be drawn. What is dropped would share a column's pixels
 * with what is kept; the readout still reads every step from the history.
 */
export function decimateToColumns(history: ArrayLike<number>, log: boolean, width: number): ChartPoint[] {
  const n = history.length;
  const columns = Math.max(1, Math.floor(width));
  if (n <= 2 * columns || n < 2) return decimate(history, log, Infinity);
  // each column's extremes from the history's pyramid: O(columns · log n), not a scan of every
  // step at each report of a long run
  const extremes = lossExtremes(history, log);
  const range: RangeExtremes = { lo: -1, hi: -1, bad: -1 };
  const out: ChartPoint[] = [];
  const perStep = columns / (n - 1);
  let start = 0;
  const columnOf = (s: number) => Math.min(columns - 1, Math.floor(s * perStep));
  while (start < n) {
    const column = columnOf(start);
    // the column's steps: from an estimate of its end, corrected for rounding either way
    let end = Math.min(n, Math.max(start + 1, Math.ceil((column + 1) / perStep)));
    while (end < n && columnOf(end) === column) end++;
    while (end > start + 1 && columnOf(end - 1) > column) end--;
    const { lo, hi, bad } = extremes.query(start, end, range);
    // up to three picks, pushed in step order
    const a = lo < hi ? lo : hi;
    const b = lo < hi ? hi : lo;
    if (bad >= 0 && bad < a) out.push({ x: bad, y: NaN });
    if (a >= 0) out.push({ x: a, y: history[a] });
    if (bad >= 0 && bad > a && bad < b) out.push({ x: bad, y: NaN });
    if (b >= 0 && b !== a) out.push({ x: b, y: history[b] });
    if (bad >= 0 && bad > b && bad > a) out.push({ x: bad, y: NaN });
    start = end;
  }
  return out;
}
