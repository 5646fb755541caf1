import type { Activation, DenseLayer, Sample, Scenario, TrainableBiasEntry, TrainableEntry } from './scenario.ts';

/**
 * Pure edits of a scenario: each returns a new scenario and shares every part it did not
 * change (nothing is written in place). Structural edits keep the weights that still apply.
 */

type Detached = Omit<Scenario, 'init' | 'weightLabels' | 'biasLabels' | 'trainable'>;

/** The scenario without the parts tied to the old shape or the old weights (init, weight and bias labels, trainable masks). */
function detached(s: Scenario): Detached {
  const { init, weightLabels, biasLabels, trainable, ...rest } = s;
  void init;
  void weightLabels;
  void biasLabels;
  void trainable;
  return rest;
}

/** The scenario without its init: its weights no longer come from it. */
function withoutInit(s: Scenario): Omit<Scenario, 'init'> {
  const { init, ...rest } = s;
  void init;
  return rest;
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

/** weights[l][j][i] ← value; the scenario no longer comes from its `init`. */
export function withWeight(s: Scenario, l: number, j: number, i: number, value: number): Scenario {
  const matrix = s.weights[l];
  const weights = replaceAt(s.weights, l, replaceAt(matrix, j, replaceAt(matrix[j], i, value)));
  return { ...withoutInit(s), weights };
}

/** biases[l][j] ← value (layer l+1 must have biases). */
export function withBias(s: Scenario, l: number, j: number, value: number): Scenario {
  const row = s.biases[l];
  if (!row) return s;
  return { ...s, biases: replaceAt(s.biases, l, replaceAt(row, j, value)) };
}

/** data[sample].x[i] or .y[i] ← value. */
export function withSampleValue(s: Scenario, sample: number, field: 'x' | 'y', i: number, value: number): Scenario {
  const d = s.data[sample];
  return { ...s, data: replaceAt(s.data, sample, { ...d, [field]: replaceAt(d[field], i, value) }) };
}

/** Every weight and bias replaced by the given nested arrays (after an optimizer step). */
export function withParameters(s: Scenario, weights: number[][][], biases: (number[] | null)[]): Scenario {
  return { ...withoutInit(s), weights, biases };
}

/** A new sample after the last: a copy of `from` (default the last one). */
export function withSampleAdded(s: Scenario, from = s.data.length - 1): Scenario {
  const d = s.data[from];
  return { ...s, data: [...s.data, { x: d.x.slice(), y: d.y.slice() }], batchSize: s.batchSize };
}

/** Sample `index` removed (the last one stays); batchSize is clamped to the samples left. */
export function withSampleRemoved(s: Scenario, index: number): Scenario {
  if (s.data.length <= 1) return s;
  const data = s.data.filter((_, k) => k !== index);
  return { ...s, data, batchSize: s.batchSize === undefined ? undefined : Math.min(s.batchSize, data.length) };
}

/**
 * The training and test samples replaced (from a CSV file or a generator); an empty testData
 * is left out, and batchSize is clamped to the training samples.
 */
export function withSamples(s: Scenario, samples: { data: Sample[]; testData: Sample[] }): Scenario {
  const { testData, ...rest } = s;
  void testData;
  const batchSize = s.batchSize === undefined ? undefined : Math.min(s.batchSize, samples.data.length);
  return {
    ...rest,
    data: samples.data,
    ...(samples.testData.length > 0 ? { testData: samples.testData } : {}),
    batchSize,
  };
}

/** Layer l's activation changed (l ≥ 1). */
export function withActivation(s: Scenario, l: number, activation: Activation): Scenario {
  const layer = s.layers[l] as DenseLayer;
  return { ...s, layers: replaceAt(s.layers, l, { ...layer, activation }) as Scenario['layers'] };
}

/** Biases on (zeros) or off for layer l ≥ 1. */
export function withLayerBias(s: Scenario, l: number, on: boolean): Scenario {
  const layer = s.layers[l] as DenseLayer;
  if (layer.bias === on) return s;
  const biases = replaceAt(s.biases, l - 1, on ? new Array<number>(layer.size).fill(0) : null);
  const biasLabels = s.biasLabels && replaceAt(s.biasLabels, l - 1, null);
  const trainable = s.trainable?.biases
    ? { ...s.trainable, biases: replaceAt(s.trainable.biases, l - 1, on ? true : null) }
    : s.trainable;
  return {
    ...s,
    layers: replaceAt(s.layers, l, { ...layer, bias: on }) as Scenario['layers'],
    biases,
    biasLabels,
    trainable,
  };
}

function resizeList<T>(list: readonly T[], size: number, fill: (k: number) => T): T[] {
  return Array.from({ length: size }, (_, k) => (k < list.length ? list[k] : fill(k)));
}

function keepLabels(labels: string[] | undefined, size: number): string[] | undefined {
  return labels && labels.length === size ? labels : undefined;
}

/**
 * The scenario with new layer sizes (same depth): every weight and bias whose two nodes
 * still exist keeps its value; new ones start at `fill` (0 by default, so the new node
 * starts silent and the old numbers stay as they were). The x and y of data and testData are
 * resized the same way.
 */
export function withLayerSize(s: Scenario, l: number, size: number, fill = 0): Scenario {
  const layers = s.layers.map((layer, k) =>
    k === l ? { ...layer, size, labels: keepLabels(layer.labels, size) } : layer,
  ) as Scenario['layers'];
  const sizes = layers.map((layer) => layer.size);
  const weights = s.weights.map((m, k) =>
    resizeList(m, sizes[k + 1], () => []).map((row) => resizeList(row, sizes[k], () => fill)),
  );
  const biases = s.biases.map((b, k) => (b === null ? null : resizeList(b, sizes[k + 1], () => 0)));
  const last = sizes.length - 1;
  const resized = (samples: Sample[]) =>
    l === 0 || l === last
      ? samples.map((d) => ({
          x: l === 0 ? resizeList(d.x, size, () => 0) : d.x,
          y: l === last ? resizeList(d.y, size, () => 0) : d.y,
        }))
      : samples;
  const testData = s.testData === undefined ? {} : { testData: resized(s.testData) };
  return { ...detached(s), layers, weights, biases, data: resized(s.data), ...testData, ...resizedTrainable(s, sizes) };
}

function resizedTrainable(s: Scenario, sizes: number[]): Pick<Scenario, 'trainable'> {
  if (!s.trainable) return {};
  const w = s.trainable.weights?.map((e, k): TrainableEntry =>
    typeof e === 'boolean'
      ? e
      : resizeList(e, sizes[k + 1], () => []).map((row) => resizeList(row, sizes[k], () => true)),
  );
  const b = s.trainable.biases?.map((e, k): TrainableBiasEntry =>
    Array.isArray(e) ? resizeList(e, sizes[k + 1], () => true) : e,
  );
  return { trainable: { ...(w ? { weights: w } : {}), ...(b ? { biases: b } : {}) } };
}

/**
 * A hidden layer of `size` nodes inserted before layer `at` (1 ≤ at ≤ depth), with the
 * activation given. The weights into it are an identity-like pattern where sizes allow, so
 * the network computes close to what it did; every other existing weight is kept.
 */
export function withLayerInserted(s: Scenario, at: number, size: number, activation: Activation): Scenario {
  const prev = s.layers[at - 1].size;
  const layer: DenseLayer = { size, activation, bias: false };
  const layers = [...s.layers.slice(0, at), layer, ...s.layers.slice(at)] as Scenario['layers'];
  const into = Array.from({ length: size }, (_, j) => Array.from({ length: prev }, (_, i) => (i === j ? 1 : 0)));
  const oldOut = s.weights[at - 1];
  const out = oldOut.map((row) => resizeList(row.slice(0, size), size, () => 0));
  const weights = [...s.weights.slice(0, at - 1), into, out, ...s.weights.slice(at)];
  const biases = [...s.biases.slice(0, at - 1), null, ...s.biases.slice(at - 1)];
  return { ...detached(s), layers, weights, biases };
}

/**
 * Hidden layer l removed (1 ≤ l < depth): the layers either side are joined by the weights
 * that left layer l, resized to fit; biases of the later layers are kept.
 */
export function withLayerRemoved(s: Scenario, l: number): Scenario {
  const depth = s.layers.length - 1;
  if (l < 1 || l >= depth) return s;
  const layers = s.layers.filter((_, k) => k !== l) as Scenario['layers'];
  const fanIn = s.layers[l - 1].size;
  const joined = s.weights[l].map((row) => resizeList(row, fanIn, () => 0));
  const weights = [...s.weights.slice(0, l - 1), joined, ...s.weights.slice(l + 1)];
  const biases = [...s.biases.slice(0, l - 1), ...s.biases.slice(l)];
  return { ...detached(s), layers, weights, biases };
}

/** Which samples an edit of one point acts on: the training data or the test data. */
export type SampleSet = 'train' | 'test';

function samplesOf(s: Scenario, set: SampleSet): Sample[] {
  return set === 'train' ? s.data : (s.testData ?? []);
}

function withSet(s: Scenario, set: SampleSet, samples: Sample[]): Scenario {
  if (set === 'train') return { ...s, data: samples };
  const { testData, ...rest } = s;
  void testData;
  return samples.length > 0 ? { ...rest, testData: samples } : rest;
}

/** `sample` appended to the training or the test data. */
export function withSampleAppended(s: Scenario, set: SampleSet, sample: Sample): Scenario {
  return withSet(s, set, [...samplesOf(s, set), { x: sample.x.slice(), y: sample.y.slice() }]);
}

/** Inputs `axes[k]` of sample `index` of a set ← `values[k]` (a point moved on the plane). */
export function withSampleInputs(
  s: Scenario,
  set: SampleSet,
  index: number,
  axes: readonly number[],
  values: readonly number[],
): Scenario {
  const samples = samplesOf(s, set);
  const d = samples[index];
  if (d === undefined) return s;
  const x = d.x.slice();
  axes.forEach((axis, k) => (x[axis] = values[k]));
  return withSet(s, set, replaceAt(samples, index, { ...d, x }));
}

/** Sample `index` of a set removed: the last training sample stays (see withSampleRemoved); the test data may empty. */
export function withSampleOfSetRemoved(s: Scenario, set: SampleSet, index: number): Scenario {
  if (set === 'train') return withSampleRemoved(s, index);
  return withSet(
    s,
    'test',
    samplesOf(s, 'test').filter((_, k) => k !== index),
  );
}

/** The L1 or L2 rate of the weight penalty ← rate; with both rates 0 the scenario has no `regularization`. */
export function withRegularization(s: Scenario, which: 'l1' | 'l2', rate: number): Scenario {
  const { regularization, ...rest } = s;
  const next = { ...regularization, [which]: rate };
  const kept = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== 0 && v !== undefined));
  return Object.keys(kept).length > 0 ? { ...rest, regularization: kept } : rest;
}
