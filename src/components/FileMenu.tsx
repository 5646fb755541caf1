import { ExportMenu } from './ExportMenu.tsx';
import { openImportPicker } from './ImportControls.tsx';
import { useAppStore } from './use-app-store.ts';
import { usePopover } from './use-popover.ts';

/** The toolbar's File button: import a scenario file, and every export. */
export function FileMenu() {
  const { open, setOpen, close, buttonRef, panelRef } = usePopover();
  // A lesson that hides the presets keeps its students on its scenario: no other file is opened.
  const importHidden = useAppStore((s) => s.hidden.includes('presets'));
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
            </>
          )}
          <h2 className="popover-heading">Export</h2>
          <ExportMenu onDone={() => close(true)} />
        </div>
      )}
    </div>
  );
}
