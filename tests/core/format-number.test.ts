import { describe, expect, it } from 'vitest';
import {
  decideNumber,
  displayUnit,
  formatFull,
  formatTexNumber,
  formatValue,
  parseUserNumber,
  PRECISIONS,
  readPrecision,
  userNumberError,
} from '../../src/core/format-number.ts';

describe('formatValue', () => {
  it.each([
    [0.2983711087600027, '0.2984'],
    [-3.072087301103643e-6, '−3.072×10⁻⁶'],
    [40, '40'],
    [0.5, '0.5'],
    [123456.7, '123456.7'],
    [1234, '1234'],
    [12345.6, '12345.6'],
    [1234567, '1.235×10⁶'],
    [1e7, '10⁷'],
    [-1e-8, '−10⁻⁸'],
    [0, '0'],
    [-0, '0'],
    [0.1 + 0.2, '0.3'],
    [NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, '−∞'],
  ])('%s → %s', (x, text) => expect(formatValue(x)).toBe(text));

  it('honours the number of digits', () => {
    expect(formatValue(0.298371109, 9)).toBe('0.298371109');
    expect(formatValue(0.298371109, 6)).toBe('0.298371');
    expect(formatValue(1 / 3, 'full')).toBe(String(1 / 3));
    expect(formatValue(0.1, 'full')).toBe('0.1');
  });

  it('never rounds 0.999994 into 1, at any precision', () => {
    for (const p of PRECISIONS) {
      const text = formatValue(0.999994, p);
      expect(text).not.toBe('1');
      expect(Number(text)).not.toBe(1);
      expect(Number(text)).toBeCloseTo(0.999994, 4);
    }
    expect(formatValue(0.999994, 4)).toBe('0.99999');
    expect(formatValue(0.999994, 6)).toBe('0.999994');
    expect(formatValue(0.9999938558253978, 4)).toBe('0.99999');
    expect(formatValue(-0.999994, 4)).toBe('−0.99999');
    expect(formatValue(1.0000001, 4)).toBe('1.0000001');
  });

  it('never shows a rounder number than the value: a dropped last digit, or a non-integer as an integer', () => {
    expect(formatValue(0.50001, 4)).toBe('0.50001');
    expect(formatValue(123.04, 4)).toBe('123.04');
    expect(formatValue(0.12301, 4)).toBe('0.123'); // one trailing zero dropped reads as 3 digits, not as a rounder number
    expect(formatValue(0.593269992, 6)).toBe('0.59327');
    expect(formatValue(2.5, 4)).toBe('2.5');
    expect(formatValue(9.99996e-6, 4)).toBe('9.99996×10⁻⁶');
    for (const x of [0.999994, 0.50001, 12345.6, 1.0000001, 0.49999999, 99999.99]) {
      for (const p of PRECISIONS) {
        const shown = Number(formatValue(x, p).replace('−', '-'));
        if (!Number.isInteger(x)) expect(Number.isInteger(shown), `${x} at ${p}`).toBe(false);
        // Rounded (not exact), at most one digit rounded to is dropped as a zero.
        const d = decideNumber(x, p);
        if (d.kind === 'finite' && shown !== x)
          expect(d.digits.length, `${x} at ${p}`).toBeGreaterThanOrEqual(d.places - 1);
      }
    }
  });

  it('shows 0.0005 the same way as text and as TeX, in plain form from 10⁻⁴ to 10⁶', () => {
    expect(formatValue(0.0005)).toBe('0.0005');
    expect(formatTexNumber(0.0005)).toBe('0.0005');
    expect(formatValue(0.0001)).toBe('0.0001');
    expect(formatValue(0.00005)).toBe('5×10⁻⁵');
    expect(formatTexNumber(0.00005)).toBe(String.raw`5\times10^{-5}`);
    expect(formatValue(999999)).toBe('999999');
    expect(formatValue(1e6)).toBe('10⁶');
  });

  it('writes negative numbers with a proper minus, and exponents as superscripts', () => {
    expect(formatValue(-0.5)).toBe('−0.5');
    expect(formatValue(-1.5e-12)).toBe('−1.5×10⁻¹²');
    expect(formatValue(4.11e307)).toBe('4.11×10³⁰⁷');
    expect(formatTexNumber(-1.5e-12)).toBe(String.raw`-1.5\times10^{-12}`);
    expect(formatValue(-1.5e-12)).not.toMatch(/[-e]/);
  });

  it('gives the full value for tooltips', () => {
    expect(formatFull(0.9999938558253978)).toBe('0.9999938558253978');
    expect(formatFull(-2e-20)).toBe('−2×10⁻²⁰');
  });

  it('makes the same decision for text and TeX', () => {
    for (const x of [0.999994, -3.0721e-6, 123456.7, 1e-8, 0.0005, Math.PI, -Infinity, NaN]) {
      for (const p of PRECISIONS) {
        const tex = formatTexNumber(x, p)
          .replace(String.raw`\times`, '×')
          .replace(/\^\{(-?\d+)\}/, (_, e: string) => `^${e}`);
        const text = formatValue(x, p).replace(/−/g, '-');
        if (Number.isFinite(x)) expect(parseUserNumber(text)).toBe(parseUserNumber(tex));
      }
    }
  });

  it('reads a precision only from 4, 6, 9 or full', () => {
    expect(readPrecision(6)).toBe(6);
    expect(readPrecision('full')).toBe('full');
    expect(readPrecision(5)).toBeNull();
    expect(readPrecision(undefined)).toBeNull();
  });
});

describe('displayUnit', () => {
  it('is the unit of the last digit shown, digits added by the rule included', () => {
    expect(displayUnit(0.2984)).toBeCloseTo(1e-4, 15);
    expect(displayUnit(0.5)).toBeCloseTo(1e-4, 15);
    expect(displayUnit(0.999994)).toBeCloseTo(1e-5, 15);
    expect(displayUnit(0.999994, 6)).toBeCloseTo(1e-6, 15);
    expect(displayUnit(0)).toBe(0);
  });
});

describe('parseUserNumber', () => {
  it.each([
    ['1', 1],
    [' -0.5 ', -0.5],
    ['−2', -2],
    ['1e-3', 0.001],
    ['.5', 0.5],
    ['3.', 3],
    ['+4', 4],
    ['1.5×10⁻³', 0.0015],
    ['−3.072×10⁻⁶', -3.072e-6],
    ['10⁻⁸', 1e-8],
    ['2·10^-3', 0.002],
    ['2x10^3', 2000],
  ])('reads %j', (text, value) => {
    expect(parseUserNumber(text)).toBe(value);
  });
  it.each(['', 'abc', '1,5', '1 2', 'NaN', 'Infinity', '1e999', '0x10', '--1', '2³', '×10⁻³'])('refuses %j', (text) => {
    expect(parseUserNumber(text)).toBeNull();
  });
});

describe('userNumberError', () => {
  it('says a number too large for a double is out of range, not that it is not a number', () => {
    expect(userNumberError('1e999')).toBe('“1e999” is out of range (numbers go up to ±1.8e308)');
    expect(userNumberError('−1e400')).toBe('“−1e400” is out of range (numbers go up to ±1.8e308)');
  });
  it('says other text is not a number', () => {
    for (const text of ['abc', '', 'NaN', 'Infinity', '1,5'])
      expect(userNumberError(text)).toBe(`“${text}” is not a number`);
  });
  it('has nothing to say about a number', () => {
    expect(userNumberError('1e308')).toBeNull();
    expect(userNumberError('1e-999')).toBeNull();
  });
});
