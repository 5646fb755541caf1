import { comparisonErrors, comparisonOf } from '../core/comparison.ts';
import { paramsToNested, type Params } from '../core/model.ts';
import { cloneOptimizerState } from '../core/optimizer.ts';
import { withParameters } from '../core/scenario-edits.ts';
import { createTrainer } from '../core/train.ts';
import { trainWithPath } from '../core/train-path.ts';
import type { ActionContext } from './action-context.ts';
import type { AppActions } from './app-actions.ts';

type TrainingActions = Pick<AppActions, 'trainSteps' | 'setTraining' | 'clearHistory' | 'setComparison' | 'adoptComparisonRun'>;

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

/**
 * Training from the current parameters (its loss history and the path it takes through
 * parameter space), and the optimizer comparison's setup.
 */
export function createTrainingActions({ set, get, selectors, planLength, clampSample }: ActionContext, syncGesture: () => void): TrainingActions {
  return {
    trainSteps(steps) {
      const s = get();
      const compiled = selectors.compiled(s);
      const trainer = createTrainer(compiled, compiled.params, s.optimizerState ? cloneOptimizerState(s.optimizerState) : undefined);
      // A big network keeps few points, and does not copy more parameters per slice than it keeps.
      const size = Math.max(1, compiled.model.weightCount + compiled.model.biasCount);
      const cap = Math.max(2, Math.min(MAX_PATH_POINTS, Math.floor(PATH_BUDGET / size)));
      const { lossHistory: history, points } = trainWithPath(trainer, steps, Math.min(PATH_POINTS_PER_CALL, cap));
      const { weights, biases } = paramsToNested(compiled.model, trainer.params);
      const lossHistory = s.lossHistory.length === 0 ? Array.from(history) : [...s.lossHistory, ...Array.from(history.subarray(1))];
      // A run in slices continues its path; a single call is a run of its own.
      let trainingPath: readonly Params[] = s.training && s.trainingPath.length > 0 ? [...s.trainingPath, ...points.slice(1)] : points;
      while (trainingPath.length > cap) trainingPath = thinned(trainingPath);
      // Training shows the network as it now is: every value of the next iteration computed.
      set({ scenario: withParameters(s.scenario, weights, biases), optimizerState: trainer.state, lossHistory, trainingPath });
      set({ sample: clampSample(get()), position: planLength() });
    },
    setTraining(training) {
      // a new run starts a new path
      set(training && !get().training ? { training, trainingPath: [] } : { training });
      syncGesture();
    },
    clearHistory() {
      set({ lossHistory: [] });
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
