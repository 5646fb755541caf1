import { describe, expect, it } from 'vitest';
import { eventHint } from '../../src/view/worksheet-hint.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('eventHint', () => {
  const mazur = loadPreset('mazur');
  if (mazur === null) throw new Error('no mazur preset');

  it("writes each formula with the network's names and no numbers", () => {
    expect(eventHint(mazur, { kind: 'z', l: 1, j: 0 })).toBe('z of h₁ = w₁·i₁ + w₂·i₂ + b₁');
    expect(eventHint(mazur, { kind: 'a', l: 2, j: 1 })).toBe('o₂ = φ(z) = 1 / (1 + e^(−z)), with z of o₂');
    expect(eventHint(mazur, { kind: 'loss' })).toBe('L = Σ ½(y − ŷ)² for each sample, then the sum over the batch');
    expect(eventHint(mazur, { kind: 'delta', l: 2, j: 0 })).toBe('δ of o₁ = ∂L/∂o₁ · φ′(z)');
    expect(eventHint(mazur, { kind: 'delta', l: 1, j: 0 })).toBe('δ of h₁ = (w₅·δ(o₁) + w₇·δ(o₂)) · φ′(z)');
    expect(eventHint(mazur, { kind: 'weight-grad', l: 1, j: 0, i: 0 })).toBe('∂L/∂w₅ = Σ over the batch of δ(o₁) · h₁');
    expect(eventHint(mazur, { kind: 'bias-grad', l: 1, j: 1 })).toBe('∂L/∂b₂ = Σ over the batch of δ(o₂)');
    expect(eventHint(mazur, { kind: 'weight-update', l: 0, j: 0, i: 0 })).toBe('w₁ ← w₁ − η·∂L/∂w₁, with η = 0.5');
  });

  it("hints a softmax node's a with every z of its layer, all of which the worksheet has asked before it", () => {
    const byHand = loadPreset('by-hand-mlp')!;
    expect(eventHint(byHand, { kind: 'a', l: 3, j: 1 })).toBe(
      'y₂ = softmax of the layer’s z = e^(z of y₂) / (e^(z of y₁) + e^(z of y₂) + e^(z of y₃))',
    );
  });

  it('hints a fused output with the fused form, never ∂L/∂ŷ · φ′(z)', () => {
    const byHand = loadPreset('by-hand-mlp')!;
    const softmax = eventHint(byHand, { kind: 'delta', l: 3, j: 1 });
    expect(softmax).toBe(
      "δ of y₂ = y₂ − t₂ (softmax and cross-entropy fused: Σ ∂L/∂ŷ · ∂ŷ/∂z over the softmax's Jacobian collapses to the difference)",
    );
    expect(softmax).not.toContain('φ′');
    const walkthrough = loadPreset('walkthrough')!;
    const sigmoid = eventHint(walkthrough, { kind: 'delta', l: 2, j: 0 });
    expect(sigmoid).toBe(
      'δ of F = (F − y) / N, N the samples in the batch (sigmoid and binary cross-entropy fused: F(1 − F) cancels against ∂L/∂F)',
    );
    // a hidden node of the same network keeps its chain
    expect(eventHint(walkthrough, { kind: 'delta', l: 1, j: 0 })).toBe('δ of D = (DF·δ(F)) · φ′(z)');
  });
});
