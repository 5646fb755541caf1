import { useEffect } from 'react';
import { ADDRESS_WRITTEN_EVENT, browserStorage, createSessionSaver } from '../store/persist-session.ts';
import { useAppStoreApi } from './use-app-store.ts';

/**
 * Saves the session in localStorage as the user works (debounced), and at once when the
 * page is hidden or closed, and each time the address is rewritten (so the saved session
 * always names the page's address), so a reload restores it (main.tsx reads it back).
 */
export function usePersistSession(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const saver = createSessionSaver(store, { storage: browserStorage, hash: () => window.location.hash });
    const onHide = () => saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    window.addEventListener('pagehide', onHide);
    // The address changed: saved at once under it, so the saved session names the page's address.
    window.addEventListener(ADDRESS_WRITTEN_EVENT, onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener(ADDRESS_WRITTEN_EVENT, onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      saver.dispose();
    };
  }, [store]);
}
