import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/index.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import type { Selection } from '../../src/core/selection.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { buildDerivation } from '../../src/tex/derivation.ts';
import { testOptions } from '../../src/tex/katex-options.ts';
import { shownValue, type Line } from '../../src/tex/line.ts';
import { loadOracleCases, oracleToScenario } from '../helpers/oracle-case.ts';

/**
 * What the math panel shows of a fused output before fusing (the unfused chain), each output's
 * term of the loss, and every term of ∂L/∂a = Σ w·δ evaluated: checked against the oracle's
 * golden numbers (../shared/oracle/cases), typed here as the tutorials print them.
 */
function oracleScenario(prefix: string): Scenario {
  return oracleToScenario(loadOracleCases().find((c) => c.file.startsWith(prefix))!.oracle)!;
}

function derive(scenario: Scenario, selection: Selection, digits: number, sample = 0) {
  const compiled = compileScenario(scenario);
  return buildDerivation({
    scenario,
    compiled,
    iteration: runIteration(compiled),
    selection,
    sample,
    digits,
    links: false,
  });
}

function allLines(d: ReturnType<typeof derive>): Line[] {
  return d.sections.flatMap((s) => s.lines);
}

function render(tex: string): void {
  katex.renderToString(tex, { ...testOptions, displayMode: true });
}

describe('sigmoid + BCE output: ∂L/∂F, then ∂F/∂z, their product, then the fused (F − y)', () => {
  // seed 000, hypothesis A: F = σ(6) = 0.9975273768433653, y = 0, one sample
  const lines = allLines(derive(oracleScenario('seed000_walkthrough_hypA'), { kind: 'node', l: 3, j: 0 }, 9));
  const texts = lines.map((l) => l.tex);

  it("shows ∂CE/∂F = −y/F + (1−y)/(1−F) evaluated to the oracle's 404.428793", () => {
    const k = texts.findIndex(
      (t) =>
        t.includes(String.raw`-\frac{y_{1}}{\hat{y}_{1}} + \frac{1 - y_{1}}{1 - \hat{y}_{1}}`) &&
        t.includes('404.428793'),
    );
    expect(k, texts.join('\n')).toBeGreaterThanOrEqual(0);
  });

  it("shows the sigmoid's ∂F/∂z = F(1−F) = 0.00246650929", () => {
    expect(
      texts.some((t) => t.includes(String.raw`\hat{y}_{1}\,(1 - \hat{y}_{1})`) && t.includes('0.00246650929')),
      texts.join('\n'),
    ).toBe(true);
  });

  it('multiplies the two evaluated factors, then gives the fused form as the next line', () => {
    const k = lines.findIndex(
      (l) => l.factors?.length === 2 && l.tex.includes(String.raw`404.428793\cdot 0.00246650929`),
    );
    expect(k, texts.join('\n')).toBeGreaterThanOrEqual(0);
    const product = lines[k];
    expect(product.tex).toContain('0.997527377');
    expect(shownValue(product)).toBeCloseTo(0.9975273768433653, 12);
    const fused = lines[k + 1];
    expect(fused.tex).toContain(String.raw`\hat{y}_{1} - y_{1}`);
    expect(fused.value).toBe(0.9975273768433653);
    expect(fused.quantity).toEqual({ kind: 'dLdz', l: 3, j: 0, sample: 0 });
    for (const t of texts) render(t);
  });

  it('the walkthrough preset (F = 0.99999, six points, the 1/6 of the mean) shows the same four steps', () => {
    const d = derive(loadPreset('walkthrough')!, { kind: 'node', l: 2, j: 0 }, 6);
    const backward = d.sections.find((s) => s.heading.startsWith('Backward'))!;
    expect(backward.lines.length).toBe(4);
    expect(backward.lines[0].tex).toContain(String.raw`\frac{1}{6}`);
    expect(backward.lines[2].factors).toHaveLength(2);
    expect(backward.lines[3].tex).toContain('F - y');
  });
});

