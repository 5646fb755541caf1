import { describe, expect, it } from 'vitest';
import { argmaxClass, heatColor, heatPixels, singleOutputClass } from '../../src/view/data-plane-colors.ts';
import { planePoints, planeWindow } from '../../src/view/data-plane-model.ts';

const tanh = { kind: 'classes', classes: 2, lo: -1, hi: 1, probabilities: false } as const;

describe('the data view’s colours', () => {
  it('mix white toward the class colour by the certainty, 60 % at most', () => {
    expect(heatColor(1, 0)).toEqual([255, 255, 255]);
    expect(heatColor(1, 1)).toEqual([
      Math.round(255 - 0.6 * 224),
      Math.round(255 - 0.6 * 155),
      Math.round(255 - 0.6 * 55),
    ]);
    expect(heatColor(0, 2)).toEqual(heatColor(0, 1));
  });

  it('read one output over its range and several by argmax', () => {
    expect(singleOutputClass(0.5, tanh)).toEqual({ k: 1, s: 0.5 });
    expect(singleOutputClass(-1, tanh)).toEqual({ k: 0, s: 1 });
    expect(singleOutputClass(NaN, tanh)).toEqual({ k: 1, s: 0 });
    const three = argmaxClass([0.2, 0.7, 0.1], 0, 3, true);
    expect(three.k).toBe(1);
    expect(three.s).toBeCloseTo((0.7 - 1 / 3) / (2 / 3), 14);
    // logits: the softmax's probability of the argmax
    const p = 1 / (1 + Math.exp(-2));
    expect(argmaxClass([0, 2], 0, 2, false).s).toBeCloseTo((p - 0.5) / 0.5, 14);
  });

  it('give one opaque pixel per cell', () => {
    const px = heatPixels(Float64Array.from([1, -1]), 2, 1, tanh, false);
    expect(Array.from(px)).toEqual([...heatColor(1, 1), 255, ...heatColor(0, 1), 255]);
  });
});

describe('the data view’s window and points', () => {
  it('covers [−1, 1] and the data, padded by a tenth', () => {
    const w = planeWindow([[0, 3]], 0, 1, 64);
    expect(w).toEqual({ x0: -1.2, x1: 1.2, y0: -1 - 0.4, y1: 3 + 0.4, res: 64 });
  });

  it('marks the selected training sample and tells test points apart', () => {
    const pts = planePoints(
      [
        { x: [0, 1], y: [1] },
        { x: [1, 0], y: [-1] },
      ],
      [{ x: [2, 2], y: [1] }],
      0,
      1,
      tanh,
      1,
    );
    expect(pts.map((p) => [p.key, p.k, p.selected])).toEqual([
      ['train:0', 1, false],
      ['train:1', 0, true],
      ['test:0', 1, false],
    ]);
    expect(pts[2]).toMatchObject({ u: 2, v: 2, set: 'test' });
  });
});
