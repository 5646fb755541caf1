import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import { samplesToDataset } from '../../src/core/model.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { traceScenario } from '../../src/core/trace.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { createWorkspace } from '../../src/core/workspace.ts';

function base(): Scenario {
  return {
    format: 'backprop-scenario/1',
    layers: [
      { size: 2 },
      { size: 2, activation: { type: 'tanh' }, bias: true },
      { size: 1, activation: { type: 'identity' }, bias: true },
    ],
    weights: [
      [
        [0.5, -0.4],
        [0.3, 0.8],
      ],
      [[-0.7, 0.6]],
    ],
    biases: [[0.1, -0.1], [0.05]],
    loss: 'mse',
    data: [
      { x: [1, 0.5], y: [1] },
      { x: [-1, 2], y: [-1] },
      { x: [0.2, -0.3], y: [0.5] },
    ],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  };
}

/** The data loss of `samples` at the scenario's own parameters, computed by a plain forward pass. */
function dataLossAt(s: Scenario, samples: Scenario['data']): number {
  const c = compileScenario({ ...s, regularization: undefined });
  const ws = createWorkspace(c.model, samples.length);
  return forward(c.model, c.params, samplesToDataset(c.model, samples), 0, samples.length, ws);
}

describe('the trace with regularization and testData', () => {
  it('without either, has none of their fields', () => {
    const t = traceScenario(base(), 3) as unknown as Record<string, Record<string, unknown>>;
    for (const key of ['dataLoss', 'penalty', 'testLoss']) {
      expect(t).not.toHaveProperty(key);
      expect(t.after).not.toHaveProperty(key);
    }
    expect(t.training).not.toHaveProperty('dataLossHistory');
    expect(t.training).not.toHaveProperty('testLossHistory');
  });

  it('with regularization, reports loss = dataLoss + penalty now, after the step and along the training', () => {
    const s = { ...base(), regularization: { l1: 0.01, l2: 0.1 } };
    const t = traceScenario(s, 4);
    expect(Object.keys(t).slice(0, 4)).toEqual(['format', 'loss', 'dataLoss', 'penalty']);
    expect(t.dataLoss).toBe(dataLossAt(s, s.data));
    const w = s.weights.flat(2);
    const penalty = 0.01 * w.reduce((a, v) => a + Math.abs(v), 0) + 0.05 * w.reduce((a, v) => a + v * v, 0);
    expect(t.penalty).toBeCloseTo(penalty, 15);
    expect(t.loss).toBe(t.dataLoss! + t.penalty!);
    expect(t.after.loss).toBe(t.after.dataLoss! + t.after.penalty!);
    expect(t.after.dataLoss).toBe(dataLossAt({ ...s, weights: t.after.weights, biases: t.after.biases }, s.data));
    expect(t.training!.dataLossHistory).toHaveLength(5);
    expect(t.training!.dataLossHistory![0]).toBe(t.dataLoss);
    expect(t.training!.lossHistory[0]).toBe(t.loss);
    expect(t.training!.lossHistory[1]).toBe(t.after.loss);
    expect(t.training!.dataLossHistory![1]).toBe(t.after.dataLoss);
    expect(t).not.toHaveProperty('testLoss');
  });

  it('with testData, reports the test data loss now, after the step and along the training', () => {
    const testData = [
      { x: [0.3, 0.3], y: [0.2] },
      { x: [-0.5, 1], y: [-0.4] },
    ];
    const s = { ...base(), testData, regularization: { l2: 0.2 } };
    const t = traceScenario(s, 3);
    expect(t.testLoss).toBe(dataLossAt(s, testData));
    expect(t.after.testLoss).toBe(dataLossAt({ ...s, weights: t.after.weights, biases: t.after.biases }, testData));
    const history = t.training!.testLossHistory!;
    expect(history).toHaveLength(4);
    expect(history[0]).toBe(t.testLoss);
    expect(history[1]).toBe(t.after.testLoss);
    expect(history[3]).toBe(dataLossAt({ ...s, weights: t.training!.weights, biases: t.training!.biases }, testData));
    expect(t.samples).toHaveLength(3);
  });

  it('with testData and mini-batches, the test loss is over all the test samples', () => {
    const testData = [
      { x: [0.3, 0.3], y: [0.2] },
      { x: [-0.5, 1], y: [-0.4] },
      { x: [2, 1], y: [1] },
    ];
    const s = { ...base(), testData, batchSize: 2, reduction: 'sum' as const };
    const t = traceScenario(s, 5);
    expect(t.testLoss).toBe(dataLossAt(s, testData));
    expect(t.training!.testLossHistory![5]).toBe(
      dataLossAt({ ...s, weights: t.training!.weights, biases: t.training!.biases }, testData),
    );
    expect(t).not.toHaveProperty('dataLoss');
    expect(t.training!.lossHistory).toEqual(Array.from(train(createTrainer(compileScenario(s)), 5)));
  });
});
