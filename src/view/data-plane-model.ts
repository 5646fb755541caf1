import type { PlaneWindow } from '../core/output-grid.ts';
import type { OutputReading } from '../core/output-reading.ts';
import { argmaxClass, singleOutputClass } from './data-plane-colors.ts';

/**
 * Pure part of the data view: how targets read as classes or values, the window over the
 * data, and the points to draw. No DOM.
 */

/** The class of a target (argmax, or above the middle of the range for one output), and how sure: 1 for a class, |2t − 1| for a value. */
export function targetClass(y: readonly number[], reading: OutputReading): { k: number; s: number } {
  if (y.length > 1) return { k: argmaxClass(y, 0, y.length, true).k, s: 1 };
  const c = singleOutputClass(y[0], reading);
  return reading.kind === 'classes' ? { k: c.k, s: 1 } : c;
}

/** The target a new point of class k gets: one-hot over several outputs, else the low or high end of the range. */
export function classTarget(k: number, outputs: number, reading: OutputReading): number[] {
  if (outputs > 1) return Array.from({ length: outputs }, (_, o) => (o === k ? 1 : 0));
  return [k === 1 ? reading.hi : reading.lo];
}

/** The plane's window on axes i and j: the data's extent joined with [−1, 1], padded by a tenth. */
export function planeWindow(xs: readonly (readonly number[])[], i: number, j: number, res: number): PlaneWindow {
  const along = (axis: number) => {
    let lo = -1;
    let hi = 1;
    for (const x of xs) {
      const v = x[axis];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const e = { lo, hi };
    const pad = 0.1 * (e.hi - e.lo);
    return { lo: e.lo - pad, hi: e.hi + pad };
  };
  const a = along(i);
  const b = along(j);
  return { x0: a.lo, x1: a.hi, y0: b.lo, y1: b.hi, res };
}

/** A sample drawn on the plane. */
export interface PlanePoint {
  /** "train:3" or "test:0" */
  readonly key: string;
  readonly set: 'train' | 'test';
  readonly index: number;
  /** its coordinates on the horizontal and vertical axes */
  readonly u: number;
  readonly v: number;
  readonly k: number;
  /** how sure its colour is (1 for a class) */
  readonly s: number;
  readonly selected: boolean;
}

/** The points of data and testData on axes (i, j), the sample `selected` of the training data marked. */
export function planePoints(
  data: readonly { x: readonly number[]; y: readonly number[] }[],
  testData: readonly { x: readonly number[]; y: readonly number[] }[],
  i: number,
  j: number,
  reading: OutputReading,
  selected: number,
): PlanePoint[] {
  const out: PlanePoint[] = [];
  const add = (set: 'train' | 'test', d: { x: readonly number[]; y: readonly number[] }, index: number) => {
    const { k, s } = targetClass(d.y, reading);
    out.push({
      key: `${set}:${index}`,
      set,
      index,
      u: d.x[i],
      v: j < 0 ? d.y[0] : d.x[j],
      k,
      s,
      selected: set === 'train' && index === selected,
    });
  };
  data.forEach((d, k) => add('train', d, k));
  testData.forEach((d, k) => add('test', d, k));
  return out;
}
