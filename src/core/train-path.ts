import { cloneParams } from './compile.ts';
import type { Params } from './model.ts';
import { train, type Trainer } from './train.ts';

/** A training run with the parameters along the way: for drawing its path on the loss landscape. */
export interface TrainedPath {
  /** L over the whole data set after k steps, k = 0 … steps (as `train` gives it) */
  readonly lossHistory: Float64Array;
  /** the parameters at the start, every few steps, and at the end */
  readonly points: readonly Params[];
  /** the step count of each point (0 for the start) */
  readonly at: readonly number[];
}

/**
 * `steps` optimizer steps that also keep the parameters at most `maxPoints` times, evenly
 * spaced and always the first and the last. The steps are the same as one `train` call's:
 * it trains in chunks and a chunk's first loss is the one the chunk before ended on.
 */
export function trainWithPath(tr: Trainer, steps: number, maxPoints = 256): TrainedPath {
  const every = Math.max(1, Math.ceil(steps / Math.max(1, maxPoints - 1)));
  const lossHistory = new Float64Array(steps + 1);
  const points = [cloneParams(tr.params)];
  const at = [0];
  if (steps === 0) train(tr, 0, lossHistory);
  for (let k = 0; k < steps; k += every) {
    const n = Math.min(every, steps - k);
    train(tr, n, lossHistory.subarray(k, k + n + 1));
    points.push(cloneParams(tr.params));
    at.push(k + n);
  }
  return { lossHistory, points, at };
}
