import { formatValue } from '../core/format-number.ts';

/** What the diagram shows in place of a value not yet computed at the step position, like a worksheet's blank. */
export const BLANK = '____';

/** The proper minus sign; a hyphen reads as a dash next to a dashed (negative) edge. */
export const MINUS = '\u2212';

/**
 * A number for display with about `digits` significant digits: the app's one display
 * format (core/format-number.ts), so the diagram, the tables and the worksheet's
 * "to the displayed precision" all agree. Exact numbers for exports live in data
 * attributes (String(x)), never in this text.
 */
export function formatNumber(x: number, digits = 4): string {
  return formatValue(x, digits);
}

/** A value, or the blank when it is not yet known. */
export function formatKnown(x: number, known: boolean, digits = 4): string {
  return known ? formatNumber(x, digits) : BLANK;
}
