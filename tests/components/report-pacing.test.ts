import { describe, expect, it } from 'vitest';
import { nextShowAt } from '../../src/components/report-pacing.ts';

const FRAME = 1000 / 60;

describe('the pacing of training reports on the page', () => {
  it('shows a report at every frame while showing one costs up to two frames (30 redraws/s at 30 ms)', () => {
    for (const cost of [1, 8, 16.7, 17, 25, 30, 33]) {
      // shown at t = 100 after `cost` ms: the next frame may show the next one
      expect(nextShowAt(100, cost)).toBeLessThanOrEqual(100 + FRAME);
    }
  });

  it('past two frames, leaves the page at least as long as the last report took before the next', () => {
    for (const cost of [34, 50, 120, 400]) expect(nextShowAt(100, cost)).toBeGreaterThanOrEqual(100 + cost);
  });

  it('never waits for a report that cost nothing, or a clock that went back', () => {
    expect(nextShowAt(100, 0)).toBeLessThanOrEqual(100);
    expect(nextShowAt(100, -5)).toBeLessThanOrEqual(100);
  });
});
