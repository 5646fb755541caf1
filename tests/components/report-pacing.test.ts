import { describe, expect, it } from 'vitest';
import { nextShowAt } from '../../src/components/report-pacing.ts';

const FRAME = 1000 / 60;

describe('the pacing of training reports on the page', () => {
  it('shows a cheap report at every frame (the chart follows at the frame rate)', () => {
    // shown from t = 100 on, costing `cost` ms: the next frame may show the next one
    for (const cost of [0.5, 1, 2, 4, 5]) expect(nextShowAt(100, cost)).toBeLessThanOrEqual(100 + FRAME);
  });

  it('spends at most a third of the run showing costlier reports (the worker keeps its core)', () => {
    for (const cost of [8, 10, 17, 33, 50, 120, 400])
      expect(nextShowAt(100, cost) - 100).toBeGreaterThanOrEqual(3 * cost);
  });

  it('still shows a report of a frame’s cost at 15 frames per second or more', () => {
    for (const cost of [8, 10, 16]) expect(nextShowAt(100, cost) - 100).toBeLessThanOrEqual(4 * FRAME);
  });

  it('never waits for a report that cost nothing, or a clock that went back', () => {
    expect(nextShowAt(100, 0)).toBeLessThanOrEqual(100);
    expect(nextShowAt(100, -5)).toBeLessThanOrEqual(100);
  });
});
