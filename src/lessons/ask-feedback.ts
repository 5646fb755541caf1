import { cutShort, firstDifferingDigit, ordinal } from '../core/lesson-answer.ts';

/** The power of ten of x's first significant digit once rounded to `digits` (0.9996 at 2 → 0, as 1.0). */
function roundedExponent(x: number, digits: number): number {
  return Number(
    Math.abs(x)
      .toExponential(digits - 1)
      .split('e')[1],
  );
}

/** What is wrong with an answer, and which of its significant digits (1-based) to mark. */
export interface AskFeedback {
  readonly message: string;
  readonly digit: number;
}

/**
 * What an `ask` says to a wrong answer `typed` for `value`, checked to `digits` significant
 * digits; null when it is right. Past the first digit: how many are right and which is wrong.
 * At the first: the sign, the power of ten, or the digit itself; and an answer that is the
 * value cut short rather than rounded (5.99 for 5.99996 at 3 digits, which rounds to 6.00) is
 * told so, since "the 1st digit is wrong" would send the student looking in the wrong place.
 */
export function askFeedback(typed: number, value: number, digits: number): AskFeedback | null {
  const digit = firstDifferingDigit(typed, value, digits);
  if (digit === null) return null;
  if (Number.isFinite(value) && firstDifferingDigit(typed, cutShort(value, digits), digits) === null)
    return {
      message: `Not yet: that is the value cut short; rounded to ${digits} significant digit${digits === 1 ? '' : 's'} its last digit goes up.`,
      digit: digits,
    };
  const wrong = (message: string) => ({ message, digit });
  if (digit > 1)
    return wrong(
      `Not yet: the first ${digit - 1} significant digit${digit === 2 ? ' is' : 's are'} right; the ${ordinal(digit)} is wrong.`,
    );
  if (typed !== 0 && value !== 0 && Math.sign(typed) !== Math.sign(value)) return wrong('Not yet: the sign is wrong.');
  if (typed !== 0 && value !== 0 && roundedExponent(typed, digits) !== roundedExponent(value, digits))
    return wrong('Not yet: the power of ten is wrong (the decimal point is off).');
  return wrong('Not yet: already the 1st significant digit is wrong.');
}
