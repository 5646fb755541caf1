import { parseScenario } from '../../../../src/core/codec/parse-scenario.ts';
import { serializeScenario } from '../../../../src/core/codec/serialize-scenario.ts';
import type { SchemaCases } from './schema-cases.ts';

// The cases for public/backprop-scenario-1.schema.json.

const SPEC_EXAMPLE = {
  format: 'backprop-scenario/1',
  title: 'Walkthrough: ReLU hidden layer, sigmoid output, binary cross-entropy',
  description: 'Optional plain text shown beside the preset.',
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
  loss: 'bce',
  reduction: 'mean',
  data: [
    { x: [1, 2, 3], y: [1] },
    { x: [1, 2, -1], y: [0] },
  ],
  optimizer: { type: 'sgd', learningRate: 0.1 },
};

/** Valid documents that between them use every form the format allows. */
const VALID: Record<string, unknown>[] = [
  SPEC_EXAMPLE,
  {
    format: 'backprop-scenario/1',
    layers: [
      { size: 2 },
      { size: 3, activation: { type: 'leaky-relu', alpha: 0.1 }, bias: true, labels: ['h_1', 'h_2', 'h_3'] },
      { size: 2, activation: { type: 'linear' }, bias: false },
      { size: 2, activation: 'softmax', bias: true },
    ],
    weightLabels: [
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ],
      [
        ['g', 'h', 'i'],
        ['j', 'k', 'l'],
      ],
      [
        ['m', 'n'],
        ['o', 'p'],
      ],
    ],
    biasLabels: [['b_1', 'b_2', 'b_3'], null, null],
    init: { type: 'uniform', low: -1, high: 1, seed: 10 },
    biases: [null, null, [0.5, -0.5]],
    trainable: {
      weights: [
        true,
        [
          [true, false, true],
          [false, false, true],
        ],
        false,
      ],
      biases: [[true, false, true], null, true],
    },
    loss: 'cross-entropy',
    data: [
      { x: [0.5, -1], y: [0, 1] },
      { x: [2, 3], y: [0.25, 0.75] },
      { x: [0, 0], y: [1, 0] },
    ],
    batchSize: 2,
    optimizer: { type: 'adam', learningRate: 0.01, beta1: 0.8 },
  },
  {
    format: 'backprop-scenario/1',
    layers: [
      { size: 1 },
      { size: 1, activation: { type: 'tanh' }, bias: true },
      { size: 1, activation: 'identity', bias: true },
    ],
    init: { type: 'he', seed: 3 },
    loss: 'half-sse',
    reduction: 'sum',
    data: [{ x: [1], y: [-4] }],
    optimizer: { type: 'adadelta' },
  },
  {
    format: 'backprop-scenario/1',
    layers: [{ size: 2 }, { size: 1, activation: 'leaky-relu', bias: true }],
    init: { type: 'constant', value: 0.5 },
    loss: 'mse',
    data: [{ x: [1, 2], y: [3] }],
    optimizer: { type: 'nesterov', learningRate: 0.1, momentum: 0.5 },
  },
  { ...SPEC_EXAMPLE, regularization: { l1: 0.001, l2: 0.01 }, testData: [{ x: [0, 1, 2], y: [0.5] }] },
  { ...SPEC_EXAMPLE, regularization: { l2: 0 } },
];

