/** What the diagram shows in place of a value not yet computed at the step position, like a worksheet's blank. */
export const BLANK = '____';

/** The proper minus sign; a hyphen reads as a dash next to a dashed (negative) edge. */
export const MINUS = '\u2212';

/**
 * A number for display, with about `digits` significant digits: 0.08219 → "0.08219",
 * 12.3456 → "12.35", 1.2e-7 → "1.2e−7", negatives with a real minus sign. Exact numbers
 * for exports live in data attributes (String(x)), never in this text.
 */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0) return '0';
  const abs = Math.abs(x);
  let text: string;
  if (abs >= 1e-3 && abs < 1e5) {
    text = String(Number(abs.toPrecision(digits)));
  } else {
    const [mantissa, exponent] = abs.toExponential(Math.max(0, digits - 2)).split('e');
    const m = String(Number(mantissa));
    text = `${m}e${exponent.startsWith('-') ? MINUS + exponent.slice(1) : exponent.replace('+', '')}`;
  }
  return x < 0 ? MINUS + text : text;
}

/** A value, or the blank when it is not yet known. */
export function formatKnown(x: number, known: boolean, digits = 4): string {
  return known ? formatNumber(x, digits) : BLANK;
}
