import type { Sample, Scenario } from '../scenario.ts';
import type { Sliced } from '../sliced.ts';

/**
 * A scenario with its numbers in one Float64Array (weights, biases, then every sample's x and
 * y, then the test samples'), for a Web Worker to hand over without a structured clone of a
 * million small arrays: the page rebuilds the arrays in slices (`unpackScenario`).
 */
export interface PackedScenario {
  /** everything but the numbers */
  readonly rest: Omit<Scenario, 'weights' | 'biases' | 'data' | 'testData'>;
  readonly numbers: Float64Array;
  /** per layer of biases: true where the layer has none (null) */
  readonly noBias: readonly boolean[];
  /** each sample's x length and y length, then each test sample's */
  readonly lengths: Int32Array;
  readonly samples: number;
  /** -1: no testData */
  readonly testSamples: number;
  /** the scenario's fields in their order */
  readonly order: readonly string[];
}

/** Packs a validated scenario (see PackedScenario). */
export function packScenario(s: Scenario): PackedScenario {
  const { weights, biases, data, testData, ...rest } = s;
  const samples = [...data, ...(testData ?? [])];
  let n = 0;
  for (const m of weights) for (const row of m) n += row.length;
  for (const b of biases) n += b?.length ?? 0;
  for (const d of samples) n += d.x.length + d.y.length;
  const numbers = new Float64Array(n);
  const lengths = new Int32Array(2 * samples.length);
  let k = 0;
  for (const m of weights) for (const row of m) for (const v of row) numbers[k++] = v;
  for (const b of biases) if (b !== null) for (const v of b) numbers[k++] = v;
  samples.forEach((d, q) => {
    lengths[2 * q] = d.x.length;
    lengths[2 * q + 1] = d.y.length;
    for (const v of d.x) numbers[k++] = v;
    for (const v of d.y) numbers[k++] = v;
  });
  return {
    rest,
    numbers,
    noBias: biases.map((b) => b === null),
    lengths,
    samples: data.length,
    testSamples: testData === undefined ? -1 : testData.length,
    order: Object.keys(s),
  };
}

/** How many numbers are copied between two pauses of `unpackScenario`. */
const NUMBERS_PER_PAUSE = 20_000;

/** Rebuilds the packed scenario, pausing every NUMBERS_PER_PAUSE numbers or so (see core/sliced.ts). */
export function* unpackScenario(p: PackedScenario): Sliced<Scenario> {
  const { rest, numbers, lengths } = p;
  const total = numbers.length || 1;
  let k = 0;
  let sincePause = 0;
  const take = (count: number): number[] => {
    const out = new Array<number>(count);
    for (let q = 0; q < count; q++) out[q] = numbers[k++];
    sincePause += count;
    return out;
  };
  const sizes = rest.layers.map((l) => l.size);
  const weights: number[][][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const m: number[][] = [];
    for (let j = 0; j < sizes[l + 1]; j++) {
      m.push(take(sizes[l]));
      if (sincePause >= NUMBERS_PER_PAUSE) {
        sincePause = 0;
        yield k / total;
      }
    }
    weights.push(m);
  }
  const biases = p.noBias.map((none, l) => (none ? null : take(sizes[l + 1])));
  const readSamples = (from: number, count: number): Sample[] => {
    const out: Sample[] = [];
    for (let q = from; q < from + count; q++) out.push({ x: take(lengths[2 * q]), y: take(lengths[2 * q + 1]) });
    return out;
  };
  const data: Sample[] = [];
  const chunk = 2000;
  for (let q = 0; q < p.samples; q += chunk) {
    data.push(...readSamples(q, Math.min(chunk, p.samples - q)));
    yield k / total;
  }
  let testData: Sample[] | undefined;
  if (p.testSamples >= 0) {
    testData = [];
    for (let q = 0; q < p.testSamples; q += chunk) {
      testData.push(...readSamples(p.samples + q, Math.min(chunk, p.testSamples - q)));
      yield k / total;
    }
  }
  const fields: Record<string, unknown> = { ...rest, weights, biases, data, testData };
  const scenario: Record<string, unknown> = {};
  for (const key of p.order) scenario[key] = fields[key];
  return scenario as unknown as Scenario;
}
