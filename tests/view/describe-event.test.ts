import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { describePosition } from '../../src/view/describe-event.ts';

const scenario = loadPreset('mazur')!;
const compiled = compileScenario(scenario);
const { events, phaseStart } = buildStepPlan(compiled.model, compiled.trainable);

describe('describePosition', () => {
  it('says what comes first at the start', () => {
    expect(describePosition(scenario, events, 0)).toBe('Ready. Next: z of h₁ = Σ w·a + b');
  });
  it('says what was just computed and what comes next, naming a new phase', () => {
    expect(describePosition(scenario, events, 1)).toBe('Forward pass: z of h₁ = Σ w·a + b. Next: a of h₁ = φ(z)');
    expect(describePosition(scenario, events, phaseStart.loss)).toBe(
      'Forward pass: a of o₂ = φ(z). Next: Loss, the loss L',
    );
    expect(describePosition(scenario, events, phaseStart.update)).toBe(
      // the caption names Mazur's shared-looking b₁ by the node it feeds, as the worksheet does
      'Backward pass: ∂L/∂b₁ (into h₂). Next: Update, update w₁',
    );
  });
  it("says of a softmax layer's z what comes next in that layer, and of its a that it is the softmax of the layer's z", () => {
    const byHand = loadPreset('by-hand-mlp')!;
    const c = compileScenario(byHand);
    const plan = buildStepPlan(c.model, c.trainable);
    // 12 events before the output layer: z and a of four and of two ReLU nodes
    expect(describePosition(byHand, plan.events, 13)).toBe(
      'Forward pass: z of y₁ = Σ w·a + b. Next: z of y₂ = Σ w·a + b',
    );
    expect(describePosition(byHand, plan.events, 15)).toBe(
      'Forward pass: z of y₃ = Σ w·a + b. Next: a of y₁ = softmax of the layer’s z',
    );
  });
  it('says when the iteration is complete', () => {
    expect(describePosition(scenario, events, events.length)).toBe(
      'Iteration complete (last: update w₈). “Next iteration” starts from the new parameters',
    );
  });
});

describe('the printed worksheet names every blank uniquely', () => {
  it("Mazur's two b₁ and two b₂ get the node they feed, so no question is asked twice with different answers", async () => {
    const { compileScenario } = await import('../../src/core/compile.ts');
    const { buildStepPlan } = await import('../../src/core/step-plan.ts');
    const { loadPreset } = await import('../../src/presets/index.ts');
    const { describeEventsUniquely } = await import('../../src/view/describe-event.ts');
    const scenario = loadPreset('mazur')!;
    const compiled = compileScenario(scenario);
    const texts = describeEventsUniquely(scenario, buildStepPlan(compiled.model, compiled.trainable).events);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain('∂L/∂b₁ (into h₁)');
    expect(texts).toContain('∂L/∂b₁ (into h₂)');
    // Names that are unique stay as they are.
    expect(texts).toContain('∂L/∂w₅');
  });
});
