import { useEffect } from 'react';
import { lessonHash, readLessonHash } from '../store/lesson-hash.ts';
import { lessonOpenedNotice } from '../store/lesson-notice.ts';
import { readScenarioHash } from '../store/share-link.ts';
import { shareLinkHash } from '../store/share-options.ts';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { ADDRESS_WRITTEN_EVENT } from '../store/persist-session.ts';
import type { AppState } from '../store/app-actions.ts';
import { useAppStoreApi } from './use-app-store.ts';
import { LINK_MAX_NUMBERS, writtenNumbers } from '../store/document-size.ts';

const DEBOUNCE_MS = 250;
/** The most parameters a scenario may have for the address bar to keep its link current. */
const LINK_PARAMETERS = 100_000;

/**
 * Keeps `#scenario=…` (and a lesson link's `&hide=…`), or `#lesson=…&step=K` while a lesson is
 * followed, current as the user edits and steps (replacing the
 * history entry, not adding one per edit), and opens a link pasted into the address bar
 * with all its options, as opening it fresh would.
 */
export function useHashSync(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    let timer: number | undefined;
    let written = window.location.hash;
    const unsubscribe = store.subscribe(
      // the settled scenario: not on every frame of a drag or a training run; a lesson's step
      (s) => [s.settled.scenario, s.lesson, s.lessonStep] as const,
      ([scenario, lesson, step], [, lessonBefore, stepBefore]) => {
        window.clearTimeout(timer);
        const commit = () => {
          // A link opened in the address bar since the last write: its hashchange event is still to
          // come (a task later) and opens it; writing now would put this address back over it.
          if (linkPending()) return;
          write(scenario, lesson, step);
          // The session is saved under the new address in the same task (use-persist-session).
          window.dispatchEvent(new Event(ADDRESS_WRITTEN_EVENT));
        };
        // A lesson's step goes in the address in the next task, not after the edits' delay: were it
        // late, a link to the step the address still showed would change nothing there, fire no
        // hashchange, and be lost under the late write of the step the user moved to. (Not in the
        // task that opens the lesson or steps: replacing the address with a lesson's long link and
        // saving the session under it take tens of milliseconds.)
        const stepped = lesson !== null && (lesson !== lessonBefore || step !== stepBefore);
        timer = window.setTimeout(commit, stepped ? 0 : DEBOUNCE_MS);
      },
      { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] },
    );
    /** Writes the address of the settled scenario, or of the lesson's step (replacing the history entry). */
    function write(scenario: AppState['settled']['scenario'], lesson: AppState['lesson'], step: number): void {
      // A lesson being followed: the address opens it at this step (the session keeps the edits).
      if (lesson !== null) {
        written = lessonHash(lesson, step);
        window.history.replaceState(null, '', written);
        return;
      }
      // A network this big, or a document writing this many numbers (weights, samples), makes a
      // link of megabytes that takes seconds to compress: the address drops its stale link instead.
      const { model } = store.selectors.compiled({ scenario });
      if (model.weightCount + model.biasCount > LINK_PARAMETERS || writtenNumbers(scenario) > LINK_MAX_NUMBERS) {
        written = '';
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
        return;
      }
      // A lesson link's hidden controls stay in the address, so a reload keeps the lesson.
      written = shareLinkHash(scenario, { hidden: store.getState().hidden });
      window.history.replaceState(null, '', written);
    }
    function linkPending(): boolean {
      const hash = window.location.hash;
      return hash !== written && (hash.startsWith('#scenario=') || hash.startsWith('#lesson='));
    }
    const onHashChange = () => {
      if (window.location.hash === written) return;
      // The address is the link's until the page writes its own.
      written = window.location.hash;
      const lesson = readLessonHash(window.location.hash);
      if (lesson !== null) {
        if (lesson.ok)
          store
            .getState()
            .openLesson(
              lesson.value.lesson,
              lesson.value.step,
              lessonOpenedNotice(lesson.value.lesson.title, { details: lesson.value.notes }),
            );
        else
          store.getState().setNotice({
            kind: 'error',
            text: 'The lesson link could not be opened; your work is unchanged.',
            details: lesson.errors.map(formatCodecError),
          });
        return;
      }
      const result = readScenarioHash(window.location.hash);
      if (result === null) return;
      const hash = window.location.hash;
      if (result.ok) {
        const scenario = result.value;
        void store.getState().openWhenReady(scenario, 'the link', () => store.getState().openLink(scenario, hash));
      } else
        store.getState().setNotice({
          kind: 'error',
          text: 'The link could not be opened; your work is unchanged.',
          details: result.errors.map(formatCodecError),
        });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [store]);
}
