import { useEffect } from 'react';
import { useAppStoreApi } from './use-app-store.ts';

const TEXT_INPUTS = ['text', 'search', 'email', 'url', 'tel', 'password', 'number'];

/**
 * A field with its own text undo (the browser's): there Ctrl+Z belongs to the field. A
 * <select> or a checkbox has none, so undo still applies (a misclick on the preset menu).
 */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.includes(target.type);
}

/** Which history step a key press asks for: Ctrl/⌘+Z undo; Ctrl/⌘+Shift+Z and Ctrl+Y redo. */
export function undoKey(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): 'undo' | 'redo' | null {
  if (e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  // The letter typed; the physical key only for a layout that types no Latin letter there (Cyrillic, Greek…).
  const latin = /^[a-z]$/.test(key);
  const is = (letter: 'z' | 'y') => key === letter || (!latin && e.code === `Key${letter.toUpperCase()}`);
  if (is('z')) return e.shiftKey ? 'redo' : 'undo';
  if (is('y') && e.ctrlKey && !e.shiftKey) return 'redo';
  return null;
}

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo, except while typing in a text field. */
export function useUndoKeys(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || editsText(e.target)) return;
      // A dialog (the shortcut help, a share popover) keeps its keys to itself.
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return;
      const step = undoKey(e);
      if (step === null) return;
      e.preventDefault();
      if (step === 'undo') store.getState().undo();
      else store.getState().redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