/** Documents the codec rejects for a reason the schema can see too. */
const INVALID: [string, Record<string, unknown>][] = [
  ['a wrong format', { ...SPEC_EXAMPLE, format: 'backprop-scenario/2' }],
  ['an unknown field', { ...SPEC_EXAMPLE, extra: 1 }],
  ['both weights and init', { ...SPEC_EXAMPLE, init: { type: 'he', seed: 1 } }],
  ['neither weights nor init', { ...SPEC_EXAMPLE, weights: undefined }],
  [
    'an input layer with an activation',
    { ...SPEC_EXAMPLE, layers: [{ size: 3, activation: 'relu' }, ...SPEC_EXAMPLE.layers.slice(1)] },
  ],
  [
    'a dense layer without bias flag',
    { ...SPEC_EXAMPLE, layers: [SPEC_EXAMPLE.layers[0], { size: 2, activation: 'relu' }, SPEC_EXAMPLE.layers[2]] },
  ],
  [
    'an unknown activation',
    {
      ...SPEC_EXAMPLE,
      layers: [SPEC_EXAMPLE.layers[0], { size: 2, activation: 'relux', bias: false }, SPEC_EXAMPLE.layers[2]],
    },
  ],
  [
    'a parameter relu does not take',
    {
      ...SPEC_EXAMPLE,
      layers: [
        SPEC_EXAMPLE.layers[0],
        { size: 2, activation: { type: 'relu', alpha: 1 }, bias: false },
        SPEC_EXAMPLE.layers[2],
      ],
    },
  ],
  ['a size of 0', { ...SPEC_EXAMPLE, layers: [{ size: 0 }, ...SPEC_EXAMPLE.layers.slice(1)] }],
  [
    '33 layers',
    {
      ...SPEC_EXAMPLE,
      layers: [{ size: 1 }, ...Array.from({ length: 32 }, () => ({ size: 1, activation: 'relu', bias: false }))],
    },
  ],
  [
    'a label of 65 characters',
    { ...SPEC_EXAMPLE, layers: [{ size: 3, labels: ['A', 'B', 'C'.repeat(65)] }, ...SPEC_EXAMPLE.layers.slice(1)] },
  ],
  ['a bce target of 2', { ...SPEC_EXAMPLE, data: [{ x: [1, 2, 3], y: [2] }] }],
  ['a negative cross-entropy target', { ...SPEC_EXAMPLE, loss: 'cross-entropy', data: [{ x: [1, 2, 3], y: [-1] }] }],
  ['no data', { ...SPEC_EXAMPLE, data: [] }],
  ['a zero learning rate', { ...SPEC_EXAMPLE, optimizer: { type: 'sgd', learningRate: 0 } }],
  ['a momentum of 1', { ...SPEC_EXAMPLE, optimizer: { type: 'momentum', learningRate: 0.1, momentum: 1 } }],
  ['sgd with a momentum', { ...SPEC_EXAMPLE, optimizer: { type: 'sgd', learningRate: 0.1, momentum: 0.5 } }],
  ['sgd without learning rate', { ...SPEC_EXAMPLE, optimizer: { type: 'sgd' } }],
  ['a fractional seed', { ...SPEC_EXAMPLE, weights: undefined, init: { type: 'xavier', seed: 0.5 } }],
  ['an unknown reduction', { ...SPEC_EXAMPLE, reduction: 'avg' }],
  ['a batch size of 0', { ...SPEC_EXAMPLE, batchSize: 0 }],
  ['a negative l2 rate', { ...SPEC_EXAMPLE, regularization: { l2: -0.1 } }],
  ['a regularization without a rate', { ...SPEC_EXAMPLE, regularization: {} }],
  ['an unknown regularization', { ...SPEC_EXAMPLE, regularization: { l3: 0.1 } }],
  ['an empty testData', { ...SPEC_EXAMPLE, testData: [] }],
  ['a bce test target of 2', { ...SPEC_EXAMPLE, testData: [{ x: [1, 2, 3], y: [2] }] }],
  ['a test sample of the wrong kind', { ...SPEC_EXAMPLE, testData: [{ x: [1, 2, 3] }] }],
];

export const scenarioCases: SchemaCases = {
  format: 'backprop-scenario/1',
  valid: VALID,
  invalid: INVALID,
  read: (doc) => {
    const result = parseScenario(doc);
    return result.ok ? { ok: true, written: serializeScenario(result.value) } : { ok: false };
  },
};
