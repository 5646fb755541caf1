import { LIMITS, type Activation, type DenseLayer, type InputLayer } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath, indexPath } from './json-path.ts';
import type { NetworkShape } from './network-shape.ts';
import { ACTIVATION_EXPECTED, readActivation } from './read-activation.ts';
import { readNodeLabels } from './read-labels.ts';
import {
  describe,
  formatLimit,
  isJsonObject,
  ownField,
  readBoolean,
  readInteger,
  rejectUnknownFields,
  requiredField,
  type JsonObject,
} from './read-json.ts';

export interface LayersRead {
  layers: [InputLayer, ...DenseLayer[]] | undefined;
  /** Known only when every size reads and the network is within the limits; other fields are checked against it. */
  shape: NetworkShape | undefined;
}

const INPUT_FIELDS = ['size', 'labels'];
const DENSE_FIELDS = ['size', 'activation', 'bias', 'labels'];
const NOTHING_READ: LayersRead = { layers: undefined, shape: undefined };

/** `layers`: 2 to LIMITS.layers layers; the layer count is checked before any layer is read. */
export function readLayers(value: unknown, path: string, errors: ErrorList): LayersRead {
  if (!Array.isArray(value)) {
    errors.add(path, `expected an array of layers (the input layer first), got ${describe(value)}`);
    return NOTHING_READ;
  }
  if (value.length < 2) {
    errors.add(path, `expected at least 2 layers (an input and an output layer), got ${value.length}`);
    return NOTHING_READ;
  }
  if (value.length > LIMITS.layers) {
    errors.add(path, `${value.length} layers exceed the limit of ${LIMITS.layers}`);
    return NOTHING_READ;
  }
  const input = readInputLayer(value[0], indexPath(path, 0), errors);
  const dense = value.slice(1).map((layer: unknown, k) => readDenseLayer(layer, k + 1, indexPath(path, k + 1), errors));
  const shape = shapeOf([input, ...dense], path, errors);
  const denseLayers = dense.map((r) => r.layer).filter((layer): layer is DenseLayer => layer !== undefined);
  const inputLayer = input.layer;
  if (inputLayer === undefined || denseLayers.length !== dense.length || shape === undefined)
    return { layers: undefined, shape };
  return { layers: [inputLayer, ...denseLayers], shape };
}

interface LayerRead<T> {
  layer: T | undefined;
  size: number | undefined;
  bias?: boolean;
}

function readInputLayer(value: unknown, path: string, errors: ErrorList): LayerRead<InputLayer> {
  if (!isJsonObject(value)) {
    errors.add(path, `expected an input layer object such as { "size": 3 }, got ${describe(value)}`);
    return { layer: undefined, size: undefined };
  }
  const before = errors.count;
  rejectInputLayerExtras(value, path, errors);
  rejectUnknownFields(value, [...INPUT_FIELDS, 'activation', 'bias'], path, errors);
  const size = readSize(value, path, errors);
  const labels = readLayerLabels(value, 0, size, path, errors);
  const valid = size !== undefined && errors.count === before;
  return { layer: valid ? { size, ...labels } : undefined, size };
}

function readDenseLayer(value: unknown, l: number, path: string, errors: ErrorList): LayerRead<DenseLayer> {
  if (!isJsonObject(value)) {
    errors.add(
      path,
      `expected a layer object such as { "size": 2, "activation": "relu", "bias": true }, got ${describe(value)}`,
    );
    return { layer: undefined, size: undefined };
  }
  const before = errors.count;
  rejectUnknownFields(value, DENSE_FIELDS, path, errors);
  const size = readSize(value, path, errors);
  const activation = readLayerActivation(value, path, errors);
  const bias = readBias(value, path, errors);
  const labels = readLayerLabels(value, l, size, path, errors);
  const valid = size !== undefined && activation !== undefined && bias !== undefined && errors.count === before;
  return { layer: valid ? { size, activation, bias, ...labels } : undefined, size, bias };
}

/** `{ labels }` when given and valid, `{}` when absent; not checked when the size is unknown (nothing to check against). */
function readLayerLabels(
  layer: JsonObject,
  l: number,
  size: number | undefined,
  path: string,
  errors: ErrorList,
): { labels?: string[] } {
  const value = ownField(layer, 'labels');
  if (value === undefined || size === undefined) return {};
  const labels = readNodeLabels(value, l, size, fieldPath(path, 'labels'), errors);
  return labels === undefined ? {} : { labels };
}

/** Reported apart from other unknown fields to say why: the input layer only holds x. */
function rejectInputLayerExtras(layer: JsonObject, path: string, errors: ErrorList): void {
  for (const key of ['activation', 'bias']) {
    if (ownField(layer, key) !== undefined)
      errors.add(fieldPath(path, key), `the input layer has no ${key} (allowed: ${INPUT_FIELDS.join(', ')})`);
  }
}

function readSize(layer: JsonObject, path: string, errors: ErrorList): number | undefined {
  const value = requiredField(layer, 'size', path, errors, 'an integer ≥ 1');
  if (value === undefined) return undefined;
  const size = readInteger(value, 1, fieldPath(path, 'size'), errors);
  if (size === undefined || size <= LIMITS.layerSize) return size;
  errors.add(
    fieldPath(path, 'size'),
    `${formatLimit(size)} nodes exceed the limit of ${formatLimit(LIMITS.layerSize)} per layer`,
  );
  return undefined;
}

function readLayerActivation(layer: JsonObject, path: string, errors: ErrorList): Activation | undefined {
  const value = requiredField(layer, 'activation', path, errors, ACTIVATION_EXPECTED);
  return value === undefined ? undefined : readActivation(value, fieldPath(path, 'activation'), errors);
}

function readBias(layer: JsonObject, path: string, errors: ErrorList): boolean | undefined {
  const value = requiredField(layer, 'bias', path, errors, 'true or false');
  return value === undefined ? undefined : readBoolean(value, fieldPath(path, 'bias'), errors);
}

/** The shape, when every size is known and the parameter count (weights + biases) is within the limit. */
function shapeOf(read: LayerRead<unknown>[], path: string, errors: ErrorList): NetworkShape | undefined {
  const sizes: number[] = [];
  for (const { size } of read) {
    if (size === undefined) return undefined;
    sizes.push(size);
  }
  const hasBias = read.slice(1).map((r) => r.bias);
  let parameters = 0;
  for (let l = 0; l + 1 < sizes.length; l++)
    parameters += sizes[l] * sizes[l + 1] + (hasBias[l] === false ? 0 : sizes[l + 1]);
  if (parameters <= LIMITS.parameters) return { sizes, hasBias };
  errors.add(
    path,
    `${formatLimit(parameters)} parameters (weights and biases) exceed the limit of ${formatLimit(LIMITS.parameters)}`,
  );
  return undefined;
}
