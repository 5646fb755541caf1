import { biasName, nameToText, nodeName, targetName, weightName as weightOf, type Notation } from './notation.ts';
import type { QuantityRef } from './quantity-ref.ts';
import type { Scenario } from './scenario.ts';
import type { Selection } from './selection.ts';

type Labels = Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;

/**
 * A quantity reference in words, with the network's names (an `ask`'s question): ∂L/∂w₅,
 * a of h₁, ∂L/∂z of o₁, w₅ after the update, L, the loss term of o₁, i₁, the target y₁.
 */
export function quantityRefName(s: Labels, q: QuantityRef, notation: Notation = 'indices'): string {
  const node = (l: number, j: number) => nameToText(nodeName(s, l, j, notation));
  const depth = s.layers.length - 1;
  const param = (sel: Extract<Selection, { kind: 'edge' | 'bias' }>) =>
    sel.kind === 'edge'
      ? nameToText(weightOf(s, sel.l, sel.j, sel.i, notation))
      : nameToText(biasName(s, sel.l, sel.j, notation));
  switch (q.kind) {
    case 'loss':
      return 'L';
    case 'loss-term':
      return `the loss term of ${node(depth, q.index)}`;
    case 'x':
      return node(0, q.index);
    case 'y':
      return `the target ${nameToText(targetName(s, q.index, notation))}`;
    case 'z':
      return `z of ${node(q.sel.l, q.sel.j)}`;
    case 'a':
      return `a of ${node(q.sel.l, q.sel.j)}`;
    case 'dLdz':
      return `∂L/∂z of ${node(q.sel.l, q.sel.j)}`;
    case 'dLda':
      return `∂L/∂a of ${node(q.sel.l, q.sel.j)}`;
    case 'value':
      return param(q.sel);
    case 'gradient':
      return `∂L/∂${param(q.sel)}`;
    case 'after':
      return q.sel.kind === 'loss' ? 'L after the update' : `${param(q.sel)} after the update`;
  }
}
