/**
 * A number for display with `digits` significant digits: trailing zeros dropped, the
 * typographic minus, exponent form (3.072×10⁻⁶ as "3.072e−6") outside [0.001, 10^digits), and
 * NaN, ∞ and −∞ for non-finite values.
 */
export function formatValue(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  let text: string;
  if (abs >= 1e-3 && abs < 10 ** digits) {
    text = Number(x.toPrecision(digits)).toString();
    if (text.includes('e')) text = x.toFixed(0);
  } else {
    const [mantissa, exponent] = x.toExponential(Math.max(0, digits - 1)).split('e');
    text = `${mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa}e${exponent.replace('+', '')}`;
  }
  return text.replace(/-/g, '−');
}

/**
 * Reads a number typed by the user: plain decimal or exponent notation, either minus sign;
 * null for anything else (empty text, words, two numbers, NaN, infinities).
 */
export function parseUserNumber(text: string): number | null {
  const clean = text.trim().replace(/−/g, '-');
  if (!NUMBER_TEXT.test(clean)) return null;
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Why typed text is refused as a number (parseUserNumber gives null), in words: a number
 * written correctly but too large for a double (`1e999`) is out of range, anything else is
 * not a number; null when the text is a number.
 */
export function userNumberError(text: string): string | null {
  if (parseUserNumber(text) !== null) return null;
  const clean = text.trim().replace(/−/g, '-');
  return NUMBER_TEXT.test(clean) ? `“${text}” is out of range (numbers go up to ±1.8e308)` : `“${text}” is not a number`;
}
