import type { Model } from './model.ts';

/**
 * What the user has selected on the diagram, by the scenario's indices: node j of layer l;
 * weight (l, j, i) from node i of layer l to node j of layer l+1; bias (l, j) of node j of
 * layer l+1; or the loss.
 */
export type Selection =
  | { kind: 'node'; l: number; j: number }
  | { kind: 'edge'; l: number; j: number; i: number }
  | { kind: 'bias'; l: number; j: number }
  | { kind: 'loss' };

/** The stable key of a selection, as the diagram's data attributes write it ("l:j:i", "l:j", "loss"). */
export function selectionKey(s: Selection): string {
  switch (s.kind) {
    case 'node':
      return `node:${s.l}:${s.j}`;
    case 'edge':
      return `edge:${s.l}:${s.j}:${s.i}`;
    case 'bias':
      return `bias:${s.l}:${s.j}`;
    default:
      return 'loss';
  }
}

/** True when two selections name the same thing. */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (a === null || b === null) return a === b;
  return selectionKey(a) === selectionKey(b);
}

/** An index as a key writes it: decimal digits, no sign, no leading zero (at most 9, so it stays a safe integer). */
const INDEX = /^(0|[1-9][0-9]{0,8})$/;

/**
 * The selection a key names ("edge:l:j:i", "node:l:j", "bias:l:j", "loss"), or null for
 * anything else. Only the form selectionKey writes is read, so a key read and written back is the same text.
 */
export function parseSelectionKey(key: string): Selection | null {
  if (key === 'loss') return { kind: 'loss' };
  const [kind, ...rest] = key.split(':');
  if (!rest.every((part) => INDEX.test(part))) return null;
  const n = rest.map(Number);
  if (kind === 'edge' && n.length === 3) return { kind, l: n[0], j: n[1], i: n[2] };
  if ((kind === 'node' || kind === 'bias') && n.length === 2) return { kind, l: n[0], j: n[1] };
  return null;
}

function inRange(x: number, size: number): boolean {
  return Number.isInteger(x) && x >= 0 && x < size;
}

/** True when the network has the node, weight or bias a selection names (a bias only where the layer has biases). */
export function selectionExists(model: Model, sel: Selection): boolean {
  switch (sel.kind) {
    case 'loss':
      return true;
    case 'node':
      return inRange(sel.l, model.depth + 1) && inRange(sel.j, model.sizes[sel.l]);
    case 'edge':
      return (
        inRange(sel.l, model.depth) && inRange(sel.j, model.sizes[sel.l + 1]) && inRange(sel.i, model.sizes[sel.l])
      );
    default:
      return inRange(sel.l, model.depth) && model.hasBias[sel.l] === 1 && inRange(sel.j, model.sizes[sel.l + 1]);
  }
}
