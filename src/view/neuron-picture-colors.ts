import { ACT } from '../core/model.ts';
import { classColor } from './data-plane-colors.ts';

/**
 * The colours of a neuron's picture: its activation a over the plane, read over the range of
 * its activation function ([−1, 1] for tanh, [0, 1] for sigmoid and softmax, ±the largest |a|
 * over the plane for the unbounded ones): t = (a − lo)/(hi − lo) clamped to [0, 1], orange
 * below the middle, blue above, mixed from white all the way to the colour at the ends:
 * colour = white + (colour − white)·|2t − 1|, rounded. Pure; no DOM.
 */

/** The range a node's activation is read over: fixed for bounded activations, else ±max |a| of its cells. */
export function pictureRange(
  act: number,
  a: Float64Array,
  stride: number,
  node: number,
  cells: number,
): { lo: number; hi: number } {
  if (act === ACT.tanh) return { lo: -1, hi: 1 };
  if (act === ACT.sigmoid || act === ACT.softmax) return { lo: 0, hi: 1 };
  let m = 0;
  for (let c = 0, k = node; c < cells; c++, k += stride) {
    const v = Math.abs(a[k]);
    if (v > m && Number.isFinite(v)) m = v;
  }
  return m > 0 ? { lo: -m, hi: m } : { lo: -1, hi: 1 };
}

/** how finely t is read: colour errors stay under half a unit of a channel (the rule's rounding) plus one */
const LEVELS = 2048;
let palette: Uint32Array | null = null;

/** RGBA of the rule at t = q/LEVELS for q = 0 … LEVELS, one 32-bit word per colour (computed once). */
function paletteOf(): Uint32Array {
  if (palette) return palette;
  const [r0, g0, b0] = classColor(0);
  const [r1, g1, b1] = classColor(1);
  const p = new Uint8ClampedArray((LEVELS + 1) * 4);
  for (let q = 0; q <= LEVELS; q++) {
    const t = q / LEVELS;
    const f = Math.abs(2 * t - 1);
    const up = t >= 0.5;
    p[q * 4] = Math.round(255 + ((up ? r1 : r0) - 255) * f);
    p[q * 4 + 1] = Math.round(255 + ((up ? g1 : g0) - 255) * f);
    p[q * 4 + 2] = Math.round(255 + ((up ? b1 : b0) - 255) * f);
    p[q * 4 + 3] = 255;
  }
  // the same bytes read as words: a pixel is one store, in the platform's byte order like the pixels' view
  palette = new Uint32Array(p.buffer);
  return palette;
}

/** RGBA of `cells` cells of node `node` (its a at `c·stride + node` in `a`), over [lo, hi]; written into `pixels`. */
export function picturePixels(
  a: Float64Array,
  stride: number,
  node: number,
  cells: number,
  lo: number,
  hi: number,
  pixels: Uint8ClampedArray,
): Uint8ClampedArray {
  const pal = paletteOf();
  const scale = LEVELS / (hi - lo);
  const mid = LEVELS >> 1;
  // one word per pixel (a frame writes every node's picture: 4 byte stores each were most of its cost)
  const words = pixels.byteOffset % 4 === 0 ? new Uint32Array(pixels.buffer, pixels.byteOffset, cells) : null;
  const bytes = new Uint8Array(pal.buffer);
  for (let c = 0, k = node; c < cells; c++, k += stride) {
    const v = a[k];
    let q: number;
    // finite: v − v is 0 (NaN for NaN and ±∞); round half up, as Math.round, by adding ½ and truncating
    if (v - v === 0) {
      const t = (v - lo) * scale + 0.5;
      q = t <= 0 ? 0 : t >= LEVELS ? LEVELS : t | 0;
    } else q = mid;
    if (words !== null) words[c] = pal[q];
    else {
      const e = q * 4;
      pixels[c * 4] = bytes[e];
      pixels[c * 4 + 1] = bytes[e + 1];
      pixels[c * 4 + 2] = bytes[e + 2];
      pixels[c * 4 + 3] = 255;
    }
  }
  return pixels;
}
