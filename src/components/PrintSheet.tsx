import { formatValue, precisionName } from '../core/format-number.ts';
import { phaseOf } from '../core/step-plan.ts';
import { eventValue } from '../core/worksheet.ts';
import { withNotation } from '../core/notation-labels.ts';
import { describeEventsUniquely, PHASE_TITLES } from '../view/describe-event.ts';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/**
 * The printed page of a worksheet: every event of the iteration with a blank to fill, or
 * its value for the answer key. Hidden on screen; the print stylesheet (app.css) shows it,
 * with the blanks or the values, according to <html data-print>.
 */
export function PrintSheet() {
  const store = useAppStoreApi();
  const { scenario, sample, precision } = useAppStore((s) => ({
    scenario: s.scenario,
    sample: s.sample,
    optimizerState: s.optimizerState,
    precision: s.precision,
  }));
  const { notation } = useNotation();
  const named = withNotation(scenario, notation);
  const s = store.getState();
  const { model } = store.selectors.compiled(s);
  const plan = store.selectors.plan(s);
  const it = store.selectors.iteration(s);
  const title = scenario.title ?? 'Backprop Lab';
  const questions = describeEventsUniquely(named, plan.events);
  return (
    <section className="print-sheet" aria-hidden="true" data-testid="print-sheet">
      <h2>
        <span className="print-only-worksheet">Worksheet</span>
        <span className="print-only-answers">Answer key</span>: {title}
      </h2>
      <p className="print-note">
        One training iteration, sample {it.start + sample + 1}
        {it.count > 1 ? ` of a batch of ${it.count}` : ''}. Values to {precisionName(precision)}; ∂L/∂w and ∂L/∂b are
        batch totals.
      </p>
      <ol className="print-events">
        {plan.events.map((e, k) => (
          <li key={k} data-event={k}>
            <span className="print-phase">{PHASE_TITLES[phaseOf(e)]}</span>
            <span className="print-what">{questions[k]}</span>
            <span className="print-blank" data-testid="print-blank">
              =&nbsp;
            </span>
            <span className="print-answer" data-testid="print-answer">
              = {formatValue(eventValue(model, it, e, sample), precision)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
