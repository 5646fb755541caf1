import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CodecResult } from '../../../src/core/codec/codec-result.ts';
import { parseScenario, parseScenarioText } from '../../../src/core/codec/parse-scenario.ts';
import { scenarioToJson, serializeScenario } from '../../../src/core/codec/serialize-scenario.ts';
import { initWeights } from '../../../src/core/init.ts';
import {
  LOSS_NAMES,
  OPTIMIZER_TYPES,
  SCENARIO_FORMAT,
  type Activation,
  type DenseLayer,
  type Init,
  type InputLayer,
  type LossName,
  type Optimizer,
  type Scenario,
} from '../../../src/core/scenario.ts';

// ---- an arbitrary of small valid scenarios ----

/** Finite doubles of every magnitude; -0 is left out because it reads back as 0 by design. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const unitInterval = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0);
const belowOne = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((v) => v + 0);
const positive = fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true });
const label = fc.string({ unit: 'binary', maxLength: 6 });
const seed = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(-(2 ** 40)));

function vector<T>(length: number, item: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.array(item, { minLength: length, maxLength: length });
}

function matrix<T>(rows: number, columns: number, item: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  return vector(rows, vector(columns, item));
}

const activation: fc.Arbitrary<Activation> = fc.oneof(
  fc.constantFrom('identity', 'relu', 'sigmoid', 'tanh', 'softmax').map((type): Activation => ({ type })),
  finite.map((slope): Activation => ({ type: 'linear', slope })),
  finite.map((alpha): Activation => ({ type: 'leaky-relu', alpha })),
);

const optimizer: fc.Arbitrary<Optimizer> = fc.oneof(
  fc.record({ type: fc.constant('sgd' as const), learningRate: positive }),
  fc.record({
    type: fc.constantFrom('momentum' as const, 'nesterov' as const),
    learningRate: positive,
    momentum: belowOne,
  }),
  fc.record({ type: fc.constant('adagrad' as const), learningRate: positive, epsilon: positive }),
  fc.record({
    type: fc.constantFrom('rmsprop' as const, 'adadelta' as const),
    learningRate: positive,
    decay: belowOne,
    epsilon: positive,
  }),
  fc.record({
    type: fc.constant('adam' as const),
    learningRate: positive,
    beta1: belowOne,
    beta2: belowOne,
    epsilon: positive,
  }),
);

const init: fc.Arbitrary<Init> = fc.oneof(
  finite.map((value): Init => ({ type: 'constant', value })),
  fc
    .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), seed)
    .map(([a, b, s]): Init => ({ type: 'uniform', low: Math.min(a, b) + 0, high: Math.max(a, b) + 0, seed: s })),
  fc.record({ type: fc.constantFrom('xavier' as const, 'he' as const), seed }),
);

function target(loss: LossName): fc.Arbitrary<number> {
  if (loss === 'bce') return unitInterval;
  if (loss === 'cross-entropy') return fc.double({ min: 0, max: 1e300, noNaN: true }).map((v) => v + 0);
  return finite;
}

interface LayerSpec {
  size: number;
  hasBias: boolean;
}

function inputLayer(size: number): fc.Arbitrary<InputLayer> {
  return fc.record({ size: fc.constant(size), labels: vector(size, label) }, { requiredKeys: ['size'] });
}

function denseLayer({ size, hasBias }: LayerSpec): fc.Arbitrary<DenseLayer> {
  return fc.record(
    { size: fc.constant(size), activation, bias: fc.constant(hasBias), labels: vector(size, label) },
    { requiredKeys: ['size', 'activation', 'bias'] },
  );
}

function scenarioFor(specs: LayerSpec[]): fc.Arbitrary<Scenario> {
  const sizes = specs.map((s) => s.size);
  const outputs = specs.slice(1);
  const flag = fc.boolean();
  const perLayer = <T>(arb: (l: number, output: LayerSpec) => fc.Arbitrary<T>) =>
    fc.tuple(...outputs.map((output, l) => arb(l, output)));
  const parameters = fc.oneof(
    perLayer((l, output) => matrix(output.size, sizes[l], finite)).map((weights) => ({ weights, init: undefined })),
    init.map((i) => ({ weights: initWeights(i, sizes), init: i })),
  );
  const lossAndData = fc.constantFrom(...LOSS_NAMES).chain((loss) =>
    fc.record(
      {
        loss: fc.constant(loss),
        data: fc.array(fc.record({ x: vector(sizes[0], finite), y: vector(sizes[sizes.length - 1], target(loss)) }), {
          minLength: 1,
          maxLength: 4,
        }),
        testData: fc.array(
          fc.record({ x: vector(sizes[0], finite), y: vector(sizes[sizes.length - 1], target(loss)) }),
          { minLength: 1, maxLength: 3 },
        ),
      },
      { requiredKeys: ['loss', 'data'] },
    ),
  );
  const rate = fc.double({ min: 0, max: 10, noNaN: true }).map((v) => v + 0);
  const optional = fc.record(
    {
      title: fc.string({ maxLength: 20 }),
      description: fc.string({ maxLength: 40 }),
      weightLabels: perLayer((l, output) => matrix(output.size, sizes[l], label)),
      biasLabels: perLayer((_l, output) =>
        output.hasBias ? fc.option(vector(output.size, label), { nil: null }) : fc.constant(null),
      ),
      trainable: fc.record(
        {
          weights: perLayer((l, output) => fc.oneof(flag, matrix(output.size, sizes[l], flag))),
          biases: perLayer((_l, output) =>
            output.hasBias ? fc.oneof(flag, vector(output.size, flag)) : fc.oneof(flag, fc.constant(null)),
          ),
        },
        { requiredKeys: [] },
      ),
      reduction: fc.constantFrom('mean' as const, 'sum' as const),
      regularization: fc.oneof(fc.record({ l1: rate }), fc.record({ l2: rate }), fc.record({ l1: rate, l2: rate })),
      batchSeed: fc.nat(),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      layers: fc.tuple(inputLayer(sizes[0]), ...outputs.map(denseLayer)),
      parameters,
      biases: perLayer((_l, output) => (output.hasBias ? vector(output.size, finite) : fc.constant(null))),
      lossAndData,
      optimizer,
      optional,
    })
    .map(
      ({
        layers,
        parameters: { weights, init: i },
        biases,
        lossAndData: { loss, data, testData },
        optimizer: o,
        optional: { batchSeed, ...rest },
      }) => {
        const scenario: Scenario = {
          format: SCENARIO_FORMAT,
          ...rest,
          layers,
          weights,
          biases,
          loss,
          data,
          optimizer: o,
        };
        if (testData !== undefined) scenario.testData = testData;
        if (i !== undefined) scenario.init = i;
        if (batchSeed !== undefined) scenario.batchSize = 1 + (batchSeed % data.length);
        return scenario;
      },
    );
}

const validScenario: fc.Arbitrary<Scenario> = fc
  .array(fc.record({ size: fc.integer({ min: 1, max: 5 }), hasBias: fc.boolean() }), { minLength: 2, maxLength: 5 })
  .chain(scenarioFor);

// ---- junk ----

/** Every path into a JSON value, as keys from the root. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, k): [number, unknown] => [k, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A copy of `doc` with the value at `path` deleted or replaced. */
function mutate(doc: unknown, path: (string | number)[], replacement: { delete: true } | { value: unknown }): unknown {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if ('value' in replacement) node[last] = replacement.value;
  else if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last];
  return copy;
}

