import { SUPERSCRIPT } from './superscript.ts';
/**
 * The app's one number format. Every place a number is shown (diagram, tables, math panel,
 * matrices, worksheet, charts) goes through decideNumber, then renders its decision as
 * plain text (formatValue) or as TeX (formatTexNumber), so the two never disagree.
 *
 * The rule: `precision` significant digits, trailing zeros dropped; plain decimals for
 * 10⁻⁴ ≤ |x| < 10⁶, scientific (1.235×10⁻⁵) outside. A value is never rounded into a rounder
 * number it is not: when rounding would leave more than one trailing zero to drop
 * (0.999994 → 1.000 → 1, 0.50001 → 0.5000 → 0.5) or show a non-integer as an integer
 * (12345.6 → 12346, 123.04 → 123), digits are added until it does not (0.99999, 0.50001,
 * 12345.6, 123.04). Values equal to 15 digits count as exact, so 0.1 + 0.2 still shows as 0.3.
 */

/** Significant digits shown, or 'full': the shortest text that reads back as the same double. */
export type Precision = 4 | 6 | 9 | 'full';
export const PRECISIONS: readonly Precision[] = [4, 6, 9, 'full'];
export const DEFAULT_PRECISION: Precision = 4;

/** The most digits a double has to give; more would only show binary noise. */
const MAX_DIGITS = 17;
/** Digits to which a rounded value counts as the value itself (a double's noise lies beyond). */
const EXACT_DIGITS = 15;

/** What a number shows as, before it is written as text or TeX. */
export type ShownNumber =
  | { readonly kind: 'nan' }
  | { readonly kind: 'infinity'; readonly negative: boolean }
  | {
      readonly kind: 'finite';
      readonly negative: boolean;
      /** the significant digits shown, without leading or trailing zeros ("0" for zero) */
      readonly digits: string;
      /** the power of ten of the first digit: 0.0123 → −2 */
      readonly exponent: number;
      /** the significant digits the value was rounded to (≥ digits.length: trailing zeros dropped) */
      readonly places: number;
      /** exponent form: |x| < 10⁻⁴ or ≥ 10⁶ */
      readonly scientific: boolean;
    };

/** Significant digits of a precision (or of a plain digit count, clamped to 1…17). */
export function precisionDigits(precision: Precision | number): number {
  if (precision === 'full') return MAX_DIGITS;
  return Math.min(MAX_DIGITS, Math.max(1, Math.round(precision)));
}

/** "4 significant digits", "full precision": how a message names the precision. */
export function precisionName(precision: Precision): string {
  return precision === 'full' ? 'full precision' : `${precision} significant digits`;
}

/** Reads a precision from anything: 4, 6, 9, 'full', else null. */
export function readPrecision(value: unknown): Precision | null {
  return value === 4 || value === 6 || value === 9 || value === 'full' ? value : null;
}

