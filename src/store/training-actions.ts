import { comparisonErrors, comparisonOf } from '../core/comparison.ts';
import { paramsToNested, type Params } from '../core/model.ts';
import { cloneOptimizerState, type OptimizerState } from '../core/optimizer.ts';
import { withParameters } from '../core/scenario-edits.ts';
import { createTrainer } from '../core/train.ts';
import { trainWithPath } from '../core/train-path.ts';
import { trainWithHistories } from '../core/train-histories.ts';
import type { ActionContext } from './action-context.ts';
import type { AppActions } from './app-actions.ts';
import type { TrainingRun } from './app-state.ts';
import { appendLosses, EMPTY_LOSSES } from './loss-history.ts';

type TrainingActions = Pick<
  AppActions,
  'trainSteps' | 'setTraining' | 'applyTrainingProgress' | 'clearHistory' | 'setComparison' | 'adoptComparisonRun'
>;

/** Points one call of trainSteps adds to the training path at most (a run in slices adds this per slice). */
const PATH_POINTS_PER_CALL = 32;
/** Numbers (points × parameters) the training path keeps at most; beyond it every other point is dropped. */
const PATH_BUDGET = 2_000_000;
const MAX_PATH_POINTS = 2000;

/** Every other point of a path, always keeping its first and last. */
function thinned(path: readonly Params[]): Params[] {
  const out = path.filter((_, k) => k % 2 === 0);
  if ((path.length - 1) % 2 !== 0) out.push(path[path.length - 1]);
  return out;
}

/** The most path points a network of `size` parameters keeps (a big network keeps few). */
export function pathCap(size: number): number {
  return Math.max(2, Math.min(MAX_PATH_POINTS, Math.floor(PATH_BUDGET / Math.max(1, size))));
}

/**
 * The run record after `losses` more steps that kept `points`: the losses are appended (the
 * first being the loss at the run's start when `fresh`), and the path continues or, for a new
 * run, starts afresh. Each call gives a new record: undo tracks it as a whole.
 */
function extendedRun(
  run: TrainingRun,
  losses: ArrayLike<number>,
  testLosses: ArrayLike<number> | null,
  points: readonly Params[],
  continuing: boolean,
  cap: number,
): TrainingRun {
  // appended in place: the run's earlier records keep their length, and undo keeps them whole
  const lossHistory = appendLosses(run.lossHistory, losses);
  // the test losses go step for step with the losses, or not at all
  let testLossHistory = run.testLossHistory;
  if (
    testLosses !== null &&
    testLosses.length === losses.length &&
    run.testLossHistory.length === run.lossHistory.length
  ) {
    testLossHistory = appendLosses(run.testLossHistory, testLosses);
  }
  let path: readonly Params[] = continuing ? [...run.path, ...points] : points;
  while (path.length > cap) path = thinned(path);
  return { lossHistory, testLossHistory, path };
}

/**
 * Training from the current parameters (its run record: the loss history and the path it
 * takes through parameter space), and the optimizer comparison's setup.
 */
export function createTrainingActions(
  { set, get, selectors, clampSample }: ActionContext,
  syncGesture: () => void,
): TrainingActions {
  /** the path of the run in progress has its start point: later points continue it */
  let runStarted = false;
  const show = (params: Params, state: OptimizerState, run: TrainingRun) => {
    const compiled = selectors.compiled(get());
    const { weights, biases } = paramsToNested(compiled.model, params);
    // Training shows the network as it now is: every value of the next iteration computed.
    // One set, so each subscriber of the page hears of a report once (a samples table of 256
    // rows has thousands).
    const next = { ...get(), scenario: withParameters(get().scenario, weights, biases), optimizerState: state, run };
    set({
      scenario: next.scenario,
      optimizerState: state,
      run,
      sample: clampSample(next),
      position: selectors.plan(next).events.length,
    });
  };
  return {
    trainSteps(steps) {
      const s = get();
      const compiled = selectors.compiled(s);
      const trainer = createTrainer(
        compiled,
        compiled.params,
        s.optimizerState ? cloneOptimizerState(s.optimizerState) : undefined,
      );
      const cap = pathCap(compiled.model.weightCount + compiled.model.biasCount);
      // the test losses of the same steps, from a second trainer on the same start (training is deterministic)
      const tests =
        compiled.testData === null
          ? null
          : trainWithHistories(
              createTrainer(
                compiled,
                compiled.params,
                s.optimizerState ? cloneOptimizerState(s.optimizerState) : undefined,
              ),
              steps,
            ).testLoss;
      const { lossHistory: history, points } = trainWithPath(trainer, steps, Math.min(PATH_POINTS_PER_CALL, cap));
      // A run in slices continues its path (and its history: the first loss is the one the last slice ended on).
      const continuing = s.training && runStarted;
      const fresh = s.run.lossHistory.length === 0;
      const losses = fresh ? history : history.subarray(1);
      const testLosses = tests === null ? null : fresh ? tests : tests.subarray(1);
      runStarted = s.training;
      show(
        trainer.params,
        trainer.state,
        extendedRun(s.run, losses, testLosses, continuing ? points.slice(1) : points, continuing, cap),
      );
    },
    applyTrainingProgress(progress) {
      const s = get();
      if (!s.training) return;
      const compiled = selectors.compiled(s);
      const cap = pathCap(compiled.model.weightCount + compiled.model.biasCount);
      const continuing = runStarted;
      // the session reports the loss at its start once; the history already ends on it unless it is empty
      const skipFirst = !continuing && s.run.lossHistory.length > 0;
      const losses = skipFirst ? progress.losses.subarray(1) : progress.losses;
      const tests = progress.testLosses;
      const testLosses = tests === null ? null : skipFirst ? tests.subarray(1) : tests;
      runStarted = true;
      show(progress.params, progress.state, extendedRun(s.run, losses, testLosses, progress.points, continuing, cap));
    },
    setTraining(training) {
      if (training && !get().training) {
        // a new run starts a new path, and shows the iteration's end from its start, as each of its
        // reports does: the diagram marks every update once, while the run's first steps train,
        // rather than in the first report's frame (2,478 class changes on 16-16-16-16-16-1)
        runStarted = false;
        set({ training, position: selectors.plan(get()).events.length });
      } else set({ training });
      syncGesture();
    },
    clearHistory() {
      set({ run: { lossHistory: EMPTY_LOSSES, testLossHistory: EMPTY_LOSSES, path: get().run.path } });
    },
    setComparison(setup) {
      const errors = setup === null ? [] : comparisonErrors(setup);
      if (errors.length > 0) {
        set({ notice: { kind: 'error', text: 'Comparison: not possible; nothing was changed.', details: errors } });
        return false;
      }
      set({ comparison: setup });
      return true;
    },
    adoptComparisonRun(optimizer) {
      // the comparison keeps the runs it shows, though its default follows the scenario's optimizer
      const s = get();
      const comparison = comparisonOf(s.comparison, s.scenario.optimizer);
      if (!s.changeScenario((sc) => ({ ...sc, optimizer }), 'Optimizer')) return false;
      set({ comparison });
      return true;
    },
  };
}
