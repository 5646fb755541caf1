import { backward } from './backward.ts';
import { batchRange, cloneParams, type Compiled } from './compile.ts';
import { forward } from './forward.ts';
import type { Dataset, Model, Params } from './model.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

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

/** One central difference: the estimate, the step h and the two losses either side. */
export interface CentralDifference {
  readonly numeric: number;
  readonly h: number;
  readonly plus: number;
  readonly minus: number;
}

/**
 * |g − n| / max(|g|, |n|, floor): relative where the gradient is large, absolute (scaled by
 * 1/floor) below `floor`, where central differences cannot resolve a relative error.
 */
export function relativeError(analytic: number, numeric: number, floor = 1e-4): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

interface Probe {
  readonly model: Model;
  readonly data: Dataset;
  readonly start: number;
  readonly count: number;
  readonly params: Params;
  readonly ws: Workspace;
}

function probeFor(compiled: Compiled, params: Params, step: number): Probe {
  const { start, count } = batchRange(compiled.data.count, compiled.batchSize, step);
  return {
    model: compiled.model,
    data: compiled.data,
    start,
    count,
    params: cloneParams(params),
    ws: createWorkspace(compiled.model, count),
  };
}

/** (L(θ + h) − L(θ − h)) / 2h for θ = probe.params[which][k], h = h₀·max(1, |θ|); θ is restored. */
function centralDifference(p: Probe, which: 'w' | 'b', k: number, h0: number): CentralDifference {
  const theta = p.params[which];
  const orig = theta[k];
  const h = h0 * Math.max(1, Math.abs(orig));
  theta[k] = orig + h;
  const plus = forward(p.model, p.params, p.data, p.start, p.count, p.ws);
  theta[k] = orig - h;
  const minus = forward(p.model, p.params, p.data, p.start, p.count, p.ws);
  theta[k] = orig;
  return { numeric: (plus - minus) / (2 * h), h, plus, minus };
}

/** The central difference of one weight (`which` = 'w') or bias ('b') at flat index k, over batch `step`. */
export function numericGradient(
  compiled: Compiled,
  params: Params,
  step: number,
  which: 'w' | 'b',
  k: number,
  h = 1e-5,
): CentralDifference {
  return centralDifference(probeFor(compiled, params, step), which, k, h);
}

/**
 * Central differences over every parameter of batch `step`, beside the analytic ∂L/∂θ of
 * the backward pass. Biases of a layer without bias are not parameters: their numeric value is 0.
 */
export function gradCheck(compiled: Compiled, params: Params = compiled.params, step = 0, h = 1e-5): GradCheck {
  const { model } = compiled;
  const probe = probeFor(compiled, params, step);
  forward(model, params, probe.data, probe.start, probe.count, probe.ws);
  backward(model, params, probe.data, probe.start, probe.ws);
  const analyticW = probe.ws.dLdw.slice();
  const analyticB = probe.ws.dLdb.slice();
  const numericW = new Float64Array(model.weightCount);
  const numericB = new Float64Array(model.biasCount);
  const errorW = new Float64Array(model.weightCount);
  const errorB = new Float64Array(model.biasCount);
  let maxError = 0;
  for (let k = 0; k < model.weightCount; k++) {
    numericW[k] = centralDifference(probe, 'w', k, h).numeric;
    errorW[k] = relativeError(analyticW[k], numericW[k]);
    maxError = Math.max(maxError, errorW[k]);
  }
  for (let l = 0; l < model.depth; l++) {
    if (!model.hasBias[l]) continue;
    for (let k = model.biasOffset[l]; k < model.biasOffset[l + 1]; k++) {
      numericB[k] = centralDifference(probe, 'b', k, h).numeric;
      errorB[k] = relativeError(analyticB[k], numericB[k]);
      maxError = Math.max(maxError, errorB[k]);
    }
  }
  return { analyticW, numericW, errorW, analyticB, numericB, errorB, maxError };
}
