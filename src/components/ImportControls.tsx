import { useCallback } from 'react';
import { importPastedText, importScenarioFile } from './import-scenario.ts';
import { useAppStoreApi } from './use-app-store.ts';
import { useFileDrop } from './use-file-drop.ts';
import { usePasteImport } from './use-paste-import.ts';

/** The id of the hidden file input; the File menu's "Import" item opens its picker. */
export const IMPORT_INPUT_ID = 'scenario-file-input';

/** Opens the file picker of the import input (mounted by ImportControls). */
export function openImportPicker(): void {
  document.getElementById(IMPORT_INPUT_ID)?.click();
}

/**
 * The three ways in for a scenario file: the file picker (a hidden input the File menu
 * opens), a file dropped anywhere on the window (with an overlay while dragging), and
 * Ctrl/⌘+V of scenario JSON, a share link or a file outside a text field. Each goes
 * through the codec; nothing changes unless the scenario is valid.
 */
export function ImportControls() {
  const store = useAppStoreApi();
  // A lesson (or link) that hides the presets hides opening other files too (lesson spec, `hide`).
  const locked = useCallback(() => {
    if (!store.getState().hidden.includes('presets')) return false;
    store.getState().setNotice({
      kind: 'info',
      text: 'This lesson does not open other files or links; close the lesson first.',
    });
    return true;
  }, [store]);
  const importFile = useCallback((file: File) => void (locked() || importScenarioFile(store, file)), [store, locked]);
  const importText = useCallback((text: string) => void (locked() || importPastedText(store, text)), [store, locked]);
  const onFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length > 1)
        store.getState().setNotice({
          kind: 'error',
          text: `Drop one scenario file at a time (${files.length} were dropped); nothing was changed.`,
        });
      else if (files.length === 1) importFile(files[0]);
    },
    [store, importFile],
  );
  const dragging = useFileDrop(onFiles);
  usePasteImport(importFile, importText);

  return (
    <>
      <input
        id={IMPORT_INPUT_ID}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that choosing the same file again imports it again.
          e.target.value = '';
          if (file) importFile(file);
        }}
      />
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-overlay-box">Drop a scenario file or a lesson (.json) to open it</div>
        </div>
      )}
    </>
  );
}
