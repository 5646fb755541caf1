import { useStore } from 'zustand';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/** ⌘ on a Mac, Ctrl elsewhere, for the buttons' titles. */
function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

const UNDO_PATH = 'M1 6 6 1.5V4h3.5a5 5 0 0 1 0 10H6v-2h3.5a3 3 0 0 0 0-6H6v4.5z';

function ArrowIcon({ mirrored }: { mirrored?: boolean }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={UNDO_PATH} fill="currentColor" transform={mirrored ? 'matrix(-1 0 0 1 16 0)' : undefined} />
    </svg>
  );
}

/** Undo and redo of edits, loads and training runs; disabled when there is nothing to undo or redo, or while a drag or a run lasts. */
export function UndoControls() {
  const store = useAppStoreApi();
  const canUndo = useStore(store.temporal, (h) => h.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (h) => h.futureStates.length > 0);
  const busy = useAppStore((s) => s.training || s.scrubbing);
  const mac = isMac();
  return (
    <div className="undo-controls chrome" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="icon-only"
        onClick={() => store.getState().undo()}
        disabled={!canUndo || busy}
        aria-label="Undo"
        aria-keyshortcuts={mac ? 'Meta+Z' : 'Control+Z'}
        title={`Undo (${mac ? '⌘Z' : 'Ctrl+Z'})`}
        data-testid="undo"
      >
        <ArrowIcon />
      </button>
      <button
        type="button"
        className="icon-only"
        onClick={() => store.getState().redo()}
        disabled={!canRedo || busy}
        aria-label="Redo"
        aria-keyshortcuts={mac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
        title={`Redo (${mac ? '⇧⌘Z' : 'Ctrl+Shift+Z or Ctrl+Y'})`}
        data-testid="redo"
      >
        <ArrowIcon mirrored />
      </button>
    </div>
  );
}
