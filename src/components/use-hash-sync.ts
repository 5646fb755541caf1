import { useEffect } from 'react';
import { readScenarioHash } from '../store/share-link.ts';
import { shareLinkHash } from '../store/share-options.ts';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { useAppStoreApi } from './use-app-store.ts';

const DEBOUNCE_MS = 250;
/** The most parameters a scenario may have for the address bar to keep its link current. */
const LINK_PARAMETERS = 100_000;

/**
 * Keeps `#scenario=…` (and a lesson's `&hide=…`) current as the user edits (replacing the
 * history entry, not adding one per edit), and opens a link pasted into the address bar
 * with all its options, as opening it fresh would.
 */
export function useHashSync(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    let timer: number | undefined;
    let written = window.location.hash;
    const unsubscribe = store.subscribe(
      // the settled scenario: not on every frame of a drag or a training run
      (s) => s.settled.scenario,
      (scenario) => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          // A network this big makes a link of megabytes that takes seconds to compress: the address drops its stale link instead.
          const { model } = store.selectors.compiled({ scenario });
          if (model.weightCount + model.biasCount > LINK_PARAMETERS) {
            written = '';
            window.history.replaceState(null, '', window.location.pathname + window.location.search);
            return;
          }
          // A lesson link's hidden controls stay in the address, so a reload keeps the lesson.
          written = shareLinkHash(scenario, { hidden: store.getState().hidden });
          window.history.replaceState(null, '', written);
        }, DEBOUNCE_MS);
      },
    );
    const onHashChange = () => {
      if (window.location.hash === written) return;
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
