/**
 * The core number a line arrives at, by the scenario's indices; `sample` is the index in
 * the batch, and 'batch' the total over it.
 */
export type Quantity =
  | {
      readonly kind: 'z' | 'a' | 'dadz' | 'dLda' | 'dLdz';
      readonly l: number;
      readonly j: number;
      readonly sample: number;
    }
  | {
      readonly kind: 'dLdw';
      readonly l: number;
      readonly j: number;
      readonly i: number;
      readonly sample: number | 'batch';
    }
  | { readonly kind: 'dLdb'; readonly l: number; readonly j: number; readonly sample: number | 'batch' }
  | { readonly kind: 'sample-loss'; readonly sample: number }
  /** output k's term of the sample's loss (Mazur's E_o1 is k = 0) */
  | { readonly kind: 'loss-term'; readonly sample: number; readonly k: number }
  | { readonly kind: 'loss' }
  /** the batch loss at the parameters after the update */
  | { readonly kind: 'loss-after' }
  | { readonly kind: 'weight-after'; readonly l: number; readonly j: number; readonly i: number }
  | { readonly kind: 'bias-after'; readonly l: number; readonly j: number };

/**
 * One displayed equation. Where a line substitutes numbers, `factors` and `terms` are the
 * raw numbers it shows, so that a test can check the shown arithmetic:
 * value = Π factors · Σₜ Π terms[t] (a missing part counts as 1).
 */
export interface Line {
  readonly tex: string;
  /** plain text shown beside the equation (never TeX) */
  readonly note?: string;
  readonly factors?: readonly number[];
  readonly terms?: readonly (readonly number[])[];
  /** the value the line arrives at, as the core computed it */
  readonly value?: number;
  readonly quantity?: Quantity;
}

export interface Section {
  readonly heading: string;
  readonly lines: readonly Line[];
}

export interface Derivation {
  /** plain text */
  readonly title: string;
  readonly sections: readonly Section[];
}

function product(xs: readonly number[]): number {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
}

/** What a line's shown numbers evaluate to, Π factors · Σₜ Π terms[t]; undefined for a line without numbers. */
export function shownValue(line: Line): number | undefined {
  if (!line.factors && !line.terms) return undefined;
  const outside = product(line.factors ?? []);
  if (!line.terms) return outside;
  let sum = 0;
  for (const t of line.terms) sum += product(t);
  return outside * sum;
}

/** The size of the numbers a line adds, Π|factors| · Σₜ Π|terms[t]|: the scale of its rounding error. */
export function shownMagnitude(line: Line): number {
  const outside = Math.abs(product(line.factors ?? []));
  if (!line.terms) return outside;
  let sum = 0;
  for (const t of line.terms) sum += Math.abs(product(t));
  return outside * sum;
}
