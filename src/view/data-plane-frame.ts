import type { Compiled } from '../core/compile.ts';
import type { Params } from '../core/model.ts';
import { createPlaneGridCache, type PlaneGridFn, type PlaneWindow } from '../core/output-grid.ts';
import type { OutputReading } from '../core/output-reading.ts';
import type { Sample } from '../core/scenario.ts';
import { heatPixels } from './data-plane-colors.ts';
import { planePoints, planeWindow, type PlanePoint } from './data-plane-model.ts';
import type { DataPlaneData, DataPlaneMode } from './data-plane-view.ts';

/** The heatmap's resolution: 64 × 64 cells over the plane (a curve has 200 points). */
export const PLANE_RES = 64;
export const CURVE_RES = 200;
/**
 * While training (busy), 32 × 32 cells: a quarter of the grid's forward pass and of the
 * pictures' pixels per frame, so the redraws keep up with the training frames; the full
 * grid comes back with the frame at rest (the run's end).
 */
export const PLANE_RES_BUSY = 32;

/** The plane's resolution now: coarser while busy (training). */
export function planeRes(busy: boolean | undefined): number {
  return busy ? PLANE_RES_BUSY : PLANE_RES;
}

/** What a frame is drawn from: the network now, its samples, the axes and what is held fixed. */
export interface FrameInputs {
  readonly compiled: Compiled;
  readonly params: Params;
  readonly data: readonly Sample[];
  readonly testData: readonly Sample[];
  readonly reading: OutputReading;
  /** the horizontal and vertical inputs (j = −1: one input, the vertical axis is the output) */
  readonly i: number;
  readonly j: number;
  /** the value of every input, for the inputs off the plane */
  readonly fixed: readonly number[];
  /** the selected training sample (global index), −1 for none */
  readonly selected: number;
  readonly mode: DataPlaneMode;
  readonly labels: readonly string[];
  readonly outputLabel: string;
  /** training: a coarser grid per frame (PLANE_RES_BUSY), the full one at rest */
  readonly busy?: boolean;
}

/**
 * Builds the data view's frames, reusing the grid's arrays and the points while the samples
 * and axes stay the same (a training frame recomputes only the heatmap). `grid` computes the
 * network over the plane (one shared with the neuron pictures: the store's planeGrid).
 */
export function createFrameBuilder(grid: PlaneGridFn = createPlaneGridCache()): (f: FrameInputs) => DataPlaneData {
  let pixels: Uint8ClampedArray | null = null;
  let pointsKey: unknown[] = [];
  let points: readonly PlanePoint[] = [];
  let windowKey: unknown[] = [];
  let win: PlaneWindow | null = null;

  const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, k) => v === b[k]);

  return (f) => {
    const { model } = f.compiled;
    const nOut = model.sizes[model.depth];
    const curve = f.j < 0;
    const res = planeRes(f.busy);
    const wk = [f.data, f.testData, f.i, f.j, f.reading.lo, f.reading.hi, res];
    if (!same(wk, windowKey) || win === null) {
      const all = [...f.data, ...f.testData];
      if (curve) {
        const w = planeWindow(
          all.map((d) => [d.x[f.i]]),
          0,
          0,
          CURVE_RES,
        );
        let lo = f.reading.kind === 'values' ? f.reading.lo : Math.min(f.reading.lo, 0);
        let hi = f.reading.hi;
        for (const d of all) for (const v of d.y) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
        const pad = 0.1 * (hi - lo || 1);
        win = { x0: w.x0, x1: w.x1, y0: lo - pad, y1: hi + pad, res: CURVE_RES };
      } else {
        win = planeWindow(
          all.map((d) => d.x),
          f.i,
          f.j,
          res,
        );
      }
      windowKey = wk;
    }
    // the reading is a new object each frame: its fields, not its identity, decide
    const pk = [f.data, f.testData, f.i, f.j, f.reading.kind, f.reading.lo, f.reading.hi, f.reading.classes];
    // the selected sample moves with each training step's batch: drawn apart, it does not redraw the points
    if (!same(pk, pointsKey)) {
      points = planePoints(f.data, f.testData, f.i, f.j, f.reading, -1);
      pointsKey = pk;
    }
    const w = win;
    // a curve is a grid of one row: column c is input i at cellX(c), the other inputs fixed
    const gw: PlaneWindow = curve ? { x0: w.x0, x1: w.x1, y0: 0, y1: 1, res: w.res, rows: 1 } : w;
    const cells = w.res * w.res;
    const { out } = grid({ model, params: f.params }, gw, f.i, f.j, f.fixed);
    if (curve) {
      const curves: Float64Array[] = [];
      for (let o = 0; o < nOut; o++) {
        const ys = new Float64Array(gw.res);
        for (let c = 0; c < gw.res; c++) ys[c] = out[c * nOut + o];
        curves.push(ys);
      }
      return {
        kind: 'curve',
        window: w,
        pixels: null,
        curves,
        points,
        selected: f.selected,
        xLabel: f.labels[f.i],
        yLabel: f.outputLabel,
        mode: f.mode,
      };
    }
    if (pixels === null || pixels.length !== cells * 4) pixels = new Uint8ClampedArray(cells * 4);
    heatPixels(out, cells, nOut, f.reading, f.reading.probabilities, pixels);
    return {
      kind: 'plane',
      window: w,
      pixels,
      curves: [],
      points,
      selected: f.selected,
      xLabel: f.labels[f.i],
      yLabel: f.labels[f.j],
      mode: f.mode,
    };
  };
}
