import { backward } from './backward.ts';
import { batchRange, cloneParams, type Compiled } from './compile.ts';
import { forward } from './forward.ts';
import type { Params } from './model.ts';
import { createWorkspace } from './workspace.ts';

/** Analytic and numeric ∂L/∂θ of every weight and bias, and their relative error. */
export interface GradCheck {
  readonly analyticW: Float64Array;
  readonly numericW: Float64Array;
  readonly errorW: Float64Array;
  readonly analyticB: Float64Array;
  readonly numericB: Float64Array;
  readonly errorB: Float64Array;
  /** the largest relative error over all parameters */
  readonly maxError: number;
}

/**
 * |g − n| / max(|g|, |n|, floor): relative where the gradient is large, absolute (scaled by
 * 1/floor) below `floor`, where central differences cannot resolve a relative error.
 */
export function relativeError(analytic: number, numeric: number, floor = 1e-4): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

/**
 * Central differences over every parameter of batch `step`: n = (L(θ + h) − L(θ − h)) / 2h
 * with h = `h`·max(1, |θ|), beside the analytic ∂L/∂θ of the backward pass. Biases of a
 * layer without bias are not parameters: their numeric value is 0.
 */
export function gradCheck(compiled: Compiled, params: Params = compiled.params, step = 0, h = 1e-5): GradCheck {
  const { model, data, batchSize } = compiled;
  const { start, count } = batchRange(data.count, batchSize, step);
  const ws = createWorkspace(model, count);
  forward(model, params, data, start, count, ws);
  backward(model, params, data, start, ws);
  const probe = cloneParams(params);
  const lossAt = () => forward(model, probe, data, start, count, ws);
  const numeric = (theta: Float64Array, k: number): number => {
    const orig = theta[k];
    const step = h * Math.max(1, Math.abs(orig));
    theta[k] = orig + step;
    const plus = lossAt();
    theta[k] = orig - step;
    const minus = lossAt();
    theta[k] = orig;
    return (plus - minus) / (2 * step);
  };
  const analyticW = ws.dLdw.slice();
  const analyticB = ws.dLdb.slice();
  const numericW = new Float64Array(model.weightCount);
  const numericB = new Float64Array(model.biasCount);
  const errorW = new Float64Array(model.weightCount);
  const errorB = new Float64Array(model.biasCount);
  let maxError = 0;
  for (let k = 0; k < model.weightCount; k++) {
    numericW[k] = numeric(probe.w, k);
    errorW[k] = relativeError(analyticW[k], numericW[k]);
    maxError = Math.max(maxError, errorW[k]);
  }
  for (let l = 0; l < model.depth; l++) {
    if (!model.hasBias[l]) continue;
    for (let k = model.biasOffset[l]; k < model.biasOffset[l + 1]; k++) {
      numericB[k] = numeric(probe.b, k);
      errorB[k] = relativeError(analyticB[k], numericB[k]);
      maxError = Math.max(maxError, errorB[k]);
    }
  }
  return { analyticW, numericW, errorW, analyticB, numericB, errorB, maxError };
}
