import { backward } from './backward.ts';
import { batchRange, cloneParams, type Compiled } from './compile.ts';
import { forward, forwardPass } from './forward.ts';
import type { Params } from './model.ts';
import { createOptimizerState, updateSlot, type OptimizerState } from './optimizer.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

/** A training run in progress: its own parameters and optimizer state, and the arrays it reuses. */
export interface Trainer {
  readonly compiled: Compiled;
  readonly params: Params;
  readonly state: OptimizerState;
  /** holds the batch of the last step */
  readonly batch: Workspace;
  /** holds the whole data set, for the loss of a whole pass; the same as `batch` when full-batch */
  readonly all: Workspace;
  /** optimizer steps taken */
  steps: number;
}

/** A trainer starting from `params` (default: the scenario's) with fresh optimizer state. */
export function createTrainer(compiled: Compiled, params: Params = compiled.params, state?: OptimizerState): Trainer {
  const { model, data, batchSize } = compiled;
  const batch = createWorkspace(model, batchSize);
  const all = batchSize === data.count ? batch : createWorkspace(model, data.count);
  return {
    compiled,
    params: cloneParams(params),
    state: state ?? createOptimizerState(model.weightCount, model.biasCount),
    batch,
    all,
    steps: state?.t ?? 0,
  };
}

/** One optimizer step on batch `steps`: forward, backward, then θ ← update(θ, ∂L/∂θ). Returns the batch loss before the step. */
export function trainStep(tr: Trainer): number {
  const { model, data, batchSize, optimizer, trainable } = tr.compiled;
  const { start, count } = batchRange(data.count, batchSize, tr.steps);
  forwardPass(model, tr.params, data, start, count, tr.batch);
  backward(model, tr.params, data, start, tr.batch, false);
  tr.steps += 1;
  tr.state.t += 1;
  updateSlot(optimizer, tr.state.t, tr.params.w, tr.batch.dLdw, trainable.w, tr.state.w);
  updateSlot(optimizer, tr.state.t, tr.params.b, tr.batch.dLdb, trainable.b, tr.state.b);
  return tr.batch.loss;
}

/** L over the whole data set at the trainer's current parameters. */
export function datasetLoss(tr: Trainer): number {
  return forward(tr.compiled.model, tr.params, tr.compiled.data, 0, tr.compiled.data.count, tr.all);
}

/**
 * `steps` optimizer steps; `lossHistory[k]` is L over the whole data set after k steps
 * (steps + 1 values). Full-batch runs reuse each step's forward pass for it.
 */
export function train(
  tr: Trainer,
  steps: number,
  lossHistory: Float64Array = new Float64Array(steps + 1),
): Float64Array {
  const fullBatch = tr.all === tr.batch;
  for (let k = 0; k < steps; k++) {
    if (!fullBatch) lossHistory[k] = datasetLoss(tr);
    const batchLoss = trainStep(tr);
    if (fullBatch) lossHistory[k] = batchLoss;
  }
  lossHistory[steps] = datasetLoss(tr);
  return lossHistory;
}
