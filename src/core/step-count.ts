/**
 * A number of training steps as a user types it ("9999", "9,999", "1e4"): a whole number from
 * 1 to MAX_TRAIN_STEPS, or a message that names what is wrong with the text.
 */
import { parseUserNumber } from './format-number.ts';

/** The most steps one Train asks for (a run is interruptible; this keeps a typo like 1e9 from running for hours). */
export const MAX_TRAIN_STEPS = 1_000_000;

export type StepCount =
  { readonly ok: true; readonly steps: number } | { readonly ok: false; readonly message: string };

export function parseStepCount(text: string): StepCount {
  const shown = text.trim();
  if (shown === '') return { ok: false, message: 'Type a number of steps, from 1 to 1,000,000.' };
  // digit groups as people write them: 9,999 or 9 999 (a thin space too) or 9_999
  const grouped = /^\d{1,3}([,_\s\u2009\u202f]\d{3})+$/.test(shown) ? shown.replace(/[,_\s\u2009\u202f]/g, '') : shown;
  const value = parseUserNumber(grouped);
  if (value === null) return { ok: false, message: `“${shown}” is not a number of steps.` };
  if (!Number.isInteger(value)) return { ok: false, message: `“${shown}” is not a whole number of steps.` };
  if (value < 1) return { ok: false, message: `“${shown}”: train at least 1 step.` };
  if (value > MAX_TRAIN_STEPS)
    return { ok: false, message: `“${shown}” is more than ${MAX_TRAIN_STEPS.toLocaleString('en-US')} steps at once.` };
  return { ok: true, steps: value };
}
