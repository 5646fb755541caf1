import { describe, expect, it } from 'vitest';
import { ACT } from '../../src/core/model.ts';
import { picturePixels, pictureRange } from '../../src/view/neuron-picture-colors.ts';

/** The README's rule, written out here: orange below the middle of [lo, hi], blue above, white mixed toward it by |2t − 1|. */
function rule(a: number, lo: number, hi: number): number[] {
  const t = Math.max(0, Math.min(1, (a - lo) / (hi - lo)));
  const c = t >= 0.5 ? [31, 100, 200] : [230, 115, 0];
  const f = Math.abs(2 * t - 1);
  return [...c.map((v) => Math.round(255 + (v - 255) * f)), 255];
}

describe('neuron picture colours', () => {
  it('read each activation over its range; unbounded ones over ± the largest |a| of the node', () => {
    // two nodes interleaved (stride 2): node 1 holds 0.5, −3, 2
    const a = Float64Array.from([9, 0.5, 9, -3, 9, 2]);
    expect(pictureRange(ACT.tanh, a, 2, 1, 3)).toEqual({ lo: -1, hi: 1 });
    expect(pictureRange(ACT.sigmoid, a, 2, 1, 3)).toEqual({ lo: 0, hi: 1 });
    expect(pictureRange(ACT.softmax, a, 2, 1, 3)).toEqual({ lo: 0, hi: 1 });
    expect(pictureRange(ACT.relu, a, 2, 1, 3)).toEqual({ lo: -3, hi: 3 });
    expect(pictureRange(ACT.identity, new Float64Array(4), 2, 1, 2)).toEqual({ lo: -1, hi: 1 });
  });

  it('colour every cell by the rule, within one unit of a channel, the ends and the middle exact', () => {
    const values = [-2, -1, -0.999, -0.5, -0.01, 0, 0.003, 0.25, 0.5, 0.75, 0.99, 1, 7, NaN];
    const a = Float64Array.from(values);
    const px = picturePixels(a, 1, 0, values.length, -1, 1, new Uint8ClampedArray(values.length * 4));
    values.forEach((v, c) => {
      const want = rule(Number.isFinite(v) ? v : 0, -1, 1);
      for (let k = 0; k < 4; k++)
        expect(Math.abs(px[c * 4 + k] - want[k]), `a = ${v}, channel ${k}`).toBeLessThanOrEqual(1);
    });
    expect(Array.from(px.subarray(4, 8))).toEqual([230, 115, 0, 255]);
    expect(Array.from(px.subarray(44, 48))).toEqual([31, 100, 200, 255]);
    expect(Array.from(px.subarray(20, 24))).toEqual([255, 255, 255, 255]);
  });
});
