import { useSyncExternalStore } from 'react';
import { browserStorage } from '../store/persist-session.ts';
import { createEditorFlags, type EditorFlags, type EditorFlagsStore } from '../store/lesson-editor-flags.ts';

let flagsStore: EditorFlagsStore | null = null;

/** The page's lesson editor flags (open, trying), created on first use from what localStorage holds. */
export function lessonEditorFlags(): EditorFlagsStore {
  flagsStore ??= createEditorFlags(browserStorage);
  return flagsStore;
}

/** A lesson editor flag, re-rendering when it changes. */
export function useLessonEditorFlag(flag: keyof EditorFlags): boolean {
  const store = lessonEditorFlags();
  return useSyncExternalStore(store.subscribe, () => store.get()[flag]);
}
