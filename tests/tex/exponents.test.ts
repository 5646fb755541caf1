import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { numericGradient } from '../../src/core/grad-check.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { weightIndex } from '../../src/core/model.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { buildDerivation } from '../../src/tex/derivation.ts';
import { derivationLatex } from '../../src/tex/derivation-latex.ts';

/** The derivation of Mazur's w₅ with its gradient check, at `digits`. */
function w5(digits?: number) {
  const scenario = loadPreset('mazur')!;
  const compiled = compileScenario(scenario);
  const iteration = runIteration(compiled);
  const check = numericGradient(compiled, iteration.params, 0, 'w', weightIndex(compiled.model, 1, 0, 0));
  return buildDerivation({
    scenario,
    compiled,
    iteration,
    selection: { kind: 'edge', l: 1, j: 0, i: 0 },
    sample: 0,
    gradCheck: check,
    digits,
  });
}

describe('exponents are written whole, in the panel and in the LaTeX export', () => {
  it('the gradient check names h with its whole exponent raised (never "1.0·10⁻5")', () => {
    const notes = w5().sections.flatMap((s) => s.lines.map((l) => l.note ?? ''));
    const h = notes.find((n) => n.startsWith('central difference'));
    expect(h).toBeDefined();
    expect(h).toMatch(/h = (\d(\.\d+)?×)?10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    expect(h).not.toMatch(/⁻\d/);
  });

  it('the LaTeX export raises the whole exponent (never \\textsuperscript{-}5)', () => {
    const latex = derivationLatex(w5());
    expect(latex).not.toMatch(/\\textsuperscript\{[^}]*\}\d/);
    expect(latex).toMatch(/10\\textsuperscript\{-\d+\}/);
  });

  it('the math panel follows the precision it is given', () => {
    // The local chain rule, first line of the derivation: ∂L/∂w₅ = … = 0.082167041 (Mazur's post).
    expect(w5(4).sections[0].lines[0].tex).toMatch(/= 0\.08217$/);
    expect(
      w5(9).sections[0].lines[0].tex.endsWith(
        String.raw`= 0.74136507\cdot 0.186815602\cdot 0.593269992 = 0.0821670406`,
      ),
    ).toBe(true);
  });
});
