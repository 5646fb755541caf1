/**
 * The colours of the data view. A class has a colour and a shape; the heatmap behind the
 * points mixes white with the colour of the class the network predicts, more the surer it is:
 * colour = white + (class colour − white)·HEAT·s, rounded, with s ∈ [0, 1] the certainty.
 * One output: t = (ŷ − lo)/(hi − lo) clamped to [0, 1], class 1 when t ≥ ½, s = |2t − 1|.
 * Several outputs: the argmax class k, p its probability (ŷₖ itself when the outputs are
 * probabilities, else the softmax of ŷ), s = (p − 1/K)/(1 − 1/K).
 */
import { argmaxOf } from '../core/output-reading.ts';

export type Rgb = readonly [number, number, number];

/** class 0 orange, class 1 blue (as negative and positive weights), then more for more classes */
export const CLASS_COLORS: readonly Rgb[] = [
  [230, 115, 0],
  [31, 100, 200],
  [46, 150, 70],
  [150, 70, 170],
  [200, 40, 60],
  [120, 90, 50],
];

export const CLASS_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
export type ClassShape = (typeof CLASS_SHAPES)[number];

/** how far the surest cell goes from white toward its class colour */
export const HEAT = 0.6;

export function classColor(k: number): Rgb {
  return CLASS_COLORS[k % CLASS_COLORS.length];
}

export function classShape(k: number): ClassShape {
  return CLASS_SHAPES[k % CLASS_SHAPES.length];
}

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** The heat colour of class k with certainty s. */
export function heatColor(k: number, s: number): Rgb {
  const c = classColor(k);
  const f = HEAT * Math.max(0, Math.min(1, s));
  return [Math.round(255 + (c[0] - 255) * f), Math.round(255 + (c[1] - 255) * f), Math.round(255 + (c[2] - 255) * f)];
}

/** How one output's value is read as a class: its range [lo, hi], class 1 above the middle. */
export interface OutputRange {
  readonly lo: number;
  readonly hi: number;
}

/** The class and certainty of one output value over its range. */
export function singleOutputClass(v: number, r: OutputRange): { k: number; s: number } {
  const t = Number.isFinite(v) ? Math.max(0, Math.min(1, (v - r.lo) / (r.hi - r.lo))) : 0.5;
  return { k: t >= 0.5 ? 1 : 0, s: Math.abs(2 * t - 1) };
}

/** The argmax class of outputs [off, off + n) and its certainty; `probabilities` when they already sum to 1. */
export function argmaxClass(
  out: ArrayLike<number>,
  off: number,
  n: number,
  probabilities: boolean,
): { k: number; s: number } {
  const k = argmaxOf(out, off, n);
  let p: number;
  if (probabilities) p = out[off + k];
  else {
    let sum = 0;
    for (let o = 0; o < n; o++) sum += Math.exp(out[off + o] - out[off + k]);
    p = 1 / sum;
  }
  if (!Number.isFinite(p)) return { k, s: 0 };
  return { k, s: (p - 1 / n) / (1 - 1 / n) };
}

/**
 * RGBA pixels of a grid of ŷ (`outputs` per cell): the heat colour of each cell's class.
 * `range` reads a single output; several outputs take the argmax.
 */
export function heatPixels(
  out: Float64Array,
  cells: number,
  outputs: number,
  range: OutputRange,
  probabilities: boolean,
  pixels: Uint8ClampedArray = new Uint8ClampedArray(cells * 4),
): Uint8ClampedArray {
  if (outputs === 1) {
    // one output, the rule of singleOutputClass and heatColor inlined: no object per cell in a training frame
    const [r0, g0, b0] = classColor(0);
    const [r1, g1, b1] = classColor(1);
    const span = range.hi - range.lo;
    for (let c = 0, p = 0; c < cells; c++, p += 4) {
      const v = out[c];
      const t = v - v === 0 ? Math.max(0, Math.min(1, (v - range.lo) / span)) : 0.5;
      const up = t >= 0.5;
      const f = HEAT * Math.abs(2 * t - 1);
      pixels[p] = Math.round(255 + ((up ? r1 : r0) - 255) * f);
      pixels[p + 1] = Math.round(255 + ((up ? g1 : g0) - 255) * f);
      pixels[p + 2] = Math.round(255 + ((up ? b1 : b0) - 255) * f);
      pixels[p + 3] = 255;
    }
    return pixels;
  }
  for (let c = 0; c < cells; c++) {
    const { k, s } = argmaxClass(out, c * outputs, outputs, probabilities);
    const [r, g, b] = heatColor(k, s);
    pixels[c * 4] = r;
    pixels[c * 4 + 1] = g;
    pixels[c * 4 + 2] = b;
    pixels[c * 4 + 3] = 255;
  }
  return pixels;
}
