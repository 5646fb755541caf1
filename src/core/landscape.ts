import { batchRange, cloneParams, type Compiled } from './compile.ts';
import { forward } from './forward.ts';
import type { Params } from './model.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

/** One weight or bias, by its index in `Params.w` or `Params.b`. */
export interface ParamRef {
  readonly kind: 'w' | 'b';
  readonly index: number;
}

/** A window of the (θ₁, θ₂) plane: its centre and its half-widths. */
export interface GridWindow {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
}

/**
 * The loss over a grid: values[row·nx + col] = L(θ₁ = xs[col], θ₂ = ys[row]), every other
 * parameter fixed; min and max over the finite values (NaN when there are none).
 */
export interface LossGrid {
  readonly nx: number;
  readonly ny: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly values: Float64Array;
  min: number;
  max: number;
}

/** A grid being filled row by row: one parameter copy and one workspace for every point. */
export interface LossGridJob {
  readonly compiled: Compiled;
  readonly params: Params;
  readonly ws: Workspace;
  readonly p1: ParamRef;
  readonly p2: ParamRef;
  readonly start: number;
  readonly count: number;
  readonly grid: LossGrid;
  /** grid points filled so far, row by row */
  filled: number;
}

/** The value of parameter `p` in `params`. */
export function paramValue(params: Params, p: ParamRef): number {
  return p.kind === 'w' ? params.w[p.index] : params.b[p.index];
}

/** The window ±r around (θ₁, θ₂) (mode 'fixed'), or ±2·|θ| around each (mode 'relative', at least ±r·0.1). */
export function gridWindow(t1: number, t2: number, mode: 'fixed' | 'relative', r = 1): GridWindow {
  if (mode === 'fixed') return { cx: t1, cy: t2, rx: r, ry: r };
  const floor = r * 0.1;
  return { cx: t1, cy: t2, rx: Math.max(floor, 2 * Math.abs(t1)), ry: Math.max(floor, 2 * Math.abs(t2)) };
}

/**
 * The smallest window that holds every finite point of `pairs` (flat [x0, y0, x1, y1, …])
 * with a margin of `margin` of its size on each side, each half-width at least `floor`;
 * null when no point is finite.
 */
export function windowAround(pairs: readonly number[], margin = 0.12, floor = 0.05): GridWindow | null {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    const x = pairs[k];
    const y = pairs[k + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!(x0 <= x1)) return null;
  const half = (lo: number, hi: number) => Math.max(floor, ((hi - lo) / 2) * (1 + 2 * margin));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, rx: half(x0, x1), ry: half(y0, y1) };
}

/** Grid coordinates c + h·(k − (n−1)/2), h = 2r/(n−1): symmetric about c, which is a grid point when n is odd. */
function axis(c: number, r: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const mid = (n - 1) / 2;
  const h = n > 1 ? (2 * r) / (n - 1) : 0;
  for (let k = 0; k < n; k++) out[k] = c + h * (k - mid);
  return out;
}

/** A job for the loss of batch `step` (mod the batch count) over a resolution × resolution grid of `win`. */
export function createLossGridJob(
  compiled: Compiled,
  params: Params,
  p1: ParamRef,
  p2: ParamRef,
  win: GridWindow,
  resolution: number,
  step = 0,
): LossGridJob {
  const n = Math.max(2, Math.floor(resolution));
  return createJob(compiled, params, p1, p2, axis(win.cx, win.rx, n), axis(win.cy, win.ry, n), step);
}

/**
 * A job for J(θ) = L(θ = xs[k]) of batch `step` along one parameter, every other one fixed:
 * a grid of one row (θ₂ = θ₁, at the value it has), filled by fillLossGrid like the landscape.
 */
export function createLossCurveJob(
  compiled: Compiled,
  params: Params,
  p: ParamRef,
  xs: Float64Array,
  step = 0,
): LossGridJob {
  return createJob(compiled, params, p, p, Float64Array.from(xs), Float64Array.of(paramValue(params, p)), step);
}

