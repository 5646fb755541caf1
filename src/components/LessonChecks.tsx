import { useMemo, useState } from 'react';
import { formatValue, parseUserNumber, precisionDigits } from '../core/format-number.ts';
import type { LessonAsk, LessonCompare } from '../core/lesson.ts';
import {
  compareVerdict,
  formatToDigits,
  ordinal,
  significantDigitOffset,
  type AnswerCheck,
  type CompareVerdict,
} from '../core/lesson-answer.ts';
import { resolveQuantity, type QuantityContext } from '../core/lesson-quantity.ts';
import { chainHasKind, roundedChainContext } from '../core/lesson-rounding.ts';
import { quantityRefKey, quantityRefProblem, type QuantityRef } from '../core/quantity-ref.ts';
import { quantityRefName } from '../core/quantity-name.ts';
import { askFeedback, type AskFeedback } from '../lessons/ask-feedback.ts';
import { useNotation } from './notation-context.tsx';
import { fullValueProps } from './Num.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/** The live value of a reference in the iteration shown (NaN where the network has no such quantity). */
function useQuantity(q: QuantityRef): number {
  const store = useAppStoreApi();
  return useAppStore((s) => {
    const ctx = store.selectors.quantityContext(s);
    return quantityRefProblem(ctx.compiled.model, q) === null ? resolveQuantity(ctx, q) : NaN;
  });
}

/** A number as the formatter writes it, its k-th significant digit (1-based) marked; k null: nothing marked. */
function MarkedNumber({ text, digit, testId }: { text: string; digit: number | null; testId?: string }) {
  const at = digit === null ? -1 : significantDigitOffset(text, digit);
  if (at < 0) return <span data-testid={testId}>{text}</span>;
  return (
    <span data-testid={testId}>
      {text.slice(0, at)}
      <mark className="lesson-digit">{text[at]}</mark>
      {text.slice(at + 1)}
    </span>
  );
}

/** The value of `q` in the tutorial's rounded chain, or null where the chain has none of its own (what comes before ŷ is the app's). */
function chainValue(chain: QuantityContext | null, q: QuantityRef): number | null {
  if (chain === null || !chainHasKind(q.kind) || quantityRefProblem(chain.compiled.model, q) !== null) return null;
  if (q.kind === 'a' && q.sel.l !== chain.compiled.model.depth) return null;
  return resolveQuantity(chain, q);
}

/** A number cell's class: a long number (a 17-digit printed one) may break, so it stays inside the lesson column. */
function numClass(text: string): string {
  return text.length > 12 ? 'num num-long' : 'num';
}

/** What a verdict cell says, in full (its tooltip and accessible name). */
function verdictText(v: CompareVerdict): string {
  const digits = `${v.digits} digit${v.digits === 1 ? '' : 's'}`;
  switch (v.kind) {
    case 'agree':
      return `agree to ${digits}`;
    case 'float':
      return `agree to 12 digits; past them (the ${ordinal(v.digit)}) only floating-point rounding differs, the order of the arithmetic`;
    case 'cut':
      return `agree to the ${digits} printed, cut short rather than rounded: rounded to ${digits}, the app's value is ${formatToDigits(v.rounded, v.digits)}`;
    case 'differ':
      return `differ from the ${ordinal(v.digit)} significant digit`;
  }
}

/** The ✓ or ≠ verdict cell after a printed number and the app's. */
function Verdict({ verdict }: { verdict: CompareVerdict }) {
  const text = verdictText(verdict);
  return (
    <td
      role="cell"
      className={verdict.kind === 'differ' ? 'lesson-differ' : 'lesson-agree'}
      data-testid="lesson-compare-verdict"
      data-verdict={verdict.kind}
      title={text}
      aria-label={text}
    >
      {verdict.kind === 'differ' ? `≠ ${ordinal(verdict.digit)}` : verdict.kind === 'cut' ? '✓ cut short' : '✓'}
    </td>
  );
}

