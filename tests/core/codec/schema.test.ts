import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/core/codec/parse-scenario.ts';
import { serializeScenario } from '../../../src/core/codec/serialize-scenario.ts';

type SchemaObject = Readonly<Record<string, unknown>>;

const schema = JSON.parse(readFileSync(new URL('../../../public/backprop-scenario-1.schema.json', import.meta.url), 'utf8')) as SchemaObject;

// ---- a small validator for the subset of JSON Schema 2020-12 the file uses ----

const ANNOTATIONS = new Set(['$schema', '$defs', 'title', 'description']);
const ASSERTIONS = new Set([
  '$ref', 'type', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'prefixItems', 'items', 'properties', 'required', 'additionalProperties', 'oneOf', 'anyOf', 'allOf', 'if', 'then', 'else',
]);

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  return typeof value === type;
}

function resolve(ref: string): SchemaObject {
  const name = /^#\/\$defs\/(\w+)$/.exec(ref)?.[1];
  const defs = schema.$defs as Record<string, SchemaObject>;
  if (name === undefined || !(name in defs)) throw new Error(`unresolvable $ref ${ref}`);
  return defs[name];
}

function validate(s: unknown, value: unknown): boolean {
  if (!isObject(s)) throw new Error('a schema must be an object');
  for (const key of Object.keys(s)) if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`keyword ${key} is not supported by this test`);
  return [...ASSERTIONS].every((key) => !(key in s) || key === 'then' || key === 'else' || assertion(key, s, value));
}

function assertion(key: string, s: SchemaObject, value: unknown): boolean {
  const arg = s[key];
  const num = arg as number;
  const list = arg as unknown[];
  switch (key) {
    case '$ref': return validate(resolve(arg as string), value);
    case 'type': return (Array.isArray(arg) ? (arg as string[]) : [arg as string]).some((t) => hasType(value, t));
    case 'const': return JSON.stringify(value) === JSON.stringify(arg);
    case 'enum': return list.some((option) => JSON.stringify(option) === JSON.stringify(value));
    case 'minimum': return typeof value !== 'number' || value >= num;
    case 'maximum': return typeof value !== 'number' || value <= num;
    case 'exclusiveMinimum': return typeof value !== 'number' || value > num;
    case 'exclusiveMaximum': return typeof value !== 'number' || value < num;
    case 'minLength': return typeof value !== 'string' || [...value].length >= num;
    case 'maxLength': return typeof value !== 'string' || [...value].length <= num;
    case 'minItems': return !Array.isArray(value) || value.length >= num;
    case 'maxItems': return !Array.isArray(value) || value.length <= num;
    case 'prefixItems': return !Array.isArray(value) || list.every((item, k) => k >= value.length || validate(item, value[k]));
    case 'items': return !Array.isArray(value) || value.slice(((s.prefixItems as unknown[] | undefined) ?? []).length).every((item) => validate(arg, item));
    case 'properties': return !isObject(value) || Object.entries(arg as SchemaObject).every(([name, sub]) => !(name in value) || validate(sub, value[name]));
    case 'required': return !isObject(value) || (arg as string[]).every((name) => name in value);
    case 'additionalProperties': return !isObject(value) || Object.keys(value).every((name) => name in ((s.properties as SchemaObject | undefined) ?? {}) || (arg !== false && validate(arg, value[name])));
    case 'oneOf': return list.filter((sub) => validate(sub, value)).length === 1;
    case 'anyOf': return list.some((sub) => validate(sub, value));
    case 'allOf': return list.every((sub) => validate(sub, value));
    case 'if': return validate(arg, value) ? s.then === undefined || validate(s.then, value) : s.else === undefined || validate(s.else, value);
    default: throw new Error(`unhandled keyword ${key}`);
  }
}

// ---- documents ----

const SPEC_EXAMPLE = {
  format: 'backprop-scenario/1',
  title: 'Walkthrough: ReLU hidden layer, sigmoid output, binary cross-entropy',
  description: 'Optional plain text shown beside the preset.',
  layers: [
    { size: 3, labels: ['A', 'B', 'C'] },
    { size: 2, activation: 'relu', bias: false, labels: ['D', 'E'] },
    { size: 1, activation: 'sigmoid', bias: false, labels: ['F'] },
  ],
  weights: [[[1, 1, 1], [1, 1, 1]], [[1, 1]]],
  loss: 'bce',
  reduction: 'mean',
  data: [{ x: [1, 2, 3], y: [1] }, { x: [1, 2, -1], y: [0] }],
  optimizer: { type: 'sgd', learningRate: 0.1 },
};

