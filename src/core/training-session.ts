import { cloneParams, type Compiled } from './compile.ts';
import type { Params } from './model.ts';
import { cloneOptimizerState, type OptimizerState } from './optimizer.ts';
import { createTrainer, train, type Trainer } from './train.ts';
import { trainWithHistories } from './train-histories.ts';

/** What a training session has done since its last report: enough to show it and to carry on from it. */
export interface TrainingProgress {
  /** steps taken since the session began */
  readonly done: number;
  readonly steps: number;
  /** L over the whole data set after steps done−losses.length+1 … done (the loss at the start is in the first report) */
  readonly losses: Float64Array;
  /** the test data's loss after the same steps as `losses`; null when the scenario has none */
  readonly testLosses: Float64Array | null;
  /** parameters kept for the path since the last report (the start is in the first report) */
  readonly points: readonly Params[];
  /** the parameters and optimizer state after `done` steps: a step boundary */
  readonly params: Params;
  readonly state: OptimizerState;
  readonly finished: boolean;
}

/**
 * A training run that advances by time budget rather than by a fixed count: it measures how
 * long its steps take and trains as many as fit, whatever the network's size, so a run in a
 * Web Worker or in frames of the page goes at the core's speed. The steps and losses are
 * those of one `train` call of `steps` steps.
 */
export interface TrainingSession {
  readonly trainer: Trainer;
  /**
   * Trains for about `budgetMs` (at least one step, never past the end) and reports what it did;
   * past the budget it trains on to the end when the rest is predicted (from the measured time of
   * its steps) to take at most `finishWithinMs`, so no report comes just before the end.
   */
  advance(budgetMs: number, finishWithinMs?: number): TrainingProgress;
}

/**
 * A session of `steps` steps from `params` and `state`, keeping a path point every
 * ⌈steps / (maxPoints − 1)⌉ steps (the start and the end always). `now` is the clock (ms).
 */
export function createTrainingSession(
  compiled: Compiled,
  params: Params,
  state: OptimizerState | null,
  steps: number,
  maxPoints: number,
  now: () => number,
): TrainingSession {
  const trainer = createTrainer(compiled, params, state ? cloneOptimizerState(state) : undefined);
  const every = Math.max(1, Math.ceil(steps / Math.max(1, maxPoints - 1)));
  // scratch: a chunk of n steps fills n + 1 losses, the first being the previous chunk's last
  let scratch = new Float64Array(2);
  let done = 0;
  let started = false;
  /** steps per chunk, grown toward the budget from the measured time of the last chunk */
  let chunk = 1;
  /** the measured time of a step (ms) in the last chunk; 0 before the first */
  let perStep = 0;
  const testing = compiled.testData !== null;
  return {
    trainer,
    advance(budgetMs, finishWithinMs = 0) {
      const losses: number[] = [];
      const tests: number[] = [];
      const points: Params[] = [];
      if (!started) {
        started = true;
        points.push(cloneParams(trainer.params));
        if (steps === 0) {
          const h = trainWithHistories(trainer, 0);
          losses.push(h.loss[0]);
          if (h.testLoss !== null) tests.push(h.testLoss[0]);
        }
      }
      const t0 = now();
      let first = true;
      const endIsNear = () => perStep > 0 && (steps - done) * perStep <= finishWithinMs;
      while (done < steps && (first || now() - t0 < budgetMs || endIsNear())) {
        first = false;
        const toPoint = every - (done % every);
        const n = Math.max(1, Math.min(chunk, toPoint, steps - done));
        if (scratch.length < n + 1) scratch = new Float64Array(2 * (n + 1));
        const c0 = now();
        // with test data, the chunk also records the test loss after each step (same steps, same losses)
        const withTest = testing ? trainWithHistories(trainer, n) : null;
        const h = withTest === null ? train(trainer, n, scratch) : withTest.loss;
        const elapsed = now() - c0;
        if (done === 0) losses.push(h[0]);
        for (let k = 1; k <= n; k++) losses.push(h[k]);
        const t = withTest?.testLoss;
        if (t) for (let k = done === 0 ? 0 : 1; k <= n; k++) tests.push(t[k]);
        done += n;
        if (done % every === 0 || done === steps) points.push(cloneParams(trainer.params));
        // aim a chunk at a quarter of the budget, so a slice ends close to it
        perStep = elapsed / n;
        chunk = perStep > 0 ? Math.max(1, Math.min(1 << 20, Math.floor(budgetMs / 4 / perStep))) : chunk * 2;
      }
      return {
        done,
        steps,
        losses: Float64Array.from(losses),
        testLosses: testing ? Float64Array.from(tests) : null,
        points,
        params: cloneParams(trainer.params),
        state: cloneOptimizerState(trainer.state),
        finished: done >= steps,
      };
    },
  };
}

/** Two consecutive reports of one session as one (`b` after `a`): losses, test losses and points of both, the state of `b`. */
export function mergeProgress(a: TrainingProgress, b: TrainingProgress): TrainingProgress {
  const losses = new Float64Array(a.losses.length + b.losses.length);
  losses.set(a.losses);
  losses.set(b.losses, a.losses.length);
  let testLosses: Float64Array | null = null;
  if (a.testLosses !== null && b.testLosses !== null) {
    testLosses = new Float64Array(a.testLosses.length + b.testLosses.length);
    testLosses.set(a.testLosses);
    testLosses.set(b.testLosses, a.testLosses.length);
  }
  return { ...b, losses, testLosses, points: [...a.points, ...b.points] };
}
