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

/** A path-keeping run that can be advanced a few steps at a time (so a long one does not hold the page). */
export interface PathRun extends TrainedPath {
  readonly trainer: Trainer;
  readonly steps: number;
  /** a point is kept every this many steps */
  readonly every: number;
  /** steps taken so far; lossHistory[0 … done] is filled once the run has been advanced */
  done: number;
  /** every step taken and every loss filled */
  finished: boolean;
  readonly points: Params[];
  readonly at: number[];
}

/**
 * A run of `steps` optimizer steps that keeps the parameters at most `maxPoints` times,
 * evenly spaced and always the first and the last. Nothing is trained until it is advanced.
 */
export function createPathRun(tr: Trainer, steps: number, maxPoints = 256): PathRun {
  const lossHistory = new Float64Array(steps + 1);
  lossHistory.fill(NaN);
  const every = Math.max(1, Math.ceil(steps / Math.max(1, maxPoints - 1)));
  return {
    trainer: tr,
    steps,
    every,
    done: 0,
    finished: false,
    lossHistory,
    points: [cloneParams(tr.params)],
    at: [0],
  };
}

/**
 * Trains run `run` by at least `budget` more steps (whole chunks between kept points, so a
 * little more), or to its end. The steps are the same as one `train` call's: it trains in
 * chunks, and a chunk's first loss is the one the chunk before ended on. True when finished.
 */
export function advancePathRun(run: PathRun, budget: number): boolean {
  if (run.steps === 0 && !run.finished) train(run.trainer, 0, run.lossHistory);
  let taken = 0;
  while (run.done < run.steps && taken < budget) {
    const k = run.done;
    const n = Math.min(run.every, run.steps - k);
    train(run.trainer, n, run.lossHistory.subarray(k, k + n + 1));
    run.points.push(cloneParams(run.trainer.params));
    run.at.push(k + n);
    run.done = k + n;
    taken += n;
  }
  run.finished = run.done >= run.steps;
  return run.finished;
}

/** `steps` optimizer steps, keeping the parameters at most `maxPoints` times (see createPathRun), all at once. */
export function trainWithPath(tr: Trainer, steps: number, maxPoints = 256): TrainedPath {
  const run = createPathRun(tr, steps, maxPoints);
  advancePathRun(run, Infinity);
  return { lossHistory: run.lossHistory, points: run.points, at: run.at };
}
