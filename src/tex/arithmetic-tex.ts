import { formatNumber, formatOperand } from './format-number.ts';

/** Sums longer than this show their first three terms, \cdots and the last. */
export const MAX_SHOWN_TERMS = 8;

const CDOT = String.raw`\cdot `;

/** The shown terms of a long list: all of them, or the first three and the last around null (the \cdots). */
export function elide<T>(items: readonly T[], max = MAX_SHOWN_TERMS): (T | null)[] {
  if (items.length <= max) return [...items];
  return [...items.slice(0, 3), null, items[items.length - 1]];
}

/** Numbers multiplied: 0.741365\cdot 0.186816\cdot (-0.5). */
export function productTex(xs: readonly number[], digits: number): string {
  return xs.map((x, k) => (k === 0 ? leadingFactor(x, digits, xs.length > 1) : formatOperand(x, digits))).join(CDOT);
}

/** The first factor of a product: bare, but a scientific one in parentheses when more factors follow. */
function leadingFactor(x: number, digits: number, followed: boolean): string {
  const text = formatNumber(x, digits);
  return followed && text.includes(String.raw`\times`) ? `(${text})` : text;
}

/**
 * One product of a sum: bare where it comes first, else led by + or by − with its first
 * factor's sign taken out: [-0.5, 2] after another term → " - 0.5\cdot 2".
 */
export function termTex(term: readonly number[], digits: number, first: boolean): string {
  if (term.length === 0) return first ? '0' : ' + 0';
  const [head, ...rest] = term;
  const negative = head < 0 || Object.is(head, -0);
  let text = leadingFactor(first ? head : Math.abs(head), digits, rest.length > 0);
  if (!first) text = (negative ? ' - ' : ' + ') + text;
  for (const x of rest) text += CDOT + formatOperand(x, digits);
  return text;
}

/**
 * A sum of products of numbers, a negative leading factor of a later term written as a
 * subtraction: [[0.4, 0.1], [-0.5, 2]] → 0.4\cdot 0.1 - 0.5\cdot 2. Long sums are elided.
 */
export function sumTex(terms: readonly (readonly number[])[], digits: number, max = MAX_SHOWN_TERMS): string {
  if (terms.length === 0) return '0';
  return elide(terms, max)
    .map((term, k) => (term === null ? String.raw` + \cdots` : termTex(term, digits, k === 0)))
    .join('');
}

/** Symbolic terms joined by +, elided like their numbers. */
export function joinSum(parts: readonly string[], max = MAX_SHOWN_TERMS): string {
  return elide(parts, max)
    .map((p) => (p === null ? String.raw`\cdots` : p))
    .join(' + ');
}

/** Symbolic factors joined by \cdot. */
export function joinProduct(parts: readonly string[]): string {
  return parts.join(CDOT);
}

/** `lhs = rhs₁ = rhs₂ …`, skipping empty parts. */
export function chain(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' = ');
}
