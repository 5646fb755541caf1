import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatCodecError, type CodecError } from '../core/codec/codec-result.ts';
import { parseLesson } from '../core/codec/parse-lesson.ts';
import { lessonToJson } from '../core/codec/serialize-lesson.ts';
import type { Lesson } from '../core/lesson.ts';
import {
  addStep,
  deleteStep,
  draftDocument,
  moveStep,
  newDraft,
  scenarioInForce,
  updateLesson,
  updateStep,
  type DraftStep,
  type LessonDraft,
} from '../core/lesson-draft.ts';
import { PRESET_CATALOG } from '../presets/index.ts';
import { LESSON_CONTROLS } from '../store/app-state.ts';
import { captureStep, lessonScenarioOf } from '../store/lesson-capture.ts';
import { lessonHash } from '../store/lesson-hash.ts';
import { LESSON_LABELS } from '../store/lesson-link.ts';
import { downloadBlob, exportStem } from './download.ts';
import './lesson.css';
import './lesson-editor.css';
import { LessonStepEditor } from './LessonStepEditor.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { lessonDraftStore, useLessonDraft } from './use-lesson-draft.ts';
import { lessonEditorFlags, useLessonEditorFlag } from './use-lesson-editor-flags.ts';
import { copyText } from './copy-text.ts';

type Outcome =
  | { kind: 'none' }
  | { kind: 'refused'; action: string }
  | { kind: 'done'; text: string }
  | { kind: 'link'; url: string; copied: boolean };

/** The step's name in the list: its title, else the start of its text. */
function stepLabel(step: DraftStep): string {
  const t = step.title.trim() || step.text.trim().replace(/\s+/g, ' ');
  return t === '' ? '(no text yet)' : t.length > 48 ? `${t.slice(0, 47)}…` : t;
}

/** The step an error's path is about (`steps[3].ask.digits` → 3), or null. */
function stepOfPath(path: string): number | null {
  const m = /^steps\[(\d+)\]/.exec(path);
  return m === null ? null : Number(m[1]);
}

/**
 * The lesson editor (issue 10, authoring): a column beside the diagram where a teacher adds
 * steps from what the app shows, writes their text with a live preview, attaches an ask or a
 * printed number picked on the diagram, orders the steps, tries the lesson as a student, and
 * exports it as a file or a link. The draft is its own document (store/lesson-draft-store.ts).
 */
