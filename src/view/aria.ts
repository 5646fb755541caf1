import { DEFAULT_PRECISION, formatValue, type Precision } from '../core/format-number.ts';
import type { BiasView, EdgeView, LossView, NodeView } from './network-view-model.ts';

/**
 * Accessible names of the diagram's elements at the display precision; the same text at
 * 'full' precision is each element's tooltip (and so its accessible description), so hovering
 * or focusing a number gives what the display precision rounds. They follow the worksheet
 * like the visible text: a value the step position has not reached reads "not yet computed".
 */

function term(label: string, x: number, known: boolean, p: Precision): string {
  return known ? `${label} = ${formatValue(x, p)}` : `${label} not yet computed`;
}

function status(p: { frozen: boolean; current: boolean; selected: boolean }): string {
  return (p.frozen ? ', frozen' : '') + (p.current ? ', current step' : '') + (p.selected ? ', selected' : '');
}

/** "weight w₅ = 0.4, gradient ∂L/∂w₅ = 0.0822" (with "updated to …", "frozen", "current step" as they apply). */
export function edgeAriaLabel(e: EdgeView, p: Precision = DEFAULT_PRECISION): string {
  const upd = e.updated ? `, updated to ${formatValue(e.weightAfter, p)}` : '';
  return `weight ${e.name} = ${formatValue(e.weight, p)}${upd}, ${term(`gradient ∂L/∂${e.name}`, e.grad, e.gradKnown, p)}${status(e)}`;
}

/** "bias b₁ = 0.35, gradient ∂L/∂b₁ = 0.1" and the same suffixes as a weight. */
export function biasAriaLabel(b: BiasView, p: Precision = DEFAULT_PRECISION): string {
  const upd = b.updated ? `, updated to ${formatValue(b.valueAfter, p)}` : '';
  return `bias ${b.name} = ${formatValue(b.value, p)}${upd}, ${term(`gradient ∂L/∂${b.name}`, b.grad, b.gradKnown, p)}${status(b)}`;
}

/** "input A = 1", or "node h₁: z = 0.3775, a = 0.5933, δ = ∂L/∂z = 0.0088" (and the target for an output). */
export function nodeAriaLabel(n: NodeView, p: Precision = DEFAULT_PRECISION): string {
  const tail = status({ frozen: false, current: n.current, selected: n.selected });
  if (n.kind === 'input') {
    return `input ${n.name} = ${formatValue(n.a, p)}, ${term(`gradient ∂L/∂${n.name}`, n.dLda, n.deltaKnown, p)}${tail}`;
  }
  const target = n.target !== null ? `, target ${n.targetName ?? 'y'} = ${formatValue(n.target, p)}` : '';
  return `${n.kind === 'output' ? 'output' : 'node'} ${n.name}: ${term('z', n.z, n.zKnown, p)}, ${term('a', n.a, n.aKnown, p)}, ${term('δ = ∂L/∂z', n.dLdz, n.deltaKnown, p)}${target}${tail}`;
}

/** "loss L = 0.2984 (batch mean)" or "loss L not yet computed". */
export function lossAriaLabel(loss: LossView, lossFunction: string, p: Precision = DEFAULT_PRECISION): string {
  const tail = status({ frozen: false, current: loss.current, selected: loss.selected });
  return `loss ${lossFunction ? `(${lossFunction}) ` : ''}${term(loss.name, loss.value, loss.known, p)}${tail}`;
}