/** Valid documents that between them use every form the format allows. */
const VALID_DOCS: Record<string, unknown>[] = [
  SPEC_EXAMPLE,
  {
    format: 'backprop-scenario/1',
    layers: [
      { size: 2 },
      { size: 3, activation: { type: 'leaky-relu', alpha: 0.1 }, bias: true, labels: ['h_1', 'h_2', 'h_3'] },
      { size: 2, activation: { type: 'linear' }, bias: false },
      { size: 2, activation: 'softmax', bias: true },
    ],
    weightLabels: [[['a', 'b'], ['c', 'd'], ['e', 'f']], [['g', 'h', 'i'], ['j', 'k', 'l']], [['m', 'n'], ['o', 'p']]],
    biasLabels: [['b_1', 'b_2', 'b_3'], null, null],
    init: { type: 'uniform', low: -1, high: 1, seed: 10 },
    biases: [null, null, [0.5, -0.5]],
    trainable: { weights: [true, [[true, false, true], [false, false, true]], false], biases: [[true, false, true], null, true] },
    loss: 'cross-entropy',
    data: [{ x: [0.5, -1], y: [0, 1] }, { x: [2, 3], y: [0.25, 0.75] }, { x: [0, 0], y: [1, 0] }],
    batchSize: 2,
    optimizer: { type: 'adam', learningRate: 0.01, beta1: 0.8 },
  },
  {
    format: 'backprop-scenario/1',
    layers: [{ size: 1 }, { size: 1, activation: { type: 'tanh' }, bias: true }, { size: 1, activation: 'identity', bias: true }],
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
const INVALID_DOCS: [string, Record<string, unknown>][] = [
  ['a wrong format', { ...SPEC_EXAMPLE, format: 'backprop-scenario/2' }],
  ['an unknown field', { ...SPEC_EXAMPLE, extra: 1 }],
  ['both weights and init', { ...SPEC_EXAMPLE, init: { type: 'he', seed: 1 } }],
  ['neither weights nor init', { ...SPEC_EXAMPLE, weights: undefined }],
  ['an input layer with an activation', { ...SPEC_EXAMPLE, layers: [{ size: 3, activation: 'relu' }, ...SPEC_EXAMPLE.layers.slice(1)] }],
  ['a dense layer without bias flag', { ...SPEC_EXAMPLE, layers: [SPEC_EXAMPLE.layers[0], { size: 2, activation: 'relu' }, SPEC_EXAMPLE.layers[2]] }],
  ['an unknown activation', { ...SPEC_EXAMPLE, layers: [SPEC_EXAMPLE.layers[0], { size: 2, activation: 'relux', bias: false }, SPEC_EXAMPLE.layers[2]] }],
  ['a parameter relu does not take', { ...SPEC_EXAMPLE, layers: [SPEC_EXAMPLE.layers[0], { size: 2, activation: { type: 'relu', alpha: 1 }, bias: false }, SPEC_EXAMPLE.layers[2]] }],
  ['a size of 0', { ...SPEC_EXAMPLE, layers: [{ size: 0 }, ...SPEC_EXAMPLE.layers.slice(1)] }],
  ['33 layers', { ...SPEC_EXAMPLE, layers: [{ size: 1 }, ...Array.from({ length: 32 }, () => ({ size: 1, activation: 'relu', bias: false }))] }],
  ['a label of 65 characters', { ...SPEC_EXAMPLE, layers: [{ size: 3, labels: ['A', 'B', 'C'.repeat(65)] }, ...SPEC_EXAMPLE.layers.slice(1)] }],
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

/** JSON.stringify drops the fields set to undefined above, as a file would not have them. */
function asJson(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc));
}

/** Every path to a leaf (a number, string, boolean or null) of a JSON value. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, k) => leafPaths(item, [...prefix, k]));
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  return [prefix];
}

function replaceAt(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** Values a leaf is plausibly replaced with: some keep the document valid, many do not. */
const plausibleLeaf = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 1.5, 1024, 1025, 1e-9, null, true, false, '', 'relu', 'linear', 'sgd', 'adam', 'mse', 'sum', 'he', 'x'.repeat(65)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -3, max: 40 }),
);

describe('the JSON Schema in public/', () => {
  test('uses only the keywords this test understands, and describes every field and definition', () => {
    for (const doc of VALID_DOCS) validate(schema, asJson(doc));
    const properties = schema.properties as Record<string, SchemaObject>;
    const defs = schema.$defs as Record<string, SchemaObject>;
    for (const [name, field] of [...Object.entries(properties), ...Object.entries(defs)]) {
      expect(typeof field.description, name).toBe('string');
    }
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  test("accepts the spec's example and every form the format allows", () => {
    for (const doc of VALID_DOCS) {
      expect(parseScenario(doc).ok).toBe(true);
      expect(validate(schema, asJson(doc))).toBe(true);
    }
  });

  test.each(INVALID_DOCS)('rejects %s, as the codec does', (_name, doc) => {
    expect(parseScenario(asJson(doc)).ok).toBe(false);
    expect(validate(schema, asJson(doc))).toBe(false);
  });

  test('accepts every document the codec accepts, and what the codec writes back', () => {
    const mutated = fc
      .constantFrom(...VALID_DOCS.map(asJson))
      .chain((doc) => fc.tuple(fc.constant(doc), fc.constantFrom(...leafPaths(doc)), plausibleLeaf))
      .map(([doc, path, value]) => replaceAt(doc, path, value));
    fc.assert(
      fc.property(mutated, (doc) => {
        const result = parseScenario(doc);
        if (!result.ok) return;
        expect(validate(schema, doc)).toBe(true);
        expect(validate(schema, asJson(serializeScenario(result.value)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
