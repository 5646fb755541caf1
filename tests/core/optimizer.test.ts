import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { createTrainer, trainStep } from '../../src/core/train.ts';
import type { Optimizer, Scenario } from '../../src/core/scenario.ts';

/** ŷ = w·1 with half-sse against 0, so ∂L/∂w = w: each update is easy to do by hand. */
function oneWeight(optimizer: Optimizer, x2 = 0, trainable?: Scenario['trainable']): Scenario {
  return {
    format: 'backprop-scenario/1',
    layers: [{ size: 2 }, { size: 1, activation: { type: 'identity' }, bias: false }],
    weights: [[[1, 1]]],
    biases: [null],
    trainable,
    loss: 'half-sse',
    data: [{ x: [1, x2], y: [0] }],
    optimizer,
  };
}

// Worked by hand for w₀ = 1, g = w, η = 0.1 (adadelta: η = 1), default hyper-parameters.
const CASES: [Optimizer, number, number][] = [
  [{ type: 'sgd', learningRate: 0.1 }, 0.9, 0.81],
  [{ type: 'momentum', learningRate: 0.1, momentum: 0.9 }, 0.9, 0.72],
  [{ type: 'nesterov', learningRate: 0.1, momentum: 0.9 }, 0.81, 0.5751],
  // s = 1, w = 1 − 0.1/(1 + 1e-8); then s = 1 + w², w −= 0.1·w/(√s + 1e-8)
  [{ type: 'adagrad', learningRate: 0.1, epsilon: 1e-8 }, 0.900000001, 0.8331035282939266],
  // s = 0.1, w = 1 − 0.1/√0.1 = 0.68377…
  [{ type: 'rmsprop', learningRate: 0.1, decay: 0.9, epsilon: 1e-8 }, 0.6837722439831617, 0.49887062011723743],
  // s = 0.05, Δ = √1e-6/√(0.05 + 1e-6) = 0.0044720…
  [{ type: 'adadelta', learningRate: 1, decay: 0.95, epsilon: 1e-6 }, 0.9955279087656892, 0.9910087481491854],
  // m̂ = g, v̂ = g² on step 1, so w = 1 − 0.1/(1 + 1e-8)
  [
    { type: 'adam', learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    0.9000000009999999,
    0.8004122297123379,
  ],
];

describe('optimizers, two steps worked by hand', () => {
  for (const [optimizer, first, second] of CASES) {
    it(optimizer.type, () => {
      const trainer = createTrainer(compileScenario(oneWeight(optimizer)));
      trainStep(trainer);
      expect(trainer.params.w[0]).toBeCloseTo(first, 14);
      trainStep(trainer);
      expect(trainer.params.w[0]).toBeCloseTo(second, 14);
      expect(trainer.state.t).toBe(2);
    });
  }

  it('skips a frozen parameter and keeps its state at zero', () => {
    const frozen = oneWeight({ type: 'adam', learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, 1, {
      weights: [[[true, false]]],
    });
    const trainer = createTrainer(compileScenario(frozen));
    trainStep(trainer);
    trainStep(trainer);
    expect(trainer.params.w[1]).toBe(1);
    expect(trainer.state.w.first[1]).toBe(0);
    expect(trainer.state.w.second[1]).toBe(0);
    expect(trainer.params.w[0]).toBeLessThan(1);
    expect(trainer.batch.dLdw[1]).not.toBe(0);
  });

  it('takes mini-batches in order and wraps around', () => {
    const s: Scenario = {
      ...oneWeight({ type: 'sgd', learningRate: 1 }),
      layers: [{ size: 1 }, { size: 1, activation: { type: 'identity' }, bias: false }],
      weights: [[[0]]],
      loss: 'sse',
      reduction: 'sum',
      data: [
        { x: [1], y: [1] },
        { x: [1], y: [2] },
        { x: [1], y: [4] },
      ],
      batchSize: 2,
    };
    // ∂L/∂w = Σ 2(w − y): batch 0 = samples 0, 1; batch 1 = sample 2 alone; then batch 0 again.
    const trainer = createTrainer(compileScenario(s));
    trainStep(trainer);
    expect(trainer.params.w[0]).toBe(0 - (2 * (0 - 1) + 2 * (0 - 2)));
    trainStep(trainer);
    expect(trainer.params.w[0]).toBe(6 - 2 * (6 - 4));
    trainStep(trainer);
    expect(trainer.params.w[0]).toBe(2 - (2 * (2 - 1) + 2 * (2 - 2)));
  });
});
