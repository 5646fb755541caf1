import type { QuantityRef } from './quantity-ref.ts';
import type { Selection } from './selection.ts';

/**
 * The diagram element a quantity reference is shown on (`depth`: the index of the output
 * layer): a parameter's own edge or bias, a node's value on the node, an input x on its
 * input node, a target y on its output node, the loss and its terms on the loss node.
 */
export function quantitySelection(q: QuantityRef, depth: number): Selection {
  switch (q.kind) {
    case 'loss':
    case 'loss-term':
      return { kind: 'loss' };
    case 'x':
      return { kind: 'node', l: 0, j: q.index };
    case 'y':
      return { kind: 'node', l: depth, j: q.index };
    default:
      return q.sel;
  }
}
