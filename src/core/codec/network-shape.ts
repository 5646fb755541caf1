import type { ErrorList } from './error-list.ts';
import { count, describe, type ListShape } from './read-json.ts';

/**
 * What the other fields are checked against, known once `layers` reads cleanly: the
 * number of nodes of each layer and which layers have biases.
 */
export interface NetworkShape {
  /** sizes[l]: the number of nodes of layer l. */
  sizes: number[];
  /** hasBias[l]: whether layer l+1 has biases; undefined when its `bias` field is bad. */
  hasBias: (boolean | undefined)[];
}

/** The number of weight matrices (and bias vectors): one per layer after the input. */
export function transitionCount(shape: NetworkShape): number {
  return shape.sizes.length - 1;
}

/** A list with one entry per layer after the input, as `biases` is. */
export function perTransition(shape: NetworkShape): ListShape {
  const n = transitionCount(shape);
  return { length: n, expected: `${count(n, 'entry', 'entries')} (one per layer after the input)` };
}

/**
 * True when a non-null entry is allowed: layer `layer` has biases. Reports the entry when the
 * layer has none; says nothing when the layer's own `bias` field was bad (already reported).
 */
export function allowsBiasEntry(
  entry: unknown,
  hasBias: boolean | undefined,
  layer: number,
  path: string,
  errors: ErrorList,
): boolean {
  if (hasBias === false) errors.add(path, `expected null (layers[${layer}].bias is false), got ${describe(entry)}`);
  return hasBias === true;
}

/** A list with one entry per node of layer `layer`: `3 numbers (layers[0].size)`. */
export function perNode(layer: number, size: number, singular: string): ListShape {
  return { length: size, expected: `${count(size, singular)} (layers[${layer}].size)` };
}

/** A list with one matrix per layer after the input, as `weights` is. */
export function perMatrix(shape: NetworkShape, of: string): ListShape {
  const n = transitionCount(shape);
  return { length: n, expected: `${count(n, 'matrix', 'matrices')} ${of}(one per layer after the input)` };
}
