import { describe, expect, it } from 'vitest';
import { MAX_TRAIN_STEPS, parseStepCount } from '../../src/core/step-count.ts';

describe('parseStepCount: a number of training steps as typed', () => {
  it.each([
    ['9999', 9999],
    [' 9999 ', 9999],
    ['9,999', 9999],
    ['9 999', 9999],
    ['1_000_000', 1_000_000],
    ['1e4', 10_000],
    ['1', 1],
  ])('reads %j as %d', (text, steps) => {
    expect(parseStepCount(text)).toEqual({ ok: true, steps });
  });

  it.each([
    ['', /Type a number of steps/],
    ['abc', /“abc” is not a number of steps/],
    ['9,99', /“9,99” is not a number of steps/],
    ['2.5', /not a whole number/],
    ['0', /at least 1 step/],
    ['-3', /at least 1 step/],
    ['1000001', /more than 1,000,000 steps/],
    ['1e999', /is not a number of steps|more than/],
  ])('refuses %j, saying why', (text, why) => {
    const r = parseStepCount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(why);
  });

  it('allows exactly the most', () => {
    expect(parseStepCount(String(MAX_TRAIN_STEPS))).toEqual({ ok: true, steps: 1_000_000 });
  });
});
