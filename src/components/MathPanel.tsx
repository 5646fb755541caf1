import { precisionDigits } from '../core/format-number.ts';
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { withNotation } from '../core/notation-labels.ts';
import { selectionKey } from '../core/selection.ts';
import { selectionEventIndex } from '../core/step-plan.ts';
import { buildDerivation } from '../tex/derivation.ts';
import { withheldText, type ShownSection } from '../tex/withhold-ahead.ts';
import { lessonShownSections } from './lesson-withheld.ts';
import { useNotation } from './notation-context.tsx';
import { termLinkHandlers } from './term-link-handlers.ts';
import { ParameterEditor } from './ParameterEditor.tsx';
import { TexLine } from './TexLine.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/**
 * The derivation of whatever is selected, typeset with the live numbers; the preset's
 * notes when nothing is. Terms are linked to the diagram both ways through their keys.
 */
export function MathPanel() {
  const store = useAppStoreApi();
  const st = useAppStore((s) => ({
    selection: s.selection,
    sample: s.sample,
    hover: s.hover,
    setHover: s.setHover,
    select: s.select,
    position: s.settled.position,
    setPosition: s.setPosition,
    precision: s.precision,
  }));
  // Typesetting every frame of a drag would cost the diagram its frame rate: the panel shows
  // the store's settled values (caught up whenever a drag rests, and at its end).
  const settled = useDeferredValue(useAppStore((s) => s.settled));
  // What the derivation is of waits with them: a lesson step changes the scenario and the
  // selection at once, and the new selection typeset against the scenario being left would be
  // thrown away a render later.
  const selection = useDeferredValue(st.selection);
  const sample = useDeferredValue(st.sample);
  const precision = useDeferredValue(st.precision);
  const batchShown = useDeferredValue(useAppStore((s) => s.batchShown));
  // In a lesson the panel shows no number the diagram still blanks, unless the step shows it itself.
  const lessonStep = useAppStore((s) => (s.lesson === null ? null : (s.lesson.steps[s.lessonStep] ?? null)));
  const answered = useAppStore((s) => s.lessonAnswered.includes(s.lessonStep));
  // Until they catch up (a render, a typesetting later) the panel shows the last selection's
  // derivation: it says so (aria-busy), and dims if that lasts.
  const catchingUp = selection !== st.selection || sample !== st.sample || precision !== st.precision;
  const { scenario } = settled;
  const container = useRef<HTMLDivElement>(null);
  const { notation } = useNotation();

  const derivation = useMemo(() => {
    if (selection === null) return null;
    const state = { ...settled, selection, batchShown };
    return buildDerivation({
      // Named in the chosen notation; the numbers come from the scenario as it is.
      scenario: withNotation(scenario, notation),
      compiled: store.selectors.compiled(state),
      iteration: store.selectors.iteration(state),
      selection,
      sample,
      state: settled.optimizerState ?? undefined,
      gradCheck: store.selectors.numeric(state) ?? undefined,
      digits: precisionDigits(precision),
    });
  }, [store, settled, scenario, notation, selection, sample, precision, batchShown]);

  // Selected ahead of the step: the diagram still shows blanks where these numbers go.
  const ahead = useMemo(() => {
    if (selection === null) return null;
    const plan = store.selectors.plan(settled);
    const index = selectionEventIndex(plan, store.selectors.compiled(settled).model, selection);
    const sel = selection;
    const what =
      sel.kind === 'loss' ? 'the loss' : sel.kind === 'node' ? (sel.l === 0 ? 'its ∂L/∂a' : 'its δ') : 'its gradient';
    return index >= 0 && st.position <= index ? { step: index + 1, of: plan.events.length, what } : null;
  }, [store, settled, selection, st.position]);

  // In a lesson, lines the step position has not reached are withheld (README, "Lessons").
  const sections = useMemo((): readonly ShownSection[] | null => {
    if (derivation === null || selection === null) return null;
    return lessonShownSections(store.selectors, derivation.sections, {
      state: { ...settled, batchShown },
      selection,
      sample,
      position: st.position,
      step: lessonStep,
      answered,
    });
  }, [store, settled, batchShown, derivation, selection, sample, lessonStep, answered, st.position]);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    root.querySelectorAll('.term-highlight').forEach((el) => el.classList.remove('term-highlight'));
    if (st.hover === null) return;
    root.querySelectorAll(`[data-key="${selectionKey(st.hover)}"]`).forEach((el) => el.classList.add('term-highlight'));
  }, [st.hover, derivation]);

  return (
    <aside
      className="math-panel panel"
      aria-label="Math"
      data-testid="math-panel"
      aria-busy={catchingUp}
      tabIndex={0}
      {...termLinkHandlers(st.hover, st.setHover, st.select)}
    >
      {derivation === null ? (
        <div className="notes" data-testid="preset-notes">
          <h2>{scenario.title ?? 'Your scenario'}</h2>
          <p className="muted">
            Click any edge, node, bias or the loss on the diagram to see its derivation with the live numbers. Step
            through the iteration with ◀ ▶ or the arrow keys.
          </p>
          {scenario.description && <div>{scenario.description}</div>}
        </div>
      ) : (
        <div ref={container}>
          <div className="panel-head">
            <h2 data-testid="derivation-title">{derivation.title}</h2>
            <button
              type="button"
              className="icon-button"
              aria-label="Clear the selection"
              onClick={() => st.select(null)}
            >
              ×
            </button>
          </div>
          {ahead && (
            <p className="ahead-note" role="note" data-testid="math-ahead">
              Ahead of the step: this iteration computes {ahead.what} at step {ahead.step} of {ahead.of} (now{' '}
              {st.position}); the diagram shows it from there.
              <button type="button" onClick={() => st.setPosition(ahead.step)} data-testid="math-ahead-go">
                Go to step {ahead.step}
              </button>
            </p>
          )}
          {/* the editor follows the live selection: E right after ] edits what was just selected */}
          {st.selection && <ParameterEditor key={selectionKey(st.selection)} selection={st.selection} />}
          {sections?.map((section, k) => (
            <section key={`${k}-${section.heading}`} aria-label={section.heading}>
              <h3>{section.heading}</h3>
              {section.lines.map((shown, n) =>
                'line' in shown ? (
                  <TexLine key={n} line={shown.line} />
                ) : (
                  <p key={n} className="withheld-note" role="note" data-testid="math-withheld">
                    <span title={shown.withheld === 1 ? 'one line' : `${shown.withheld} lines`}>
                      {withheldText(shown.step)}
                    </span>
                    <button type="button" onClick={() => st.setPosition(shown.step)} data-testid="math-withheld-go">
                      Go to step {shown.step}
                    </button>
                  </p>
                ),
              )}
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}
