import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { weightIndex } from '../../src/core/model.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { buildDerivation } from '../../src/tex/derivation.ts';
import { testOptions } from '../../src/tex/katex-options.ts';
import { shownValue } from '../../src/tex/line.ts';

/**
 * Under a weight penalty the math panel shows ∂L/∂w as ∂L_data/∂w + λ₁·sign(w) + λ₂·w and the
 * loss as L_data + λ₁Σ|w| + (λ₂/2)Σw², each with numbers that add up to the core's value.
 * Expected numbers come from the same scenario without the penalty plus the spec's formula.
 */

const L1 = 0.01;
const L2 = 0.1;

function derive(s: Scenario, selection: Parameters<typeof buildDerivation>[0]['selection']) {
  const compiled = compileScenario(s);
  const iteration = runIteration(compiled);
  return { compiled, iteration, d: buildDerivation({ scenario: s, compiled, iteration, selection, sample: 0 }) };
}

describe.each(['walkthrough', 'mazur'])('%s with l1 and l2', (id) => {
  const plain = loadPreset(id)!;
  const reg: Scenario = { ...plain, regularization: { l1: L1, l2: L2 } };

  it('shows a weight’s gradient as the data gradient plus the penalty’s terms', () => {
    const sel = { kind: 'edge', l: 0, j: 0, i: 1 } as const;
    const { compiled, iteration, d } = derive(reg, sel);
    const section = d.sections.find((s) => s.heading === 'With the weight penalty');
    expect(section).toBeDefined();
    const [formula, numbers] = section!.lines;
    expect(formula.tex).toContain(String.raw`\operatorname{sign}`);
    const k = weightIndex(compiled.model, 0, 0, 1);
    const w = compiled.params.w[k];
    const without = runIteration(compileScenario(plain));
    const dataGrad = without.pass.dLdw[k];
    expect(numbers.terms).toHaveLength(3);
    expect(numbers.terms![0][0]).toBeCloseTo(dataGrad, 14);
    expect(numbers.terms![1]).toEqual([L1, Math.sign(w)]);
    expect(numbers.terms![2]).toEqual([L2, w]);
    expect(numbers.value).toBe(iteration.pass.dLdw[k]);
    expect(Math.abs(shownValue(numbers)! - (dataGrad + L1 * Math.sign(w) + L2 * w))).toBeLessThan(1e-14);
    expect(Math.abs(numbers.value! - (dataGrad + L1 * Math.sign(w) + L2 * w))).toBeLessThan(1e-14);
    for (const line of section!.lines) expect(() => katex.renderToString(line.tex, testOptions)).not.toThrow();
  });

  it('shows no penalty term for a bias, nor without regularization', () => {
    const bias = derive(reg, { kind: 'bias', l: 0, j: 0 }).d;
    expect(bias.sections.some((s) => s.heading === 'With the weight penalty')).toBe(false);
    const none = derive(plain, { kind: 'edge', l: 0, j: 0, i: 1 }).d;
    expect(none.sections.some((s) => s.heading === 'With the weight penalty')).toBe(false);
  });

  it('shows the loss as the data loss plus the penalty, its own term', () => {
    const { compiled, iteration, d } = derive(reg, { kind: 'loss' });
    const section = d.sections.find((s) => s.heading === 'Plus the weight penalty');
    expect(section).toBeDefined();
    const numbers = section!.lines[1];
    const w = Array.from(compiled.params.w);
    const abs = w.reduce((a, v) => a + Math.abs(v), 0);
    const sq = w.reduce((a, v) => a + v * v, 0);
    const dataLoss = runIteration(compileScenario(plain)).pass.loss;
    expect(numbers.terms![0][0]).toBeCloseTo(dataLoss, 14);
    expect(numbers.terms![1]).toEqual([L1, abs]);
    expect(numbers.terms![2]).toEqual([L2 / 2, sq]);
    expect(numbers.value).toBe(iteration.pass.loss);
    expect(Math.abs(shownValue(numbers)! - (dataLoss + L1 * abs + (L2 / 2) * sq))).toBeLessThan(1e-13);
    for (const line of section!.lines) expect(() => katex.renderToString(line.tex, testOptions)).not.toThrow();
  });
});
