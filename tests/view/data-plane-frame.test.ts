import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import { outputReading } from '../../src/core/output-reading.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { createWorkspace } from '../../src/core/workspace.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createFrameBuilder } from '../../src/view/data-plane-frame.ts';
import { createPicturesBuilder } from '../../src/view/neuron-pictures-frame.ts';

function preset(id: string): Scenario {
  const s = loadPreset(id);
  if (s === null) throw new Error(`no preset ${id}`);
  return s;
}

/** ŷ and every a for one input, by the core's forward pass of one sample (not the grid's batch). */
function coreA(s: Scenario, x: number[]): { a: Float64Array; out: number } {
  const c = compileScenario({ ...s, data: [{ x, y: s.data[0].y }], testData: undefined, batchSize: undefined });
  const ws = createWorkspace(c.model, 1);
  forward(c.model, c.params, c.data, 0, 1, ws);
  return { a: ws.a.slice(0, c.model.nodeCount), out: ws.a[c.model.nodeOffset[c.model.depth]] };
}

/** The README's rule for one tanh output over [−1, 1]: blue at ŷ ≥ 0, orange below, white mixed 60 % toward it at |ŷ| = 1. */
function heat(y: number): number[] {
  const t = Math.max(0, Math.min(1, (y + 1) / 2));
  const cls = t >= 0.5 ? [31, 100, 200] : [230, 115, 0];
  const f = 0.6 * Math.abs(2 * t - 1);
  return cls.map((v) => Math.round(255 + (v - 255) * f));
}

/** The README's rule for a neuron picture over [lo, hi]. */
function rule(a: number, lo: number, hi: number): number[] {
  const t = Math.max(0, Math.min(1, (a - lo) / (hi - lo)));
  const c = t >= 0.5 ? [31, 100, 200] : [230, 115, 0];
  const f = Math.abs(2 * t - 1);
  return c.map((v) => Math.round(255 + (v - 255) * f));
}

describe('the data view while training (busy): fewer cells, the full grid at rest', () => {
  const s = preset('playground');
  const c = compileScenario(s);
  const reading = outputReading(c.model, [c.data, c.testData]);
  const inputs = (busy: boolean) => ({
    compiled: c,
    params: c.params,
    data: s.data,
    testData: s.testData ?? [],
    reading,
    i: 0,
    j: 1,
    fixed: s.data[0].x,
    selected: 0,
    mode: 'select' as const,
    labels: ['x1', 'x2'],
    outputLabel: 'ŷ',
    busy,
  });

  it('draws 32 × 32 cells while busy and 64 × 64 at rest, over the same window, each cell the core’s output', () => {
    const build = createFrameBuilder();
    const rest = build(inputs(false));
    expect(rest.window.res).toBe(64);
    const { x0, x1, y0, y1 } = rest.window;
    const busy = build(inputs(true));
    expect(busy.window.res).toBe(32);
    expect([busy.window.x0, busy.window.x1, busy.window.y0, busy.window.y1]).toEqual([x0, x1, y0, y1]);
    expect(busy.pixels!.length).toBe(32 * 32 * 4);
    for (const [r, col] of [
      [0, 0],
      [7, 30],
      [16, 16],
      [31, 31],
      [25, 3],
    ]) {
      const u = x0 + ((col + 0.5) * (x1 - x0)) / 32;
      const v = y1 - ((r + 0.5) * (y1 - y0)) / 32;
      const want = heat(coreA(s, [u, v]).out);
      const k = (r * 32 + col) * 4;
      for (let ch = 0; ch < 3; ch++) expect(Math.abs(busy.pixels![k + ch] - want[ch])).toBeLessThanOrEqual(1);
      expect(busy.pixels![k + 3]).toBe(255);
    }
    // at rest again: the full grid
    expect(build(inputs(false)).window.res).toBe(64);
  });

  it('the neuron pictures follow: 32 × 32 while busy, each cell the core’s activation', () => {
    const build = createPicturesBuilder();
    const frame = build(c, c.params, s.data, s.testData ?? [], 0, 1, s.data[0].x, true);
    if (frame === null || frame.kind !== 'plane') throw new Error('a plane frame was expected');
    expect(frame.window.res).toBe(32);
    const w = frame.window;
    const node = c.model.nodeOffset[1] + 2;
    const px = frame.pictures.get('1:2')!;
    expect(px.length).toBe(32 * 32 * 4);
    for (const [r, col] of [
      [0, 31],
      [12, 5],
      [31, 0],
    ]) {
      const u = w.x0 + ((col + 0.5) * (w.x1 - w.x0)) / 32;
      const v = w.y1 - ((r + 0.5) * (w.y1 - w.y0)) / 32;
      const want = rule(coreA(s, [u, v]).a[node], -1, 1);
      const k = (r * 32 + col) * 4;
      for (let ch = 0; ch < 3; ch++) expect(Math.abs(px[k + ch] - want[ch])).toBeLessThanOrEqual(1);
    }
    const rest = build(c, c.params, s.data, s.testData ?? [], 0, 1, s.data[0].x, false);
    expect(rest?.window.res).toBe(64);
    expect(rest?.kind === 'plane' && rest.pictures.get('1:2')!.length).toBe(64 * 64 * 4);
  });
});
