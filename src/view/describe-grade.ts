import { biasName, nameToText, nodeName, weightName } from '../core/notation.ts';
import type { Scenario } from '../core/scenario.ts';
import type { StepEvent } from '../core/step-plan.ts';
import type { Grade } from '../core/worksheet-grade.ts';

type Labels = Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;

/** An event's value by a short name, for a sentence: "z of h₁", "δ of h₂", "∂L/∂w₅", "w₅ after the update". */
export function eventName(s: Labels, e: StepEvent): string {
  switch (e.kind) {
    case 'z':
    case 'a':
      return `${e.kind} of ${nameToText(nodeName(s, e.l, e.j))}`;
    case 'delta':
      return `δ of ${nameToText(nodeName(s, e.l, e.j))}`;
    case 'loss':
      return 'the loss L';
    case 'weight-grad':
      return `∂L/∂${nameToText(weightName(s, e.l, e.j, e.i))}`;
    case 'bias-grad':
      return `∂L/∂${nameToText(biasName(s, e.l, e.j))}`;
    case 'weight-update':
      return `${nameToText(weightName(s, e.l, e.j, e.i))} after the update`;
    case 'bias-update':
      return `${nameToText(biasName(s, e.l, e.j))} after the update`;
  }
}

/**
 * What a marker says of predictions of `events` graded in computation order: all right, or
 * where the first one that is not stopped the marking ("everything before δ of h₂ is right;
 * check δ of h₂").
 */
export function describeGrade(s: Labels, events: readonly StepEvent[], grade: Grade): string {
  if (grade.kind === 'all-right') {
    if (grade.count === 0) return 'Nothing to check.';
    const first = eventName(s, events[0]);
    return grade.count === 1
      ? `Right: ${first}.`
      : `All ${grade.count} right, ${first} to ${eventName(s, events[grade.count - 1])}.`;
  }
  const name = eventName(s, events[grade.index]);
  if (grade.reason === 'unreadable') return `${name} does not read as a number (type one like 0.5933, −1.2e−3 or NaN).`;
  if (grade.index === 0) {
    return grade.reason === 'blank'
      ? `${name} is still blank.`
      : `The first value, ${name}, is not right yet; check it.`;
  }
  const before = `Everything before ${name} is right (${grade.index} value${grade.index === 1 ? '' : 's'})`;
  return grade.reason === 'blank' ? `${before}; ${name} is still blank.` : `${before}; check ${name}.`;
}