export function LessonEditor() {
  const store = useAppStoreApi();
  const drafts = lessonDraftStore();
  const { draft, current, past } = useLessonDraft((r) => r);
  const trying = useLessonEditorFlag('trying');
  const flags = lessonEditorFlags();
  const canUndo = past.length > 0;
  const lessonOpen = useAppStore((s) => s.lesson !== null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [focusId, setFocusId] = useState<{ id: number; part: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  // A first opening starts a lesson on the scenario shown.
  useEffect(() => {
    if (drafts.get().draft === null) drafts.edit(newDraft(lessonScenarioOf(store.getState())), 0, false);
  }, [drafts, store]);

  // The player closed by its own × (or by opening something else) ends the try.
  useEffect(() => {
    if (!lessonOpen && trying) flags.set({ trying: false });
  }, [lessonOpen, trying, flags]);

  const checked = useMemo(() => (draft === null ? null : parseLesson(draftDocument(draft), PRESET_CATALOG)), [draft]);

  useEffect(() => {
    if (focusId === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-step-id="${focusId.id}"][data-part="${focusId.part}"]`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const edit = useCallback(
    (next: LessonDraft, k?: number) => {
      drafts.edit(next, k);
      setOutcome({ kind: 'none' });
    },
    [drafts],
  );
  const changeStep = useCallback(
    (patch: Parameters<typeof updateStep>[2]) => {
      const r = drafts.get();
      if (r.draft !== null) edit(updateStep(r.draft, r.current, patch));
    },
    [drafts, edit],
  );

  if (draft === null) return <section className="lesson-editor" aria-busy="true" />;

  if (lessonOpen)
    return (
      <section className="lesson-editor lesson-editor-bar" aria-label="Lesson editor" data-testid="lesson-editor-bar">
        <span>{trying ? 'Trying your lesson as a student.' : 'A lesson is open; your draft is kept.'}</span>
        <button
          type="button"
          onClick={() => {
            store.getState().closeLesson();
            flags.set({ trying: false });
          }}
          data-testid="lesson-editor-back"
        >
          Back to editing
        </button>
      </section>
    );

  const errors: CodecError[] = checked !== null && !checked.ok ? checked.errors : [];
  const valid = (action: string): Lesson | null => {
    if (checked !== null && checked.ok) return checked.value;
    setOutcome({ kind: 'refused', action });
    window.setTimeout(() => problemsRef.current?.focus(), 0);
    return null;
  };
  const step = draft.steps[current] as DraftStep | undefined;

  const add = () => {
    const s = store.getState();
    const at = draft.steps.length === 0 ? -1 : current;
    const { view, scenario } = captureStep(s, scenarioInForce(draft, at));
    const r = addStep(draft, view, scenario, at);
    edit(r.draft, r.index);
    // the new step's title is next to write
    window.setTimeout(
      () => document.querySelector<HTMLElement>('[data-testid="lesson-editor-step-title"]')?.focus(),
      0,
    );
  };
  const recapture = () => {
    const { view, scenario } = captureStep(store.getState(), scenarioInForce(draft, current - 1));
    edit(updateStep(draft, current, { view, scenario: scenario ?? null }));
  };
  const move = (k: number, delta: number, part: string) => {
    const next = moveStep(draft, k, delta);
    if (next === draft) return;
    edit(next, k === current ? k + delta : current === k + delta ? k : current);
    setFocusId({ id: draft.steps[k].id, part });
  };
  const remove = (k: number) => {
    edit(deleteStep(draft, k), current > k || current === draft.steps.length - 1 ? current - 1 : current);
    // focus stays in the list: on the step that took its place (else the one before)
    const next = draft.steps[k + 1] ?? draft.steps[k - 1];
    if (next !== undefined) setFocusId({ id: next.id, part: 'name' });
    setOutcome({ kind: 'done', text: `Step ${k + 1} deleted. Undo brings it back.` });
  };
  const tryIt = (k = 0) => {
    const lesson = valid('tried');
    if (lesson === null) return;
    flags.set({ trying: true });
    store.getState().openLesson(lesson, k, {
      kind: 'info',
      text: `Trying "${lesson.title}" as a student: “Back to editing” returns to the editor.`,
    });
  };
  const exportFile = () => {
    const lesson = valid('exported');
    if (lesson === null) return;
    downloadBlob(
      new Blob([lessonToJson(lesson)], { type: 'application/json' }),
      `${exportStem(null, lesson.title)}-lesson.json`,
    );
    setOutcome({ kind: 'done', text: 'The lesson file was saved.' });
  };
  const copyLink = async () => {
    const lesson = valid('linked');
    if (lesson === null) return;
    const url = `${window.location.origin}${window.location.pathname}${lessonHash(lesson, 0)}`;
    setOutcome({ kind: 'link', url, copied: await copyText(url) });
  };

  return (
    <section className="lesson-editor" aria-label="Lesson editor" data-testid="lesson-editor">
      <header className="lesson-editor-head">
        <h2>Lesson editor</h2>
        <button
          type="button"
          onClick={() => drafts.undo()}
          disabled={!canUndo}
          data-testid="lesson-editor-undo"
          title="Take back the last change to the lesson"
        >
          Undo
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => flags.set({ open: false })}
          aria-label="Close the lesson editor (the draft is kept)"
          title="Close the lesson editor (the draft is kept)"
          data-testid="lesson-editor-close"
        >
          ×
        </button>
      </header>
      <label className="lesson-editor-field">
        <span>Lesson title</span>
        <input
          type="text"
          value={draft.title}
          maxLength={500}
          onChange={(e) => edit(updateLesson(draft, { title: e.target.value }))}
          data-testid="lesson-editor-title"
          placeholder="e.g. Mazur's example, step by step"
        />
      </label>
      <details className="lesson-editor-more">
        <summary>Description, scenario, hidden controls</summary>
        <label className="lesson-editor-field">
          <span>Description</span>
          <textarea
            rows={2}
            value={draft.description}
            onChange={(e) => edit(updateLesson(draft, { description: e.target.value }))}
            data-testid="lesson-editor-description"
          />
        </label>
        <p>
          <span className="muted">Scenario:</span>{' '}
          {typeof draft.scenario === 'string' ? draft.scenario : 'written out in full'}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => edit({ ...draft, scenario: lessonScenarioOf(store.getState()) })}
          >
            Use the scenario shown
          </button>
        </p>
        <fieldset className="lesson-editor-hide">
          <legend>Hidden while the lesson is open</legend>
          {LESSON_CONTROLS.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={draft.hide.includes(c)}
                onChange={(e) =>
                  edit(
                    updateLesson(draft, {
                      hide: e.target.checked
                        ? LESSON_CONTROLS.filter((x) => x === c || draft.hide.includes(x))
                        : draft.hide.filter((x) => x !== c),
                    }),
                  )
                }
              />{' '}
              {LESSON_LABELS[c].replace(/ \(.*\)$/, '')}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          onClick={() => edit(newDraft(lessonScenarioOf(store.getState())), 0)}
          data-testid="lesson-editor-new"
        >
          Start a new lesson (Undo brings this one back)
        </button>
      </details>

      <button type="button" className="lesson-editor-add" onClick={add} data-testid="lesson-editor-add">
        + Add a step from what I see now
      </button>
      <ol className="lesson-editor-steps" ref={listRef} aria-label="Steps" data-testid="lesson-editor-steps">
        {draft.steps.map((s, k) => (
          <li key={s.id} className={k === current ? 'current' : undefined} data-testid="lesson-editor-step-row">
            <button
              type="button"
              className="lesson-editor-step-name"
              aria-current={k === current ? 'step' : undefined}
              onClick={() => drafts.set({ current: k })}
              onKeyDown={(e) => {
                if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                  e.preventDefault();
                  move(k, e.key === 'ArrowUp' ? -1 : 1, 'name');
                }
              }}
              data-step-id={s.id}
              data-part="name"
              title="Edit this step (Alt+↑ / Alt+↓ move it)"
            >
              <span className="lesson-editor-step-number">{k + 1}.</span> {stepLabel(s)}
              {s.ask !== undefined && <span className="lesson-editor-tag">ask</span>}
              {s.compare.length > 0 && <span className="lesson-editor-tag">compare</span>}
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => move(k, -1, 'up')}
              disabled={k === 0}
              aria-label={`Move step ${k + 1} up`}
              data-step-id={s.id}
              data-part="up"
              data-testid="lesson-editor-up"
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => move(k, 1, 'down')}
              disabled={k === draft.steps.length - 1}
              aria-label={`Move step ${k + 1} down`}
              data-step-id={s.id}
              data-part="down"
              data-testid="lesson-editor-down"
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => remove(k)}
              aria-label={`Delete step ${k + 1}`}
              data-testid="lesson-editor-delete"
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {draft.steps.length === 0 && (
        <p className="muted">
          Set up the view a step should show (step position, sample, selection, panel), then add it as a step.
        </p>
      )}
      {step !== undefined && (
        <LessonStepEditor
          key={step.id}
          step={step}
          index={current}
          onChange={changeStep}
          onRecapture={recapture}
          onTry={() => tryIt(current)}
        />
      )}

      <div className="lesson-editor-actions">
        <button type="button" onClick={() => tryIt()} data-testid="lesson-editor-try">
          Try as a student
        </button>
        <button type="button" onClick={exportFile} data-testid="lesson-editor-export">
          Export .json
        </button>
        <button type="button" onClick={() => void copyLink()} data-testid="lesson-editor-copy-link">
          Copy link
        </button>
      </div>
      {outcome.kind === 'done' && (
        <p className="lesson-editor-status" role="status" data-testid="lesson-editor-status">
          {outcome.text}
          {outcome.text.includes('Undo') && (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() => drafts.undo() && setOutcome({ kind: 'none' })}
              >
                Undo
              </button>
            </>
          )}
        </p>
      )}
      {outcome.kind === 'link' && (
        <div className="lesson-editor-status" role="status">
          <p>{outcome.copied ? 'Link copied to the clipboard.' : 'Copy this link (Ctrl+C):'}</p>
          <input
            type="text"
            readOnly
            value={outcome.url}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="lesson-editor-link"
            aria-label="The lesson's link"
          />
        </div>
      )}
      {errors.length > 0 && (
        <div
          className={outcome.kind === 'refused' ? 'lesson-editor-problems refused' : 'lesson-editor-problems'}
          tabIndex={-1}
          ref={problemsRef}
          role={outcome.kind === 'refused' ? 'alert' : undefined}
          data-testid="lesson-editor-problems"
        >
          <p>
            {outcome.kind === 'refused'
              ? `Not ${outcome.action}: the lesson is not valid yet (your draft is kept as it is).`
              : 'Not a valid lesson yet:'}
          </p>
          <ul>
            {errors.map((e, n) => {
              const k = stepOfPath(e.path);
              return (
                <li key={n} data-testid="lesson-editor-problem">
                  {k !== null && k < draft.steps.length ? (
                    <button type="button" className="link-button" onClick={() => drafts.set({ current: k })}>
                      <span className="muted">Step {k + 1}:</span> {formatCodecError(e)}
                    </button>
                  ) : (
                    formatCodecError(e)
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
