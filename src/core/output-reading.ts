import { ACT, LOSS, type Dataset, type Model } from './model.ts';

/**
 * How a network's outputs read as classes (for accuracy and the data view's colours) or as
 * values. Several outputs: the class is the argmax. One output: a class when it is a
 * probability (sigmoid output or bce, class 1 when ŷ ≥ ½) or a tanh (class 1 when ŷ ≥ 0) and
 * the targets take at most two values, or when any output's targets take exactly two values
 * (class 1 at or above their midpoint); otherwise a value (regression, no accuracy) over
 * [0, 1], [−1, 1] or the targets' extent.
 */
export interface OutputReading {
  readonly kind: 'classes' | 'values';
  /** classes (2 for one output) or 0 for values */
  readonly classes: number;
  /** one output's range: [0, 1], [−1, 1], the two target values, or the targets' extent */
  readonly lo: number;
  readonly hi: number;
  /** the outputs are probabilities summing to 1 (softmax) */
  readonly probabilities: boolean;
}

function targetExtent(sets: readonly (Dataset | null)[], nOut: number): { lo: number; hi: number; distinct: number } {
  let lo = Infinity;
  let hi = -Infinity;
  const seen = new Set<number>();
  for (const d of sets) {
    if (d === null) continue;
    for (let s = 0; s < d.count; s++) {
      const v = d.y[s * nOut];
      if (!Number.isFinite(v)) continue;
      if (seen.size <= 2) seen.add(v);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === Infinity) return { lo: 0, hi: 1, distinct: 0 };
  if (lo === hi) return { lo: lo - 1, hi: hi + 1, distinct: 1 };
  return { lo, hi, distinct: seen.size };
}

/** The reading of `model`'s outputs given the targets of its data (and test data). */
export function outputReading(model: Model, sets: readonly (Dataset | null)[]): OutputReading {
  const nOut = model.sizes[model.depth];
  const outAct = model.act[model.depth - 1];
  if (nOut > 1) return { kind: 'classes', classes: nOut, lo: 0, hi: 1, probabilities: outAct === ACT.softmax };
  const e = targetExtent(sets, nOut);
  const two = e.distinct <= 2;
  if (outAct === ACT.sigmoid || model.loss === LOSS.bce)
    return { kind: two ? 'classes' : 'values', classes: two ? 2 : 0, lo: 0, hi: 1, probabilities: true };
  if (outAct === ACT.tanh)
    return { kind: two ? 'classes' : 'values', classes: two ? 2 : 0, lo: -1, hi: 1, probabilities: false };
  return {
    kind: e.distinct === 2 ? 'classes' : 'values',
    classes: e.distinct === 2 ? 2 : 0,
    lo: e.lo,
    hi: e.hi,
    probabilities: false,
  };
}

/** The index of the largest of v[off … off + n) (the first, on a tie), counted from off. */
export function argmaxOf(v: ArrayLike<number>, off: number, n: number): number {
  let k = 0;
  for (let o = 1; o < n; o++) if (v[off + o] > v[off + k]) k = o;
  return k;
}

/** The class of outputs (or targets) v[off … off + n): the argmax, or for one value 1 when v ≥ (lo + hi)/2. */
export function classOf(v: ArrayLike<number>, off: number, n: number, r: OutputReading): number {
  if (n === 1) return v[off] >= (r.lo + r.hi) / 2 ? 1 : 0;
  return argmaxOf(v, off, n);
}
