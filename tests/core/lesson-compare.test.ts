import { describe, expect, it } from 'vitest';
import { compareVerdict, formatToDigits } from '../../src/core/lesson-answer.ts';

/**
 * A number printed elsewhere beside the app's own (a lesson's `compare`), judged to the digits
 * it was printed with: agreeing, only floating-point rounding apart, cut short rather than
 * rounded (the walkthrough's 0.999 for σ(12) = 0.99999386), or differing from a named digit.
 */
describe('compareVerdict', () => {
  it('a printed number that is the value rounded to its digits agrees', () => {
    expect(compareVerdict(0.274811083, 0.27481108324)).toEqual({ kind: 'agree', digits: 9 });
    expect(compareVerdict(6, 6)).toEqual({ kind: 'agree', digits: 1 });
    expect(compareVerdict(0.5, 0.49546)).toEqual({ kind: 'agree', digits: 1 });
  });
  it('a printed number that is the value cut short agrees to its digits, cut short, and says what rounding gives', () => {
    // seed 000: "F = 0.999" for σ(12) = 0.9999938558: rounded to 3 digits that is 1.00
    const sigma12 = 1 / (1 + Math.exp(-12));
    expect(compareVerdict(0.999, sigma12)).toEqual({ kind: 'cut', digits: 3, rounded: 1 });
    expect(compareVerdict(-0.59, -0.5999)).toEqual({ kind: 'cut', digits: 2, rounded: -0.6 });
  });
  it('a real difference differs from its first differing digit, even where cutting short is close', () => {
    // Mazur's 0.291027924 (his first code) against 0.29102777369
    expect(compareVerdict(0.291027924, 0.29102777369)).toEqual({ kind: 'differ', digits: 9, digit: 7 });
    // Mazur's −0.019049119 against −0.0190491183: neither rounded nor cut short
    expect(compareVerdict(-0.019049119, -0.0190491183)).toEqual({ kind: 'differ', digits: 8, digit: 8 });
    // the walkthrough's 1000 (from its F = 0.999) against 162755.8
    expect(compareVerdict(1000, 162755.8)).toEqual({ kind: 'differ', digits: 1, digit: 1 });
  });
  it('17 printed digits that differ from the app past the 12th only by floating-point rounding', () => {
    const app = 0.005720286090965656;
    const printed = 0.005720286090965661;
    const verdict = compareVerdict(printed, app);
    expect(verdict.kind).toBe('float');
    expect(verdict.kind === 'float' && verdict.digit).toBeGreaterThan(12);
  });
});

describe('formatToDigits', () => {
  it('keeps the trailing zeros of the digits asked (Mazur out_h1 to 6 digits is 0.593270)', () => {
    expect(formatToDigits(0.593269992, 6)).toBe('0.593270');
    expect(formatToDigits(5.99996, 3)).toBe('6.00');
    expect(formatToDigits(40, 2)).toBe('40');
    expect(formatToDigits(40, 3)).toBe('40.0');
    expect(formatToDigits(0, 3)).toBe('0.00');
    expect(formatToDigits(-0.5045, 2)).toBe('−0.50');
  });
  it('writes tiny and huge values with a power of ten, as the app does', () => {
    expect(formatToDigits(0.0000351018, 3)).toBe('3.51×10⁻⁵');
    expect(formatToDigits(-3e-6, 3)).toBe('−3.00×10⁻⁶');
    expect(formatToDigits(1234567, 2)).toBe('1.2×10⁶');
    expect(formatToDigits(0.000438568, 4)).toBe('0.0004386');
  });
  it('NaN and infinities as the app writes them', () => {
    expect(formatToDigits(NaN, 3)).toBe('NaN');
    expect(formatToDigits(-Infinity, 3)).toBe('−∞');
  });
});
