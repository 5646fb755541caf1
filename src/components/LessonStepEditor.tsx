import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_ASK_DIGITS } from '../core/lesson.ts';
import type { DraftCompare, DraftStep } from '../core/lesson-draft.ts';
import { parseStepText } from '../core/lesson-text.ts';
import { parseQuantityRef } from '../core/quantity-ref.ts';
import { quantityRefName } from '../core/quantity-name.ts';
import { selectionKey, type Selection } from '../core/selection.ts';
import { LessonText } from './LessonText.tsx';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

type PickTarget = 'ask' | 'compare';

/** The quantities a picked element has, its most asked-for first (a quantity reference's kinds, lesson spec). */
export function refsOf(sel: Selection): string[] {
  const key = selectionKey(sel);
  switch (sel.kind) {
    case 'edge':
    case 'bias':
      return [`gradient:${key}`, `value:${key}`, `after:${key}`];
    case 'node':
      return sel.l === 0 ? [`a:${key}`, `dLda:${key}`] : [`a:${key}`, `z:${key}`, `dLdz:${key}`, `dLda:${key}`];
    default:
      return ['loss', 'after:loss'];
  }
}

/** The element a reference's text names, for offering its other quantities; null when it names none. */
function selectionOfRef(text: string): Selection | null {
  const read = parseQuantityRef(text.trim());
  if (!read.ok) return null;
  const ref = read.ref;
  if (ref.kind === 'loss') return { kind: 'loss' };
  return 'sel' in ref ? ref.sel : null;
}

/** A quantity reference: its text (editable), the picked element's other quantities, and its name in the notation. */
function RefField({
  value,
  onChange,
  label,
  testId,
}: {
  value: string;
  onChange(v: string): void;
  label: string;
  testId: string;
}) {
  const scenario = useAppStore((s) => s.scenario);
  const { notation } = useNotation();
  const sel = selectionOfRef(value);
  const read = parseQuantityRef(value.trim());
  const name = read.ok ? quantityRefName(scenario, read.ref, notation) : '';
  const options = sel === null ? [] : refsOf(sel);
  return (
    <span className="lesson-editor-ref">
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          type="text"
          value={value}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
          aria-label={label}
          placeholder="gradient:edge:1:0:0"
        />
      </label>
      {options.length > 1 && (
        <select
          aria-label={`${label}: which quantity`}
          value={options.includes(value.trim()) ? value.trim() : ''}
          onChange={(e) => onChange(e.target.value)}
        >
          {!options.includes(value.trim()) && <option value="">…</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o.split(':')[0]}
            </option>
          ))}
        </select>
      )}
      {name !== '' && <span className="muted lesson-editor-ref-name">{name}</span>}
    </span>
  );
}

