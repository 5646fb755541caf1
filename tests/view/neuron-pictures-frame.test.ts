import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import { ACT } from '../../src/core/model.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { createWorkspace } from '../../src/core/workspace.ts';
import { createPicturesBuilder } from '../../src/view/neuron-pictures-frame.ts';
import { loadPreset } from '../../src/presets/index.ts';

function preset(id: string): Scenario {
  const s = loadPreset(id);
  if (s === null) throw new Error(`no preset ${id}`);
  return s;
}

/** a of node j of layer l for one input, by the core's forward pass (not the grid's batch). */
function coreActivation(s: Scenario, x: number[], l: number, j: number): number {
  const c = compileScenario({ ...s, data: [{ x, y: s.data[0].y }], testData: undefined, batchSize: undefined });
  const ws = createWorkspace(c.model, 1);
  forward(c.model, c.params, c.data, 0, 1, ws);
  return ws.a[c.model.nodeOffset[l] + j];
}

/** The README's rule for a picture read over [lo, hi]: orange below the middle, blue above, white mixed toward it by |2t − 1|. */
function rule(a: number, lo: number, hi: number): number[] {
  const t = Math.max(0, Math.min(1, (a - lo) / (hi - lo)));
  const c = t >= 0.5 ? [31, 100, 200] : [230, 115, 0];
  const f = Math.abs(2 * t - 1);
  return c.map((v) => Math.round(255 + (v - 255) * f));
}

describe('neuron pictures beyond two inputs', () => {
  it('3 inputs: each picture is the node’s activation over the two picked inputs, the third held', () => {
    const s = preset('numpy-341');
    const c = compileScenario(s);
    const held = [0.7, -0.3, 0.45];
    // across input 3, up input 1; input 2 held at −0.3
    const frame = createPicturesBuilder()(c, c.params, s.data, s.testData ?? [], 2, 0, held);
    expect(frame).not.toBeNull();
    if (frame === null || frame.kind !== 'plane') throw new Error('a plane frame was expected');
    const w = frame.window;
    expect(frame.axes).toEqual([2, 0]);
    expect(frame.held).toEqual([{ input: 1, value: -0.3 }]);
    expect([...frame.pictures.keys()].sort()).toEqual(['1:0', '1:1', '1:2', '1:3', '2:0']);
    for (const [l, j] of [
      [1, 0],
      [1, 3],
      [2, 0],
    ]) {
      const px = frame.pictures.get(`${l}:${j}`)!;
      // the range this node is read over: ± the largest |a| over the cells for unbounded ones, from the core
      let m = 0;
      const all: number[] = [];
      for (let r = 0; r < w.res; r++)
        for (let col = 0; col < w.res; col++) {
          const u = w.x0 + ((col + 0.5) * (w.x1 - w.x0)) / w.res;
          const v = w.y1 - ((r + 0.5) * (w.y1 - w.y0)) / w.res;
          const a = coreActivation(s, [v, -0.3, u], l, j);
          all.push(a);
          m = Math.max(m, Math.abs(a));
        }
      const act = c.model.act[l - 1];
      const [lo, hi] = frame.ranges.get(`${l}:${j}`)!;
      // the README's ranges: [−1, 1] for tanh, [0, 1] for sigmoid, else ± the largest |a| over the plane
      const want = act === ACT.tanh ? [-1, 1] : act === ACT.sigmoid || act === ACT.softmax ? [0, 1] : [-m, m];
      expect(lo).toBeCloseTo(want[0], 12);
      expect(hi).toBeCloseTo(want[1], 12);
      for (const [r, col] of [
        [0, 0],
        [5, 60],
        [31, 17],
        [63, 63],
        [40, 2],
      ]) {
        const want = rule(all[r * w.res + col], lo, hi);
        for (let k = 0; k < 3; k++)
          expect(
            Math.abs(px[(r * w.res + col) * 4 + k] - want[k]),
            `node ${l}:${j} cell (${r}, ${col})`,
          ).toBeLessThanOrEqual(1);
      }
    }
  });

  it('1 input: each picture is a curve of the node’s activation over the input’s range', () => {
    const s = preset('little-network');
    const c = compileScenario(s);
    const frame = createPicturesBuilder()(c, c.params, s.data, s.testData ?? [], 0, -1, s.data[0].x);
    expect(frame).not.toBeNull();
    if (frame === null || frame.kind !== 'curve') throw new Error('a curve frame was expected');
    const xs = [...s.data, ...(s.testData ?? [])].map((d) => d.x[0]);
    const w = frame.window;
    // the curve spans the data's range
    expect(w.x0).toBeLessThanOrEqual(Math.min(...xs));
    expect(w.x1).toBeGreaterThanOrEqual(Math.max(...xs));
    expect([...frame.curves.keys()].sort()).toEqual(['1:0', '2:0', '2:1', '3:0']);
    for (const [key, ys] of frame.curves) {
      const [l, j] = key.split(':').map(Number);
      expect(ys.length).toBe(w.res);
      for (const col of [0, 7, Math.floor(w.res / 2), w.res - 1]) {
        const u = w.x0 + ((col + 0.5) * (w.x1 - w.x0)) / w.res;
        expect(ys[col], `node ${key} point ${col}`).toBeCloseTo(coreActivation(s, [u], l, j), 12);
      }
      const [lo, hi] = frame.ranges.get(key)!;
      expect(lo).toBeLessThanOrEqual(Math.min(...ys));
      expect(hi).toBeGreaterThanOrEqual(Math.max(...ys));
      expect(hi).toBeGreaterThan(lo);
    }
  });
});
