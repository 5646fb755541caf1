import { lazy, Suspense } from 'react';
import { openImportPicker } from './ImportControls.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { lessonEditorFlags, useLessonEditorFlag } from './use-lesson-editor-flags.ts';
import { usePopover } from './use-popover.ts';

// The exports (and the trace they carry) load when the menu first opens: not in the first paint's budget.
const ExportMenu = lazy(() => import('./ExportMenu.tsx').then((m) => ({ default: m.ExportMenu })));

/** The toolbar's File button: import a scenario file, and every export. */
export function FileMenu() {
  const { open, setOpen, close, buttonRef, panelRef } = usePopover();
  // A lesson that hides the presets keeps its students on its scenario: no other file is opened.
  const importHidden = useAppStore((s) => s.hidden.includes('presets'));
  const store = useAppStoreApi();
  const lesson = useAppStore((s) => s.lesson);
  const editorOpen = useLessonEditorFlag('open');
  const trying = useLessonEditorFlag('trying') && editorOpen;
  return (
    <div className="popover-anchor chrome">
      <button
        ref={buttonRef}
        type="button"
        className={open ? 'toggle active' : 'toggle'}
        aria-expanded={open}
        aria-controls="file-menu"
        onClick={() => setOpen(!open)}
        data-testid="file-menu-button"
        title="Import a scenario file; export the scenario, the trace, the diagram or a derivation"
      >
        File
      </button>
      {open && (
        <div
          ref={panelRef}
          id="file-menu"
          className="popover file-menu"
          role="group"
          aria-label="Import and export"
          data-testid="file-menu"
        >
          {!importHidden && (
            <>
              <h2 className="popover-heading">Import</h2>
              <button
                type="button"
                className="menu-item"
                data-testid="import-button"
                onClick={() => {
                  close(true);
                  openImportPicker();
                }}
              >
                <span>Open a scenario file…</span>
                <span className="menu-item-ext">.json</span>
              </button>
              <p className="popover-hint">or drop it on the window, or paste it (Ctrl+V)</p>
              <h2 className="popover-heading">Lessons</h2>
              <button
                type="button"
                className="menu-item"
                data-testid="lesson-editor-open"
                onClick={() => {
                  close(true);
                  if (!trying) store.getState().closeLesson();
                  lessonEditorFlags().set({ open: true });
                }}
              >
                <span>{trying ? 'Back to the lesson editor' : 'Lesson editor (new lesson or your draft)…'}</span>
              </button>
              {lesson !== null && !trying && (
                <button
                  type="button"
                  className="menu-item"
                  data-testid="lesson-edit-this"
                  onClick={() => {
                    close(true);
                    // the draft it replaces stays one Undo away in the editor (which loads with its draft)
                    const k = store.getState().lessonStep;
                    void import('./use-lesson-draft.ts').then(({ editLesson }) => {
                      editLesson(lesson, k);
                      lessonEditorFlags().set({ open: true, trying: false });
                      store.getState().closeLesson();
                      store.getState().setNotice({
                        kind: 'info',
                        text: `"${lesson.title}" is now the lesson editor's draft; the editor's Undo brings back the draft it replaced.`,
                      });
                    });
                  }}
                >
                  <span>Edit this lesson</span>
                </button>
              )}
            </>
          )}
          <h2 className="popover-heading">Export</h2>
          <Suspense fallback={<p className="popover-hint">Loading the exports…</p>}>
            <ExportMenu onDone={() => close(true)} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
