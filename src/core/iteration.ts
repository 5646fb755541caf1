import { backward } from './backward.ts';
import { batchRange, cloneParams, type Compiled } from './compile.ts';
import { forward } from './forward.ts';
import type { Params } from './model.ts';
import { cloneOptimizerState, createOptimizerState, updateSlot, type OptimizerState } from './optimizer.ts';
import { finish, type Sliced } from './sliced.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

/** Everything one training iteration computes: the batch's forward and backward values, and the step. */
export interface Iteration {
  /** index of the first sample of the batch, and how many */
  readonly start: number;
  readonly count: number;
  readonly params: Params;
  /** z, a, ∂L/∂z, ∂L/∂a of every node of every sample of the batch; ∂L/∂w and ∂L/∂b; the losses */
  readonly pass: Workspace;
  readonly after: Params;
  readonly stateAfter: OptimizerState;
  /** the reduced loss of the same batch at the parameters after the step */
  readonly lossAfter: number;
  /** that loss without the weight penalty, and the penalty (0 without regularization) */
  readonly dataLossAfter: number;
  readonly penaltyAfter: number;
}

/**
 * One iteration at `params`: forward and backward over batch `step` (mod the batch count),
 * the optimizer's update from `state` (fresh state by default), and the batch loss after it.
 */
export function runIteration(
  compiled: Compiled,
  params: Params = compiled.params,
  state?: OptimizerState,
  step = state?.t ?? 0,
): Iteration {
  return finish(iterationSliced(compiled, params, state, step));
}

/** runIteration in slices: it pauses after the forward pass, the backward pass and the update. */
export function* iterationSliced(
  compiled: Compiled,
  params: Params = compiled.params,
  state?: OptimizerState,
  step = state?.t ?? 0,
): Sliced<Iteration> {
  const { model, data, batchSize, optimizer, trainable } = compiled;
  const { start, count } = batchRange(data.count, batchSize, step);
  const pass = createWorkspace(model, count);
  forward(model, params, data, start, count, pass);
  yield 0.3;
  backward(model, params, data, start, pass);
  yield 0.6;
  const after = cloneParams(params);
  const stateAfter = state ? cloneOptimizerState(state) : createOptimizerState(model.weightCount, model.biasCount);
  stateAfter.t += 1;
  updateSlot(optimizer, stateAfter.t, after.w, pass.dLdw, trainable.w, stateAfter.w);
  updateSlot(optimizer, stateAfter.t, after.b, pass.dLdb, trainable.b, stateAfter.b);
  yield 0.8;
  const passAfter = createWorkspace(model, count);
  const lossAfter = forward(model, after, data, start, count, passAfter);
  return {
    start,
    count,
    params,
    pass,
    after,
    stateAfter,
    lossAfter,
    dataLossAfter: passAfter.dataLoss,
    penaltyAfter: passAfter.penalty,
  };
}
