import { useEffect } from 'react';
import { browserStorage, createSessionSaver } from '../store/persist-session.ts';
import { useAppStoreApi } from './use-app-store.ts';

/**
 * Saves the session in localStorage as the user works (debounced), and at once when the
 * page is hidden or closed, so a reload restores it (main.tsx reads it back).
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
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      saver.dispose();
    };
  }, [store]);
}
