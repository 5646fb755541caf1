import { describe, expect, it } from 'vitest';
import { nodeFactors, softmaxJacobianTerms } from '../../src/core/chain-rule.ts';
import { parseScenario } from '../../src/core/codec/index.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { loadOracleCases, oracleToScenario, type OracleCase } from '../helpers/oracle-case.ts';

/**
 * The unfused chain of a fused output, against the oracle's own ∂L/∂a and δ: for sigmoid +
 * BCE, ∂L/∂F · F(1−F); for softmax + cross-entropy, δₖ = Σⱼ ∂L/∂aⱼ · aⱼ(𝟙[j=k] − aₖ).
 */
function oracle(prefix: string): OracleCase {
  return loadOracleCases().find((c) => c.file.startsWith(prefix))!.oracle;
}

function run(c: OracleCase) {
  const compiled = compileScenario(oracleToScenario(c)!);
  return { model: compiled.model, pass: runIteration(compiled).pass };
}

describe('sigmoid + binary cross-entropy, unfused', () => {
  for (const prefix of ['seed000_walkthrough_hypA', 'seed000_walkthrough_hypB']) {
    it(`${prefix}: ∂L/∂F is the oracle's, ∂F/∂z is F(1−F), and their product is the oracle's δ`, () => {
      const c = oracle(prefix);
      const { model, pass } = run(c);
      const L = model.depth;
      c.expected.forward_backward.samples.forEach((golden, s) => {
        const f = nodeFactors(model, pass, s, L, 0);
        expect(f.form).toBe('sigmoid-bce');
        const F = golden.a[L][0];
        expect(f.dLda).toBeCloseTo(golden.dL_da[L][0], 9);
        expect(Math.abs(f.dadz - F * (1 - F))).toBeLessThan(1e-15);
        const delta = golden.dL_dz[L]![0];
        // the saturated sigmoid of hypothesis B (1 − F = 6e-6) loses digits to 1/(1 − F)
        expect(Math.abs(f.dLda * f.dadz - delta)).toBeLessThan(1e-9 * Math.max(1, Math.abs(delta)));
      });
    });
  }

  it('at F = 1 exactly, ∂L/∂F is infinite while F(1−F) is 0: the product has no value, the fused δ has', () => {
    const parsed = parseScenario({
      format: 'backprop-scenario/1',
      layers: [{ size: 1 }, { size: 1, activation: 'sigmoid', bias: false }],
      weights: [[[50]]],
      loss: 'bce',
      data: [{ x: [1], y: [0] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    if (!parsed.ok) throw new Error('the saturated scenario does not parse');
    const compiled = compileScenario(parsed.value);
    const { model } = compiled;
    const f = nodeFactors(model, runIteration(compiled).pass, 0, 1, 0);
    expect(f.a).toBe(1);
    expect(f.dLda).toBe(Infinity);
    expect(f.dadz).toBe(0);
    expect(f.dLdz).toBe(1);
  });
});

describe('softmax + cross-entropy, unfused (seed 003, exact softmax)', () => {
  const c = oracle('seed003_aibyhand_mlp_exact_softmax');
  const { model, pass } = run(c);
  const L = model.depth;
  const golden = c.expected.forward_backward.samples[0];
  const a = golden.a[L];

  for (let k = 0; k < a.length; k++) {
    it(`δ of output ${k + 1} is Σⱼ ∂L/∂aⱼ · ∂aⱼ/∂zₖ over the Jacobian's column, to the oracle's δ`, () => {
      const terms = softmaxJacobianTerms(model, pass, 0, L, k);
      expect(terms.map((t) => t.j)).toEqual([0, 1, 2]);
      let sum = 0;
      for (const t of terms) {
        expect(t.dLda).toBeCloseTo(golden.dL_da[L][t.j], 12);
        const jacobian = t.j === k ? a[t.j] * (1 - a[k]) : -a[t.j] * a[k];
        expect(t.dadz).toBeCloseTo(jacobian, 14);
        sum += t.dLda * t.dadz;
      }
      expect(sum).toBeCloseTo(golden.dL_dz[L]![k], 12);
    });
  }

  it('the middle output: −(1/ŷ₂)·ŷ₂(1 − ŷ₂) = ŷ₂ − 1 = −0.504537 (step 3 of the exercise)', () => {
    const terms = softmaxJacobianTerms(model, pass, 0, L, 1);
    const own = terms[1];
    expect(own.dLda * own.dadz).toBeCloseTo(-0.5045373574221569, 12);
    expect(terms[0].dLda).toBe(0);
    expect(terms[2].dLda).toBe(0);
  });
});
