import { describe, expect, test } from 'vitest';
import { parseScenario, parseScenarioText } from '../../../src/core/codec/parse-scenario.ts';
import type { Scenario } from '../../../src/core/scenario.ts';
import { minimal } from '../../helpers/minimal-document.ts';

/** The spec's example, verbatim. */
const SPEC_EXAMPLE = `{
  "format": "backprop-scenario/1",
  "title": "Walkthrough: ReLU hidden layer, sigmoid output, binary cross-entropy",
  "description": "Optional plain text shown beside the preset.",
  "layers": [
    { "size": 3, "labels": ["A", "B", "C"] },
    { "size": 2, "activation": "relu", "bias": false, "labels": ["D", "E"] },
    { "size": 1, "activation": "sigmoid", "bias": false, "labels": ["F"] }
  ],
  "weights": [[[1, 1, 1], [1, 1, 1]], [[1, 1]]],
  "loss": "bce",
  "reduction": "mean",
  "data": [{ "x": [1, 2, 3], "y": [1] }, { "x": [1, 2, -1], "y": [0] }],
  "optimizer": { "type": "sgd", "learningRate": 0.1 }
}`;

function parsed(doc: unknown): Scenario {
  const result = parseScenario(doc);
  if (!result.ok) throw new Error(`expected a valid scenario: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The spec's mulberry32, written out again here so the test does not trust src/core/init.ts. */
function specMulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseScenario reads valid documents', () => {
  test("the spec's example, normalized", () => {
    const result = parseScenarioText(SPEC_EXAMPLE);
    expect(result).toEqual({
      ok: true,
      value: {
        format: 'backprop-scenario/1',
        title: 'Walkthrough: ReLU hidden layer, sigmoid output, binary cross-entropy',
        description: 'Optional plain text shown beside the preset.',
        layers: [
          { size: 3, labels: ['A', 'B', 'C'] },
          { size: 2, activation: { type: 'relu' }, bias: false, labels: ['D', 'E'] },
          { size: 1, activation: { type: 'sigmoid' }, bias: false, labels: ['F'] },
        ],
        weights: [
          [
            [1, 1, 1],
            [1, 1, 1],
          ],
          [[1, 1]],
        ],
        biases: [null, null],
        loss: 'bce',
        reduction: 'mean',
        data: [
          { x: [1, 2, 3], y: [1] },
          { x: [1, 2, -1], y: [0] },
        ],
        optimizer: { type: 'sgd', learningRate: 0.1 },
      },
    });
  });

  test('optional fields stay absent when absent', () => {
    const scenario = parsed(minimal());
    for (const key of [
      'title',
      'description',
      'weightLabels',
      'biasLabels',
      'init',
      'trainable',
      'reduction',
      'batchSize',
    ]) {
      expect(Object.hasOwn(scenario, key)).toBe(false);
    }
    expect(Object.hasOwn(scenario.layers[0], 'labels')).toBe(false);
  });

  test.each([
    ['identity', { type: 'identity' }],
    ['relu', { type: 'relu' }],
    ['sigmoid', { type: 'sigmoid' }],
    ['tanh', { type: 'tanh' }],
    ['softmax', { type: 'softmax' }],
    ['linear', { type: 'linear', slope: 1 }],
    ['leaky-relu', { type: 'leaky-relu', alpha: 0.01 }],
    [{ type: 'relu' }, { type: 'relu' }],
    [{ type: 'linear' }, { type: 'linear', slope: 1 }],
    [
      { type: 'linear', slope: -2.5 },
      { type: 'linear', slope: -2.5 },
    ],
    [{ type: 'leaky-relu' }, { type: 'leaky-relu', alpha: 0.01 }],
    [
      { type: 'leaky-relu', alpha: 0.2 },
      { type: 'leaky-relu', alpha: 0.2 },
    ],
  ])('activation %j reads as %j', (activation, expected) => {
    const scenario = parsed(minimal({ layers: [{ size: 2 }, { size: 1, activation, bias: true }] }));
    expect(scenario.layers[1]).toEqual({ size: 1, activation: expected, bias: true });
  });

  test.each([
    [
      { type: 'sgd', learningRate: 0.1 },
      { type: 'sgd', learningRate: 0.1 },
    ],
    [
      { type: 'momentum', learningRate: 0.1 },
      { type: 'momentum', learningRate: 0.1, momentum: 0.9 },
    ],
    [
      { type: 'nesterov', learningRate: 0.1, momentum: 0 },
      { type: 'nesterov', learningRate: 0.1, momentum: 0 },
    ],
    [
      { type: 'adagrad', learningRate: 0.5 },
      { type: 'adagrad', learningRate: 0.5, epsilon: 1e-8 },
    ],
    [
      { type: 'rmsprop', learningRate: 0.01 },
      { type: 'rmsprop', learningRate: 0.01, decay: 0.9, epsilon: 1e-8 },
    ],
    [{ type: 'adadelta' }, { type: 'adadelta', learningRate: 1, decay: 0.95, epsilon: 1e-6 }],
    [
      { type: 'adadelta', learningRate: 0.5, decay: 0.9 },
      { type: 'adadelta', learningRate: 0.5, decay: 0.9, epsilon: 1e-6 },
    ],
    [
      { type: 'adam', learningRate: 0.001 },
      { type: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    ],
    [
      { type: 'adam', learningRate: 0.001, beta1: 0, epsilon: 1e-3 },
      { type: 'adam', learningRate: 0.001, beta1: 0, beta2: 0.999, epsilon: 1e-3 },
    ],
  ])('optimizer %j reads as %j', (optimizer, expected) => {
    expect(parsed(minimal({ optimizer })).optimizer).toEqual(expected);
  });

  test('biases: omitted means zeros for a bias layer and null for a layer without', () => {
    const layers = [
      { size: 2 },
      { size: 3, activation: 'tanh', bias: true },
      { size: 1, activation: 'identity', bias: false },
    ];
    const scenario = parsed(minimal({ layers, weights: undefined, init: { type: 'constant', value: 0 } }));
    expect(scenario.biases).toEqual([[0, 0, 0], null]);
  });

  test('biases: a null entry of a bias layer becomes zeros; given numbers are kept', () => {
    const layers = [
      { size: 2 },
      { size: 2, activation: 'tanh', bias: true },
      { size: 1, activation: 'identity', bias: true },
    ];
    const scenario = parsed(
      minimal({ layers, weights: undefined, init: { type: 'constant', value: 0 }, biases: [null, [0.25]] }),
    );
    expect(scenario.biases).toEqual([[0, 0], [0.25]]);
  });

  test('init constant fills every weight and is kept beside them', () => {
    const layers = [
      { size: 2 },
      { size: 3, activation: 'relu', bias: true },
      { size: 1, activation: 'identity', bias: true },
    ];
    const scenario = parsed(minimal({ layers, weights: undefined, init: { type: 'constant', value: 0.5 } }));
    expect(scenario.weights).toEqual([
      [
        [0.5, 0.5],
        [0.5, 0.5],
        [0.5, 0.5],
      ],
      [[0.5, 0.5, 0.5]],
    ]);
    expect(scenario.init).toEqual({ type: 'constant', value: 0.5 });
  });

  test('init uniform draws low + (high − low)·u from mulberry32, weights[0] row by row first', () => {
    const layers = [
      { size: 2 },
      { size: 2, activation: 'relu', bias: true },
      { size: 1, activation: 'identity', bias: true },
    ];
    const init = { type: 'uniform', low: -0.5, high: 1.5, seed: 10 };
    const scenario = parsed(minimal({ layers, weights: undefined, init }));
    const draw = specMulberry32(10);
    const u = Array.from({ length: 6 }, draw);
    expect(scenario.weights[0][0][0]).toBe(-0.5 + 2 * u[0]);
    expect(scenario.weights[0][0][1]).toBe(-0.5 + 2 * u[1]);
    expect(scenario.weights[0][1][0]).toBe(-0.5 + 2 * u[2]);
    expect(scenario.weights[1][0][1]).toBe(-0.5 + 2 * u[5]);
    expect(scenario.init).toEqual(init);
  });

  test('init xavier uses r = √(6/(fan_in + fan_out)) and he r = √(6/fan_in)', () => {
    const layers = [{ size: 3 }, { size: 2, activation: 'relu', bias: false }];
    const u0 = specMulberry32(7)();
    const xavier = parsed(
      minimal({ layers, weights: undefined, init: { type: 'xavier', seed: 7 }, data: [{ x: [1, 2, 3], y: [0, 0] }] }),
    );
    const he = parsed(
      minimal({ layers, weights: undefined, init: { type: 'he', seed: 7 }, data: [{ x: [1, 2, 3], y: [0, 0] }] }),
    );
    expect(xavier.weights[0][0][0]).toBe(Math.sqrt(6 / 5) * (2 * u0 - 1));
    expect(he.weights[0][0][0]).toBe(Math.sqrt(6 / 3) * (2 * u0 - 1));
  });

  test('optional fields are kept as given', () => {
    const doc = minimal({
      title: 'T',
      description: '',
      layers: [
        { size: 2, labels: ['x_1', 'x_2'] },
        { size: 1, activation: 'identity', bias: true, labels: ['y'] },
      ],
      weightLabels: [[['w_1', 'w_2']]],
      biasLabels: [['b']],
      trainable: { weights: [[[true, false]]], biases: [false] },
      reduction: 'sum',
      data: [
        { x: [1, 2], y: [3] },
        { x: [0, 0], y: [1] },
      ],
      batchSize: 1,
    });
    const scenario = parsed(doc);
    expect(scenario).toMatchObject({
      title: 'T',
      description: '',
      weightLabels: [[['w_1', 'w_2']]],
      biasLabels: [['b']],
      trainable: { weights: [[[true, false]]], biases: [false] },
      reduction: 'sum',
      batchSize: 1,
    });
    expect(scenario.layers[0].labels).toEqual(['x_1', 'x_2']);
  });

  test('trainable accepts a flag or null for a layer without bias', () => {
    const layers = [
      { size: 1 },
      { size: 1, activation: 'relu', bias: false },
      { size: 1, activation: 'identity', bias: false },
    ];
    const scenario = parsed(
      minimal({ layers, weights: [[[1]], [[1]]], data: [{ x: [1], y: [1] }], trainable: { biases: [null, true] } }),
    );
    expect(scenario.trainable).toEqual({ biases: [null, true] });
  });

  test('targets at the edges of their range are accepted', () => {
    const bce = parsed(
      minimal({
        loss: 'bce',
        data: [
          { x: [0, 0], y: [0] },
          { x: [0, 0], y: [1] },
        ],
      }),
    );
    const crossEntropy = parsed(minimal({ loss: 'cross-entropy', data: [{ x: [0, 0], y: [7] }] }));
    expect(bce.data.map((s) => s.y[0])).toEqual([0, 1]);
    expect(crossEntropy.data[0].y).toEqual([7]);
  });

  test('labels of exactly 64 characters (astral ones counted once) and a seed of any integer', () => {
    const label = '😀'.repeat(64);
    const scenario = parsed(
      minimal({
        layers: [
          { size: 2, labels: [label, 'b'] },
          { size: 1, activation: 'identity', bias: true },
        ],
        weights: undefined,
        init: { type: 'he', seed: -(2 ** 40) },
      }),
    );
    expect(scenario.layers[0].labels?.[0]).toBe(label);
  });

  test('the largest network and data set within the limits are accepted', () => {
    const layers = [{ size: 999 }, { size: 999, activation: 'relu', bias: true }];
    const scenario = parsed(
      minimal({
        layers,
        weights: undefined,
        init: { type: 'constant', value: 0 },
        data: [{ x: new Array(999).fill(0), y: new Array(999).fill(0) }],
      }),
    );
    expect(scenario.weights[0]).toHaveLength(999);
    const many = parsed(
      minimal({ data: Array.from({ length: 100_000 }, () => ({ x: [0, 0], y: [0] })), batchSize: 100_000 }),
    );
    expect(many.data).toHaveLength(100_000);
  });

  test('-0 reads as 0, since JSON.stringify cannot write it back', () => {
    const scenario = parsed(minimal({ weights: [[[-0, 1]]] }));
    expect(Object.is(scenario.weights[0][0][0], 0)).toBe(true);
  });

  test('the value shares no array with the document', () => {
    const doc = minimal();
    const scenario = parsed(doc);
    ((doc.weights as number[][][])[0][0] as number[])[0] = 99;
    (doc.data as { x: number[] }[])[0].x[0] = 99;
    expect(scenario.weights[0][0][0]).toBe(0.5);
    expect(scenario.data[0].x[0]).toBe(1);
  });
});
