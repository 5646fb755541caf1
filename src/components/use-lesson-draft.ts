import { useEffect, useSyncExternalStore } from 'react';
import { browserStorage } from '../store/persist-session.ts';
import { createDraftStore, type DraftRecord, type DraftStore } from '../store/lesson-draft-store.ts';

let draftStore: DraftStore | null = null;

/** The page's lesson draft store (created on first use, from what localStorage holds). */
export function lessonDraftStore(): DraftStore {
  draftStore ??= createDraftStore(browserStorage);
  return draftStore;
}

/** A value of the lesson draft record, re-rendering when it changes. */
export function useLessonDraft<T>(select: (r: DraftRecord) => T): T {
  const store = lessonDraftStore();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

/** Writes the draft at once when the page is hidden or closed, as the session is. */
export function useFlushDraftOnHide(): void {
  useEffect(() => {
    const flush = () => lessonDraftStore().flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
