import { useSyncExternalStore } from 'react';
import { serializeLesson } from '../core/codec/serialize-lesson.ts';
import type { Lesson } from '../core/lesson.ts';
import { draftFromDocument } from '../core/lesson-draft.ts';
import { createDraftStore, type DraftRecord, type DraftStore } from '../store/lesson-draft-store.ts';

let draftStore: DraftStore | null = null;

/**
 * The page's lesson draft store, created on first use (the editor's chunk) from what
 * localStorage holds; it writes the draft at once when the page is hidden or closed, as the
 * session does.
 */
export function lessonDraftStore(): DraftStore {
  if (draftStore === null) {
    // the page's localStorage, reached at each use (see GetStorage); not persist-session's, so this chunk does not import it
    const store = createDraftStore(() => globalThis.localStorage);
    window.addEventListener('pagehide', () => store.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') store.flush();
    });
    draftStore = store;
  }
  return draftStore;
}

/** A value of the lesson draft record, re-rendering when it changes. */
export function useLessonDraft<T>(select: (r: DraftRecord) => T): T {
  const store = lessonDraftStore();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

/** A lesson (opened in the player) becomes the draft, at step k; the draft it replaces is one Undo away. */
export function editLesson(lesson: Lesson, k: number): void {
  lessonDraftStore().edit(draftFromDocument(serializeLesson(lesson)), k);
}
