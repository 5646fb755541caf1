import type { Model } from './model.ts';
import { parseSelectionKey, selectionKey, type Selection } from './selection.ts';

type Edge = Extract<Selection, { kind: 'edge' }>;
type Bias = Extract<Selection, { kind: 'bias' }>;
type Node = Extract<Selection, { kind: 'node' }>;

/**
 * A quantity of the iteration a lesson names (`KIND:SELECTION`, lesson spec "Quantity
 * references"): a parameter before or after the update or its gradient, a node's z, a,
 * ∂L/∂z or ∂L/∂a for the sample shown, the batch loss (before or after the update), one
 * output's term of the sample's loss, an input or a target of the sample shown.
 */
export type QuantityRef =
  | { kind: 'value' | 'gradient'; sel: Edge | Bias }
  | { kind: 'after'; sel: Edge | Bias | { kind: 'loss' } }
  | { kind: 'z' | 'a' | 'dLdz' | 'dLda'; sel: Node }
  | { kind: 'loss' }
  | { kind: 'loss-term' | 'x' | 'y'; index: number };

export const QUANTITY_KINDS = [
  'value',
  'after',
  'gradient',
  'z',
  'a',
  'dLdz',
  'dLda',
  'loss',
  'loss-term',
  'x',
  'y',
] as const;

const INDEX = /^(0|[1-9][0-9]{0,8})$/;
const EXPECTED =
  'value:, after:, gradient: + edge:l:j:i or bias:l:j (after:loss too); z:, a:, dLdz:, dLda: + node:l:j; loss; loss-term:k; x:i; y:k';

/** The reference's text: `gradient:edge:1:0:0`, `a:node:2:0`, `loss`, `loss-term:0`. */
export function quantityRefKey(q: QuantityRef): string {
  if (q.kind === 'loss') return 'loss';
  if ('index' in q) return `${q.kind}:${q.index}`;
  return `${q.kind}:${selectionKey(q.sel)}`;
}

/** The reference a text names, or why it names none (the syntax only; quantityRefProblem checks it against a network). */
export function parseQuantityRef(text: string): { ok: true; ref: QuantityRef } | { ok: false; message: string } {
  const fail = (why: string) => ({ ok: false as const, message: `${why} (expected ${EXPECTED})` });
  if (text === 'loss') return { ok: true, ref: { kind: 'loss' } };
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  if (kind === 'loss-term' || kind === 'x' || kind === 'y') {
    if (!INDEX.test(rest)) return fail(`"${kind}:" takes an index (a whole number ≥ 0)`);
    return { ok: true, ref: { kind, index: Number(rest) } };
  }
  if (kind === 'loss') return fail('"loss" takes no selection: write loss');
  const known = (QUANTITY_KINDS as readonly string[]).includes(kind);
  if (!known || colon < 0) return fail(known ? `"${kind}" needs a selection after it` : `unknown quantity "${kind}"`);
  const sel = parseSelectionKey(rest);
  if (sel === null) return fail(`"${rest}" is not a selection`);
  if (kind === 'value' || kind === 'gradient' || kind === 'after') {
    if (sel.kind === 'edge' || sel.kind === 'bias') return { ok: true, ref: { kind, sel } };
    if (kind === 'after' && sel.kind === 'loss') return { ok: true, ref: { kind, sel } };
    return fail(
      `"${kind}" is of a weight or a bias${kind === 'after' ? ' (or the loss)' : ''}, not of ${sel.kind === 'node' ? 'a node' : 'the loss'}`,
    );
  }
  if (sel.kind === 'node') return { ok: true, ref: { kind: kind as 'z' | 'a' | 'dLdz' | 'dLda', sel } };
  return fail(`"${kind}" is of a node`);
}

/**
 * Why a selection is not in a network (the first part that is missing), or null when it is:
 * `the network has no weight from node 5 of layer 0 (layer 0 has 2 nodes)`.
 */
export function selectionProblem(model: Model, sel: Selection): string | null {
  if (sel.kind === 'loss') return null;
  const layers = model.depth + 1;
  const nodes = (l: number) => `layer ${l} has ${model.sizes[l]} node${model.sizes[l] === 1 ? '' : 's'}`;
  if (sel.kind === 'node') {
    if (sel.l >= layers) return `the network has no layer ${sel.l} (its layers are 0 to ${model.depth})`;
    return sel.j < model.sizes[sel.l] ? null : `the network has no node ${sel.j} in layer ${sel.l} (${nodes(sel.l)})`;
  }
  const noun = sel.kind === 'edge' ? 'weights' : 'biases';
  if (sel.l >= model.depth)
    return `the network has no ${noun} into layer ${sel.l + 1} (its layers are 0 to ${model.depth})`;
  if (sel.kind === 'bias' && model.hasBias[sel.l] === 0) return `layer ${sel.l + 1} has no biases`;
  if (sel.j >= model.sizes[sel.l + 1])
    return `the network has no ${sel.kind === 'edge' ? 'weight' : 'bias'} to node ${sel.j} of layer ${sel.l + 1} (${nodes(sel.l + 1)})`;
  if (sel.kind === 'edge' && sel.i >= model.sizes[sel.l])
    return `the network has no weight from node ${sel.i} of layer ${sel.l} (${nodes(sel.l)})`;
  return null;
}

/** Why a reference names nothing in this network, or null when it names a quantity the iteration has. */
export function quantityRefProblem(model: Model, q: QuantityRef): string | null {
  const outputs = model.sizes[model.depth];
  switch (q.kind) {
    case 'loss':
      return null;
    case 'loss-term':
    case 'y':
      return q.index < outputs ? null : `the network has no output ${q.index} (it has ${outputs}: 0 to ${outputs - 1})`;
    case 'x':
      return q.index < model.sizes[0]
        ? null
        : `the network has no input ${q.index} (it has ${model.sizes[0]}: 0 to ${model.sizes[0] - 1})`;
    case 'z':
    case 'dLdz': {
      const problem = selectionProblem(model, q.sel);
      return (
        problem ??
        (q.sel.l === 0
          ? `an input node has no ${q.kind === 'z' ? 'z' : '∂L/∂z'} (use ${q.kind === 'z' ? 'a' : 'dLda'}:node:0:${q.sel.j})`
          : null)
      );
    }
    default:
      return selectionProblem(model, q.sel);
  }
}
