import { DEFAULT_PRECISION, displayUnit, formatValue, parseUserNumber, type Precision } from './format-number.ts';

export { displayUnit };
import type { Iteration } from './iteration.ts';
import type { Model } from './model.ts';
import type { StepEvent } from './step-plan.ts';

/** What the student may type for a non-finite truth: NaN, ∞ (inf, infinity) and their negatives. */
function readNonFinite(text: string): number | null {
  const clean = text.trim().toLowerCase().replace(/−/g, '-').replace(/^\+/, '');
  if (clean === 'nan') return NaN;
  const negative = clean.startsWith('-');
  const body = negative ? clean.slice(1) : clean;
  if (body === '∞' || body === 'inf' || body === 'infinity') return negative ? -Infinity : Infinity;
  return null;
}

/**
 * True when `answer` (text typed by the student) is right to the displayed precision:
 * formatValue(answer) = formatValue(truth), or |answer − truth| ≤ half a unit of the last
 * displayed digit. Non-finite truths need the same non-finite answer (NaN, ∞, −∞ or inf).
 */
export function checkAnswer(answer: string, truth: number, digits: Precision | number = DEFAULT_PRECISION): boolean {
  if (!Number.isFinite(truth)) {
    const typed = readNonFinite(answer);
    return typed !== null && formatValue(typed, digits) === formatValue(truth, digits);
  }
  const value = parseUserNumber(answer);
  if (value === null) return false;
  if (formatValue(value, digits) === formatValue(truth, digits)) return true;
  // A relative slack of 1e-9 keeps an answer exactly at the half-unit edge from failing on rounding.
  return Math.abs(value - truth) <= (displayUnit(truth, digits) / 2) * (1 + 1e-9);
}

/** True when `answer` reads as a number at all (a number, or NaN/∞ spelled out). */
export function isAnswerReadable(answer: string): boolean {
  return parseUserNumber(answer) !== null || readNonFinite(answer) !== null;
}

/**
 * The value event `e` computes in iteration `it`, for batch sample `sample` where it is
 * per sample (z, a, δ); the batch totals ∂L/∂w, ∂L/∂b; the reduced loss; the updated parameter.
 */
export function eventValue(model: Model, it: Iteration, e: StepEvent, sample: number): number {
  const row = sample * model.nodeCount;
  switch (e.kind) {
    case 'z':
      return it.pass.z[row + model.nodeOffset[e.l] + e.j];
    case 'a':
      return it.pass.a[row + model.nodeOffset[e.l] + e.j];
    case 'delta':
      return it.pass.dLdz[row + model.nodeOffset[e.l] + e.j];
    case 'loss':
      return it.pass.loss;
    case 'weight-grad':
      return it.pass.dLdw[model.weightOffset[e.l] + e.j * model.sizes[e.l] + e.i];
    case 'bias-grad':
      return it.pass.dLdb[model.biasOffset[e.l] + e.j];
    case 'weight-update':
      return it.after.w[model.weightOffset[e.l] + e.j * model.sizes[e.l] + e.i];
    case 'bias-update':
      return it.after.b[model.biasOffset[e.l] + e.j];
  }
}
