import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { resolveQuantity } from '../../src/core/lesson-quantity.ts';
import { printedPrediction, roundedChainContext } from '../../src/core/lesson-rounding.ts';
import { passWithOutputs } from '../../src/core/output-override.ts';
import { loadLesson } from '../../src/lessons/index.ts';
import { loadPreset } from '../../src/presets/index.ts';

/** The oracle's seed-003 case with the exercise's rounded Ŷ = [0.5, 0.5, 0] plugged into ∂L/∂z₃ = Ŷ − Y. */
const rounded = JSON.parse(
  readFileSync(new URL('../fixtures/oracle/seed003_aibyhand_mlp_tutorial_rounded.json', import.meta.url), 'utf8'),
) as {
  output_override: { layer: number; values: number[][] };
  expected: {
    forward_backward: { samples: { dL_dz: (number[] | null)[]; dL_da: number[][] }[] };
    grads: { weights: number[][][]; biases: number[][] };
  };
};
const TOL = 1e-12;

describe('passWithOutputs: the backward pass from a tutorial’s rounded prediction', () => {
  const c = compileScenario(loadPreset('by-hand-mlp')!);
  const it0 = runIteration(c);
  const yhat = rounded.output_override.values[0];
  const ws = passWithOutputs(c, it0, 0, yhat);
  const { model } = c;
  const sample = rounded.expected.forward_backward.samples[0];

  it('gives every ∂L/∂z and ∂L/∂a of the oracle’s rounded case', () => {
    for (let l = 1; l <= model.depth; l++) {
      for (let j = 0; j < model.sizes[l]; j++) {
        const at = model.nodeOffset[l] + j;
        expect(Math.abs(ws.dLdz[at] - sample.dL_dz[l]![j]), `dLdz ${l}:${j}`).toBeLessThan(TOL);
        expect(Math.abs(ws.dLda[at] - sample.dL_da[l][j]), `dLda ${l}:${j}`).toBeLessThan(TOL);
      }
    }
  });

  it('gives every gradient of the oracle’s rounded case, and leaves the iteration as it was', () => {
    const g = rounded.expected.grads;
    for (let l = 0; l < model.depth; l++) {
      for (let j = 0; j < model.sizes[l + 1]; j++) {
        for (let i = 0; i < model.sizes[l]; i++)
          expect(Math.abs(ws.dLdw[model.weightOffset[l] + j * model.sizes[l] + i] - g.weights[l][j][i])).toBeLessThan(
            TOL,
          );
        expect(Math.abs(ws.dLdb[model.biasOffset[l] + j] - g.biases[l][j])).toBeLessThan(TOL);
      }
    }
    // the exact iteration is untouched: its ∂L/∂z₃[1] is ŷ₁ − 0 = 0.4955, not 0.5
    expect(it0.pass.dLdz[model.nodeOffset[3]]).toBeCloseTo(0.4954626425778431, 12);
  });
});

describe('the lesson’s printed prediction and its chain', () => {
  const lesson = loadLesson('by-hand-mlp')!;
  const c = compileScenario(loadPreset('by-hand-mlp')!);
  const it0 = runIteration(c);
  const ctx = { compiled: c, iteration: it0, sample: 0 };

  it('reads Ŷ = [0.5, 0.5, 0] from the first step whose compares name every output’s activation', () => {
    const p = printedPrediction(lesson, c.model);
    expect(p).not.toBeNull();
    expect(p!.values).toEqual([0.5, 0.5, 0]);
    expect(lesson.steps[p!.step].compare!.some((e) => e.of.kind === 'a')).toBe(true);
  });

  it('from that step on, the chain’s values are the oracle’s rounded ones; before it there is no chain', () => {
    const p = printedPrediction(lesson, c.model)!;
    expect(roundedChainContext(lesson, p.step - 1, ctx)).toBeNull();
    const chain = roundedChainContext(lesson, p.step, ctx)!;
    expect(chain).not.toBeNull();
    const dz3 = resolveQuantity(chain, { kind: 'dLdz', sel: { kind: 'node', l: 3, j: 1 } });
    expect(Math.abs(dz3 - rounded.expected.forward_backward.samples[0].dL_dz[3]![1])).toBeLessThan(TOL);
    const gW3 = resolveQuantity(chain, { kind: 'gradient', sel: { kind: 'edge', l: 2, j: 0, i: 1 } });
    expect(Math.abs(gW3 - rounded.expected.grads.weights[2][0][1])).toBeLessThan(TOL);
    expect(resolveQuantity(chain, { kind: 'a', sel: { kind: 'node', l: 3, j: 2 } })).toBe(0);
  });

  it('a lesson whose printed outputs agree with the app’s has no chain (Mazur prints exact outputs)', () => {
    const mazur = loadLesson('mazur')!;
    const m = compileScenario(loadPreset('mazur')!);
    const mctx = { compiled: m, iteration: runIteration(m), sample: 0 };
    for (let k = 0; k < mazur.steps.length; k++) expect(roundedChainContext(mazur, k, mctx)).toBeNull();
  });
});

describe('what counts as a rounding', () => {
  it('a printed ŷ rounded to its own decimals, not a truncation', async () => {
    const { isRoundingOf, printedDecimals } = await import('../../src/core/lesson-rounding.ts');
    expect([0.5, 0, 2.25, 1e-7, 0.999, 12].map(printedDecimals)).toEqual([1, 0, 2, 7, 3, 0]);
    expect(isRoundingOf(0.5, 0.4954626425778431)).toBe(true);
    expect(isRoundingOf(0, 0.009074714844313747)).toBe(true);
    // seed 000's "F = 0.999" for σ(12) = 0.9999939: truncated, not rounded (rounding gives 1.000)
    expect(isRoundingOf(0.999, 0.9999938558253978)).toBe(false);
    expect(isRoundingOf(0.2748, 0.274811083)).toBe(true);
  });

  it('seed 000’s lesson, which prints F = 0.999, has no rounded chain', () => {
    const w = loadLesson('walkthrough')!;
    const c = compileScenario(w.scenario.scenario);
    const wctx = { compiled: c, iteration: runIteration(c), sample: 0 };
    for (let k = 0; k < w.steps.length; k++) expect(roundedChainContext(w, k, wctx)).toBeNull();
  });
});
