import { flushSync } from 'react-dom';
import type { Selection } from '../core/selection.ts';
import type { AppStore } from '../store/app-actions.ts';

/** The closed field of the value editor in the Math panel (ParameterEditor). */
const EDITOR = '[data-testid="math-panel"] .param-editor button.editable-number';

/** How long the intent waits for the Math panel's code to load before it gives up. */
const WAIT_MS = 5000;

/**
 * The edit intent (Enter or E on an editable selection, a double click on the diagram): selects,
 * shows the editor where it is (the Math tab) and opens it, focused. It does its work now and
 * leaves nothing in the store; when the Math panel is still loading it waits for that panel,
 * at most a few seconds, and opens the field only if the selection is still the one asked for.
 */
export function editSelection(store: AppStore, selection: Selection, root: Document = document): void {
  flushSync(() => store.getState().showEditor(selection));
  const open = (): boolean => {
    const button = root.querySelector<HTMLButtonElement>(EDITOR);
    if (button === null) return false;
    if (store.getState().selection === selection) button.click();
    return true;
  };
  if (open()) return;
  const observer = new MutationObserver(() => {
    if (open()) stop();
  });
  const timer = setTimeout(() => stop(), WAIT_MS);
  // Anything else the user does first (another selection, another tab) ends the wait.
  const unsubscribe = store.subscribe((s, before) => {
    if (s.selection !== before.selection || s.sideTab !== 'math') stop();
  });
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    unsubscribe();
  }
  observer.observe(root.body, { childList: true, subtree: true });
}
