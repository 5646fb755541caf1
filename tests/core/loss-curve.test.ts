import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import {
  createLossCurveJob,
  curveWindow,
  fillLossGrid,
  lossCurve,
  paramValue,
  type ParamRef,
} from '../../src/core/landscape.ts';
import { loadPreset } from '../../src/presets/index.ts';

const compiledPreset = (id: string) => compileScenario(loadPreset(id)!);

/** n points of [c − r, c + r], c the middle one (n odd) */
const around = (c: number, r: number, n: number) =>
  Float64Array.from({ length: n }, (_, k) => c + (r * (2 * k - (n - 1))) / (n - 1));

describe('lossCurve: J(θ) along one parameter, every other one held', () => {
  // a weight and a bias of networks with sigmoid, tanh, ReLU/softmax and a penalty-free MSE
  const cases: [string, ParamRef][] = [
    ['mazur', { kind: 'w', index: 4 }],
    ['mazur', { kind: 'w', index: 1 }],
    ['tanh-221', { kind: 'w', index: 4 }],
    ['by-hand-mlp', { kind: 'w', index: 12 }],
    ['by-hand-mlp', { kind: 'b', index: 1 }],
    ['landscape-local-minimum', { kind: 'w', index: 0 }],
  ];

  for (const [id, p] of cases) {
    it(`${id} ${p.kind}:${p.index}: at the current value it is the core's loss, and its central difference is the core's gradient`, () => {
      const c = compiledPreset(id);
      const it0 = runIteration(c);
      const theta = paramValue(c.params, p);
      const curve = lossCurve(c, c.params, p, around(theta, 1, 41));
      expect(curve.values[20]).toBe(it0.pass.loss);
      const h = 1e-5;
      const near = lossCurve(c, c.params, p, Float64Array.of(theta - h, theta, theta + h));
      expect(near.values[1]).toBe(it0.pass.loss);
      const slope = (near.values[2] - near.values[0]) / (2 * h);
      const g = paramValue({ w: it0.pass.dLdw, b: it0.pass.dLdb }, p);
      expect(Math.abs(slope - g)).toBeLessThan(1e-7 * Math.max(1, Math.abs(g)));
      expect(c.params.w).toEqual(compiledPreset(id).params.w); // the caller's parameters are untouched
    });
  }

  it('is one row of the landscape: filled in slices to the same numbers as in one go, with min and max', () => {
    const c = compiledPreset('mazur');
    const p: ParamRef = { kind: 'w', index: 4 };
    const xs = around(0.4, 2, 25);
    const whole = lossCurve(c, c.params, p, xs);
    const job = createLossCurveJob(c, c.params, p, xs);
    let slices = 0;
    while (!fillLossGrid(job, 10)) slices++;
    expect(slices).toBe(2);
    expect(job.grid.values).toEqual(whole.values);
    expect(whole.ny).toBe(1);
    expect(whole.xs).toEqual(xs);
    expect(whole.min).toBe(Math.min(...whole.values));
    expect(whole.max).toBe(Math.max(...whole.values));
  });

  it('evaluates the batch of the given step', () => {
    const s = { ...loadPreset('walkthrough')!, batchSize: 2 };
    const c = compileScenario(s);
    const it1 = runIteration(c, c.params, undefined, 1);
    const p: ParamRef = { kind: 'w', index: 0 };
    expect(lossCurve(c, c.params, p, Float64Array.of(paramValue(c.params, p)), 1).values[0]).toBe(it1.pass.loss);
  });
});

describe('curveWindow', () => {
  it('is centred on θ, at least ±r wide, and holds the next point with a margin', () => {
    expect(curveWindow(0.5, 0.45, 1)).toEqual({ c: 0.5, r: 1 });
    const w = curveWindow(2, -3, 1);
    expect(w.c).toBe(2);
    expect(w.r).toBeGreaterThan(5);
    expect(2 - w.r).toBeLessThan(-3);
  });

  it('ignores a next point that is not finite', () => {
    expect(curveWindow(1, NaN, 2)).toEqual({ c: 1, r: 2 });
    expect(curveWindow(1, Infinity, 2)).toEqual({ c: 1, r: 2 });
  });
});
