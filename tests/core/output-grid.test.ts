import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { cellX, cellY, computeOutputGrid, createOutputGrid, createPlaneGridCache } from '../../src/core/output-grid.ts';
import { loadPreset } from '../../src/presets/index.ts';

/** ŷ of one input by hand: the scenario's nested weights, tanh layers (the playground preset). */
function byHand(weights: number[][][], biases: (number[] | null)[], x: number[]): number[] {
  let a = x;
  for (let l = 0; l < weights.length; l++) {
    a = weights[l].map((row, j) => Math.tanh(row.reduce((s, w, i) => s + w * a[i], biases[l]?.[j] ?? 0)));
  }
  return a;
}

describe('the output grid', () => {
  it('cell centres span the window, row 0 at the top', () => {
    const w = { x0: -1, x1: 1, y0: -2, y1: 2, res: 4 };
    expect([0, 1, 2, 3].map((c) => cellX(w, c))).toEqual([-0.75, -0.25, 0.25, 0.75]);
    expect([0, 1, 2, 3].map((r) => cellY(w, r))).toEqual([1.5, 0.5, -0.5, -1.5]);
  });

  it('gives at each cell the output computed by hand at that cell’s inputs', () => {
    const s = loadPreset('playground')!;
    const c = compileScenario(s);
    const w = { x0: -1.2, x1: 1.2, y0: -1.2, y1: 1.2, res: 16 };
    const grid = createOutputGrid(c.model, w);
    const out = computeOutputGrid(c.model, c.params, grid, 0, 1, [0, 0]);
    for (const [r, col] of [
      [0, 0],
      [3, 11],
      [15, 15],
      [8, 2],
    ]) {
      const expected = byHand(s.weights, s.biases, [cellX(w, col), cellY(w, r)]);
      expect(out[r * 16 + col]).toBeCloseTo(expected[0], 12);
    }
  });

  it('holds the inputs off the plane at the fixed values, with the axes in either order', () => {
    const s = loadPreset('playground')!;
    const c = compileScenario(s);
    const w = { x0: 0, x1: 1, y0: 0, y1: 1, res: 2 };
    const grid = createOutputGrid(c.model, w);
    const swapped = Float64Array.from(computeOutputGrid(c.model, c.params, grid, 1, 0, [9, 9]));
    // axis I = input 2 (columns), axis J = input 1 (rows): cell (r, c) is x = (cellY(r), cellX(c))
    expect(swapped[0 * 2 + 1]).toBeCloseTo(byHand(s.weights, s.biases, [cellY(w, 0), cellX(w, 1)])[0], 12);
  });
});

describe('the output curve', () => {
  it('varies only input i over one row (axis j < 0), the others held', () => {
    const s = loadPreset('playground')!;
    const c = compileScenario(s);
    const w = { x0: -1, x1: 1, y0: 0, y1: 1, res: 8, rows: 1 };
    const grid = createOutputGrid(c.model, w);
    const out = computeOutputGrid(c.model, c.params, grid, 0, -1, [0, 0.3]);
    expect(out.length).toBe(8);
    for (let col = 0; col < 8; col++)
      expect(out[col]).toBeCloseTo(byHand(s.weights, s.biases, [cellX(w, col), 0.3])[0], 12);
  });
});

describe('the plane grid cache', () => {
  it('returns the grid already computed for the same network, parameters, window, axes and held inputs; computes anew when one changes', () => {
    const s = loadPreset('playground')!;
    const c = compileScenario(s);
    const w = { x0: -1.2, x1: 1.2, y0: -1.2, y1: 1.2, res: 8 };
    const grid = createPlaneGridCache();
    const first = grid(c, w, 0, 1, [0, 0]);
    const snapshot = first.out.slice();
    // the values held on the axes do not matter: the axes overwrite them
    expect(grid(c, { ...w }, 0, 1, [5, -7])).toBe(first);
    expect(first.out).toEqual(snapshot);
    // other parameters: the same arrays, the new network's outputs
    const s2 = { ...s, biases: s.biases.map((b, l) => (l === 2 ? [1.5] : b)) };
    const c2 = { model: c.model, params: compileScenario(s2).params };
    const again = grid(c2, w, 0, 1, [0, 0]);
    const expected = byHand(s2.weights, s2.biases, [cellX(w, 3), cellY(w, 5)]);
    expect(again.out[5 * 8 + 3]).toBeCloseTo(expected[0], 12);
    expect(again.out).not.toEqual(snapshot);
    // another window: computed over it
    const w2 = { ...w, x1: 2 };
    const other = grid(c2, w2, 0, 1, [0, 0]);
    expect(other.window).toBe(w2);
    expect(other.out[0]).toBeCloseTo(byHand(s2.weights, s2.biases, [cellX(w2, 0), cellY(w2, 0)])[0], 12);
  });
});
