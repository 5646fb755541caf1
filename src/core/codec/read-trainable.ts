import type { Scenario, TrainableBiasEntry, TrainableEntry } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath } from './json-path.ts';
import { perMatrix, perNode, perTransition, type NetworkShape } from './network-shape.ts';
import { describe, isJsonObject, ownField, readBoolean, readList, rejectUnknownFields } from './read-json.ts';

type Trainable = NonNullable<Scenario['trainable']>;

/**
 * `trainable`: per layer, one flag for the whole layer or a mask of the parameters' shape.
 * Its entries are only checked once the network's shape is known.
 */
export function readTrainable(
  value: unknown,
  shape: NetworkShape | undefined,
  path: string,
  errors: ErrorList,
): Trainable | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected an object { "weights": [...], "biases": [...] }, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, ['weights', 'biases'], path, errors);
  if (shape === undefined) return undefined;
  const trainable: Trainable = {};
  const weights = ownField(value, 'weights');
  const biases = ownField(value, 'biases');
  if (weights !== undefined) trainable.weights = readWeightFlags(weights, shape, fieldPath(path, 'weights'), errors);
  if (biases !== undefined) trainable.biases = readBiasFlags(biases, shape, fieldPath(path, 'biases'), errors);
  return errors.count === before ? trainable : undefined;
}

function readWeightFlags(
  value: unknown,
  shape: NetworkShape,
  path: string,
  errors: ErrorList,
): TrainableEntry[] | undefined {
  const { sizes } = shape;
  return readList(
    value,
    perMatrix(shape, 'of trainable flags '),
    path,
    errors,
    (entry, entryPath, l): TrainableEntry | undefined => {
      if (typeof entry === 'boolean') return entry;
      if (!Array.isArray(entry)) {
        errors.add(
          entryPath,
          `expected true, false or a ${sizes[l + 1]}×${sizes[l]} mask of booleans (the shape of weights[${l}]), got ${describe(entry)}`,
        );
        return undefined;
      }
      return readList(entry, perNode(l + 1, sizes[l + 1], 'row'), entryPath, errors, (row, rowPath) =>
        readFlags(row, l, sizes[l], rowPath, errors),
      );
    },
  );
}

function readBiasFlags(
  value: unknown,
  shape: NetworkShape,
  path: string,
  errors: ErrorList,
): TrainableBiasEntry[] | undefined {
  const { sizes, hasBias } = shape;
  return readList(value, perTransition(shape), path, errors, (entry, entryPath, l): TrainableBiasEntry | undefined => {
    if (typeof entry === 'boolean') return entry;
    if (hasBias[l] === undefined) return undefined; // the layer's bad `bias` field is reported already
    if (!hasBias[l]) {
      // A layer without bias has nothing to freeze: null (or a flag) is all it takes.
      if (entry === null) return null;
      errors.add(entryPath, `expected true, false or null (layers[${l + 1}].bias is false), got ${describe(entry)}`);
      return undefined;
    }
    if (!Array.isArray(entry)) {
      errors.add(
        entryPath,
        `expected true, false or ${sizes[l + 1]} booleans (layers[${l + 1}].size), got ${describe(entry)}`,
      );
      return undefined;
    }
    return readFlags(entry, l + 1, sizes[l + 1], entryPath, errors);
  });
}

function readFlags(
  value: unknown,
  layer: number,
  size: number,
  path: string,
  errors: ErrorList,
): boolean[] | undefined {
  return readList(value, perNode(layer, size, 'boolean'), path, errors, (item, itemPath) =>
    readBoolean(item, itemPath, errors),
  );
}
