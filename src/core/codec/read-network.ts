import { initWeights } from '../init.ts';
import type { Init, Scenario } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { ROOT, fieldPath } from './json-path.ts';
import type { NetworkShape } from './network-shape.ts';
import { readInit } from './read-init.ts';
import { readBiasLabels, readWeightLabels } from './read-labels.ts';
import { readLayers } from './read-layers.ts';
import { ownField, requiredField, type JsonObject } from './read-json.ts';
import { readBiases, readWeights } from './read-parameters.ts';
import { readTrainable } from './read-trainable.ts';

export type Network = Pick<
  Scenario,
  'layers' | 'weightLabels' | 'biasLabels' | 'weights' | 'biases' | 'init' | 'trainable'
>;

export interface NetworkRead {
  network: Network | undefined;
  /** Known when `layers` gives every size within the limits; samples are checked against it. */
  shape: NetworkShape | undefined;
}

/**
 * The network fields of a scenario document. Only `layers` is read when it does not give a
 * shape: checking the parameters' shapes against bad layers would only add noise.
 */
export function readNetwork(doc: JsonObject, errors: ErrorList): NetworkRead {
  const rawLayers = requiredField(doc, 'layers', ROOT, errors, 'an array of layers, the input layer first');
  const { layers, shape } =
    rawLayers === undefined ? { layers: undefined, shape: undefined } : readLayers(rawLayers, 'layers', errors);
  const { weights, init } = readWeightsOrInit(doc, shape, errors);
  const trainableValue = ownField(doc, 'trainable');
  const trainable =
    trainableValue === undefined ? undefined : readTrainable(trainableValue, shape, 'trainable', errors);
  if (shape === undefined) return { network: undefined, shape };
  const biases = readBiases(ownField(doc, 'biases'), shape, 'biases', errors);
  const weightLabels = readOptional(doc, 'weightLabels', (value, path) => readWeightLabels(value, shape, path, errors));
  const biasLabels = readOptional(doc, 'biasLabels', (value, path) => readBiasLabels(value, shape, path, errors));
  if (layers === undefined || weights === undefined || biases === undefined) return { network: undefined, shape };
  const network: Network = { layers, weights, biases };
  if (weightLabels !== undefined) network.weightLabels = weightLabels;
  if (biasLabels !== undefined) network.biasLabels = biasLabels;
  if (init !== undefined) network.init = init;
  if (trainable !== undefined) network.trainable = trainable;
  return { network, shape };
}

/** The value read from an optional field, or undefined when it is absent (or bad, and reported). */
function readOptional<T>(
  doc: JsonObject,
  key: string,
  read: (value: unknown, path: string) => T | undefined,
): T | undefined {
  const value = ownField(doc, key);
  return value === undefined ? undefined : read(value, fieldPath(ROOT, key));
}

/** Exactly one of `weights` and `init`; an `init` is resolved into weights and kept beside them. */
function readWeightsOrInit(
  doc: JsonObject,
  shape: NetworkShape | undefined,
  errors: ErrorList,
): { weights?: number[][][]; init?: Init } {
  const rawWeights = ownField(doc, 'weights');
  const rawInit = ownField(doc, 'init');
  if (rawWeights === undefined && rawInit === undefined) {
    errors.add(ROOT, 'expected weights or init (exactly one of them), got neither');
    return {};
  }
  if (rawWeights !== undefined && rawInit !== undefined) {
    errors.add('init', 'weights and init are both given (expected exactly one of them)');
  }
  const init = rawInit === undefined ? undefined : readInit(rawInit, 'init', errors);
  if (shape === undefined) return {};
  if (init !== undefined) return { weights: initWeights(init, shape.sizes), init };
  return { weights: rawWeights === undefined ? undefined : readWeights(rawWeights, shape, 'weights', errors) };
}
