import type { Model } from '../core/model.ts';

/** The most weights the node-and-edge diagram draws; past it the diagram shows layers as blocks. */
export const DRAWABLE_WEIGHTS = 10_000;
/** The most nodes the node-and-edge diagram draws. */
export const DRAWABLE_NODES = 600;

/** True when the node-and-edge diagram of `model` stays light enough to draw and update at frame rate. */
export function isDrawable(model: Pick<Model, 'weightCount' | 'nodeCount'>): boolean {
  return model.weightCount <= DRAWABLE_WEIGHTS && model.nodeCount <= DRAWABLE_NODES;
}

/** The pixel size of a heatmap of a rows × cols matrix: one pixel per cell up to `max` a side, scaled down evenly beyond. */
export function heatmapSize(rows: number, cols: number, max: number): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(rows, cols));
  return { width: Math.max(1, Math.round(cols * k)), height: Math.max(1, Math.round(rows * k)) };
}

/** The largest |w| of weight block l (0 when it is empty). */
export function maxAbs(w: Float64Array, offset: number, count: number): number {
  let m = 0;
  for (let k = offset; k < offset + count; k++) {
    const v = Math.abs(w[k]);
    if (v > m) m = v;
  }
  return m;
}

/** The blue of a positive weight and the orange of a negative one, as in the diagram's legend. */
const POSITIVE = [37, 99, 235] as const;
const NEGATIVE = [234, 88, 12] as const;

/**
 * The RGBA pixels of a heatmap of the rows × cols matrix at `offset` of `w` (row j, column i at
 * offset + j·cols + i), `width` × `height` pixels: each pixel shows the cell of largest |w| among
 * those it covers, blue for positive and orange for negative, its opacity |w| / `scale`.
 */
export function heatmapPixels(
  w: Float64Array,
  offset: number,
  rows: number,
  cols: number,
  width: number,
  height: number,
  scale: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  const inv = scale > 0 ? 1 / scale : 0;
  for (let y = 0; y < height; y++) {
    const j0 = Math.floor((y * rows) / height);
    const j1 = Math.max(j0 + 1, Math.floor(((y + 1) * rows) / height));
    for (let x = 0; x < width; x++) {
      const i0 = Math.floor((x * cols) / width);
      const i1 = Math.max(i0 + 1, Math.floor(((x + 1) * cols) / width));
      let best = 0;
      for (let j = j0; j < j1; j++) {
        const row = offset + j * cols;
        for (let i = i0; i < i1; i++) {
          const v = w[row + i];
          if (Math.abs(v) > Math.abs(best)) best = v;
        }
      }
      const c = best < 0 ? NEGATIVE : POSITIVE;
      const p = 4 * (y * width + x);
      out[p] = c[0];
      out[p + 1] = c[1];
      out[p + 2] = c[2];
      out[p + 3] = Math.round(255 * Math.min(1, Math.abs(best) * inv));
    }
  }
  return out;
}

/** The cell (row j, column i) of a rows × cols matrix under the point (x, y) of its width × height heatmap. */
export function cellAt(
  x: number,
  y: number,
  rows: number,
  cols: number,
  width: number,
  height: number,
): { j: number; i: number } {
  return {
    j: Math.max(0, Math.min(rows - 1, Math.floor((y / height) * rows))),
    i: Math.max(0, Math.min(cols - 1, Math.floor((x / width) * cols))),
  };
}
