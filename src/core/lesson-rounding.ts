import type { Lesson } from './lesson.ts';
import { firstDifferingDigit, printedDigits } from './lesson-answer.ts';
import { resolveQuantity, type QuantityContext } from './lesson-quantity.ts';
import { quantityRefProblem } from './quantity-ref.ts';
import type { Model } from './model.ts';
import { passWithOutputs } from './output-override.ts';

/**
 * A tutorial's rounded prediction, read from the lesson itself (no field beyond the spec's):
 * the first step whose `compare` names the activation `a:node:L:k` of every output k gives the
 * printed ŷ. null when no step does.
 */
export function printedPrediction(lesson: Lesson, model: Model): { step: number; values: number[] } | null {
  const L = model.depth;
  const n = model.sizes[L];
  for (let k = 0; k < lesson.steps.length; k++) {
    const values: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined);
    for (const c of lesson.steps[k].compare ?? []) {
      if (c.of.kind === 'a' && c.of.sel.l === L && c.of.sel.j < n) values[c.of.sel.j] = c.value;
    }
    if (values.every((v) => v !== undefined)) return { step: k, values: values as number[] };
  }
  return null;
}

/** How many decimal places a printed number has: 0.5 → 1, 0 → 0, 2.25 → 2, 1e-7 → 7. */
export function printedDecimals(v: number): number {
  if (!Number.isFinite(v)) return 0;
  const [mantissa, exponent] = Math.abs(v).toExponential().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** Whether `printed` is `exact` rounded to the decimal places it was printed with (0.5 for 0.4955, 0 for 0.0091; not 0.999 for 0.99999). */
export function isRoundingOf(printed: number, exact: number): boolean {
  const d = printedDecimals(printed);
  if (d > 15) return false;
  const scale = 10 ** d;
  return Math.abs(Math.round(exact * scale) / scale - printed) <= 1e-12 * Math.max(1, Math.abs(printed));
}

/**
 * The tutorial's chain at step k: the quantities as they follow from the printed prediction
 * (passWithOutputs), for the compares of that step and the ones after it, while the lesson's
 * scenario is the one shown. Only for a rounding the tutorial carries on with: every printed ŷ
 * is the app's rounded to the decimals printed (0.5 for 0.4955, not 0.999 for 0.99999), and the
 * chain explains more of the lesson's printed numbers after it than the exact values do (Mazur
 * prints ŷ to 8 decimals but computes on with the exact ones). null before the prediction is
 * printed, after a step brings another scenario, and in every other case.
 */
export function roundedChainContext(lesson: Lesson, k: number, ctx: QuantityContext): QuantityContext | null {
  const { model } = ctx.compiled;
  const printed = printedPrediction(lesson, model);
  if (printed === null || k < printed.step) return null;
  for (let n = 0; n <= k && n < lesson.steps.length; n++) if (lesson.steps[n].scenario !== undefined) return null;
  const exact = printed.values.map((_, j) =>
    resolveQuantity(ctx, { kind: 'a', sel: { kind: 'node', l: model.depth, j } }),
  );
  if (!printed.values.every((v, j) => isRoundingOf(v, exact[j]))) return null;
  if (printed.values.every((v, j) => v === exact[j])) return null;
  const pass = passWithOutputs(ctx.compiled, ctx.iteration, ctx.sample, printed.values);
  const chain = { ...ctx, iteration: { ...ctx.iteration, pass } };
  return explainedBy(lesson, printed.step, chain) > explainedBy(lesson, printed.step, ctx) ? chain : null;
}

/** How many of the printed numbers after step `from` that the chain has a value of agree with `ctx`'s values to the digits printed. */
function explainedBy(lesson: Lesson, from: number, ctx: QuantityContext): number {
  let n = 0;
  for (let k = from + 1; k < lesson.steps.length && lesson.steps[k].scenario === undefined; k++) {
    for (const c of lesson.steps[k].compare ?? []) {
      if (!chainHasKind(c.of.kind) || quantityRefProblem(ctx.compiled.model, c.of) !== null) continue;
      if (firstDifferingDigit(c.value, resolveQuantity(ctx, c.of), printedDigits(c.value)) === null) n++;
    }
  }
  return n;
}

/** Whether the chain has its own value of a quantity of kind `kind`: the output's ŷ and what is derived from it (∂L/∂z, ∂L/∂a, ∂L/∂θ). */
export function chainHasKind(kind: string): boolean {
  return kind === 'a' || kind === 'dLdz' || kind === 'dLda' || kind === 'gradient';
}
