import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { gradCheck, relativeError } from '../../src/core/grad-check.ts';
import { initWeights, mulberry32 } from '../../src/core/init.ts';
import {
  ACTIVATION_TYPES,
  LOSS_NAMES,
  REDUCTIONS,
  type Activation,
  type ActivationType,
  type LossName,
  type Reduction,
  type Scenario,
} from '../../src/core/scenario.ts';

function activation(type: ActivationType): Activation {
  if (type === 'linear') return { type, slope: 1.5 };
  if (type === 'leaky-relu') return { type, alpha: 0.1 };
  return { type };
}

/** The output activation: the combination's own where the loss accepts it, else the loss's natural one. */
function outputActivation(type: ActivationType, loss: LossName): Activation {
  if (loss === 'bce' && type !== 'sigmoid' && type !== 'softmax') return { type: 'sigmoid' };
  if (loss === 'cross-entropy' && type !== 'softmax' && type !== 'sigmoid') return { type: 'softmax' };
  return activation(type);
}

function randomScenario(
  type: ActivationType,
  loss: LossName,
  reduction: Reduction,
  bias: boolean,
  seed: number,
): Scenario {
  const u = mulberry32(seed);
  const sizes = [3, 4, 3, 2];
  const layers: Scenario['layers'] = [
    { size: 3 },
    { size: 4, activation: activation(type), bias },
    { size: 3, activation: activation(type), bias },
    { size: 2, activation: outputActivation(type, loss), bias },
  ];
  const target = () => (loss === 'bce' ? u() : loss === 'cross-entropy' ? 2 * u() : 4 * u() - 2);
  return {
    format: 'backprop-scenario/1',
    layers,
    weights: initWeights({ type: 'uniform', low: -1.2, high: 1.2, seed }, sizes),
    biases: sizes.slice(1).map((n) => (bias ? Array.from({ length: n }, () => u() - 0.5) : null)),
    loss,
    reduction,
    data: Array.from({ length: 3 }, () => ({ x: [2 * u() - 1, 2 * u() - 1, 2 * u() - 1], y: [target(), target()] })),
    optimizer: { type: 'sgd', learningRate: 0.1 },
  };
}

/** The check of the first network from `seed` on whose gradient is not all zero (a ReLU network can start dead). */
function liveGradCheck(type: ActivationType, loss: LossName, reduction: Reduction, bias: boolean, seed: number) {
  for (let attempt = 0; ; attempt++) {
    const check = gradCheck(compileScenario(randomScenario(type, loss, reduction, bias, seed + 1000 * attempt)));
    if (check.analyticW.some((g) => g !== 0) || attempt === 5) return check;
  }
}

describe('central differences agree with the backward pass', () => {
  let seed = 1;
  for (const type of ACTIVATION_TYPES) {
    for (const loss of LOSS_NAMES) {
      for (const reduction of REDUCTIONS) {
        for (const bias of [true, false]) {
          const s = seed++;
          it(`${type} × ${loss} × ${reduction} × ${bias ? 'biases' : 'no biases'}`, () => {
            const check = liveGradCheck(type, loss, reduction, bias, s);
            expect(check.analyticW.some((g) => g !== 0)).toBe(true);
            expect(check.maxError).toBeLessThan(1e-6);
            if (!bias) expect(check.analyticB.every((g) => g === 0)).toBe(true);
          });
        }
      }
    }
  }

  it('checks the batch that the given step uses', () => {
    const scenario = { ...randomScenario('tanh', 'mse', 'mean', true, 99), batchSize: 2 };
    const compiled = compileScenario(scenario);
    const first = gradCheck(compiled, compiled.params, 0);
    const second = gradCheck(compiled, compiled.params, 1);
    expect(first.maxError).toBeLessThan(1e-6);
    expect(second.maxError).toBeLessThan(1e-6);
    expect(Array.from(first.analyticW)).not.toEqual(Array.from(second.analyticW));
  });

  it('reports a disagreement it is shown', () => {
    expect(relativeError(1, 1.001)).toBeCloseTo(0.001 / 1.001, 12);
    expect(relativeError(0, 1e-12)).toBeCloseTo(1e-8, 12);
  });
});
