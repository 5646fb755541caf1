import { describe, expect, it } from 'vitest';
import { cloneParams, compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import { runIteration } from '../../src/core/iteration.ts';
import {
  createLossGridJob,
  fillLossGrid,
  gridLocalMinima,
  gridWindow,
  lossGrid,
  paramValue,
  windowAround,
  type ParamRef,
} from '../../src/core/landscape.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { createWorkspace } from '../../src/core/workspace.ts';
import { loadPreset } from '../../src/presets/index.ts';

const compiledPreset = (id: string) => compileScenario(loadPreset(id)!);

describe('lossGrid', () => {
  const c = compiledPreset('walkthrough');
  const p1: ParamRef = { kind: 'w', index: 0 };
  const p2: ParamRef = { kind: 'w', index: 6 };

  it('equals forward() at sampled grid points exactly, every other parameter fixed', () => {
    const win = gridWindow(paramValue(c.params, p1), paramValue(c.params, p2), 'fixed', 1);
    const g = lossGrid(c, c.params, p1, p2, win, 16);
    const ws = createWorkspace(c.model, c.data.count);
    for (const [row, col] of [
      [0, 0],
      [3, 11],
      [15, 15],
      [8, 2],
    ]) {
      const p = cloneParams(c.params);
      p.w[0] = g.xs[col];
      p.w[6] = g.ys[row];
      expect(g.values[row * g.nx + col]).toBe(forward(c.model, p, c.data, 0, c.data.count, ws));
    }
    expect(g.xs[0]).toBeCloseTo(win.cx - 1, 14);
    expect(g.xs[15]).toBeCloseTo(win.cx + 1, 14);
    expect(g.min).toBe(Math.min(...g.values));
    expect(g.max).toBe(Math.max(...g.values));
    expect(c.params.w[0]).toBe(1); // the caller's parameters are untouched
  });

  it('has the iteration’s loss at its centre (odd resolution), for a weight and a bias', () => {
    const cc = compiledPreset('by-hand-mlp');
    const it0 = runIteration(cc);
    const b: ParamRef = { kind: 'b', index: 0 };
    const win = gridWindow(paramValue(cc.params, p1), paramValue(cc.params, b), 'relative');
    const g = lossGrid(cc, cc.params, p1, b, win, 9);
    expect(g.values[4 * 9 + 4]).toBe(it0.pass.loss);
  });

  it('evaluates the batch of the given step', () => {
    const s = { ...loadPreset('walkthrough')!, batchSize: 2 };
    const cc = compileScenario(s);
    const it1 = runIteration(cc, cc.params, undefined, 1);
    const g = lossGrid(cc, cc.params, p1, p2, gridWindow(1, 1, 'fixed', 0.5), 3, 1);
    expect(g.values[4]).toBe(it1.pass.loss);
  });

  it('fills in slices to the same numbers as in one go', () => {
    const win = gridWindow(1, 1, 'fixed', 2);
    const whole = lossGrid(c, c.params, p1, p2, win, 12);
    const job = createLossGridJob(c, c.params, p1, p2, win, 12);
    let done = false;
    let slices = 0;
    while (!done) {
      done = fillLossGrid(job, 50);
      slices++;
    }
    // 144 points in slices of 50
    expect(slices).toBe(3);
    expect(job.filled).toBe(144);
    expect(job.grid.values).toEqual(whole.values);
    expect([job.grid.min, job.grid.max]).toEqual([whole.min, whole.max]);
  });
});

describe('the landscape-local-minimum preset', () => {
  const c = compiledPreset('landscape-local-minimum');
  const t1: ParamRef = { kind: 'w', index: 0 };
  const t2: ParamRef = { kind: 'w', index: 1 };

  it('has a global minimum near (1, 1) and a shallower local one with θ₁, θ₂ < 0 over ±3', () => {
    const g = lossGrid(c, c.params, t1, t2, { cx: 0, cy: 0, rx: 3, ry: 3 }, 64);
    const minima = gridLocalMinima(g).map((k) => ({
      x: g.xs[k % g.nx],
      y: g.ys[Math.floor(k / g.nx)],
      L: g.values[k],
    }));
    const global = minima.filter((m) => m.x > 0 && m.y > 0);
    const local = minima.filter((m) => m.x < 0 && m.y < 0);
    expect(global.length).toBeGreaterThanOrEqual(1);
    expect(local.length).toBeGreaterThanOrEqual(1);
    expect(Math.min(...global.map((m) => m.L))).toBeLessThan(1e-3);
    expect(Math.min(...local.map((m) => m.L))).toBeGreaterThan(0.015);
    expect(g.min).toBe(Math.min(...global.map((m) => m.L)));
  });

  it('trains into the local minimum from its start, and into the global one from (0.5, 0.2), as its notes say', () => {
    const tr = createTrainer(c);
    const h = train(tr, 2000);
    expect(tr.params.w[0]).toBeCloseTo(-1.77, 1);
    expect(tr.params.w[1]).toBeCloseTo(-0.88, 1);
    expect(h[2000]).toBeCloseTo(0.02, 3);
    const p = cloneParams(c.params);
    p.w[0] = 0.5;
    p.w[1] = 0.2;
    const tr2 = createTrainer(c, p);
    train(tr2, 2000);
    expect(tr2.params.w[0]).toBeCloseTo(1, 1);
    expect(tr2.params.w[1]).toBeCloseTo(1, 1);
  });
});

describe('windowAround', () => {
  it('holds every finite point with a margin, ignoring points that are not finite', () => {
    const w = windowAround([0, 0, 2, 1, -1, 3, NaN, 5, Infinity, 0])!;
    expect(w.cx).toBeCloseTo(0.5, 12);
    expect(w.cy).toBeCloseTo(1.5, 12);
    expect(w.rx).toBeCloseTo(1.5 * 1.24, 12);
    expect(w.ry).toBeCloseTo(1.5 * 1.24, 12);
    for (const [x, y] of [
      [0, 0],
      [2, 1],
      [-1, 3],
    ]) {
      expect(Math.abs(x - w.cx)).toBeLessThan(w.rx);
      expect(Math.abs(y - w.cy)).toBeLessThan(w.ry);
    }
  });

  it('is never narrower than its floor, and null without a finite point', () => {
    expect(windowAround([1, 2, 1, 2], 0.1, 0.05)).toEqual({ cx: 1, cy: 2, rx: 0.05, ry: 0.05 });
    expect(windowAround([NaN, 1])).toBeNull();
    expect(windowAround([])).toBeNull();
  });
});
