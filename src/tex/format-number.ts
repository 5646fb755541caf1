import { formatTexNumber, precisionDigits, type Precision } from '../core/format-number.ts';

/** Significant digits of a number in the math panel, unless a builder needs more. */
export const DEFAULT_DIGITS = 6;

/**
 * x as TeX with `digits` significant digits by the app's one rule (core/format-number.ts):
 * 0.298371, -3.07209\times10^{-6}, 10^{-8}, \infty, \text{NaN}; scientific below 10⁻⁴ and
 * from 10⁶ on; never rounded into a rounder number it is not (0.999994 is never 1).
 */
export function formatNumber(x: number, digits: Precision | number = DEFAULT_DIGITS): string {
  return formatTexNumber(x, digits);
}

/**
 * x as it is written after an operator (`\cdot`, `-`, `+`): in parentheses where it is
 * negative or in scientific form, so `0.5\cdot (-2)` never reads as a subtraction.
 */
export function formatOperand(x: number, digits: Precision | number = DEFAULT_DIGITS): string {
  const text = formatNumber(x, digits);
  return text.startsWith('-') || text.includes(String.raw`\times`) || text.startsWith('10^') ? `(${text})` : text;
}

/**
 * The significant digits needed for the operands of a − b (or a + b) so that their shown
 * difference agrees with the shown result: `digits` more one per decade of cancellation.
 * 0.99999385583 − 1 needs 11 digits where 0.751365 − 0.01 needs the usual 6.
 */
export function digitsForDifference(a: number, b: number, digits: Precision | number = DEFAULT_DIGITS): number {
  const result = Math.abs(a - b);
  const size = Math.max(Math.abs(a), Math.abs(b));
  if (!Number.isFinite(result) || !Number.isFinite(size) || result === 0 || size === 0) return precisionDigits(digits);
  // A digit per full decade lost: within one, the last shown digit may be off by a unit or two.
  const extra = Math.max(0, Math.floor(Math.log10(size / result)));
  return precisionDigits(precisionDigits(digits) + extra);
}

/** The digits needed for the operands of a sum of terms so that the shown sum agrees with `total`. */
export function digitsForSum(terms: readonly number[], digits: Precision | number = DEFAULT_DIGITS): number {
  let total = 0;
  let size = 0;
  for (const t of terms) {
    total += t;
    size = Math.max(size, Math.abs(t));
  }
  return digitsForDifference(size, size - total, digits);
}
