import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import type { Selection } from '../../src/core/selection.ts';
import { buildStepPlan, selectionEventIndex } from '../../src/core/step-plan.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { buildDerivation } from '../../src/tex/derivation.ts';
import type { Quantity } from '../../src/tex/line.ts';
import { withholdAhead, type ShownSection } from '../../src/tex/withhold-ahead.ts';

/**
 * Mazur's 2-2-2 network: the plan of one iteration, by the order step-plan.ts documents, is z and a of h₁, h₂, o₁, o₂ (events 0 to 7),
 * the loss (8), δ of o₁ and o₂ (9, 10), then each output's weights and bias, then δ of h₁
 * and h₂, and so on; δ of h₁ is event 17, so the diagram shows it from position 18.
 */
const scenario = loadPreset('mazur')!;
const compiled = compileScenario(scenario);
const iteration = runIteration(compiled);
const plan = buildStepPlan(compiled.model, compiled.trainable);

function shown(selection: Selection, position: number, revealed: (q: Quantity) => boolean = () => false) {
  const d = buildDerivation({ scenario, compiled, iteration, selection, sample: 0, links: false });
  return withholdAhead(d.sections, {
    plan,
    model: compiled.model,
    position,
    subject: selectionEventIndex(plan, compiled.model, selection),
    revealed,
  });
}

/** Each section as its heading and, per line, "+" (shown) or "−k@s" (k lines withheld until position s). */
function outline(sections: readonly ShownSection[]): string[] {
  return sections.map(
    (s) => `${s.heading}: ${s.lines.map((l) => ('line' in l ? '+' : `−${l.withheld}@${l.step}`)).join(' ')}`,
  );
}

const h1: Selection = { kind: 'node', l: 1, j: 0 };

describe('withholdAhead: the math panel runs no further than the step position', () => {
  it('h₁ after its z only: z shows; a and the whole backward pass wait for their steps', () => {
    expect(outline(shown(h1, 1))).toEqual([
      'Forward: + −1@2',
      'Backward: ∂L/∂a from the next layer: −3@18',
      'Backward: δ = ∂L/∂z: −2@18',
    ]);
  });

  it('a quantity the step reveals shows before the position reaches it', () => {
    const a = (q: Quantity) => q.kind === 'a' && q.l === 1 && q.j === 0;
    expect(outline(shown(h1, 1, a))[0]).toEqual('Forward: + +');
  });

  it('at the end of the iteration nothing is withheld', () => {
    const all = [h1, { kind: 'loss' }, { kind: 'edge', l: 0, j: 0, i: 0 }, { kind: 'bias', l: 1, j: 0 }] as const;
    for (const sel of all)
      for (const section of shown(sel, plan.events.length)) expect(section.lines.every((l) => 'line' in l)).toBe(true);
  });

  it('a line without a quantity (the loss formula) goes with the line after it; the loss after the update waits for the last event', () => {
    expect(outline(shown({ kind: 'loss' }, 0))).toEqual([
      'Loss of each sample: −2@9',
      "Each output's term of the loss: −3@9",
      'Reduction: sum over the batch: −1@9',
      `After the update: −1@${plan.events.length}`,
    ]);
    expect(outline(shown({ kind: 'loss' }, 9))).toEqual([
      'Loss of each sample: + +',
      "Each output's term of the loss: + + +",
      'Reduction: sum over the batch: +',
      `After the update: −1@${plan.events.length}`,
    ]);
  });

  it('w₅ at its gradient: the update lines wait for w₅’s update, one run', () => {
    const w5: Selection = { kind: 'edge', l: 1, j: 0, i: 0 };
    const at = selectionEventIndex(plan, compiled.model, w5);
    const sections = shown(w5, at + 1);
    const update = sections.find((s) => s.heading.startsWith('Update'))!;
    // g = ∂L/∂w₅ shows; w₅ ← w₅ − η g waits
    expect(update.lines.map((l) => ('line' in l ? '+' : `−${l.withheld}`))).toEqual(['+', '−1']);
    for (const s of sections.filter((x) => !x.heading.startsWith('Update')))
      expect(
        s.lines.every((l) => 'line' in l),
        s.heading,
      ).toBe(true);
  });
});