/** The digit to mark in a printed number and the app's: the first that differs, none when they agree. */
function markedDigit(v: CompareVerdict): number | null {
  return v.kind === 'differ' ? v.digit : null;
}

/**
 * One printed number beside the app's own, to the digits it was printed with, the first that
 * differs marked in both; with a tutorial's rounding, also the value that follows from its
 * rounded prediction (chain), so that a hand number off by the rounding is seen to be right.
 */
function CompareRow({ entry, chain }: { entry: LessonCompare; chain: QuantityContext | null | undefined }) {
  const app = useQuantity(entry.of);
  const precision = useAppStore((s) => s.precision);
  const verdict = compareVerdict(entry.value, app);
  const { digits } = verdict;
  const differs = markedDigit(verdict);
  const shown = Math.max(digits, precisionDigits(precision));
  const printedText = formatValue(entry.value, 'full');
  const appText = formatValue(app, shown);
  const rounded = chain === undefined ? null : chainValue(chain, entry.of);
  const roundedVerdict = rounded === null ? null : compareVerdict(entry.value, rounded);
  const roundedText = rounded === null ? '' : formatValue(rounded, shown);
  return (
    <tr
      role="row"
      data-testid="lesson-compare"
      data-of={quantityRefKey(entry.of)}
      data-app={String(app)}
      data-printed={String(entry.value)}
      {...(rounded === null ? {} : { 'data-rounded': String(rounded) })}
    >
      <th scope="row" role="rowheader">
        {entry.label}
      </th>
      <td role="cell" className={numClass(printedText)}>
        <MarkedNumber text={printedText} digit={differs} testId="lesson-compare-printed" />
      </td>
      <td role="cell" className={numClass(appText)} {...fullValueProps(app, appText)}>
        <MarkedNumber text={appText} digit={differs} testId="lesson-compare-app" />
      </td>
      <Verdict verdict={verdict} />
      {chain === undefined ? null : rounded === null ? (
        <td
          role="cell"
          className="num muted lesson-compare-span2"
          colSpan={2}
          title="before the rounded prediction: the same as the app's"
        >
          =
        </td>
      ) : (
        <>
          <td role="cell" className={numClass(roundedText)} {...fullValueProps(rounded, roundedText)}>
            <MarkedNumber
              text={roundedText}
              digit={roundedVerdict === null ? null : markedDigit(roundedVerdict)}
              testId="lesson-compare-rounded"
            />
          </td>
          {roundedVerdict !== null && <Verdict verdict={roundedVerdict} />}
        </>
      )}
    </tr>
  );
}

/**
 * A step's `compare`: the outside numbers beside the app's, with where they differ. When the
 * lesson printed a rounded prediction (lesson-rounding.ts), a second pair of columns shows what
 * follows from that rounded ŷ, computed by the app.
 */
export function LessonCompareTable({ entries }: { entries: readonly LessonCompare[] }) {
  const store = useAppStoreApi();
  const lesson = useAppStore((s) => s.lesson);
  const step = useAppStore((s) => s.lessonStep);
  const ctx = useAppStore((s) => store.selectors.quantityContext(s));
  const chain = useMemo(() => (lesson === null ? null : roundedChainContext(lesson, step, ctx)), [lesson, step, ctx]);
  return (
    // (explicit roles: presentation mode lays the table out as a grid, which would drop its table semantics)
    <table role="table" className={chain === null ? 'lesson-compare' : 'lesson-compare with-rounded'}>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            <span className="visually-hidden">number</span>
          </th>
          <th scope="col" role="columnheader">
            printed
          </th>
          <th scope="col" role="columnheader">
            the app
          </th>
          <th scope="col" role="columnheader">
            <span className="visually-hidden">agreement</span>
          </th>
          {chain === null ? null : (
            <th
              scope="col"
              role="columnheader"
              className="lesson-compare-span2"
              colSpan={2}
              title="what follows from the tutorial's rounded prediction, computed by the app"
            >
              from rounded ŷ
            </th>
          )}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {entries.map((entry, k) => (
          <CompareRow key={k} entry={entry} chain={chain ?? undefined} />
        ))}
      </tbody>
    </table>
  );
}

