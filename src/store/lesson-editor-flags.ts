/**
 * Whether the lesson editor is shown, and whether its draft is being tried as a student: the
 * little the page needs at its first paint (the editor and its draft load when it is opened).
 * Saved in localStorage so that a reload comes back to the editor.
 */
import type { GetStorage } from './persist-session.ts';

export const EDITOR_FLAGS_KEY = 'backprop-lab:lesson-editor';

export interface EditorFlags {
  readonly open: boolean;
  readonly trying: boolean;
}

export interface EditorFlagsStore {
  get(): EditorFlags;
  set(patch: Partial<EditorFlags>): void;
  subscribe(listener: () => void): () => void;
}

const CLOSED: EditorFlags = { open: false, trying: false };

/** The saved flags; closed when there are none or they cannot be read. Never throws. */
export function readEditorFlags(getStorage: GetStorage): EditorFlags {
  try {
    const saved = JSON.parse(getStorage()?.getItem(EDITOR_FLAGS_KEY) ?? 'null') as Record<string, unknown> | null;
    return saved === null || typeof saved !== 'object'
      ? CLOSED
      : { open: saved.open === true, trying: saved.trying === true };
  } catch {
    return CLOSED;
  }
}

/** The flags, read from `storage` and written back at each change. */
export function createEditorFlags(getStorage: GetStorage): EditorFlagsStore {
  let flags = readEditorFlags(getStorage);
  const listeners = new Set<() => void>();
  return {
    get: () => flags,
    set(patch) {
      const next = { ...flags, ...patch };
      if (next.open === flags.open && next.trying === flags.trying) return;
      flags = next;
      try {
        getStorage()?.setItem(EDITOR_FLAGS_KEY, JSON.stringify(flags));
      } catch {
        // storage full or disabled: the flags hold for this tab
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
