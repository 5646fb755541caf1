import { formatNumber } from './format.ts';
import type { BiasView, EdgeView, LossView, NodeView } from './network-view-model.ts';

/**
 * Accessible names of the diagram's elements. They follow the worksheet like the visible
 * text: a value the step position has not reached reads "not yet computed".
 */

function term(label: string, x: number, known: boolean): string {
  return known ? `${label} = ${formatNumber(x)}` : `${label} not yet computed`;
}

function status(p: { frozen: boolean; current: boolean; selected: boolean }): string {
  return (p.frozen ? ', frozen' : '') + (p.current ? ', current step' : '') + (p.selected ? ', selected' : '');
}

/** "weight w₅ = 0.4, gradient ∂L/∂w₅ = 0.0822" (with "updated to …", "frozen", "current step" as they apply). */
export function edgeAriaLabel(e: EdgeView): string {
  const upd = e.updated ? `, updated to ${formatNumber(e.weightAfter)}` : '';
  return `weight ${e.name} = ${formatNumber(e.weight)}${upd}, ${term(`gradient ∂L/∂${e.name}`, e.grad, e.gradKnown)}${status(e)}`;
}

/** "bias b₁ = 0.35, gradient ∂L/∂b₁ = 0.1" and the same suffixes as a weight. */
export function biasAriaLabel(b: BiasView): string {
  const upd = b.updated ? `, updated to ${formatNumber(b.valueAfter)}` : '';
  return `bias ${b.name} = ${formatNumber(b.value)}${upd}, ${term(`gradient ∂L/∂${b.name}`, b.grad, b.gradKnown)}${status(b)}`;
}

/** "input A = 1", or "node h₁: z = 0.3775, a = 0.5933, δ = ∂L/∂z = 0.0088" (and the target for an output). */
export function nodeAriaLabel(n: NodeView): string {
  const tail = status({ frozen: false, current: n.current, selected: n.selected });
  if (n.kind === 'input') {
    return `input ${n.name} = ${formatNumber(n.a)}, ${term(`gradient ∂L/∂${n.name}`, n.dLda, n.deltaKnown)}${tail}`;
  }
  const target = n.target !== null ? `, target ${n.targetName ?? 'y'} = ${formatNumber(n.target)}` : '';
  return `${n.kind === 'output' ? 'output' : 'node'} ${n.name}: ${term('z', n.z, n.zKnown)}, ${term('a', n.a, n.aKnown)}, ${term('δ = ∂L/∂z', n.dLdz, n.deltaKnown)}${target}${tail}`;
}

/** "loss L = 0.2984 (batch mean)" or "loss L not yet computed". */
export function lossAriaLabel(loss: LossView, lossFunction: string): string {
  const tail = status({ frozen: false, current: loss.current, selected: loss.selected });
  return `loss ${lossFunction ? `(${lossFunction}) ` : ''}${term(loss.name, loss.value, loss.known)}${tail}`;
}