function feedback(check: AnswerCheck | null, typed: string, value: number, digits: number): string {
  if (check === null) return '';
  if (check.kind === 'unreadable') return check.message;
  if (check.kind === 'right') return `Right, to ${digits} significant digits.`;
  return wrongAnswer(typed, value, digits)?.message ?? '';
}

/** Why a wrong answer is wrong, and the digit to mark (lessons/ask-feedback.ts). */
function wrongAnswer(typed: string, value: number, digits: number): AskFeedback | null {
  const x = parseUserNumber(typed);
  return x === null ? null : askFeedback(x, value, digits);
}

/** Predict, then reveal: the student types the value; "next" waits until it is right or shown. */
export function LessonAskBox({ ask, answered, stepKey }: { ask: LessonAsk; answered: boolean; stepKey: number }) {
  const store = useAppStoreApi();
  const value = useQuantity(ask.of);
  const precision = useAppStore((s) => s.precision);
  const [typed, setTyped] = useState('');
  const [check, setCheck] = useState<{ step: number; typed: string; result: AnswerCheck } | null>(null);
  const current = check !== null && check.step === stepKey ? check : null;
  const key = quantityRefKey(ask.of);
  const { notation } = useNotation();
  const scenario = useAppStore((s) => s.scenario);
  const name = quantityRefName(scenario, ask.of, notation);
  const submit = () => {
    const result = store.getState().answerLessonAsk(typed);
    if (result !== null) setCheck({ step: stepKey, typed, result });
  };
  // the value to the digits asked, trailing zeros kept (0.593270), and the app's own longer one where it says more (5.99996 for 6.00)
  const shownText = formatToDigits(value, ask.digits);
  const appText = formatValue(value, Math.max(ask.digits, precisionDigits(precision)));
  const appName = (
    <span title={key} data-testid="lesson-ask-app-name">
      {name}
    </span>
  );
  return (
    <div className="lesson-ask" data-testid="lesson-ask" data-answered={answered ? 'yes' : 'no'}>
      {answered ? (
        <p className="lesson-ask-done" role="status">
          {current?.result.kind === 'right' ? '✓ Right: ' : 'The value: '}
          <strong data-testid="lesson-ask-value">{shownText}</strong>
          <span className="muted">
            {' '}
            (the app's {appName}
            {parseUserNumber(appText) === parseUserNumber(shownText) ? '' : ` = ${appText}`})
          </span>
        </p>
      ) : (
        <>
          <label className="lesson-ask-field">
            <span>
              <strong data-testid="lesson-ask-question">
                Your answer, to {ask.digits} significant digit{ask.digits === 1 ? '' : 's'}
              </strong>{' '}
              <span className="muted">(the app's {appName}; the side panel waits until you answer)</span>
            </span>
            <input
              type="text"
              inputMode="decimal"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') submit();
              }}
              data-testid="lesson-ask-input"
              aria-describedby="lesson-ask-feedback"
            />
          </label>
          <button type="button" onClick={submit} data-testid="lesson-ask-check">
            Check
          </button>
          <button type="button" onClick={() => store.getState().revealLessonAsk()} data-testid="lesson-ask-reveal">
            Show me
          </button>
          <p id="lesson-ask-feedback" className="lesson-ask-feedback" role="status" data-testid="lesson-ask-feedback">
            {current !== null && current.result.kind === 'wrong' && (
              <>
                <MarkedNumber
                  text={current.typed.trim()}
                  digit={wrongAnswer(current.typed, value, ask.digits)?.digit ?? current.result.digit}
                />{' '}
              </>
            )}
            {feedback(current?.result ?? null, current?.typed ?? '', value, ask.digits)}
          </p>
        </>
      )}
    </div>
  );
}
