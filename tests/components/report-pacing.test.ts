import { describe, expect, it } from 'vitest';
import { nextShowAt } from '../../src/components/report-pacing.ts';

const FRAME = 1000 / 60;

describe('the pacing of training reports on the page', () => {
  it('shows a cheap report at every frame', () => {
    // shown by t = 100 after `cost` ms in all (script, style, layout, paint): the next frame may show the next
    for (const cost of [1, 4, 8]) expect(nextShowAt(100, cost)).toBeLessThanOrEqual(100 + FRAME / 2);
  });

  it('leaves the page at least as long as showing the last report took: at most half its time goes to showing training', () => {
    for (const cost of [12, 20, 33, 50, 120, 400]) {
      const next = nextShowAt(100, cost);
      expect(next).toBeGreaterThanOrEqual(100 + cost);
      // and not much longer: a report still shows within about twice its cost
      expect(next).toBeLessThanOrEqual(100 + 2 * cost);
    }
  });

  it('never waits for a report that cost nothing, or a clock that went back', () => {
    expect(nextShowAt(100, 0)).toBeLessThanOrEqual(100);
    expect(nextShowAt(100, -5)).toBeLessThanOrEqual(100);
  });
});
