import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  firstDifferingDigit,
  ordinal,
  printedDigits,
  significantDigitOffset,
} from '../../src/core/lesson-answer.ts';

describe('checking an answer to the digits asked', () => {
  it('accepts the value rounded to the digits asked, in any notation', () => {
    expect(checkAnswer('0.08217', 0.082167, 4)).toEqual({ kind: 'right' });
    expect(checkAnswer('8.217e-2', 0.082167, 4)).toEqual({ kind: 'right' });
    expect(checkAnswer('0.5', 0.5, 4)).toEqual({ kind: 'right' });
    expect(checkAnswer('−0.3', -0.29999, 4)).toEqual({ kind: 'right' });
  });
  it('points at the first wrong digit', () => {
    expect(checkAnswer('0.08227', 0.082167, 4)).toEqual({ kind: 'wrong', digit: 3 });
    expect(checkAnswer('0.08216', 0.082167, 4)).toEqual({ kind: 'wrong', digit: 4 });
    expect(checkAnswer('0.08', 0.082167, 4)).toEqual({ kind: 'wrong', digit: 2 });
    expect(checkAnswer('0.8217', 0.082167, 4)).toEqual({ kind: 'wrong', digit: 1 });
    expect(checkAnswer('-0.08217', 0.082167, 4)).toEqual({ kind: 'wrong', digit: 1 });
  });
  it('says what is not a number', () => {
    const check = checkAnswer('abc', 1, 4);
    expect(check.kind).toBe('unreadable');
    expect(check.kind === 'unreadable' && check.message).toContain('not a number');
  });
});

describe('a printed number beside the app’s', () => {
  it('counts the printed digits', () => {
    expect(printedDigits(0.274811083)).toBe(9);
    expect(printedDigits(0.5)).toBe(1);
    expect(printedDigits(-40)).toBe(1);
    expect(printedDigits(0)).toBe(1);
  });
  it('finds Mazur’s 0.291027924 against 0.291027774 at the 7th digit', () => {
    expect(firstDifferingDigit(0.291027924, 0.29102777369, printedDigits(0.291027924))).toBe(7);
  });
  it('agrees when the app rounds to the printed number', () => {
    expect(firstDifferingDigit(0.2748, 0.27481108, 4)).toBeNull();
  });
  it('differs at the first digit across a power of ten or a sign', () => {
    expect(firstDifferingDigit(0.1, 0.0999, 3)).toBe(1);
    expect(firstDifferingDigit(1, -1, 3)).toBe(1);
  });
});

describe('where a significant digit is written', () => {
  it('skips the sign and the leading zeros, stops at the exponent', () => {
    expect(significantDigitOffset('0.002984', 1)).toBe(4);
    expect(significantDigitOffset('0.002984', 3)).toBe(6);
    expect(significantDigitOffset('−3.072×10⁻⁶', 2)).toBe(3);
    expect(significantDigitOffset('−3.072×10⁻⁶', 5)).toBe(-1);
    expect(significantDigitOffset('0', 1)).toBe(0);
    expect(significantDigitOffset('40', 2)).toBe(1);
  });
  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
