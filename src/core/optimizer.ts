import type { Optimizer } from './scenario.ts';

/** An optimizer's per-parameter state for one parameter array (v, s, u, m as its rule needs). */
export interface SlotState {
  readonly first: Float64Array;
  readonly second: Float64Array;
}

/** Optimizer state for the weights and the biases; `t` counts the steps taken (Adam's t). */
export interface OptimizerState {
  t: number;
  readonly w: SlotState;
  readonly b: SlotState;
}

/** Zeroed state for `weightCount` weights and `biasCount` biases. */
export function createOptimizerState(weightCount: number, biasCount: number): OptimizerState {
  return {
    t: 0,
    w: { first: new Float64Array(weightCount), second: new Float64Array(weightCount) },
    b: { first: new Float64Array(biasCount), second: new Float64Array(biasCount) },
  };
}

/** A deep copy of an optimizer state. */
export function cloneOptimizerState(s: OptimizerState): OptimizerState {
  return {
    t: s.t,
    w: { first: s.w.first.slice(), second: s.w.second.slice() },
    b: { first: s.b.first.slice(), second: s.b.second.slice() },
  };
}

/**
 * One update θ ← rule(θ, g) for every θ with mask 1, as the spec's optimizer table gives it.
 * `t` is the step number starting at 1. Frozen entries keep their value and their state.
 */
export function updateSlot(
  opt: Optimizer,
  t: number,
  theta: Float64Array,
  g: Float64Array,
  mask: Uint8Array,
  st: SlotState,
): void {
  const n = theta.length;
  const lr = opt.learningRate;
  const m1 = st.first;
  const m2 = st.second;
  switch (opt.type) {
    case 'sgd':
      for (let k = 0; k < n; k++) if (mask[k]) theta[k] -= lr * g[k];
      return;
    case 'momentum': {
      const mu = opt.momentum;
      for (let k = 0; k < n; k++) {
        if (!mask[k]) continue;
        m1[k] = mu * m1[k] + g[k];
        theta[k] -= lr * m1[k];
      }
      return;
    }
    case 'nesterov': {
      const mu = opt.momentum;
      for (let k = 0; k < n; k++) {
        if (!mask[k]) continue;
        m1[k] = mu * m1[k] + g[k];
        theta[k] -= lr * (g[k] + mu * m1[k]);
      }
      return;
    }
    case 'adagrad': {
      const eps = opt.epsilon;
      for (let k = 0; k < n; k++) {
        if (!mask[k]) continue;
        m2[k] += g[k] * g[k];
        theta[k] -= (lr * g[k]) / (Math.sqrt(m2[k]) + eps);
      }
      return;
    }
    case 'rmsprop': {
      const rho = opt.decay;
      const eps = opt.epsilon;
      for (let k = 0; k < n; k++) {
        if (!mask[k]) continue;
        m2[k] = rho * m2[k] + (1 - rho) * g[k] * g[k];
        theta[k] -= (lr * g[k]) / (Math.sqrt(m2[k]) + eps);
      }
      return;
    }
    case 'adadelta': {
      // first = u (accumulated squared updates), second = s (accumulated squared gradients)
      const rho = opt.decay;
      const eps = opt.epsilon;
      for (let k = 0; k < n; k++) {
        if (!mask[k]) continue;
        m2[k] = rho * m2[k] + (1 - rho) * g[k] * g[k];
        const delta = (Math.sqrt(m1[k] + eps) / Math.sqrt(m2[k] + eps)) * g[k];
        m1[k] = rho * m1[k] + (1 - rho) * delta * delta;
        theta[k] -= lr * delta;
      }
      return;
    }
    case 'adam': {
      const b1 = opt.beta1;
      const b2 = opt.beta2;
      const eps = opt.epsilon;
      const c1 = 1 - Math.pow(b1, t);
      const c2 = 1 - Math.pow(b2, t);
      for (let k = 0; k < n; k++) {
        if (!mask[k]) continue;
        m1[k] = b1 * m1[k] + (1 - b1) * g[k];
        m2[k] = b2 * m2[k] + (1 - b2) * g[k] * g[k];
        theta[k] -= (lr * (m1[k] / c1)) / (Math.sqrt(m2[k] / c2) + eps);
      }
    }
  }
}
