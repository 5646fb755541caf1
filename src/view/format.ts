import { DEFAULT_PRECISION, formatValue, MINUS, type Precision } from '../core/format-number.ts';

export { MINUS };

/** What the diagram shows in place of a value not yet computed at the step position, like a worksheet's blank. */
export const BLANK = '____';

/**
 * A number for display at the user's precision: the app's one display format
 * (core/format-number.ts), so the diagram, the tables and the worksheet's "to the displayed
 * precision" all agree. Exact numbers for exports live in data attributes (String(x)), never
 * in this text.
 */
export function formatNumber(x: number, digits: Precision | number = DEFAULT_PRECISION): string {
  return formatValue(x, digits);
}

/** A value, or the blank when it is not yet known. */
export function formatKnown(x: number, known: boolean, digits: Precision | number = DEFAULT_PRECISION): string {
  return known ? formatNumber(x, digits) : BLANK;
}
