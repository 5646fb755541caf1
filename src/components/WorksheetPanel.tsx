import { useEffect, useState, type FormEvent } from 'react';
import { formatValue, parseUserNumber, precisionDigits, precisionName, type Precision } from '../core/format-number.ts';
import { firstDifferingDigit, printedDigits } from '../core/lesson-answer.ts';
import { checkAnswer, eventValue, isAnswerReadable } from '../core/worksheet.ts';
import { gradeInOrder } from '../core/worksheet-grade.ts';
import type { StepEvent } from '../core/step-plan.ts';
import { describeGrade, eventName } from '../view/describe-grade.ts';
import { withNotation } from '../core/notation-labels.ts';
import { describeEvent } from '../view/describe-event.ts';
import { eventHint } from '../view/worksheet-hint.ts';
import { askFeedback } from '../lessons/ask-feedback.ts';
import { useNotation } from './notation-context.tsx';
import { printWorksheet } from './print-worksheet.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

interface Feedback {
  readonly kind: 'right' | 'wrong' | 'revealed' | 'unreadable';
  readonly text: string;
}

/** How many blanks "Predict ahead" lays out at once. */
const PREDICT_AHEAD = 6;

interface Tally {
  readonly right: number;
  readonly tried: number;
}

/**
 * Worksheet mode: the next event's value is a blank the student fills. A right answer (to
 * the significant digits the diagram shows, the user's precision) steps forward; a wrong one counts as a try
 * and may be tried again or revealed. Also prints the worksheet and its answer key.
 */
export function WorksheetPanel() {
  const store = useAppStoreApi();
  const s = useAppStore((st) => ({
    position: st.position,
    scenario: st.scenario,
    sample: st.sample,
    optimizerState: st.optimizerState,
    precision: st.precision,
  }));
  const { notation } = useNotation();
  const named = withNotation(s.scenario, notation);
  const [tally, setTally] = useState<Tally>({ right: 0, tried: 0 });
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  // Predict ahead: several blanks typed at once, then marked in computation order. The typed
  // texts are kept by position, so what the student wrote after a wrong one is not lost.
  const [predicting, setPredicting] = useState(false);
  const [predictions, setPredictions] = useState<Readonly<Record<number, string>>>({});
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  // The student steps by answering: a worksheet does not play by itself.
  useEffect(() => store.getState().setPlaying(false), [store]);
  const state = store.getState();
  const { model } = store.selectors.compiled(state);
  const plan = store.selectors.plan(state);
  const it = store.selectors.iteration(state);
  const total = plan.events.length;
  const event = s.position < total ? plan.events[s.position] : null;
  const truth = event ? eventValue(model, it, event, s.sample) : NaN;

  const answer = (text: string): void => {
    if (!event) return;
    if (!isAnswerReadable(text)) {
      setFeedback({ kind: 'unreadable', text: 'Type a number, like 0.5933, −1.2e−3 or NaN.' });
      return;
    }
    if (checkAnswer(text, truth, s.precision)) {
      setTally((t) => ({ right: t.right + 1, tried: t.tried + 1 }));
      setFeedback({
        kind: 'right',
        text: `Right: ${describeEvent(named, event)} is ${formatValue(truth, s.precision)}.`,
      });
      store.getState().advanceWorksheet();
    } else {
      setTally((t) => ({ right: t.right, tried: t.tried + 1 }));
      setFeedback({
        kind: 'wrong',
        text: wrongAnswerText(text.trim(), truth, s.precision),
      });
    }
  };
  const ahead = plan.events.slice(s.position, s.position + PREDICT_AHEAD);
  const checkAhead = (): void => {
    const texts = ahead.map((_, k) => predictions[s.position + k] ?? '');
    const truths = ahead.map((e) => eventValue(model, it, e, s.sample));
    const grade = gradeInOrder(texts, truths, s.precision);
    const right = grade.kind === 'all-right' ? grade.count : grade.index;
    const tried = right + (grade.kind === 'stop' && grade.reason === 'wrong' ? 1 : 0);
    setTally((t) => ({ right: t.right + right, tried: t.tried + tried }));
    setFeedback({
      kind: grade.kind === 'all-right' ? 'right' : grade.reason === 'wrong' ? 'wrong' : 'unreadable',
      text: describeGrade(named, ahead, grade),
    });
    setStoppedAt(grade.kind === 'stop' ? s.position + grade.index : null);
    // The values before the first wrong one are right: the diagram shows them.
    for (let k = 0; k < right; k++) store.getState().advanceWorksheet();
  };
  const reveal = (): void => {
    if (!event) return;
    setFeedback({
      kind: 'revealed',
      text: `Revealed: ${describeEvent(named, event)} is ${formatValue(truth, s.precision)}.`,
    });
    store.getState().advanceWorksheet();
  };

  return (
    <section className="worksheet-panel" aria-label="Worksheet" data-testid="worksheet-panel">
      <strong className="worksheet-title">Worksheet</strong>
      {event && predicting ? (
        <PredictAhead
          start={s.position}
          total={total}
          events={ahead}
          names={ahead.map((e) => eventName(named, e))}
          prompts={ahead.map((e) => describeEvent(named, e))}
          texts={predictions}
          stoppedAt={stoppedAt}
          onChange={(position, text) => setPredictions((p) => ({ ...p, [position]: text }))}
          onCheck={checkAhead}
          onReveal={reveal}
        />
      ) : event ? (
        <WorksheetBlank
          key={s.position}
          index={s.position}
          total={total}
          prompt={describeEvent(named, event)}
          hint={eventHint(named, event)}
          onAnswer={answer}
          onReveal={reveal}
        />
      ) : (
        <span className="worksheet-prompt" data-testid="worksheet-done">
          All {total} blanks done. “Next iteration” starts a new worksheet.
        </span>
      )}
      {event && (
        <button
          type="button"
          aria-pressed={predicting}
          onClick={() => setPredicting(!predicting)}
          data-testid="worksheet-predict-toggle"
          title="Predict the next values at once, then have them marked in computation order: the first wrong one is pointed out"
        >
          Predict ahead
        </button>
      )}
      <span
        className="worksheet-tally"
        data-testid="worksheet-tally"
        aria-label={`${tally.right} right of ${tally.tried} tried`}
      >
        {tally.right}/{tally.tried} right
      </span>
      <span className="worksheet-print">
        <button
          type="button"
          onClick={() => printWorksheet(store, 'worksheet')}
          data-testid="print-worksheet"
          title="Print the worksheet: the diagram with its blanks and every step to fill in"
        >
          Print worksheet
        </button>
        <button
          type="button"
          onClick={() => printWorksheet(store, 'answers')}
          data-testid="print-answers"
          title="Print the answer key: the diagram and every step with its value"
        >
          Print answer key
        </button>
      </span>
      <output
        className={feedback ? `worksheet-feedback ${feedback.kind}` : 'worksheet-feedback'}
        aria-live="polite"
        data-testid="worksheet-feedback"
        data-kind={feedback?.kind}
      >
        {feedback?.text}
      </output>
    </section>
  );
}

