import type { ErrorList } from './error-list.ts';
import { allowsBiasEntry, perMatrix, perNode, perTransition, type NetworkShape } from './network-shape.ts';
import { readList, readNumber } from './read-json.ts';

/** `weights[l][j][i]`: a size(l+1) × size(l) matrix of finite numbers per layer after the input. */
export function readWeights(
  value: unknown,
  shape: NetworkShape,
  path: string,
  errors: ErrorList,
): number[][][] | undefined {
  const { sizes } = shape;
  return readList(value, perMatrix(shape, ''), path, errors, (matrix, matrixPath, l) =>
    readList(matrix, perNode(l + 1, sizes[l + 1], 'row'), matrixPath, errors, (row, rowPath) =>
      readNumbers(row, l, sizes[l], rowPath, errors),
    ),
  );
}

/** `size` finite numbers, one per node of layer `layer`. */
export function readNumbers(
  value: unknown,
  layer: number,
  size: number,
  path: string,
  errors: ErrorList,
): number[] | undefined {
  return readList(value, perNode(layer, size, 'number'), path, errors, (item, itemPath) =>
    readNumber(item, itemPath, errors),
  );
}

/**
 * `biases[l]`: size(l+1) numbers for a layer with bias (null means zeros), null for a layer
 * without. Absent `biases` means zeros wherever there is a bias.
 */
export function readBiases(
  value: unknown,
  shape: NetworkShape,
  path: string,
  errors: ErrorList,
): (number[] | null)[] | undefined {
  const { sizes, hasBias } = shape;
  if (value === undefined) return defaultBiases(shape);
  return readList(value, perTransition(shape), path, errors, (entry, entryPath, l) => {
    if (entry === null) return hasBias[l] === undefined ? undefined : defaultBias(hasBias[l], sizes[l + 1]);
    if (!allowsBiasEntry(entry, hasBias[l], l + 1, entryPath, errors)) return undefined;
    return readNumbers(entry, l + 1, sizes[l + 1], entryPath, errors);
  });
}

function defaultBiases(shape: NetworkShape): (number[] | null)[] | undefined {
  const biases: (number[] | null)[] = [];
  for (const [l, hasBias] of shape.hasBias.entries()) {
    if (hasBias === undefined) return undefined;
    biases.push(defaultBias(hasBias, shape.sizes[l + 1]));
  }
  return biases;
}

function defaultBias(hasBias: boolean, size: number): number[] | null {
  return hasBias ? new Array<number>(size).fill(0) : null;
}