function split(text: string): { digits: string; exponent: number } {
  const [mantissa, exponent] = text.split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

function isScientific(exponent: number): boolean {
  return exponent < -4 || exponent >= 6;
}

/** How x shows at `precision` significant digits, by the rule in this module's comment. */
export function decideNumber(x: number, precision: Precision | number = DEFAULT_PRECISION): ShownNumber {
  if (Number.isNaN(x)) return { kind: 'nan' };
  if (!Number.isFinite(x)) return { kind: 'infinity', negative: x < 0 };
  if (x === 0) return { kind: 'finite', negative: false, digits: '0', exponent: 0, places: 1, scientific: false };
  const abs = Math.abs(x);
  const negative = x < 0;
  const start = precisionDigits(precision);
  if (start >= MAX_DIGITS) {
    // Full precision: the shortest text that reads back as the same double.
    const { digits, exponent } = split(abs.toExponential());
    return { kind: 'finite', negative, digits, exponent, places: MAX_DIGITS, scientific: isScientific(exponent) };
  }
  const last = Math.max(start, EXACT_DIGITS);
  for (let places = start; ; places++) {
    const text = abs.toExponential(places - 1);
    const { digits: all, exponent } = split(text);
    let end = all.length;
    while (end > 1 && all.charCodeAt(end - 1) === 48) end--;
    const digits = all.slice(0, end);
    // Rounded into a rounder number (0.999994 → 1), or a non-integer shown as an integer (12345.6 → 12346)?
    const rounder = digits.length < places - 1 || (!isScientific(exponent) && digits.length <= exponent + 1);
    if (!rounder) return { kind: 'finite', negative, digits, exponent, places, scientific: isScientific(exponent) };
    const rounded = Number(text);
    if (places >= last || Number(abs.toPrecision(Math.max(EXACT_DIGITS, places))) === rounded) {
      // The value itself (to a double's noise): its shortest text, 0.1 and not 0.10000000000000001.
      const shortest = split(rounded.toExponential());
      return {
        kind: 'finite',
        negative,
        digits: shortest.digits,
        exponent: shortest.exponent,
        places,
        scientific: isScientific(shortest.exponent),
      };
    }
  }
}

/** The unit of the last significant digit x shows with (10⁻⁴ for 0.2984 at 4 digits); 0 for 0 and non-finite values. */
export function displayUnit(x: number, precision: Precision | number = DEFAULT_PRECISION): number {
  const d = decideNumber(x, precision);
  if (d.kind !== 'finite' || d.digits === '0') return 0;
  return 10 ** (d.exponent - d.places + 1);
}

/** The digits of a finite decision as a plain decimal: 0.00123, 12.5, 40. */
function plain(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return fraction ? `${whole}.${fraction}` : whole;
}

function mantissa(digits: string): string {
  return digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
}

/** 10 to the power e in Unicode superscripts: 10⁻⁵. */
function powerOfTen(e: number): string {
  return `10${[...String(e)].map((c) => SUPERSCRIPT[c]).join('')}`;
}

/** The proper minus sign; a hyphen reads as a dash next to a dashed (negative) edge. */
export const MINUS = '\u2212';

/**
 * x as plain text at `precision`: 0.2984, −3.072×10⁻⁶, 10⁻⁸, 0.99999 (never "1" for 0.999994),
 * NaN, ∞, −∞. The typographic minus throughout.
 */
export function formatValue(x: number, precision: Precision | number = DEFAULT_PRECISION): string {
  const d = decideNumber(x, precision);
  if (d.kind === 'nan') return 'NaN';
  if (d.kind === 'infinity') return d.negative ? `${MINUS}∞` : '∞';
  const sign = d.negative ? MINUS : '';
  if (!d.scientific) return sign + plain(d.digits, d.exponent);
  const m = mantissa(d.digits);
  return sign + (m === '1' ? powerOfTen(d.exponent) : `${m}×${powerOfTen(d.exponent)}`);
}

/** The same decision as TeX: 0.2984, -3.072\times10^{-6}, 10^{-8}, \infty, \text{NaN}. */
export function formatTexNumber(x: number, precision: Precision | number = DEFAULT_PRECISION): string {
  const d = decideNumber(x, precision);
  if (d.kind === 'nan') return String.raw`\text{NaN}`;
  if (d.kind === 'infinity') return d.negative ? String.raw`-\infty` : String.raw`\infty`;
  const sign = d.negative ? '-' : '';
  if (!d.scientific) return sign + plain(d.digits, d.exponent);
  const m = mantissa(d.digits);
  return sign + (m === '1' ? `10^{${d.exponent}}` : String.raw`${m}\times10^{${d.exponent}}`);
}

/** The full value of x, for a tooltip or an accessible description: every digit the double has. */
export function formatFull(x: number): string {
  return formatValue(x, 'full');
}

const SUPERSCRIPT_DIGIT: Record<string, string> = Object.fromEntries(
  Object.entries(SUPERSCRIPT).map(([k, v]) => [v, k]),
);

/**
 * Reads a number typed by the user: plain decimal or exponent notation (1e-3, 1.5×10⁻³,
 * 1.5·10^-3, 10⁻³), either minus sign; null for anything else (empty text, words, two
 * numbers, NaN, infinities).
 */
export function parseUserNumber(text: string): number | null {
  const clean = numberText(text);
  if (!NUMBER_TEXT.test(clean)) return null;
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Typed text in e-notation: either minus sign, and superscript or "×10^" exponents, so what is shown can be typed back. */
function numberText(text: string): string {
  let clean = text.trim().replace(/[−–]/g, '-');
  clean = clean.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (s) => `^${[...s].map((c) => SUPERSCRIPT_DIGIT[c]).join('')}`);
  return clean.replace(/^([+-]?)10\^/, '$11e').replace(/\s*[×x*·]\s*10\^/i, 'e');
}

/**
 * Why typed text is refused as a number (parseUserNumber gives null), in words: a number
 * written correctly but too large for a double (`1e999`) is out of range, anything else is
 * not a number; null when the text is a number.
 */
export function userNumberError(text: string): string | null {
  if (parseUserNumber(text) !== null) return null;
  return NUMBER_TEXT.test(numberText(text))
    ? `“${text}” is out of range (numbers go up to ±1.8e308)`
    : `“${text}” is not a number`;
}