interface BlankProps {
  readonly index: number;
  readonly total: number;
  readonly prompt: string;
  readonly hint: string;
  onAnswer(text: string): void;
  onReveal(): void;
}

/** One blank: what to compute, the answer field, check, hint and reveal. Keyed by position, so it starts empty. */
function WorksheetBlank({ index, total, prompt, hint, onAnswer, onReveal }: BlankProps) {
  const [text, setText] = useState('');
  const [showHint, setShowHint] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAnswer(text);
  };
  return (
    <form className="worksheet-blank" onSubmit={submit}>
      <label className="worksheet-prompt">
        <span className="step-count">
          {index + 1}/{total}
        </span>{' '}
        <span data-testid="worksheet-prompt">{prompt}</span> ={' '}
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={`Your value of ${prompt}`}
          data-testid="worksheet-input"
        />
      </label>
      <button type="submit" className="primary" data-testid="worksheet-check">
        Check
      </button>
      <button
        type="button"
        onClick={() => setShowHint(!showHint)}
        aria-pressed={showHint}
        data-testid="worksheet-hint-toggle"
      >
        Hint
      </button>
      <button type="button" onClick={onReveal} data-testid="worksheet-reveal">
        Reveal
      </button>
      {showHint && (
        <span className="worksheet-hint" data-testid="worksheet-hint">
          {hint}
        </span>
      )}
    </form>
  );
}

interface PredictProps {
  readonly start: number;
  readonly total: number;
  readonly events: readonly StepEvent[];
  /** short names for the row labels */
  readonly names: readonly string[];
  /** what each blank computes, for its field's accessible name */
  readonly prompts: readonly string[];
  readonly texts: Readonly<Record<number, string>>;
  /** the position where the last marking stopped, shown as invalid */
  readonly stoppedAt: number | null;
  onChange(position: number, text: string): void;
  onCheck(): void;
  onReveal(): void;
}

/** The next blanks side by side: the student predicts them all, then checks them in order. */
function PredictAhead({
  start,
  total,
  events,
  names,
  prompts,
  texts,
  stoppedAt,
  onChange,
  onCheck,
  onReveal,
}: PredictProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCheck();
  };
  return (
    <form className="worksheet-predict" onSubmit={submit} data-testid="worksheet-predict">
      <ol className="worksheet-predict-list" start={start + 1}>
        {events.map((_, k) => {
          const position = start + k;
          return (
            <li key={position}>
              <label>
                <span className="step-count">
                  {position + 1}/{total}
                </span>{' '}
                {names[k]} ={' '}
                <input
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  value={texts[position] ?? ''}
                  onChange={(e) => onChange(position, e.target.value)}
                  aria-label={`Your value of ${prompts[k]}`}
                  aria-invalid={stoppedAt === position ? true : undefined}
                  data-testid="worksheet-predict-input"
                />
              </label>
            </li>
          );
        })}
      </ol>
      <button type="submit" className="primary" data-testid="worksheet-predict-check">
        Check in order
      </button>
      <button type="button" onClick={onReveal} data-testid="worksheet-reveal">
        Reveal {names[0]}
      </button>
    </form>
  );
}

/**
 * What a wrong worksheet answer is told: a tutorial's rounded number (seed 003's 0.5 for
 * 0.4955) that is right to the digits typed is told so, and asked for the digits checked;
 * otherwise which digit is wrong, or the sign, or the power of ten (lessons/ask-feedback.ts).
 */
function wrongAnswerText(typed: string, truth: number, precision: Precision): string {
  const name = precisionName(precision);
  const x = parseUserNumber(typed);
  if (x === null || !Number.isFinite(truth))
    return `Not quite: ${typed} is not it to ${name}. Try again, or reveal it.`;
  const digits = precisionDigits(precision);
  const typedDigits = printedDigits(x);
  if (typedDigits < digits && firstDifferingDigit(x, truth, typedDigits) === null)
    return `Not quite: ${typed} is right to the ${typedDigits} significant digit${typedDigits === 1 ? '' : 's'} typed (a rounding, as a tutorial rounds); give ${name}. Try again, or reveal it.`;
  const why = askFeedback(x, truth, digits);
  if (why === null) return `Not quite: ${typed} is not it to ${name}. Try again, or reveal it.`;
  return `Not quite: ${typed} to ${name}: ${why.message.replace(/^Not yet: /, '')} Try again, or reveal it.`;
}