function createJob(
  compiled: Compiled,
  params: Params,
  p1: ParamRef,
  p2: ParamRef,
  xs: Float64Array,
  ys: Float64Array,
  step: number,
): LossGridJob {
  const { start, count } = batchRange(compiled.data.count, compiled.batchSize, step);
  return {
    compiled,
    params: cloneParams(params),
    ws: createWorkspace(compiled.model, count),
    p1,
    p2,
    start,
    count,
    grid: { nx: xs.length, ny: ys.length, xs, ys, values: new Float64Array(xs.length * ys.length), min: NaN, max: NaN },
    filled: 0,
  };
}

/**
 * Fills up to `points` more points of a job's grid, row by row (a point is one forward pass,
 * so a caller can bound the time a slice takes); returns true when the grid is complete.
 */
export function fillLossGrid(job: LossGridJob, points: number): boolean {
  const { compiled, params, ws, p1, p2, start, count, grid } = job;
  const { model, data } = compiled;
  const t1 = p1.kind === 'w' ? params.w : params.b;
  const t2 = p2.kind === 'w' ? params.w : params.b;
  const k1 = p1.index;
  const k2 = p2.index;
  const { nx, ny, xs, ys, values } = grid;
  const end = Math.min(nx * ny, job.filled + points);
  let min = grid.min;
  let max = grid.max;
  for (let k = job.filled; k < end; k++) {
    const r = Math.floor(k / nx);
    t2[k2] = ys[r];
    t1[k1] = xs[k - r * nx];
    const L = forward(model, params, data, start, count, ws);
    values[k] = L;
    if (Number.isFinite(L)) {
      if (!(L >= min)) min = L;
      if (!(L <= max)) max = L;
    }
  }
  grid.min = min;
  grid.max = max;
  job.filled = end;
  return end === nx * ny;
}

/** L(θ₁, θ₂) of batch `step` over a resolution × resolution grid of `win`, every other parameter as in `params`. */
export function lossGrid(
  compiled: Compiled,
  params: Params,
  p1: ParamRef,
  p2: ParamRef,
  win: GridWindow,
  resolution: number,
  step = 0,
): LossGrid {
  const job = createLossGridJob(compiled, params, p1, p2, win, resolution, step);
  fillLossGrid(job, job.grid.nx * job.grid.ny);
  return job.grid;
}

/** J(θ) = L(θ = xs[k]) of batch `step` along parameter `p`, every other parameter as in `params` (one row of a landscape). */
export function lossCurve(compiled: Compiled, params: Params, p: ParamRef, xs: Float64Array, step = 0): LossGrid {
  const job = createLossCurveJob(compiled, params, p, xs, step);
  fillLossGrid(job, xs.length);
  return job.grid;
}

/** The stretch of one parameter J(θ) is drawn over: centred on θ, ±r at least, and wide enough to hold `next` (the step's end) with a margin. */
export function curveWindow(theta: number, next: number, r = 1): { c: number; r: number } {
  const reach = Number.isFinite(next) ? Math.abs(next - theta) * 1.25 : 0;
  return { c: theta, r: Math.max(r, reach) };
}

/** The indices row·nx + col of the grid's strict local minima: interior points lower than all eight neighbours. */
export function gridLocalMinima(grid: LossGrid): number[] {
  const { nx, ny, values } = grid;
  const out: number[] = [];
  for (let r = 1; r < ny - 1; r++) {
    for (let c = 1; c < nx - 1; c++) {
      const v = values[r * nx + c];
      let lowest = Number.isFinite(v);
      for (let dr = -1; dr <= 1 && lowest; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          if ((dr !== 0 || dc !== 0) && !(v < values[(r + dr) * nx + c + dc])) {
            lowest = false;
            break;
          }
        }
      }
      if (lowest) out.push(r * nx + c);
    }
  }
  return out;
}
