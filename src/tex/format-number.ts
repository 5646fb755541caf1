/** Significant digits of a number in the math panel, unless a builder needs more. */
export const DEFAULT_DIGITS = 6;

/** The most digits a double has to give; more would only show binary noise. */
const MAX_DIGITS = 17;

function clampDigits(digits: number): number {
  return Math.min(MAX_DIGITS, Math.max(1, Math.round(digits)));
}

/**
 * x as TeX with at most `digits` significant digits and no trailing zeros: 0.298371,
 * -3.07209\times10^{-6}, 10^{-8}, \infty, \text{NaN}. Scientific below 10⁻⁴ and from 10⁶ on.
 */
export function formatNumber(x: number, digits = DEFAULT_DIGITS): string {
  if (Number.isNaN(x)) return String.raw`\text{NaN}`;
  if (x === Infinity) return String.raw`\infty`;
  if (x === -Infinity) return String.raw`-\infty`;
  if (x === 0) return '0';
  const d = clampDigits(digits);
  // The exponent after rounding decides the form, so 9.9999996e-5 shows as 0.0001.
  const [mantissa, exponent] = x.toExponential(d - 1).split('e');
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) {
    const m = String(Number(mantissa));
    if (m === '1') return `10^{${exp}}`;
    if (m === '-1') return `-10^{${exp}}`;
    return String.raw`${m}\times10^{${exp}}`;
  }
  return String(Number(x.toPrecision(d)));
}

/**
 * x as it is written after an operator (`\cdot`, `-`, `+`): in parentheses where it is
 * negative or in scientific form, so `0.5\cdot (-2)` never reads as a subtraction.
 */
export function formatOperand(x: number, digits = DEFAULT_DIGITS): string {
  const text = formatNumber(x, digits);
  return text.startsWith('-') || text.includes(String.raw`\times`) || text.startsWith('10^') ? `(${text})` : text;
}

/**
 * The significant digits needed for the operands of a − b (or a + b) so that their shown
 * difference agrees with the shown result: `digits` more one per decade of cancellation.
 * 0.99999385583 − 1 needs 11 digits where 0.751365 − 0.01 needs the usual 6.
 */
export function digitsForDifference(a: number, b: number, digits = DEFAULT_DIGITS): number {
  const result = Math.abs(a - b);
  const size = Math.max(Math.abs(a), Math.abs(b));
  if (!Number.isFinite(result) || !Number.isFinite(size) || result === 0 || size === 0) return clampDigits(digits);
  // A digit per full decade lost: within one, the last shown digit may be off by a unit or two.
  const extra = Math.max(0, Math.floor(Math.log10(size / result)));
  return clampDigits(digits + extra);
}

/** The digits needed for the operands of a sum of terms so that the shown sum agrees with `total`. */
export function digitsForSum(terms: readonly number[], digits = DEFAULT_DIGITS): number {
  let total = 0;
  let size = 0;
  for (const t of terms) {
    total += t;
    size = Math.max(size, Math.abs(t));
  }
  return digitsForDifference(size, size - total, digits);
}
