import { codecFail, codecOk, type CodecError, type CodecResult } from '../codec/codec-result.ts';
import { formatLimit } from '../codec/read-json.ts';
import { mulberry32 } from '../init.ts';
import { LIMITS, type Sample } from '../scenario.ts';
import {
  circlePoint,
  gaussiansPoint,
  planePoint,
  sinePoint,
  spiralPoint,
  xorPoint,
  type ClassPoint,
  type ValuePoint,
} from './dataset-points.ts';
import {
  CLASS_ENCODINGS,
  encodeClass,
  encodingOutputs,
  SUGGESTED,
  type ClassEncoding,
  type TargetEncoding,
} from './target-encoding.ts';

export { targetEncodingFor, type ClassEncoding, type TargetEncoding } from './target-encoding.ts';

export type GeneratorName = 'circle' | 'xor' | 'gaussians' | 'spiral' | 'plane' | 'sine';

type ClassGenerator = (k: number, u: () => number, noise: number, count: number) => ClassPoint;
type ValueGenerator = (k: number, u: () => number, noise: number) => ValuePoint;

/** Every generator: its name, whether it makes classes or values, and its number of inputs. */
export const DATASET_GENERATORS: readonly (
  | { name: GeneratorName; kind: 'classification'; inputs: 2; point: ClassGenerator }
  | { name: GeneratorName; kind: 'regression'; inputs: 1 | 2; point: ValueGenerator }
)[] = [
  { name: 'circle', kind: 'classification', inputs: 2, point: circlePoint },
  { name: 'xor', kind: 'classification', inputs: 2, point: xorPoint },
  { name: 'gaussians', kind: 'classification', inputs: 2, point: gaussiansPoint },
  { name: 'spiral', kind: 'classification', inputs: 2, point: spiralPoint },
  { name: 'plane', kind: 'regression', inputs: 2, point: planePoint },
  { name: 'sine', kind: 'regression', inputs: 1, point: sinePoint },
];

/** The settings of a generated set; the same settings always give the same points. */
export interface DatasetOptions {
  generator: GeneratorName;
  /** points in all, training and test together */
  count: number;
  /** 0 (none) to 1 */
  noise: number;
  /** mulberry32's seed (an integer) */
  seed: number;
  /** the share of the points held out as test data, in [0, 1) (rounded to a whole number of points) */
  testFraction: number;
  /** a classification set's targets (default binary); a regression set's are always values */
  targets?: ClassEncoding;
}

/** A generated set: its samples, and the shape and loss its targets are made for. */
export interface GeneratedDataset {
  readonly generator: GeneratorName;
  readonly kind: 'classification' | 'regression';
  readonly inputs: number;
  readonly outputs: number;
  readonly encoding: TargetEncoding;
  readonly suggested: (typeof SUGGESTED)[TargetEncoding];
  readonly data: Sample[];
  readonly testData: Sample[];
}

function optionErrors(o: DatasetOptions): CodecError[] {
  const errors: CodecError[] = [];
  const generator = DATASET_GENERATORS.find((g) => g.name === o.generator);
  if (generator === undefined) {
    errors.push({
      path: 'generator',
      message: `unknown generator ${JSON.stringify(o.generator)} (expected ${DATASET_GENERATORS.map((g) => g.name).join(', ')})`,
    });
  }
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > LIMITS.samples) {
    errors.push({
      path: 'count',
      message: `expected an integer in [1, ${formatLimit(LIMITS.samples)}], got ${o.count}`,
    });
  }
  if (!(o.noise >= 0 && o.noise <= 1))
    errors.push({ path: 'noise', message: `expected a number in [0, 1], got ${o.noise}` });
  if (!Number.isInteger(o.seed)) errors.push({ path: 'seed', message: `expected an integer, got ${o.seed}` });
  if (!(o.testFraction >= 0 && o.testFraction < 1)) {
    errors.push({ path: 'testFraction', message: `expected a number in [0, 1), got ${o.testFraction}` });
  } else if (errors.length === 0 && o.count - testCount(o) < 1) {
    errors.push({ path: 'testFraction', message: `${o.testFraction} of ${o.count} points leaves no training point` });
  }
  if (o.targets !== undefined && generator?.kind === 'regression') {
    errors.push({ path: 'targets', message: `${o.generator} is a regression set: its targets are values` });
  } else if (o.targets !== undefined && !CLASS_ENCODINGS.includes(o.targets)) {
    errors.push({
      path: 'targets',
      message: `expected ${CLASS_ENCODINGS.join(', ')}, got ${JSON.stringify(o.targets)}`,
    });
  }
  return errors;
}

function testCount(o: DatasetOptions): number {
  return Math.round(o.count * o.testFraction);
}

/**
 * `count` points of a generator from mulberry32(seed), shuffled (Fisher–Yates, same stream)
 * so that classes mix in every batch, then split: the last round(count·testFraction) are
 * the test data. Bad settings give path-named errors and no points.
 */
export function generateDataset(o: DatasetOptions): CodecResult<GeneratedDataset> {
  const errors = optionErrors(o);
  if (errors.length > 0) return codecFail(errors);
  const generator = DATASET_GENERATORS.find((g) => g.name === o.generator)!;
  const u = mulberry32(o.seed);
  const encoding: TargetEncoding = generator.kind === 'regression' ? 'value' : (o.targets ?? 'binary');
  const samples: Sample[] = [];
  for (let k = 0; k < o.count; k++) {
    if (generator.kind === 'regression') {
      const p = generator.point(k, u, o.noise);
      samples.push({ x: p.x, y: [p.y] });
    } else {
      const p = generator.point(k, u, o.noise, o.count);
      samples.push({ x: p.x, y: encodeClass(p.cls, encoding as ClassEncoding) });
    }
  }
  for (let k = samples.length - 1; k > 0; k--) {
    const j = Math.floor(u() * (k + 1));
    const swap = samples[k];
    samples[k] = samples[j];
    samples[j] = swap;
  }
  const split = o.count - testCount(o);
  return codecOk({
    generator: generator.name,
    kind: generator.kind,
    inputs: generator.inputs,
    outputs: encodingOutputs(encoding),
    encoding,
    suggested: SUGGESTED[encoding],
    data: samples.slice(0, split),
    testData: samples.slice(split),
  });
}