/** Either a value, or a non-empty list of errors that each name a path and say something. */
function isWellFormed(result: CodecResult<Scenario>): boolean {
  if (result.ok) return true;
  return (
    result.errors.length > 0 &&
    result.errors.every(
      (e) => typeof e.path === 'string' && e.path.length > 0 && typeof e.message === 'string' && e.message.length > 0,
    )
  );
}

/** A value that reads cleanly reads back the same once written. */
function isStable(result: CodecResult<Scenario>): boolean {
  if (!result.ok) return true;
  const again = parseScenario(serializeScenario(result.value));
  expect(again).toEqual(result);
  return true;
}

const weird = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

describe('codec properties', () => {
  test('serialize then parse gives back the same scenario', () => {
    fc.assert(
      fc.property(validScenario, (scenario) => {
        expect(parseScenario(serializeScenario(scenario))).toEqual({ ok: true, value: scenario });
      }),
      { numRuns: 300 },
    );
  });

  test('JSON text round trip gives back the same scenario', () => {
    fc.assert(
      fc.property(validScenario, fc.constantFrom(undefined, 0, 2, 4), (scenario, indent) => {
        expect(parseScenarioText(scenarioToJson(scenario, indent))).toEqual({ ok: true, value: scenario });
      }),
      { numRuns: 300 },
    );
  });

  test('any JavaScript value is read without throwing', () => {
    fc.assert(
      fc.property(weird, (value) => isWellFormed(parseScenario(value)) && isStable(parseScenario(value))),
      { numRuns: 1000 },
    );
  });

  test('any JSON text, or any text at all, is read without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => isWellFormed(parseScenarioText(text))),
      { numRuns: 1000 },
    );
  });

  test('a valid document with one field deleted or replaced by junk is read without throwing', () => {
    const mutated = validScenario
      .map((scenario) => serializeScenario(scenario))
      .chain((doc) =>
        fc.record({
          doc: fc.constant(doc),
          path: fc.constantFrom(...pathsOf(doc)),
          replacement: fc.oneof(
            fc.constant({ delete: true as const }),
            weird.map((value) => ({ value })),
          ),
        }),
      )
      .map(({ doc, path, replacement }) => mutate(doc, path, replacement));
    fc.assert(
      fc.property(mutated, (doc) => isWellFormed(parseScenario(doc)) && isStable(parseScenario(doc))),
      { numRuns: 1000 },
    );
  });

  test('valid JSON text with one character removed is read without throwing', () => {
    const damaged = validScenario
      .map((scenario) => scenarioToJson(scenario, 0))
      .chain((text) => fc.nat({ max: text.length - 1 }).map((k) => text.slice(0, k) + text.slice(k + 1)));
    fc.assert(
      fc.property(damaged, (text) => isWellFormed(parseScenarioText(text))),
      { numRuns: 500 },
    );
  });

  test('deleting a required field is always an error at that field', () => {
    const required = ['format', 'layers', 'loss', 'data', 'optimizer'] as const;
    fc.assert(
      fc.property(validScenario, fc.constantFrom(...required), (scenario, key) => {
        const result = parseScenario(mutate(serializeScenario(scenario), [key], { delete: true }));
        expect(result.ok).toBe(false);
        expect(!result.ok && result.errors.map((e) => e.path)).toEqual([key]);
      }),
    );
  });
});

describe('the arbitrary itself', () => {
  test('covers every optimizer, loss and init type', () => {
    const samples = fc.sample(validScenario, { numRuns: 400, seed: 1 });
    expect(new Set(samples.map((s) => s.optimizer.type))).toEqual(new Set(OPTIMIZER_TYPES));
    expect(new Set(samples.map((s) => s.loss))).toEqual(new Set(LOSS_NAMES));
    expect(new Set(samples.map((s) => s.init?.type ?? 'weights'))).toEqual(
      new Set(['weights', 'constant', 'uniform', 'xavier', 'he']),
    );
  });
});
