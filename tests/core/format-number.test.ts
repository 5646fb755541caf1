import { describe, expect, it } from 'vitest';
import { formatValue, parseUserNumber, userNumberError } from '../../src/core/format-number.ts';

describe('formatValue', () => {
  it.each([
    [0.2983711087600027, '0.2984'],
    [-3.072087301103643e-6, '−3.072e−6'],
    [40, '40'],
    [0.5, '0.5'],
    [123456.7, '1.235e5'],
    [1234, '1234'],
    [1e7, '1e7'],
    [0, '0'],
    [NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, '−∞'],
  ])('%s → %s', (x, text) => expect(formatValue(x)).toBe(text));

  it('honours the number of digits', () => {
    expect(formatValue(0.298371109, 9)).toBe('0.298371109');
  });
});

describe('parseUserNumber', () => {
  it.each([['1', 1], [' -0.5 ', -0.5], ['−2', -2], ['1e-3', 0.001], ['.5', 0.5], ['3.', 3], ['+4', 4]])('reads %j', (text, value) => {
    expect(parseUserNumber(text)).toBe(value);
  });
  it.each(['', 'abc', '1,5', '1 2', 'NaN', 'Infinity', '1e999', '0x10', '--1'])('refuses %j', (text) => {
    expect(parseUserNumber(text)).toBeNull();
  });
});

describe('userNumberError', () => {
  it('says a number too large for a double is out of range, not that it is not a number', () => {
    expect(userNumberError('1e999')).toBe('“1e999” is out of range (numbers go up to ±1.8e308)');
    expect(userNumberError('−1e400')).toBe('“−1e400” is out of range (numbers go up to ±1.8e308)');
  });
  it('says other text is not a number', () => {
    for (const text of ['abc', '', 'NaN', 'Infinity', '1,5']) expect(userNumberError(text)).toBe(`“${text}” is not a number`);
  });
  it('has nothing to say about a number', () => {
    expect(userNumberError('1e308')).toBeNull();
    expect(userNumberError('1e-999')).toBeNull();
  });
});
