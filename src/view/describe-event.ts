import { biasName, nameToText, nodeName, weightName } from '../core/notation.ts';
import type { Scenario } from '../core/scenario.ts';
import { phaseOf, type Phase, type StepEvent } from '../core/step-plan.ts';

type Labels = Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;

export const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  forward: 'Forward pass',
  loss: 'Loss',
  backward: 'Backward pass',
  update: 'Update',
};

/** One line that says what an event computes, with the network's names: "z of h₁⁽¹⁾", "∂L/∂w₅". */
export function describeEvent(s: Labels, e: StepEvent): string {
  switch (e.kind) {
    case 'z': return `z of ${nameToText(nodeName(s, e.l, e.j))} = Σ w·a + b`;
    case 'a': return `a of ${nameToText(nodeName(s, e.l, e.j))} = φ(z)`;
    case 'loss': return 'the loss L';
    case 'delta': return `δ = ∂L/∂z of ${nameToText(nodeName(s, e.l, e.j))}`;
    case 'weight-grad': return `∂L/∂${nameToText(weightName(s, e.l, e.j, e.i))}`;
    case 'bias-grad': return `∂L/∂${nameToText(biasName(s, e.l, e.j))}`;
    case 'weight-update': return `update ${nameToText(weightName(s, e.l, e.j, e.i))}`;
    case 'bias-update': return `update ${nameToText(biasName(s, e.l, e.j))}`;
  }
}

/** The caption of a position: which phase, and what the next event computes (or that the iteration is done). */
export function describePosition(s: Labels, events: readonly StepEvent[], position: number): string {
  if (position >= events.length) return 'Iteration complete: every parameter is updated';
  const e = events[position];
  return `${PHASE_TITLES[phaseOf(e)]}: ${describeEvent(s, e)}`;
}
