import { describe, expect, it } from 'vitest';
import { askFeedback } from '../../src/lessons/ask-feedback.ts';

/**
 * What an `ask` tells a student whose answer is wrong: the first wrong significant digit, and
 * where that is the first one, why (the sign, the power of ten), or that the answer is the value
 * cut short rather than rounded (5.99 for 5.99996 to 3 digits, which rounds to 6.00).
 */
describe('askFeedback', () => {
  it('a later digit wrong: how many are right, which one is wrong', () => {
    expect(askFeedback(0.59321, 0.593269992, 6)?.message).toBe(
      'Not yet: the first 4 significant digits are right; the 5th is wrong.',
    );
    expect(askFeedback(41, 40, 2)?.message).toBe('Not yet: the first 1 significant digit is right; the 2nd is wrong.');
  });
  it('the wrong sign says so (seed 003: 0.5 typed for ∂L/∂z = −0.5045)', () => {
    expect(askFeedback(0.5, -0.5045, 2)?.message).toBe('Not yet: the sign is wrong.');
    expect(askFeedback(1, -1.0, 1)?.message).toBe('Not yet: the sign is wrong.');
  });
  it('the wrong power of ten says so', () => {
    expect(askFeedback(0.04386, 0.0004386, 4)?.message).toBe(
      'Not yet: the power of ten is wrong (the decimal point is off).',
    );
    expect(askFeedback(400, 40, 2)?.message).toBe('Not yet: the power of ten is wrong (the decimal point is off).');
  });
  it('the value cut short, not rounded: the last digit carries (5.99996 to 3 digits is 6.00)', () => {
    expect(askFeedback(5.99, 5.99996, 3)?.message).toBe(
      'Not yet: that is the value cut short; rounded to 3 significant digits its last digit goes up.',
    );
    expect(askFeedback(0.5932, 0.593269992, 4)?.message).toBe(
      'Not yet: that is the value cut short; rounded to 4 significant digits its last digit goes up.',
    );
    expect(askFeedback(-0.99, -0.9996, 2)?.message).toBe(
      'Not yet: that is the value cut short; rounded to 2 significant digits its last digit goes up.',
    );
  });
  it('the first digit wrong, with the right sign and power of ten', () => {
    expect(askFeedback(0.7, 0.593269992, 6)?.message).toBe('Not yet: already the 1st significant digit is wrong.');
  });
  it('marks the first wrong digit, or for a value cut short the last one, which should have gone up', () => {
    expect(askFeedback(0.59321, 0.593269992, 6)?.digit).toBe(5);
    expect(askFeedback(5.99, 5.99996, 3)?.digit).toBe(3);
    expect(askFeedback(0.5, -0.5045, 2)?.digit).toBe(1);
  });
  it('a right answer has no complaint', () => {
    expect(askFeedback(6, 5.99996, 3)).toBeNull();
    expect(askFeedback(-0.5, -0.5045, 2)).toBeNull();
  });
});
