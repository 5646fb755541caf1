import { useEffect } from 'react';

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

/** A field that takes pasted text (a select, a checkbox or the scrubber does not: a paste there imports). */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type))
  );
}

/**
 * Ctrl/⌘+V anywhere but in a field one types into: a pasted file goes to `onFile`, pasted
 * text (not blank) to `onText`. Pastes into inputs are left alone.
 */
export function usePasteImport(onFile: (file: File) => void, onText: (text: string) => void): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || typingInto(e.target) || typingInto(document.activeElement) || e.clipboardData === null)
        return;
      const file = e.clipboardData.files[0];
      const text = e.clipboardData.getData('text/plain');
      if (file === undefined && text.trim() === '') return;
      e.preventDefault();
      if (file !== undefined) onFile(file);
      else onText(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onFile, onText]);
}
