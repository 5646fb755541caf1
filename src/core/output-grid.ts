import { forwardPass } from './forward.ts';
import type { Dataset, Model, Params } from './model.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

/**
 * The network's outputs over a plane of two inputs: the picture of what it has learned.
 * A grid of res × res cells (or res × rows) over [x0, x1] × [y0, y1]; cell (row r, column c), row 0 at the
 * top, is the input with xᵢ = x0 + (c + ½)·(x1 − x0)/res, xⱼ = y1 − (r + ½)·(y1 − y0)/res and
 * every other input held at `fixed`.
 */
export interface PlaneWindow {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly res: number;
  /** rows of cells (default res; 1 for a curve over one input) */
  readonly rows?: number;
}

/** The reusable arrays of one grid: its inputs as a dataset, and the forward pass's workspace. */
export interface OutputGrid {
  readonly window: PlaneWindow;
  readonly inputs: Dataset;
  readonly ws: Workspace;
  /** ŷ of cell k, output o at `k·outputs + o` */
  readonly out: Float64Array;
  readonly outputs: number;
}

/** Input i of cell column c: x0 + (c + ½)·(x1 − x0)/res. */
export function cellX(w: PlaneWindow, c: number): number {
  return w.x0 + ((c + 0.5) * (w.x1 - w.x0)) / w.res;
}

/** Input j of cell row r (row 0 at the top): y1 − (r + ½)·(y1 − y0)/rows. */
export function cellY(w: PlaneWindow, r: number): number {
  return w.y1 - ((r + 0.5) * (w.y1 - w.y0)) / (w.rows ?? w.res);
}

/** Arrays for a grid of `w.res²` cells of `model` (allocated once per shape and resolution). */
export function createOutputGrid(model: Model, w: PlaneWindow): OutputGrid {
  const count = w.res * (w.rows ?? w.res);
  const outputs = model.sizes[model.depth];
  return {
    window: w,
    inputs: { count, x: new Float64Array(count * model.sizes[0]), y: new Float64Array(count * outputs) },
    ws: createWorkspace(model, count),
    out: new Float64Array(count * outputs),
    outputs,
  };
}

/**
 * ŷ over the grid by one forward pass on the batch of all its cells: inputs `axisI` and
 * `axisJ` vary over the window (axisJ < 0: none, a curve over input i), the others are `fixed[k]`.
 * Fills and returns `grid.out`.
 */
export function computeOutputGrid(
  model: Model,
  p: Params,
  grid: OutputGrid,
  axisI: number,
  axisJ: number,
  fixed: ArrayLike<number>,
): Float64Array {
  const { window: w, inputs, ws, out, outputs } = grid;
  const nIn = model.sizes[0];
  const x = inputs.x;
  const rows = w.rows ?? w.res;
  for (let r = 0; r < rows; r++) {
    const yj = cellY(w, r);
    for (let c = 0; c < w.res; c++) {
      const row = (r * w.res + c) * nIn;
      for (let k = 0; k < nIn; k++) x[row + k] = fixed[k] ?? 0;
      x[row + axisI] = cellX(w, c);
      if (axisJ >= 0) x[row + axisJ] = yj;
    }
  }
  forwardPass(model, p, inputs, 0, inputs.count, ws);
  const stride = model.nodeCount;
  const outOff = model.nodeOffset[model.depth];
  for (let k = 0; k < inputs.count; k++) {
    for (let o = 0; o < outputs; o++) out[k * outputs + o] = ws.a[k * stride + outOff + o];
  }
  return out;
}

/** A grid computed for one network and window, at parameters `params`. */
export type PlaneGridFn = (
  compiled: { readonly model: Model; readonly params: Params },
  w: PlaneWindow,
  axisI: number,
  axisJ: number,
  fixed: ArrayLike<number>,
) => OutputGrid;

/**
 * computeOutputGrid with its last result kept: asked again for the same model, parameters
 * (by identity), window, axes and held inputs, it returns the grid already computed, so two
 * pictures of one frame (the heatmap and every node's picture) share one forward pass. The
 * grid's arrays are reused while the model and the window stay.
 */
export function createPlaneGridCache(): PlaneGridFn {
  let grid: OutputGrid | null = null;
  let model: Model | null = null;
  let params: Params | null = null;
  let key: number[] = [];
  return (c, w, axisI, axisJ, fixed) => {
    const k = [w.x0, w.x1, w.y0, w.y1, w.res, w.rows ?? -1, axisI, axisJ];
    // the inputs on the axes are overwritten cell by cell: only the others are part of the key
    for (let n = 0; n < c.model.sizes[0]; n++) if (n !== axisI && n !== axisJ) k.push(fixed[n] ?? 0);
    const sameKey = k.length === key.length && k.every((v, n) => Object.is(v, key[n]));
    if (grid !== null && model === c.model && params === c.params && sameKey) return grid;
    if (grid === null || model !== c.model || !sameKey) grid = createOutputGrid(c.model, w);
    computeOutputGrid(c.model, c.params, grid, axisI, axisJ, fixed);
    model = c.model;
    params = c.params;
    key = k;
    return grid;
  };
}
