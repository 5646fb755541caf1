import { describe, expect, it } from 'vitest';
import { edgeFactors, nodeFactors, pathCount, pathTerms, recursiveTerms } from '../../src/core/chain-rule.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { weightIndex } from '../../src/core/model.ts';
import { loadOracleCases, oracleToScenario } from '../helpers/oracle-case.ts';

const scenarios = loadOracleCases()
  .map(({ file, oracle }) => ({ file, scenario: oracleToScenario(oracle) }))
  .filter((c) => c.scenario !== null);

describe('chain-rule factors multiply to the gradient the core computed', () => {
  for (const { file, scenario } of scenarios) {
    it(`${file}: every edge, every sample`, () => {
      const compiled = compileScenario(scenario!);
      const { model } = compiled;
      const { pass } = runIteration(compiled);
      for (let l = 0; l < model.depth; l++) {
        for (let j = 0; j < model.sizes[l + 1]; j++) {
          for (let i = 0; i < model.sizes[l]; i++) {
            let total = 0;
            for (let s = 0; s < pass.count; s++) {
              const f = edgeFactors(model, pass, s, l, j, i);
              const shown = f.target.form === 'chain' ? f.target.dLda * f.target.dadz * f.dzdw : f.target.dLdz * f.dzdw;
              expect(shown).toBeCloseTo(f.dLdw, 12);
              total += f.dLdw;
            }
            expect(total).toBeCloseTo(pass.dLdw[weightIndex(model, l, j, i)], 12);
          }
        }
      }
    });

    it(`${file}: ∂L/∂a of every hidden node is Σ w·δ and the sum over its paths`, () => {
      const compiled = compileScenario(scenario!);
      const { model } = compiled;
      const { pass } = runIteration(compiled);
      for (let l = 1; l < model.depth; l++) {
        for (let j = 0; j < model.sizes[l]; j++) {
          const dLda = nodeFactors(model, pass, 0, l, j).dLda;
          const recursive = recursiveTerms(model, compiled.params, pass, 0, l, j).reduce(
            (sum, t) => sum + t.w * t.dLdz,
            0,
          );
          expect(recursive).toBeCloseTo(dLda, 12);
          const paths = pathTerms(model, compiled.params, pass, 0, l, j);
          expect(paths).not.toBeNull();
          expect(paths!.length).toBe(pathCount(model, l));
          expect(paths!.reduce((sum, p) => sum + p.value, 0)).toBeCloseTo(dLda, 12);
        }
      }
    });
  }

  it("reproduces seed 001's equation 9: ∂L/∂xh₁ = 8·[0.5·1.5·4 + 1·0.5·4] = 40", () => {
    const { scenario } = scenarios.find((c) => c.file.startsWith('seed001'))!;
    const compiled = compileScenario(scenario!);
    const { model } = compiled;
    const { pass } = runIteration(compiled);
    const edge = edgeFactors(model, pass, 0, 0, 0, 0);
    expect(edge.dLdw).toBe(40);
    expect(edge.dzdw).toBe(2);
    expect(edge.target.dadz).toBe(2);
    const paths = pathTerms(model, compiled.params, pass, 0, 1, 0)!;
    expect(paths.map((p) => p.weights)).toEqual([
      [0.75, 0.25],
      [0.25, 0.5],
    ]);
    expect(paths.map((p) => p.dadz)).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(paths.map((p) => p.tail)).toEqual([8, 8]);
    // 8·0.75·0.25·2·2 + 8·0.25·0.5·2·2 = 10 = ∂L/∂a(h₁); times φ′ = 2 and X = 2 gives 40
    expect(paths.map((p) => p.value)).toEqual([6, 4]);
    expect(edge.target.dLda).toBe(10);
  });

  it('gives no path expansion past the limit', () => {
    const { scenario } = scenarios.find((c) => c.file.startsWith('seed003'))!;
    const compiled = compileScenario(scenario!);
    const { pass } = runIteration(compiled);
    expect(pathCount(compiled.model, 0)).toBe(4 * 2 * 3);
    expect(pathTerms(compiled.model, compiled.params, pass, 0, 0, 0)).toBeNull();
    expect(pathTerms(compiled.model, compiled.params, pass, 0, 0, 0, 24)).toHaveLength(24);
  });
});
