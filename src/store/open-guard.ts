import { DEFAULT_PRESET_ID, loadPreset } from '../presets/index.ts';
import { initialInputs } from './create-app-store.ts';
import type { GetStorage, SessionStart } from './persist-session.ts';

/** Set while the page opens its session, cleared once the first frame is on screen. */
export const OPENING_KEY = 'backprop-lab:opening';

function tryStorage<T>(getStorage: GetStorage, use: (s: NonNullable<ReturnType<GetStorage>>) => T, fallback: T): T {
  try {
    const storage = getStorage();
    return storage ? use(storage) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Guards against a session that freezes the page following the user to every later visit:
 * the page marks that it is opening, and clears the mark once it has shown a frame. A mark
 * left by the last visit means that opening never finished (the tab froze and was closed);
 * this visit then opens the default preset instead, keeping the saved session and the link
 * untouched (nothing is saved until the user changes something), and says so. The mark is
 * cleared when this visit is on screen, so a reload tries the saved session again.
 */
export function guardedOpen(hash: string, getStorage: GetStorage, open: () => SessionStart): SessionStart {
  const interrupted = tryStorage(getStorage, (s) => s.getItem(OPENING_KEY) !== null, false);
  tryStorage(getStorage, (s) => s.setItem(OPENING_KEY, String(Date.now())), undefined);
  if (!interrupted) return open();
  const preset = loadPreset(DEFAULT_PRESET_ID)!;
  const what = hash.includes('=') ? 'the link' : 'your saved session';
  return {
    inputs: initialInputs(preset, DEFAULT_PRESET_ID, {
      kind: 'error',
      text: `The last visit did not finish opening ${what} (the page may have frozen), so the default preset is shown.`,
      details: [
        `${what[0].toUpperCase()}${what.slice(1)} is kept: reload the page to try it again. Your saved work is not overwritten unless you change something here.`,
      ],
    }),
    pastStates: [],
  };
}

/** The page is on screen: the next visit opens its session normally. */
export function markOpened(getStorage: GetStorage): void {
  tryStorage(getStorage, (s) => (s as Storage).removeItem?.(OPENING_KEY), undefined);
}