/** The step being edited: title, text with its live preview, the view it shows, its ask and its printed numbers. */
export function LessonStepEditor({
  step,
  index,
  onChange,
  onRecapture,
  onTry,
}: {
  step: DraftStep;
  index: number;
  onChange(patch: Partial<Pick<DraftStep, 'title' | 'text' | 'compare'>> & { ask?: DraftStep['ask'] | null }): void;
  onRecapture(): void;
  onTry(): void;
}) {
  const store = useAppStoreApi();
  const [picking, setPicking] = useState<PickTarget | null>(null);
  const parsed = useMemo(() => parseStepText(step.text), [step.text]);
  // the pick applies to the step as it is when the element is picked
  const latest = useRef({ step, onChange });
  latest.current = { step, onChange };

  // Pick mode: the next element selected on the diagram (a click on it or its label, or Enter) names the quantity.
  useEffect(() => {
    if (picking === null) return;
    store.getState().select(null);
    // the diagram shows it is waiting for a pick (lesson-editor.css)
    document.documentElement.dataset.lessonPick = picking;
    const unsubscribe = store.subscribe(
      (s) => s.selection,
      (sel) => {
        if (sel === null) return;
        const ref = refsOf(sel)[0];
        const { step: now, onChange: change } = latest.current;
        if (picking === 'ask') change({ ask: { of: ref, digits: now.ask?.digits ?? String(DEFAULT_ASK_DIGITS) } });
        else change({ compare: [...now.compare, { label: '', value: '', of: ref }] });
        setPicking(null);
      },
    );
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPicking(null);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      delete document.documentElement.dataset.lessonPick;
      unsubscribe();
      window.removeEventListener('keydown', onKey);
    };
  }, [picking, store]);

  const setCompare = (k: number, patch: Partial<DraftCompare>) =>
    onChange({ compare: step.compare.map((c, n) => (n === k ? { ...c, ...patch } : c)) });
  const view = step.view;
  const viewText = [
    view.pos !== undefined ? `position ${String(view.pos)}` : null,
    view.sample !== undefined ? `sample ${Number(view.sample) + 1}` : null,
    view.sel !== undefined ? (view.sel === 'none' ? 'nothing selected' : String(view.sel)) : null,
    view.panel !== undefined ? `${String(view.panel)} panel` : null,
  ]
    .filter((t) => t !== null)
    .join(' · ');

  return (
    <div className="lesson-editor-step" data-testid="lesson-editor-step">
      <h3 className="lesson-editor-heading">Step {index + 1}</h3>
      <label className="lesson-editor-field">
        <span>Title</span>
        <input
          type="text"
          value={step.title}
          maxLength={200}
          onChange={(e) => onChange({ title: e.target.value })}
          data-testid="lesson-editor-step-title"
          placeholder={`Step ${index + 1}`}
        />
      </label>
      <label className="lesson-editor-field">
        <span>
          Text <span className="muted">(**bold**, *italic*, $math$, {'{{a:node:2:0}}'} live values)</span>
        </span>
        <textarea
          value={step.text}
          rows={4}
          onChange={(e) => onChange({ text: e.target.value })}
          data-testid="lesson-editor-text"
        />
      </label>
      <div
        className="lesson-editor-preview"
        aria-label="Preview, as the student sees it"
        data-testid="lesson-editor-preview"
      >
        {step.text.trim() === '' ? <p className="muted">The preview shows here.</p> : <LessonText parsed={parsed} />}
      </div>
      <p className="lesson-editor-view">
        <span className="muted">Shows:</span>{' '}
        <span data-testid="lesson-editor-view">{viewText || 'what the step before showed'}</span>
        {step.scenario !== undefined && <span className="muted"> · brings its own scenario</span>}{' '}
        <button type="button" className="link-button" onClick={onRecapture} data-testid="lesson-editor-recapture">
          Use what I see now
        </button>{' '}
        <button type="button" className="link-button" onClick={onTry} data-testid="lesson-editor-try-here">
          Try from this step
        </button>
      </p>

      <fieldset className="lesson-editor-box">
        <legend>Ask (the student predicts a value)</legend>
        {step.ask === undefined ? (
          <p className="muted">No question in this step.</p>
        ) : (
          <div className="lesson-editor-row">
            <RefField
              value={step.ask.of}
              label="Asked quantity"
              testId="lesson-editor-ask-of"
              onChange={(of) => onChange({ ask: { of, digits: step.ask?.digits ?? '4' } })}
            />
            <label className="lesson-editor-digits">
              <span>digits</span>
              <input
                type="text"
                inputMode="numeric"
                value={step.ask.digits}
                onChange={(e) => onChange({ ask: { of: step.ask?.of ?? '', digits: e.target.value } })}
                data-testid="lesson-editor-ask-digits"
                size={3}
              />
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label="Remove the question"
              title="Remove the question"
              onClick={() => onChange({ ask: null })}
            >
              ×
            </button>
          </div>
        )}
        <PickButton
          target="ask"
          picking={picking}
          setPicking={setPicking}
          label={step.ask ? 'Pick another value' : 'Ask for a value: pick it on the diagram'}
        />
      </fieldset>

      <fieldset className="lesson-editor-box">
        <legend>Compare (a number printed elsewhere)</legend>
        {step.compare.map((c, k) => (
          <div className="lesson-editor-compare" key={k} data-testid="lesson-editor-compare">
            <RefField
              value={c.of}
              label={`Compared quantity ${k + 1}`}
              testId="lesson-editor-compare-of"
              onChange={(of) => setCompare(k, { of })}
            />
            <div className="lesson-editor-row">
              <label>
                <span className="visually-hidden">Where it is printed</span>
                <input
                  type="text"
                  value={c.label}
                  placeholder="Mazur prints"
                  onChange={(e) => setCompare(k, { label: e.target.value })}
                  data-testid="lesson-editor-compare-label"
                  aria-label={`Where number ${k + 1} is printed`}
                />
              </label>
              <label>
                <span className="visually-hidden">The number as printed</span>
                <input
                  type="text"
                  inputMode="decimal"
                  value={c.value}
                  placeholder="0.274811083"
                  onChange={(e) => setCompare(k, { value: e.target.value })}
                  data-testid="lesson-editor-compare-value"
                  aria-label={`Number ${k + 1} as printed`}
                />
              </label>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove number ${k + 1}`}
                title="Remove this number"
                onClick={() => onChange({ compare: step.compare.filter((_, n) => n !== k) })}
              >
                ×
              </button>
            </div>
          </div>
        ))}
        <PickButton
          target="compare"
          picking={picking}
          setPicking={setPicking}
          label="Compare a value: pick it on the diagram"
        />
      </fieldset>
    </div>
  );
}

function PickButton({
  target,
  picking,
  setPicking,
  label,
}: {
  target: PickTarget;
  picking: PickTarget | null;
  setPicking(t: PickTarget | null): void;
  label: string;
}) {
  const on = picking === target;
  return (
    <>
      <button
        type="button"
        className={on ? 'toggle active' : 'toggle'}
        aria-pressed={on}
        onClick={() => setPicking(on ? null : target)}
        data-testid={`lesson-editor-pick-${target}`}
      >
        {on ? 'Cancel picking' : label}
      </button>
      {on && (
        <p className="lesson-editor-picking" role="status" data-testid="lesson-editor-picking">
          Click a node, a weight, a bias or the loss on the diagram (or select one with the keyboard); Esc cancels.
        </p>
      )}
    </>
  );
}
