import { formatValue, MINUS, parseUserNumber, userNumberError } from './format-number.ts';
import { SUPERSCRIPT } from './superscript.ts';

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

/** x cut short (not rounded) to `digits` significant digits: 5.99996 → 5.99 at 3, 0.99999386 → 0.999. */
export function cutShort(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  // the 1e-9 keeps 0.29·100 = 28.999999999999996 at 29
  return (Math.sign(x) * Math.floor(Math.abs(x) * scale + 1e-9)) / scale;
}

/**
 * Two numbers a long computation's floating-point rounding keeps apart, not a different
 * computation: a 17-digit number printed by numpy after 9,999 updates and the app's own differ
 * past the 12th digit (the order of additions), which no tutorial means.
 */
const FLOAT_ROUNDING = 1e-12;

/**
 * A printed number against the app's value, to the digits it was printed with (`digits`):
 * - `agree`: it is the value rounded to them;
 * - `float`: they differ only past the 12th digit, by floating-point rounding (`digit`: where);
 * - `cut`: it is the value cut short rather than rounded (the walkthrough's 0.999 for
 *   0.99999386, which rounds to 1.00: `rounded`), so it agrees to every digit printed;
 * - `differ`: from the `digit`-th significant digit on.
 */
export type CompareVerdict =
  | { readonly kind: 'agree'; readonly digits: number }
  | { readonly kind: 'float'; readonly digits: number; readonly digit: number }
  | { readonly kind: 'cut'; readonly digits: number; readonly rounded: number }
  | { readonly kind: 'differ'; readonly digits: number; readonly digit: number };

/** How a printed number reads against the app's (CompareVerdict). */
export function compareVerdict(printed: number, app: number): CompareVerdict {
  const digits = printedDigits(printed);
  const digit = firstDifferingDigit(printed, app, digits);
  if (digit === null) return { kind: 'agree', digits };
  if (digit > 12 && Math.abs(printed - app) <= FLOAT_ROUNDING * Math.abs(app)) return { kind: 'float', digits, digit };
  if (Number.isFinite(app) && firstDifferingDigit(printed, cutShort(app, digits), digits) === null)
    return { kind: 'cut', digits, rounded: Number(app.toPrecision(digits)) };
  return { kind: 'differ', digits, digit };
}

/**
 * x to exactly `digits` significant digits, trailing zeros kept (the value an `ask` reveals,
 * to the digits it asked: 0.593270, not 0.59327): plain decimals for 10⁻⁴ ≤ |x| < 10⁶ and a
 * power of ten outside, with the typographic minus, as the app's formatter writes numbers.
 */
export function formatToDigits(x: number, digits: number): string {
  if (!Number.isFinite(x)) return formatValue(x);
  const [mantissa, e] = Math.abs(x)
    .toExponential(Math.max(0, digits - 1))
    .split('e');
  const exponent = x === 0 ? 0 : Number(e);
  const all = mantissa.replace('.', '');
  const sign = x < 0 ? MINUS : '';
  if (exponent < -4 || exponent >= 6)
    return `${sign}${mantissa}×10${[...String(exponent)].map((c) => SUPERSCRIPT[c]).join('')}`;
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${all}`;
  const whole = all.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = all.slice(exponent + 1);
  return sign + (fraction ? `${whole}.${fraction}` : whole);
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
