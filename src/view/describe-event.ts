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
    case 'z':
      return `z of ${nameToText(nodeName(s, e.l, e.j))} = Σ w·a + b`;
    case 'a':
      return `a of ${nameToText(nodeName(s, e.l, e.j))} = φ(z)`;
    case 'loss':
      return 'the loss L';
    case 'delta':
      return `δ = ∂L/∂z of ${nameToText(nodeName(s, e.l, e.j))}`;
    case 'weight-grad':
      return `∂L/∂${nameToText(weightName(s, e.l, e.j, e.i))}`;
    case 'bias-grad':
      return `∂L/∂${nameToText(biasName(s, e.l, e.j))}`;
    case 'weight-update':
      return `update ${nameToText(weightName(s, e.l, e.j, e.i))}`;
    case 'bias-update':
      return `update ${nameToText(biasName(s, e.l, e.j))}`;
  }
}

/**
 * describeEvent of every event, with names that look shared made unique: a scenario may give
 * two elements the same label (Mazur's two b₁), and a printed worksheet must not ask
 * "∂L/∂b₁ =" twice with different answers, so a repeated text gets the node its element feeds
 * ("∂L/∂b₁ (into h₂)") or, for a weight, the nodes it joins.
 */
export function describeEventsUniquely(s: Labels, events: readonly StepEvent[]): string[] {
  const texts = events.map((e) => describeEvent(s, e));
  const count = new Map<string, number>();
  for (const t of texts) count.set(t, (count.get(t) ?? 0) + 1);
  return texts.map((t, k) => {
    if ((count.get(t) ?? 0) < 2) return t;
    const e = events[k];
    if (e.kind === 'bias-grad' || e.kind === 'bias-update')
      return `${t} (into ${nameToText(nodeName(s, e.l + 1, e.j))})`;
    if (e.kind === 'weight-grad' || e.kind === 'weight-update')
      return `${t} (${nameToText(nodeName(s, e.l, e.i))} → ${nameToText(nodeName(s, e.l + 1, e.j))})`;
    return t;
  });
}

/**
 * The caption of a position: what the event just done computed, in which phase, and what
 * the next step computes; at the start, what comes first; at the end, that it is complete.
 */
export function describePosition(s: Labels, events: readonly StepEvent[], position: number): string {
  if (events.length === 0) return 'Nothing to compute';
  if (position <= 0) return `Ready. Next: ${describeEvent(s, events[0])}`;
  if (position >= events.length)
    return `Iteration complete (last: ${describeEvent(s, events[events.length - 1])}). “Next iteration” continues from the updated parameters`;
  const done = events[position - 1];
  const next = events[position];
  const nextPhase = phaseOf(next) === phaseOf(done) ? '' : `${PHASE_TITLES[phaseOf(next)]}, `;
  return `${PHASE_TITLES[phaseOf(done)]}: ${describeEvent(s, done)}. Next: ${nextPhase}${describeEvent(s, next)}`;
}
