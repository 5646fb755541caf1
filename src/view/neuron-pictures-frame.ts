import type { Compiled } from '../core/compile.ts';
import { ACT, type Model, type Params } from '../core/model.ts';
import { createPlaneGridCache, type PlaneGridFn, type PlaneWindow } from '../core/output-grid.ts';
import type { Sample } from '../core/scenario.ts';
import { CURVE_RES, planeRes } from './data-plane-frame.ts';
import { planeWindow } from './data-plane-model.ts';
import { picturePixels, pictureRange } from './neuron-picture-colors.ts';
import type { NeuronPicturesFrame } from './neuron-pictures-view.ts';

/** The most hidden and output nodes that get pictures (more would be too small to read, and slow). */
export const MAX_PICTURES = 64;

/** Whether a network gets neuron pictures: at most MAX_PICTURES nodes past the inputs. */
export function picturesFit(model: Model): boolean {
  return model.nodeCount - model.sizes[0] <= MAX_PICTURES;
}

/**
 * Builds the neuron pictures' frames over the same plane as the data view: inputs `i` across
 * and `j` up (the Data tab's picked pair), every other input held at `fixed` (the selected
 * sample's values), over the same grid (64 × 64, 32 × 32 while busy training) and window; for one input (j < 0), a curve of
 * each node's activation over the input's range at the data view's curve's points. One
 * forward pass of the core gives every node's activation at once; `grid` computes it (the
 * store's planeGrid: the data view's pass, when the Data tab shows the same plane). The
 * arrays are reused while the network's shape stays.
 */
export function createPicturesBuilder(
  grid: PlaneGridFn = createPlaneGridCache(),
): (
  compiled: Compiled,
  params: Params,
  data: readonly Sample[],
  testData: readonly Sample[],
  i: number,
  j: number,
  fixed: readonly number[],
  busy?: boolean,
) => NeuronPicturesFrame | null {
  let pixelsModel: Model | null = null;
  let windowKey: unknown[] = [];
  let win: PlaneWindow | null = null;
  let pictures = new Map<string, Uint8ClampedArray>();
  let curves = new Map<string, Float64Array>();
  const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, k) => v === b[k]);

  return (compiled, params, data, testData, i0, j0, fixed, busy) => {
    const { model } = compiled;
    if (!picturesFit(model)) return null;
    const nIn = model.sizes[0];
    const i = Math.min(Math.max(0, i0), nIn - 1);
    const j = nIn === 1 ? -1 : j0 < 0 || j0 >= nIn || j0 === i ? (i + 1) % nIn : j0;
    const curve = j < 0;
    const res = planeRes(busy);
    const wk = [data, testData, i, j, res];
    if (win === null || !same(wk, windowKey)) {
      const all = [...data, ...testData];
      if (curve) {
        // the data view's curve: the same window over the input and the same points (one shared pass)
        const w = planeWindow(
          all.map((d) => [d.x[i]]),
          0,
          0,
          CURVE_RES,
        );
        win = { x0: w.x0, x1: w.x1, y0: 0, y1: 1, res: CURVE_RES, rows: 1 };
      } else {
        win = planeWindow(
          all.map((d) => d.x),
          i,
          j,
          res,
        );
      }
      windowKey = wk;
    }
    const w = win;
    if (pixelsModel !== model) {
      pictures = new Map();
      curves = new Map();
      pixelsModel = model;
    }
    const { a } = grid({ model, params }, w, i, j, fixed).ws;
    const cells = w.res * (w.rows ?? w.res);
    const stride = model.nodeCount;
    const ranges = new Map<string, readonly [number, number]>();
    const held: { input: number; value: number }[] = [];
    for (let k = 0; k < nIn; k++) if (k !== i && k !== j) held.push({ input: k, value: fixed[k] ?? 0 });
    for (let l = 1; l <= model.depth; l++) {
      const act = model.act[l - 1];
      for (let n = 0; n < model.sizes[l]; n++) {
        const key = `${l}:${n}`;
        const node = model.nodeOffset[l] + n;
        if (curve) {
          let ys = curves.get(key);
          if (!ys || ys.length !== cells) {
            ys = new Float64Array(cells);
            curves.set(key, ys);
          }
          let lo = Infinity;
          let hi = -Infinity;
          for (let c = 0, k = node; c < cells; c++, k += stride) {
            const v = a[k];
            ys[c] = v;
            if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
          }
          // a bounded activation is read over its whole range; an unbounded one over the curve's own, padded
          if (!Number.isFinite(lo)) [lo, hi] = [-1, 1];
          if (act === ACT.tanh) ranges.set(key, [Math.min(-1, lo), Math.max(1, hi)]);
          else if (act === ACT.sigmoid || act === ACT.softmax) ranges.set(key, [Math.min(0, lo), Math.max(1, hi)]);
          else {
            const pad = hi > lo ? 0.1 * (hi - lo) : 1;
            ranges.set(key, [lo - pad, hi + pad]);
          }
        } else {
          let pixels = pictures.get(key);
          if (!pixels || pixels.length !== cells * 4) {
            pixels = new Uint8ClampedArray(cells * 4);
            pictures.set(key, pixels);
          }
          const { lo, hi } = pictureRange(act, a, stride, node, cells);
          ranges.set(key, [lo, hi]);
          picturePixels(a, stride, node, cells, lo, hi, pixels);
        }
      }
    }
    return curve
      ? { kind: 'curve', window: w, pictures: new Map(), curves, ranges, axes: [i, j], held }
      : { kind: 'plane', window: w, pictures, curves: new Map(), ranges, axes: [i, j], held };
  };
}
