import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/core/codec/parse-scenario.ts';

/** A valid document with a bias layer and a layer without, so every rule has something to break. */
function validDoc(): Record<string, unknown> {
  return {
    format: 'backprop-scenario/1',
    title: 'Walkthrough',
    layers: [
      { size: 3, labels: ['A', 'B', 'C'] },
      { size: 2, activation: 'relu', bias: true, labels: ['D', 'E'] },
      { size: 1, activation: 'sigmoid', bias: false, labels: ['F'] },
    ],
    weights: [
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[1, 1]],
    ],
    biases: [[0.5, -0.5], null],
    loss: 'bce',
    reduction: 'mean',
    data: [
      { x: [1, 2, 3], y: [1] },
      { x: [1, 2, -1], y: [0] },
    ],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  };
}

type Key = string | number;
const DELETE = Symbol('delete');

/** The valid document with the value at `path` replaced (or deleted with DELETE). */
function edit(path: Key[], value: unknown): Record<string, unknown> {
  const doc = validDoc();
  let node = doc as Record<Key, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<Key, unknown>;
  const last = path[path.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return doc;
}

/** The valid document with several top-level fields replaced. */
function withFields(fields: Record<string, unknown>): Record<string, unknown> {
  return { ...validDoc(), ...fields };
}

const dense = (size: number, activation: unknown = 'relu', bias: unknown = true) => ({ size, activation, bias });

interface InvalidCase {
  name: string;
  doc: unknown;
  /** Every error expected, in order: its exact path and a part of its message. */
  errors: [path: string, message: string][];
}

const cases: InvalidCase[] = [
  // the document itself
  { name: 'null', doc: null, errors: [['(root)', 'expected a scenario object']] },
  { name: 'an array', doc: [validDoc()], errors: [['(root)', 'got an array']] },
  { name: 'a string', doc: 'backprop-scenario/1', errors: [['(root)', 'got "backprop-scenario/1"']] },
  { name: 'a number', doc: 42, errors: [['(root)', 'got 42']] },
  {
    name: 'wrong format',
    doc: edit(['format'], 'backprop-scenario/2'),
    errors: [['format', 'expected "backprop-scenario/1", got "backprop-scenario/2"']],
  },
  { name: 'missing format', doc: edit(['format'], DELETE), errors: [['format', 'required field is missing']] },
  {
    name: 'unknown top-level field',
    doc: withFields({ learningRate: 0.1 }),
    errors: [['learningRate', 'unknown field (allowed: format, title']],
  },
  {
    name: 'unknown field with an odd name',
    doc: withFields({ 'odd key': 1 }),
    errors: [['["odd key"]', 'unknown field']],
  },
  { name: 'title not a string', doc: edit(['title'], 7), errors: [['title', 'expected a string, got 7']] },
  {
    name: 'title over the limit',
    doc: edit(['title'], 'x'.repeat(501)),
    errors: [['title', '501 characters exceed the limit of 500']],
  },
  {
    name: 'description over the limit',
    doc: withFields({ description: 'd'.repeat(10_001) }),
    errors: [['description', '10,001 characters exceed the limit of 10,000']],
  },

  // layers
  { name: 'missing layers', doc: edit(['layers'], DELETE), errors: [['layers', 'required field is missing']] },
  {
    name: 'layers not an array',
    doc: edit(['layers'], { size: 3 }),
    errors: [['layers', 'expected an array of layers']],
  },
  { name: 'a single layer', doc: edit(['layers'], [{ size: 3 }]), errors: [['layers', 'expected at least 2 layers']] },
  {
    name: 'too many layers',
    doc: edit(['layers'], [{ size: 1 }, ...Array.from({ length: 39 }, () => dense(1))]),
    errors: [['layers', '40 layers exceed the limit of 32']],
  },
  {
    name: 'a layer that is not an object',
    doc: edit(['layers', 1], 2),
    errors: [['layers[1]', 'expected a layer object']],
  },
  {
    name: 'a fractional size',
    doc: edit(['layers', 1, 'size'], 1.5),
    errors: [['layers[1].size', 'expected an integer ≥ 1, got 1.5']],
  },
  {
    name: 'a zero size',
    doc: edit(['layers', 0, 'size'], 0),
    errors: [['layers[0].size', 'expected an integer ≥ 1, got 0']],
  },
  {
    name: 'a size given as a string',
    doc: edit(['layers', 2, 'size'], '1'),
    errors: [['layers[2].size', 'expected an integer ≥ 1, got "1"']],
  },
  {
    name: 'a missing size',
    doc: edit(['layers', 2, 'size'], DELETE),
    errors: [['layers[2].size', 'required field is missing']],
  },
  {
    name: 'a layer over the node limit',
    doc: edit(['layers', 1, 'size'], 1025),
    errors: [['layers[1].size', '1,025 nodes exceed the limit of 1,024']],
  },
  {
    name: 'a network over the parameter limit',
    doc: edit(['layers'], [{ size: 1024 }, dense(1024), dense(1)]),
    errors: [['layers', '1,050,625 parameters (weights and biases) exceed the limit of 1,000,000']],
  },
  {
    name: 'an input layer with an activation',
    doc: edit(['layers', 0, 'activation'], 'relu'),
    errors: [['layers[0].activation', 'the input layer has no activation']],
  },
  {
    name: 'an input layer with a bias',
    doc: edit(['layers', 0, 'bias'], false),
    errors: [['layers[0].bias', 'the input layer has no bias']],
  },
  {
    name: 'a layer without activation',
    doc: edit(['layers', 1, 'activation'], DELETE),
    errors: [['layers[1].activation', 'required field is missing (expected an activation']],
  },
  {
    name: 'a layer without bias',
    doc: edit(['layers', 2, 'bias'], DELETE),
    errors: [['layers[2].bias', 'required field is missing (expected true or false)']],
  },
  {
    name: 'a bias that is not a boolean',
    doc: edit(['layers', 1, 'bias'], 1),
    errors: [['layers[1].bias', 'expected true or false, got 1']],
  },
  {
    name: 'an unknown layer field',
    doc: edit(['layers', 1, 'units'], 2),
    errors: [['layers[1].units', 'unknown field (allowed: size, activation, bias, labels)']],
  },

  // activations
  {
    name: 'an unknown activation',
    doc: edit(['layers', 2, 'activation'], 'relux'),
    errors: [
      [
        'layers[2].activation',
        'unknown activation "relux" (expected identity, linear, relu, leaky-relu, sigmoid, tanh, softmax)',
      ],
    ],
  },
  {
    name: 'an activation that is a number',
    doc: edit(['layers', 1, 'activation'], 5),
    errors: [['layers[1].activation', 'got 5']],
  },
  {
    name: 'an activation object without type',
    doc: edit(['layers', 1, 'activation'], { slope: 2 }),
    errors: [['layers[1].activation.type', 'required field is missing']],
  },
  {
    name: 'an activation object of unknown type',
    doc: edit(['layers', 1, 'activation'], { type: 'gelu' }),
    errors: [['layers[1].activation.type', 'unknown activation "gelu"']],
  },
  {
    name: 'a parameter relu does not take',
    doc: edit(['layers', 1, 'activation'], { type: 'relu', alpha: 0.1 }),
    errors: [['layers[1].activation.alpha', 'unknown field (allowed: type)']],
  },
  {
    name: 'a slope on leaky-relu',
    doc: edit(['layers', 1, 'activation'], { type: 'leaky-relu', slope: 0.1 }),
    errors: [['layers[1].activation.slope', 'unknown field (allowed: type, alpha)']],
  },
  {
    name: 'a NaN slope',
    doc: edit(['layers', 1, 'activation'], { type: 'linear', slope: NaN }),
    errors: [['layers[1].activation.slope', 'expected a finite number, got NaN']],
  },

  // labels
  {
    name: 'too few node labels',
    doc: edit(['layers', 0, 'labels'], ['A', 'B']),
    errors: [['layers[0].labels', 'expected 3 labels (layers[0].size), got 2']],
  },
  {
    name: 'a node label that is not a string',
    doc: edit(['layers', 1, 'labels', 0], 7),
    errors: [['layers[1].labels[0]', 'expected a string, got 7']],
  },
  {
    name: 'a node label over the limit',
    doc: edit(['layers', 2, 'labels', 0], 'F'.repeat(65)),
    errors: [['layers[2].labels[0]', '65 characters exceed the limit of 64']],
  },
  {
    name: 'weight labels of the wrong shape',
    doc: withFields({ weightLabels: [[['a', 'b', 'c'], ['d']], [['e', 'f']]] }),
    errors: [['weightLabels[0][1]', 'expected 3 labels (layers[0].size), got 1']],
  },
  {
    name: 'weight labels with too few matrices',
    doc: withFields({ weightLabels: [] }),
    errors: [['weightLabels', 'expected 2 matrices of labels']],
  },
  {
    name: 'bias labels on a layer without bias',
    doc: withFields({ biasLabels: [['b1', 'b2'], ['b3']] }),
    errors: [['biasLabels[1]', 'expected null (layers[2].bias is false), got an array']],
  },
  {
    name: 'bias labels of the wrong length',
    doc: withFields({ biasLabels: [null] }),
    errors: [['biasLabels', 'expected 2 entries (one per layer after the input), got 1']],
  },

  // weights and init
  {
    name: 'both weights and init',
    doc: withFields({ init: { type: 'constant', value: 1 } }),
    errors: [['init', 'weights and init are both given']],
  },
  {
    name: 'neither weights nor init',
    doc: edit(['weights'], DELETE),
    errors: [['(root)', 'expected weights or init (exactly one of them), got neither']],
  },
  {
    name: 'weights not an array',
    doc: edit(['weights'], 1),
    errors: [['weights', 'expected an array of 2 matrices (one per layer after the input), got 1']],
  },
  {
    name: 'too many weight matrices',
    doc: edit(['weights', 2], [[1]]),
    errors: [['weights', 'expected 2 matrices (one per layer after the input), got 3']],
  },
  {
    name: 'too many weight rows',
    doc: edit(['weights', 1, 1], [1, 1]),
    errors: [['weights[1]', 'expected 1 row (layers[2].size), got 2']],
  },
  {
    name: 'a short weight row',
    doc: edit(['weights', 0, 1], [1, 1]),
    errors: [['weights[0][1]', 'expected 3 numbers (layers[0].size), got 2']],
  },
  {
    name: 'an infinite weight',
    doc: edit(['weights', 0, 0, 2], Infinity),
    errors: [
      ['weights[0][0][2]', 'expected a finite number, got a number out of range (beyond ±1.8e308, such as 1e999)'],
    ],
  },
  {
    name: 'a NaN weight',
    doc: edit(['weights', 1, 0, 1], NaN),
    errors: [['weights[1][0][1]', 'expected a finite number, got NaN']],
  },
  {
    name: 'a weight given as a string',
    doc: edit(['weights', 1, 0, 0], '1'),
    errors: [['weights[1][0][0]', 'expected a finite number, got "1"']],
  },
  {
    name: 'init not an object',
    doc: withFields({ weights: undefined, init: 'xavier' }),
    errors: [['init', 'expected an initializer object']],
  },
  {
    name: 'an unknown init type',
    doc: withFields({ weights: undefined, init: { type: 'normal', seed: 1 } }),
    errors: [['init.type', 'unknown initializer "normal" (expected constant, uniform, xavier, he)']],
  },
  {
    name: 'an init field of another type',
    doc: withFields({ weights: undefined, init: { type: 'xavier', seed: 1, value: 2 } }),
    errors: [['init.value', 'unknown field (allowed: type, seed)']],
  },
  {
    name: 'a fractional seed',
    doc: withFields({ weights: undefined, init: { type: 'he', seed: 1.5 } }),
    errors: [['init.seed', 'expected an integer, got 1.5']],
  },
  {
    name: 'a missing seed',
    doc: withFields({ weights: undefined, init: { type: 'uniform', low: 0, high: 1 } }),
    errors: [['init.seed', 'required field is missing (expected an integer)']],
  },
  {
    name: 'a constant init without value',
    doc: withFields({ weights: undefined, init: { type: 'constant' } }),
    errors: [['init.value', 'required field is missing']],
  },
  {
    name: 'uniform low above high',
    doc: withFields({ weights: undefined, init: { type: 'uniform', low: 1, high: 0, seed: 3 } }),
    errors: [['init.high', 'expected high ≥ low (1), got 0']],
  },
  {
    name: 'a uniform range that overflows',
    doc: withFields({ weights: undefined, init: { type: 'uniform', low: -1e308, high: 1e308, seed: 3 } }),
    errors: [['init.high', 'high − low overflows']],
  },

  // biases
  {
    name: 'biases not an array',
    doc: edit(['biases'], 0),
    errors: [['biases', 'expected an array of 2 entries (one per layer after the input), got 0']],
  },
  { name: 'too few bias entries', doc: edit(['biases'], [[0, 0]]), errors: [['biases', 'got 1']] },
  {
    name: 'biases for a layer without bias',
    doc: edit(['biases', 1], [0]),
    errors: [['biases[1]', 'expected null (layers[2].bias is false), got an array']],
  },
  {
    name: 'a long bias vector',
    doc: edit(['biases', 0], [0, 0, 0]),
    errors: [['biases[0]', 'expected 2 numbers (layers[1].size), got 3']],
  },
  {
    name: 'a non-finite bias',
    doc: edit(['biases', 0, 1], -Infinity),
    errors: [['biases[0][1]', 'expected a finite number, got a number out of range (beyond ±1.8e308, such as 1e999)']],
  },

  // trainable
  {
    name: 'trainable not an object',
    doc: withFields({ trainable: [true] }),
    errors: [['trainable', 'expected an object']],
  },
  {
    name: 'an unknown trainable field',
    doc: withFields({ trainable: { frozen: [] } }),
    errors: [['trainable.frozen', 'unknown field (allowed: weights, biases)']],
  },
  {
    name: 'a weight mask of the wrong shape',
    doc: withFields({ trainable: { weights: [[[true, true, true], [true]], true] } }),
    errors: [['trainable.weights[0][1]', 'expected 3 booleans (layers[0].size), got 1']],
  },
  {
    name: 'a weight flag that is a number',
    doc: withFields({ trainable: { weights: [true, 0] } }),
    errors: [['trainable.weights[1]', 'expected true, false or a 1×2 mask of booleans (the shape of weights[1])']],
  },
  {
    name: 'a mask entry that is not a boolean',
    doc: withFields({ trainable: { weights: [true, [[true, 1]]] } }),
    errors: [['trainable.weights[1][0][1]', 'expected true or false, got 1']],
  },
  {
    name: 'too few weight flags',
    doc: withFields({ trainable: { weights: [true] } }),
    errors: [['trainable.weights', 'expected 2 matrices of trainable flags']],
  },
  {
    name: 'a null bias flag for a bias layer',
    doc: withFields({ trainable: { biases: [null, null] } }),
    errors: [['trainable.biases[0]', 'expected true, false or 2 booleans (layers[1].size), got null']],
  },
  {
    name: 'a bias mask for a layer without bias',
    doc: withFields({ trainable: { biases: [true, [false]] } }),
    errors: [['trainable.biases[1]', 'expected true, false or null (layers[2].bias is false)']],
  },

  // loss and reduction
  {
    name: 'an unknown loss',
    doc: edit(['loss'], 'l2'),
    errors: [['loss', 'unknown loss "l2" (expected mse, sse, half-sse, bce, cross-entropy)']],
  },
  {
    name: 'a missing loss',
    doc: edit(['loss'], DELETE),
    errors: [['loss', 'required field is missing (expected one of mse']],
  },
  {
    name: 'an unknown reduction',
    doc: edit(['reduction'], 'avg'),
    errors: [['reduction', 'unknown reduction "avg" (expected mean, sum)']],
  },
  {
    name: 'a reduction that is not a string',
    doc: edit(['reduction'], null),
    errors: [['reduction', 'expected mean, sum, got null']],
  },

  // data
  { name: 'missing data', doc: edit(['data'], DELETE), errors: [['data', 'required field is missing']] },
  { name: 'empty data', doc: edit(['data'], []), errors: [['data', 'expected at least 1 sample, got none']] },
  {
    name: 'data over the sample limit',
    doc: edit(['data'], new Array(100_001).fill(null)),
    errors: [['data', '100,001 samples exceed the limit of 100,000']],
  },
  {
    name: 'a sample that is not an object',
    doc: edit(['data', 1], [1, 2, 3]),
    errors: [['data[1]', 'expected a sample']],
  },
  {
    name: 'an unknown sample field',
    doc: edit(['data', 0, 'weight'], 1),
    errors: [['data[0].weight', 'unknown field (allowed: x, y)']],
  },
  {
    name: 'a short x',
    doc: edit(['data', 0, 'x'], [1, 2]),
    errors: [['data[0].x', 'expected 3 numbers (layers[0].size), got 2']],
  },
  {
    name: 'a long y',
    doc: edit(['data', 1, 'y'], [0, 1]),
    errors: [['data[1].y', 'expected 1 number (layers[2].size), got 2']],
  },
  { name: 'a missing y', doc: edit(['data', 1, 'y'], DELETE), errors: [['data[1].y', 'required field is missing']] },
  {
    name: 'a NaN input',
    doc: edit(['data', 0, 'x', 1], NaN),
    errors: [['data[0].x[1]', 'expected a finite number, got NaN']],
  },
  {
    name: 'a bce target above 1',
    doc: edit(['data', 0, 'y', 0], 2),
    errors: [['data[0].y[0]', 'expected a target in [0, 1] for loss bce, got 2']],
  },
  {
    name: 'a negative cross-entropy target',
    doc: withFields({ loss: 'cross-entropy', data: [{ x: [1, 2, 3], y: [-1] }] }),
    errors: [['data[0].y[0]', 'expected a target ≥ 0 for loss cross-entropy, got -1']],
  },

  // batch size
  {
    name: 'a fractional batch size',
    doc: withFields({ batchSize: 1.5 }),
    errors: [['batchSize', 'expected an integer in [1, 2] (the number of samples), got 1.5']],
  },
  {
    name: 'a batch larger than the data',
    doc: withFields({ batchSize: 3 }),
    errors: [['batchSize', 'expected an integer in [1, 2]']],
  },
  { name: 'a zero batch size', doc: withFields({ batchSize: 0 }), errors: [['batchSize', 'got 0']] },

  // optimizer
  {
    name: 'a missing optimizer',
    doc: edit(['optimizer'], DELETE),
    errors: [['optimizer', 'required field is missing']],
  },
  {
    name: 'an optimizer given as a name',
    doc: edit(['optimizer'], 'sgd'),
    errors: [['optimizer', 'expected an optimizer object such as { "type": "sgd", "learningRate": 0.1 }, got "sgd"']],
  },
  {
    name: 'an optimizer without type',
    doc: edit(['optimizer', 'type'], DELETE),
    errors: [['optimizer.type', 'required field is missing']],
  },
  {
    name: 'an unknown optimizer',
    doc: edit(['optimizer', 'type'], 'adamw'),
    errors: [
      [
        'optimizer.type',
        'unknown optimizer "adamw" (expected sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam)',
      ],
    ],
  },
  {
    name: 'sgd without learning rate',
    doc: edit(['optimizer', 'learningRate'], DELETE),
    errors: [['optimizer.learningRate', 'required field is missing (expected a number > 0)']],
  },
  {
    name: 'a zero learning rate',
    doc: edit(['optimizer', 'learningRate'], 0),
    errors: [['optimizer.learningRate', 'expected a number > 0, got 0']],
  },
  {
    name: 'a field sgd does not take',
    doc: edit(['optimizer', 'momentum'], 0.9),
    errors: [['optimizer.momentum', 'unknown field (allowed: type, learningRate)']],
  },
  {
    name: 'a momentum of 1',
    doc: edit(['optimizer'], { type: 'momentum', learningRate: 0.1, momentum: 1 }),
    errors: [['optimizer.momentum', 'expected a number in [0, 1), got 1']],
  },
  {
    name: 'a negative beta2',
    doc: edit(['optimizer'], { type: 'adam', learningRate: 0.1, beta2: -0.1 }),
    errors: [['optimizer.beta2', 'expected a number in [0, 1), got -0.1']],
  },
  {
    name: 'a zero epsilon',
    doc: edit(['optimizer'], { type: 'rmsprop', learningRate: 0.1, epsilon: 0 }),
    errors: [['optimizer.epsilon', 'expected a number > 0, got 0']],
  },
  {
    name: 'an adadelta decay above 1',
    doc: edit(['optimizer'], { type: 'adadelta', decay: 1.5 }),
    errors: [['optimizer.decay', 'expected a number in [0, 1), got 1.5']],
  },
  {
    name: 'an infinite learning rate',
    doc: edit(['optimizer', 'learningRate'], Infinity),
    errors: [['optimizer.learningRate', 'expected a number > 0, got Infinity']],
  },
  {
    name: 'a __proto__ field from JSON text',
    doc: withFields(JSON.parse('{"__proto__": {"loss": "mse"}}') as Record<string, unknown>),
    errors: [['__proto__', 'unknown field']],
  },
];

describe('parseScenario rejects', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { doc, errors }) => {
    const result = parseScenario(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(errors.map(([path]) => path));
    result.errors.forEach((error, k) => expect(error.message).toContain(errors[k][1]));
  });

  test('there are at least 40 distinct invalid documents', () => {
    const names = new Set(cases.map((c) => c.name));
    const documents = new Set(
      cases.map((c) =>
        JSON.stringify(c.doc, (_key, value: unknown) =>
          typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
        ),
      ),
    );
    expect(names.size).toBe(cases.length);
    expect(documents.size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});
