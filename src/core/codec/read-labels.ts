import { LIMITS } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { allowsBiasEntry, perMatrix, perNode, perTransition, type NetworkShape } from './network-shape.ts';
import { readList, readText } from './read-json.ts';

/** A display name: a string of at most LIMITS.label characters. */
export function readLabel(value: unknown, path: string, errors: ErrorList): string | undefined {
  return readText(value, LIMITS.label, path, errors);
}

/** The labels of layer `layer`'s nodes: exactly `size` of them. */
export function readNodeLabels(
  value: unknown,
  layer: number,
  size: number,
  path: string,
  errors: ErrorList,
): string[] | undefined {
  return readList(value, perNode(layer, size, 'label'), path, errors, (item, itemPath) =>
    readLabel(item, itemPath, errors),
  );
}

/** `weightLabels`: the shape of `weights`, one label per weight. */
export function readWeightLabels(
  value: unknown,
  shape: NetworkShape,
  path: string,
  errors: ErrorList,
): string[][][] | undefined {
  const { sizes } = shape;
  return readList(value, perMatrix(shape, 'of labels '), path, errors, (matrix, matrixPath, l) =>
    readList(matrix, perNode(l + 1, sizes[l + 1], 'row'), matrixPath, errors, (row, rowPath) =>
      readNodeLabels(row, l, sizes[l], rowPath, errors),
    ),
  );
}

/** `biasLabels`: the shape of `biases`; null (default names) for any layer, and only null for a layer without bias. */
export function readBiasLabels(
  value: unknown,
  shape: NetworkShape,
  path: string,
  errors: ErrorList,
): (string[] | null)[] | undefined {
  const { sizes, hasBias } = shape;
  return readList(value, perTransition(shape), path, errors, (entry, entryPath, l) => {
    if (entry === null) return null;
    if (!allowsBiasEntry(entry, hasBias[l], l + 1, entryPath, errors)) return undefined;
    return readNodeLabels(entry, l + 1, sizes[l + 1], entryPath, errors);
  });
}
