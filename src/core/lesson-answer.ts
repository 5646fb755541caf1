import { parseUserNumber, userNumberError } from './format-number.ts';

/**
 * Checking numbers against the app's own, digit by digit: a student's answer to an `ask`
 * (checked to the digits asked) and a number printed elsewhere in a `compare` (checked to
 * the digits it was printed with). Digits are significant digits, counted from 1.
 */

/** x rounded to `digits` significant digits: its sign, its digits, the power of ten of the first. */
function rounded(x: number, digits: number): { negative: boolean; digits: string; exponent: number } {
  if (x === 0) return { negative: false, digits: '0'.repeat(digits), exponent: 0 };
  const [mantissa, exponent] = Math.abs(x)
    .toExponential(digits - 1)
    .split('e');
  return { negative: x < 0, digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

/**
 * The first significant digit (1-based) at which a and b, each rounded to `digits`
 * significant digits, differ; null when they agree. A different sign or power of ten
 * differs at the first digit.
 */
export function firstDifferingDigit(a: number, b: number, digits: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b) ? null : 1;
  const ra = rounded(a, digits);
  const rb = rounded(b, digits);
  if (ra.negative !== rb.negative || ra.exponent !== rb.exponent) return 1;
  for (let k = 0; k < digits; k++) if (ra.digits[k] !== rb.digits[k]) return k + 1;
  return null;
}

/** The significant digits of a number as written in shortest form: 0.274811083 → 9, 0.5 → 1, 40 → 1, 0 → 1. */
export function printedDigits(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 1;
  return Math.abs(x).toExponential().split('e')[0].replace('.', '').length;
}

export type AnswerCheck =
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'right' }
  /** `digit`: the first significant digit that is wrong (1-based) */
  | { readonly kind: 'wrong'; readonly digit: number };

/** A typed answer checked against `value` to `digits` significant digits (both rounded to them). */
export function checkAnswer(typed: string, value: number, digits: number): AnswerCheck {
  const x = parseUserNumber(typed);
  if (x === null) return { kind: 'unreadable', message: userNumberError(typed) ?? `“${typed}” is not a number` };
  const digit = firstDifferingDigit(x, value, digits);
  return digit === null ? { kind: 'right' } : { kind: 'wrong', digit };
}

/**
 * The character offset of the k-th significant digit (1-based) in a number as the app's
 * formatter writes it (`0.002984`, `−3.072×10⁻⁶`), or −1 when it shows fewer digits.
 */
export function significantDigitOffset(text: string, k: number): number {
  let seen = 0;
  let started = false;
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    if (c === '×') break;
    if (c < '0' || c > '9') continue;
    if (!started && c === '0' && /[0-9]/.test(text.slice(at + 1).split('×')[0])) continue;
    started = true;
    if (++seen === k) return at;
  }
  return -1;
}

/** "1st", "2nd", "3rd", "4th", "11th", "21st". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
