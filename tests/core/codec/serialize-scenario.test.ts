import { describe, expect, test } from 'vitest';
import { parseScenario, parseScenarioText } from '../../../src/core/codec/parse-scenario.ts';
import { scenarioToJson, serializeScenario } from '../../../src/core/codec/serialize-scenario.ts';
import type { Scenario } from '../../../src/core/scenario.ts';

function full(): Scenario {
  return {
    format: 'backprop-scenario/1',
    title: 'T',
    description: 'D',
    layers: [
      { size: 2, labels: ['x_1', 'x_2'] },
      { size: 2, activation: { type: 'leaky-relu', alpha: 0.01 }, bias: true },
      { size: 1, activation: { type: 'sigmoid' }, bias: false, labels: ['y'] },
    ],
    weightLabels: [
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [['e', 'f']],
    ],
    biasLabels: [['b_1', 'b_2'], null],
    weights: [
      [
        [0.1, 0.2],
        [0.30000000000000004, -1 / 3],
      ],
      [[5e-324, 1.7976931348623157e308]],
    ],
    biases: [[0, 1e-300], null],
    trainable: { weights: [true, [[false, true]]], biases: [[true, false], null] },
    loss: 'bce',
    reduction: 'sum',
    data: [{ x: [1, 2], y: [1] }],
    batchSize: 1,
    optimizer: { type: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  };
}

describe('serializeScenario', () => {
  test('writes the fields in canonical order', () => {
    expect(Object.keys(serializeScenario(full()))).toEqual([
      'format',
      'title',
      'description',
      'layers',
      'weightLabels',
      'biasLabels',
      'weights',
      'biases',
      'trainable',
      'loss',
      'reduction',
      'data',
      'batchSize',
      'optimizer',
    ]);
  });

  test('writes init in place of the weights it produced', () => {
    const scenario: Scenario = { ...full(), init: { type: 'uniform', low: -1, high: 1, seed: 3 } };
    const doc = serializeScenario(scenario);
    expect(Object.keys(doc).slice(5, 8)).toEqual(['biasLabels', 'init', 'biases']);
    expect(doc).not.toHaveProperty('weights');
    expect(doc.init).toEqual({ type: 'uniform', low: -1, high: 1, seed: 3 });
  });

  test('leaves out optional fields that are undefined', () => {
    const scenario = full();
    for (const key of [
      'title',
      'description',
      'weightLabels',
      'biasLabels',
      'trainable',
      'reduction',
      'batchSize',
    ] as const)
      delete scenario[key];
    const doc = serializeScenario(scenario);
    expect(Object.keys(doc)).toEqual(['format', 'layers', 'weights', 'biases', 'loss', 'data', 'optimizer']);
  });

  test('writes parameterless activations as names, linear and leaky-relu as objects with their parameter', () => {
    const scenario = full();
    scenario.layers = [
      { size: 2 },
      { size: 2, activation: { type: 'linear', slope: 1 }, bias: true },
      { size: 1, activation: { type: 'tanh' }, bias: false },
    ];
    const layers = serializeScenario(scenario).layers;
    expect(layers).toEqual([
      { size: 2 },
      { size: 2, activation: { type: 'linear', slope: 1 }, bias: true },
      { size: 1, activation: 'tanh', bias: false },
    ]);
    expect(Object.keys((layers as object[])[1])).toEqual(['size', 'activation', 'bias']);
  });

  test('writes every optimizer field, defaults included', () => {
    const scenario: Scenario = {
      ...full(),
      optimizer: { type: 'rmsprop', learningRate: 0.01, decay: 0.9, epsilon: 1e-8 },
    };
    expect(serializeScenario(scenario).optimizer).toEqual({
      type: 'rmsprop',
      learningRate: 0.01,
      decay: 0.9,
      epsilon: 1e-8,
    });
  });

  test('the document shares no array with the scenario', () => {
    const scenario = full();
    const doc = serializeScenario(scenario);
    scenario.weights[0][0][0] = 42;
    scenario.data[0].x[0] = 42;
    expect(doc.weights).toEqual(full().weights);
    expect(doc.data).toEqual(full().data);
  });

  test('reads back deep-equal, through the object and through JSON text, with exact numbers', () => {
    const scenario = full();
    expect(parseScenario(serializeScenario(scenario))).toEqual({ ok: true, value: scenario });
    expect(parseScenarioText(scenarioToJson(scenario))).toEqual({ ok: true, value: scenario });
    expect(parseScenarioText(scenarioToJson(scenario, 0))).toEqual({ ok: true, value: scenario });
  });

  test("the spec's example writes back as given, plus its biases", () => {
    const doc = {
      format: 'backprop-scenario/1',
      layers: [
        { size: 3, labels: ['A', 'B', 'C'] },
        { size: 2, activation: 'relu', bias: false, labels: ['D', 'E'] },
        { size: 1, activation: 'sigmoid', bias: false, labels: ['F'] },
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
    };
    const result = parseScenario({ ...doc, biases: undefined });
    expect(result.ok && JSON.stringify(serializeScenario(result.value))).toBe(JSON.stringify(doc));
  });

  test('scenarioToJson indents by 2 by default', () => {
    expect(scenarioToJson(full()).startsWith('{\n  "format": "backprop-scenario/1",\n  "title"')).toBe(true);
    expect(scenarioToJson(full(), 0).startsWith('{"format":"backprop-scenario/1","title"')).toBe(true);
  });
});
