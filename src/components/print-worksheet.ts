import type { AppStore } from '../store/app-actions.ts';

/** What a teacher prints: the worksheet with its blanks, or the answer key with every value. */
export type PrintKind = 'worksheet' | 'answers';

/**
 * Prints the worksheet or its answer key: the diagram at the start of the iteration (all
 * blanks) or at its end (every value), with the print sheet (PrintSheet.tsx), which the
 * print stylesheet in app.css shows only while <html data-print> is set. The position and
 * the attribute are restored when the browser is done printing.
 */
export function printWorksheet(store: AppStore, kind: PrintKind): void {
  const root = document.documentElement;
  const before = store.getState();
  const restore = { position: before.position, selection: before.selection };
  root.setAttribute('data-print', kind);
  before.setPlaying(false);
  before.setPosition(kind === 'worksheet' ? 0 : store.selectors.plan(before).events.length);
  // Paper shows no selection ring: the step's selection comes back after printing.
  store.getState().select(null);
  window.addEventListener(
    'afterprint',
    () => {
      root.removeAttribute('data-print');
      const s = store.getState();
      s.setPosition(restore.position);
      s.select(restore.selection);
    },
    { once: true },
  );
  window.print();
}