describe('F = 1 exactly: the unfused chain says ∂L/∂F is infinite instead of printing NaN', () => {
  const parsed = parseScenario({
    format: 'backprop-scenario/1',
    layers: [{ size: 1 }, { size: 1, activation: 'sigmoid', bias: false, labels: ['F'] }],
    weights: [[[50]]],
    loss: 'bce',
    data: [{ x: [1], y: [0] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  });
  if (!parsed.ok) throw new Error('does not parse');
  const lines = allLines(derive(parsed.value, { kind: 'node', l: 1, j: 0 }, 6));

  it('names the infinity and keeps the fused value', () => {
    expect(lines.some((l) => l.tex.includes('NaN'))).toBe(false);
    const product = lines.find((l) => l.note?.includes('infinite'));
    expect(product, lines.map((l) => `${l.tex} ${l.note ?? ''}`).join('\n')).toBeDefined();
    expect(product!.factors).toBeUndefined();
    expect(lines[lines.length - 1].value).toBe(1);
  });
});

describe("softmax + cross-entropy output (seed 003's step 3): δₖ = Σⱼ ∂L/∂ŷⱼ · ∂ŷⱼ/∂zₖ, then ŷ − y", () => {
  const scenario = oracleScenario('seed003_aibyhand_mlp_exact_softmax');
  const lines = allLines(derive(scenario, { kind: 'node', l: 3, j: 1 }, 6));
  const texts = lines.map((l) => l.tex);

  it("shows ∂L/∂ŷ₂ = −y₂/ŷ₂ = −2.01832 (the oracle's −2.018315638888734)", () => {
    expect(
      texts.some((t) => t.includes('-2.01832')),
      texts.join('\n'),
    ).toBe(true);
  });

  it('evaluates the sum over the Jacobian column, each term a product of the two shown factors', () => {
    const sum = lines.find((l) => l.terms?.length === 3 && l.terms.every((t) => t.length === 2));
    expect(sum, texts.join('\n')).toBeDefined();
    expect(sum!.terms![1][0]).toBeCloseTo(-2.018315638888734, 12);
    // ∂ŷ₂/∂z₂ = ŷ₂(1 − ŷ₂) with the oracle's ŷ₂ = 0.4954626425778431
    expect(sum!.terms![1][1]).toBeCloseTo(0.4954626425778431 * (1 - 0.4954626425778431), 14);
    expect(shownValue(sum!)).toBeCloseTo(-0.5045373574221569, 12);
    expect(sum!.tex).toContain('-0.504537');
    const k = lines.indexOf(sum!);
    expect(lines[k + 1].tex).toMatch(/- y/);
    expect(lines[k + 1].value).toBeCloseTo(-0.5045373574221569, 14);
    for (const t of texts) render(t);
  });

  it('shows each Jacobian entry: ∂ŷ₁/∂z₂ = −ŷ₁ŷ₂ = −0.245483', () => {
    // −0.4954626425778431² = −0.24548322...
    expect(
      texts.some((t) => t.includes('-0.245483')),
      texts.join('\n'),
    ).toBe(true);
  });
});

describe("each output's term of the loss (Mazur's E_o1 and E_o2)", () => {
  const d = derive(loadPreset('mazur')!, { kind: 'loss' }, 9);
  const section = d.sections.find((s) => s.heading.startsWith("Each output's term"));

  it('shows E_o1 = 0.274811083 and E_o2 = 0.0235600256, then their sum 0.298371109', () => {
    expect(section, d.sections.map((s) => s.heading).join(', ')).toBeDefined();
    const [o1, o2, total] = section!.lines;
    expect(o1.value).toBeCloseTo(0.274811083176155, 14);
    expect(o1.tex).toContain('0.274811083');
    expect(o2.value).toBeCloseTo(0.023560025583847746, 14);
    expect(o2.tex).toContain('0.0235600256');
    expect(total.tex).toContain('0.274811083 + 0.0235600256');
    expect(total.tex).toContain('0.298371109');
    expect(shownValue(total)).toBeCloseTo(0.2983711087600027, 14);
    for (const line of section!.lines) render(line.tex);
  });

  it('has no such section for a single output', () => {
    const one = derive(loadPreset('walkthrough')!, { kind: 'loss' }, 6);
    expect(one.sections.some((s) => s.heading.startsWith("Each output's term"))).toBe(false);
  });
});

describe("every term of ∂L/∂a = Σₖ wₖⱼ δₖ evaluated (Mazur's ∂E/∂out_h1)", () => {
  it('reads 0.4·0.138499 − 0.5·0.0380982 = 0.0553994 + (−0.0190491) = 0.0363503', () => {
    const lines = allLines(derive(loadPreset('mazur')!, { kind: 'node', l: 1, j: 0 }, 6));
    const line = lines.find((l) => l.quantity?.kind === 'dLda' && l.quantity.l === 1)!;
    expect(line.tex).toContain('0.0553994 + (-0.0190491) = 0.0363503');
  });

  it('at 9 digits: 0.0553994247 + (−0.0190491183) = 0.0363503064', () => {
    const lines = allLines(derive(loadPreset('mazur')!, { kind: 'node', l: 1, j: 0 }, 9));
    const line = lines.find((l) => l.quantity?.kind === 'dLda' && l.quantity.l === 1)!;
    expect(line.tex).toContain('0.0553994247 + (-0.0190491183) = 0.0363503064');
  });
});
