import { describe, expect, it } from 'vitest';
import {
  colorPosition,
  contourLevels,
  contourSegments,
  rampColor,
  valueAt,
} from '../../src/view/landscape-geometry.ts';

describe('landscape geometry', () => {
  it('ramps from dark purple (low) to yellow (high), grey for NaN', () => {
    expect(rampColor(0)).toEqual([68, 1, 84]);
    expect(rampColor(1)).toEqual([253, 231, 37]);
    expect(rampColor(2)).toEqual([253, 231, 37]);
    expect(rampColor(NaN)).toEqual([128, 128, 128]);
  });

  it('places values on a square-root colour axis and back', () => {
    expect(colorPosition(0, 0, 4)).toBe(0);
    expect(colorPosition(1, 0, 4)).toBe(0.5);
    expect(colorPosition(Infinity, 0, 4)).toBe(1);
    expect(valueAt(0.5, 0, 4)).toBe(1);
    expect(contourLevels(0, 9, 2)).toEqual([1, 4]);
    expect(contourLevels(1, 1, 5)).toEqual([]);
  });

  it('traces the iso-line of a cone as a closed ring at the right radius', () => {
    const n = 41;
    const v = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) v[r * n + c] = Math.hypot(c - 20, r - 20);
    const s = contourSegments(v, n, n, 10.5);
    expect(s.length).toBeGreaterThan(4 * 40);
    for (let k = 0; k < s.length; k += 2)
      expect(Math.abs(Math.hypot(s[k] - 20, s[k + 1] - 20) - 10.5)).toBeLessThan(0.1);
    // every end point is shared by exactly two segments: the ring is closed
    const ends = new Map<string, number>();
    for (let k = 0; k < s.length; k += 2) {
      const id = `${s[k].toFixed(9)},${s[k + 1].toFixed(9)}`;
      ends.set(id, (ends.get(id) ?? 0) + 1);
    }
    expect([...ends.values()].every((m) => m === 2)).toBe(true);
  });

  it('skips cells with a non-finite corner, and draws nothing for a level outside the values', () => {
    const v = new Float64Array([0, 1, NaN, 0, 1, 2, 0, 1, 2]);
    expect(contourSegments(v, 3, 3, 0.5).length).toBe(8);
    expect(contourSegments(v, 3, 3, 5)).toEqual([]);
  });
});
