import { biasName, nameToText, nodeName, weightName } from '../core/notation.ts';
import { layerActivation, type Scenario } from '../core/scenario.ts';
import { biasMark, weightMark } from '../core/shared-names.ts';
import { phaseOf, type Phase, type StepEvent } from '../core/step-plan.ts';

type Labels = Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;

export const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  forward: 'Forward pass',
  loss: 'Loss',
  backward: 'Backward pass',
  update: 'Update',
};

/** A weight's name, with the nodes it joins when another weight is named the same. */
function weightText(s: Labels, l: number, j: number, i: number): string {
  const mark = weightMark(s, l, j, i);
  return nameToText(weightName(s, l, j, i)) + (mark ? ` (${mark})` : '');
}

/** A bias's name, with the node it feeds when another bias is named the same (Mazur's two b₁). */
function biasText(s: Labels, l: number, j: number): string {
  const mark = biasMark(s, l, j);
  return nameToText(biasName(s, l, j)) + (mark ? ` (into ${mark})` : '');
}

/**
 * One line that says what an event computes, with the network's names: "z of h₁⁽¹⁾", "∂L/∂w₅".
 * A name that two elements share is made unique (a worksheet must not ask "∂L/∂b₁ =" twice
 * with different answers): a bias gets the node it feeds ("∂L/∂b₁ (into h₂)"), a weight the
 * nodes it joins.
 */
export function describeEvent(s: Labels, e: StepEvent): string {
  switch (e.kind) {
    case 'z':
      return `z of ${nameToText(nodeName(s, e.l, e.j))} = Σ w·a + b`;
    case 'a':
      return `a of ${nameToText(nodeName(s, e.l, e.j))} = ${layerActivation(s.layers, e.l) === 'softmax' ? 'softmax of the layer’s z' : 'φ(z)'}`;
    case 'loss':
      return 'the loss L';
    case 'delta':
      return `δ = ∂L/∂z of ${nameToText(nodeName(s, e.l, e.j))}`;
    case 'weight-grad':
      return `∂L/∂${weightText(s, e.l, e.j, e.i)}`;
    case 'bias-grad':
      return `∂L/∂${biasText(s, e.l, e.j)}`;
    case 'weight-update':
      return `update ${weightText(s, e.l, e.j, e.i)}`;
    case 'bias-update':
      return `update ${biasText(s, e.l, e.j)}`;
  }
}

/** describeEvent of every event: the questions of a printed worksheet, each asked once. */
export function describeEventsUniquely(s: Labels, events: readonly StepEvent[]): string[] {
  return events.map((e) => describeEvent(s, e));
}

/**
 * The caption of a position: what the event just done computed, in which phase, and what
 * the next step computes; at the start, what comes first; at the end, that it is complete.
 */
export function describePosition(s: Labels, events: readonly StepEvent[], position: number): string {
  if (events.length === 0) return 'Nothing to compute';
  if (position <= 0) return `Ready. Next: ${describeEvent(s, events[0])}`;
  if (position >= events.length)
    return `Iteration complete (last: ${describeEvent(s, events[events.length - 1])}). “Next iteration” starts from the new parameters`;
  const done = events[position - 1];
  const next = events[position];
  const nextPhase = phaseOf(next) === phaseOf(done) ? '' : `${PHASE_TITLES[phaseOf(next)]}, `;
  return `${PHASE_TITLES[phaseOf(done)]}: ${describeEvent(s, done)}. Next: ${nextPhase}${describeEvent(s, next)}`;
}
