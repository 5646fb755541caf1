import type { Model } from '../core/model.ts';

/** An edge of a focused neuron: the index of its weight in `Params.w`, and the node at its other end. */
export interface FocusEdge {
  readonly k: number;
  readonly other: number;
}

/**
 * The weights into and out of node j of layer l: from each node i of layer l−1 (weights[l−1][j][i])
 * and to each node k of layer l+1 (weights[l][k][j]), by their index in the flat weights.
 */
export function focusEdges(model: Model, l: number, j: number): { fanIn: FocusEdge[]; fanOut: FocusEdge[] } {
  const fanIn: FocusEdge[] = [];
  const fanOut: FocusEdge[] = [];
  if (l > 0) {
    const n = model.sizes[l - 1];
    const row = model.weightOffset[l - 1] + j * n;
    for (let i = 0; i < n; i++) fanIn.push({ k: row + i, other: i });
  }
  if (l < model.depth) {
    const n = model.sizes[l];
    for (let k = 0; k < model.sizes[l + 1]; k++) fanOut.push({ k: model.weightOffset[l] + k * n + j, other: k });
  }
  return { fanIn, fanOut };
}

/** The y of node k of a column of `count` nodes in a drawing `height` high (28 units kept for the heading, 12 below). */
export function columnY(k: number, count: number, height: number): number {
  const top = 28;
  const span = height - top - 12;
  return top + ((k + 0.5) * span) / count;
}
