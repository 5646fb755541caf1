import { LIMITS, type LossName, type Sample } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath, indexPath } from './json-path.ts';
import { perNode, type NetworkShape } from './network-shape.ts';
import {
  describe,
  formatLimit,
  isJsonObject,
  readList,
  readNumber,
  rejectUnknownFields,
  requiredField,
  type JsonObject,
  type ListShape,
} from './read-json.ts';

/** What samples are checked against; either may be unknown when its own field is bad. */
export interface DataContext {
  shape: NetworkShape | undefined;
  loss: LossName | undefined;
}

const ANY_LENGTH: ListShape = { length: undefined, expected: 'numbers' };

/** `data`: 1 to LIMITS.samples samples; the count is checked before any sample is read. */
export function readData(value: unknown, context: DataContext, path: string, errors: ErrorList): Sample[] | undefined {
  if (!Array.isArray(value)) {
    errors.add(path, `expected an array of samples { "x": [...], "y": [...] }, got ${describe(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    errors.add(path, 'expected at least 1 sample, got none');
    return undefined;
  }
  if (value.length > LIMITS.samples) {
    errors.add(path, `${formatLimit(value.length)} samples exceed the limit of ${formatLimit(LIMITS.samples)}`);
    return undefined;
  }
  return readList(value, { length: undefined, expected: 'samples' }, path, errors, (sample, samplePath) =>
    readSample(sample, context, samplePath, errors),
  );
}

function readSample(value: unknown, context: DataContext, path: string, errors: ErrorList): Sample | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected a sample { "x": [...], "y": [...] }, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, ['x', 'y'], path, errors);
  const { shape } = context;
  const outputLayer = shape === undefined ? 0 : shape.sizes.length - 1;
  const x = readVector(
    value,
    'x',
    shape === undefined ? ANY_LENGTH : perNode(0, shape.sizes[0], 'number'),
    path,
    errors,
  );
  const y = readVector(
    value,
    'y',
    shape === undefined ? ANY_LENGTH : perNode(outputLayer, shape.sizes[outputLayer], 'number'),
    path,
    errors,
  );
  if (y !== undefined && context.loss !== undefined) checkTargets(y, context.loss, fieldPath(path, 'y'), errors);
  return x !== undefined && y !== undefined && errors.count === before ? { x, y } : undefined;
}

function readVector(
  sample: JsonObject,
  key: 'x' | 'y',
  shape: ListShape,
  path: string,
  errors: ErrorList,
): number[] | undefined {
  const value = requiredField(sample, key, path, errors, `an array of ${shape.expected}`);
  if (value === undefined) return undefined;
  return readList(value, shape, fieldPath(path, key), errors, (item, itemPath) => readNumber(item, itemPath, errors));
}

/** bce reads y as probabilities, in [0, 1]; cross-entropy as non-negative weights of −ln ŷ. */
function checkTargets(y: number[], loss: LossName, path: string, errors: ErrorList): void {
  if (loss !== 'bce' && loss !== 'cross-entropy') return;
  const expected = loss === 'bce' ? 'a target in [0, 1]' : 'a target ≥ 0';
  y.forEach((target, k) => {
    const valid = target >= 0 && (loss !== 'bce' || target <= 1);
    if (!valid) errors.add(indexPath(path, k), `expected ${expected} for loss ${loss}, got ${target}`);
  });
}
