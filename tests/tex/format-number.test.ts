import { describe, expect, it } from 'vitest';
import { digitsForDifference, digitsForSum, formatNumber, formatOperand } from '../../src/tex/format-number.ts';

describe('formatNumber', () => {
  it('writes six significant digits without trailing zeros', () => {
    expect(formatNumber(0.298371109)).toBe('0.298371');
    expect(formatNumber(0.082167041)).toBe('0.082167');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(40)).toBe('40');
    expect(formatNumber(-0.5)).toBe('-0.5');
    expect(formatNumber(123456.7)).toBe('123456.7'); // never an integer it is not
  });

  it('switches to scientific form below 10⁻⁴ and from 10⁶ on, after rounding', () => {
    expect(formatNumber(-3.072087301103643e-6)).toBe(String.raw`-3.07209\times10^{-6}`);
    expect(formatNumber(0.000438568)).toBe('0.000438568');
    expect(formatNumber(0.0001)).toBe('0.0001');
    expect(formatNumber(9.9999996e-5)).toBe(String.raw`9.9999996\times10^{-5}`); // never the rounder 10⁻⁴ it is not
    expect(formatNumber(1234567)).toBe(String.raw`1.23457\times10^{6}`);
    expect(formatNumber(999999.7)).toBe('999999.7'); // never rounded into 10^6
    expect(formatNumber(1e-8)).toBe('10^{-8}');
    expect(formatNumber(-1e-8)).toBe('-10^{-8}');
  });

  it('writes zero, infinities and NaN', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(Infinity)).toBe(String.raw`\infty`);
    expect(formatNumber(-Infinity)).toBe(String.raw`-\infty`);
    expect(formatNumber(NaN)).toBe(String.raw`\text{NaN}`);
  });

  it('takes other precisions, up to the 17 digits a double has', () => {
    expect(formatNumber(Math.PI, 3)).toBe('3.14');
    expect(formatNumber(0.1, 17)).toBe('0.1');
    expect(formatNumber(0.99999385582539, 11)).toBe('0.99999385583');
    expect(formatNumber(1 / 3, 40)).toBe('0.3333333333333333');
  });
});

describe('formatOperand', () => {
  it('puts negative and scientific numbers in parentheses', () => {
    expect(formatOperand(0.5)).toBe('0.5');
    expect(formatOperand(-0.5)).toBe('(-0.5)');
    expect(formatOperand(2e-7)).toBe(String.raw`(2\times10^{-7})`);
    expect(formatOperand(1e-8)).toBe('(10^{-8})');
    expect(formatOperand(-Infinity)).toBe(String.raw`(-\infty)`);
  });
});

describe('digits for a difference', () => {
  it('adds a digit per decade of cancellation, so that the shown difference is right', () => {
    expect(digitsForDifference(0.751365, 0.01)).toBe(6);
    expect(digitsForDifference(0.99999385583, 1)).toBe(11);
    expect(digitsForDifference(1, 1)).toBe(6);
    expect(digitsForDifference(1, 1 + Number.EPSILON)).toBe(17);
    expect(digitsForSum([0.5, -0.49])).toBe(7);
    // The shown operands then subtract to the shown result.
    const p = 0.9999938558253978;
    const d = digitsForDifference(p, 1);
    expect(formatNumber(Number(formatNumber(p, d)) - 1)).toBe(formatNumber(p - 1));
  });
});
