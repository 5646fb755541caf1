import { Fragment, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { chordLabel, SHORTCUT_GROUPS, SHORTCUTS } from './shortcuts.ts';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The `?` dialog: every shortcut of the table, by group. Modal (the page behind is inert),
 * the focus stays inside it, Escape or `?` closes it, and the focus goes back to where it was.
 */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const before = document.activeElement;
    if (!d.open) d.showModal();
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (d.open) d.close();
      if (before instanceof HTMLElement || before instanceof SVGElement) before.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape' || e.key === '?') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      // The focus cycles through the dialog's own controls, never out to the page.
      const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (e.shiftKey && at <= 0) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (at === -1 || at === items.length - 1)) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="shortcut-help"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (outside the dialog's box) closes it.
        if (e.target === e.currentTarget) {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onClose();
        }
      }}
    >
      <div className="panel-head">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the keyboard shortcuts"
          onClick={onClose}
          data-autofocus
          data-testid="shortcut-help-close"
        >
          ×
        </button>
      </div>
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`${titleId}-${group.replace(/\W+/g, '-')}`}>
            <h3 id={`${titleId}-${group.replace(/\W+/g, '-')}`}>{group}</h3>
            <table>
              <tbody>
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <tr key={s.description}>
                    <th scope="row">
                      {s.keys.map((k, n) => (
                        <Fragment key={n}>
                          {n > 0 && <span className="muted"> or </span>}
                          <kbd>{chordLabel(k)}</kbd>
                        </Fragment>
                      ))}
                    </th>
                    <td>{s.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <p className="shortcut-note muted">
        No shortcut acts while you type in a field. Presentation mode asks for full screen; leaving full screen (Esc)
        keeps presentation mode on, and P or its button turns it off.
      </p>
    </dialog>
  );
}
