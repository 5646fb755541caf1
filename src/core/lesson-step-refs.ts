import type { LessonStep } from './lesson.ts';
import { lessonTextRefs, parseStepText } from './lesson-text.ts';
import type { QuantityRef } from './quantity-ref.ts';

/**
 * The quantities a lesson step shows of its own accord: its text's `{{…}}` values (in math too) and its
 * `compare` rows (both shown whether or not the step position has reached them, lesson spec
 * "Text"), and its `ask` once answered or given up.
 */
export function lessonStepRefs(step: LessonStep, answered: boolean): QuantityRef[] {
  return [
    ...lessonTextRefs(parseStepText(step.text), true),
    ...(step.compare ?? []).map((c) => c.of),
    ...(answered && step.ask ? [step.ask.of] : []),
  ];
}
