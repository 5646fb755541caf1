import type { Precision } from './format-number.ts';
import { checkAnswer, isAnswerReadable } from './worksheet.ts';

/** Why grading stopped at a prediction. */
export type StopReason = 'blank' | 'unreadable' | 'wrong';

/**
 * Predictions graded in computation order: every one right, or the index of the first that is
 * blank, does not read as a number, or is wrong (everything before it is right).
 */
export type Grade =
  | { readonly kind: 'all-right'; readonly count: number }
  | { readonly kind: 'stop'; readonly index: number; readonly reason: StopReason };

/**
 * Grades `answers[k]` against `truths[k]` in order, as a by-hand exercise is marked: the first
 * blank, unreadable or wrong answer (checkAnswer at `precision`) is where the student looks,
 * and every answer before it is right. An empty list is all right with count 0.
 */
export function gradeInOrder(
  answers: readonly string[],
  truths: readonly number[],
  precision: Precision | number,
): Grade {
  const n = Math.min(answers.length, truths.length);
  for (let k = 0; k < n; k++) {
    const text = answers[k] ?? '';
    if (text.trim() === '') return { kind: 'stop', index: k, reason: 'blank' };
    if (!isAnswerReadable(text)) return { kind: 'stop', index: k, reason: 'unreadable' };
    if (!checkAnswer(text, truths[k], precision)) return { kind: 'stop', index: k, reason: 'wrong' };
  }
  return { kind: 'all-right', count: n };
}
