import { shallow } from 'zustand/shallow';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { sameDocument } from './scenario-text.ts';
import type { AppInputs, Notice } from './app-state.ts';
import { initialInputs } from './create-app-store.ts';
import type { AppState, AppStore, SessionInputs } from './app-actions.ts';
import { initialSession } from './initial-session.ts';
import { parseSessionText, sessionEnvelope, type EarlierHash, type SavedSession } from './session-envelope.ts';
import { salvageSession, type SalvagedSession } from './session-salvage.ts';
import { isLessonHash, readLessonHash } from './lesson-hash.ts';
import { openedLessonInputs } from './lesson-session.ts';
import { lessonOpenedNotice } from './lesson-notice.ts';
import { readScenarioHash } from './share-link.ts';
import { readShareOptions } from './share-options.ts';
import { trackedInputs, type TrackedInputs } from './undo.ts';
import { SESSION_MAX_NUMBERS, sessionNumbers } from './document-size.ts';

/** The key of the saved session in localStorage. */
export const SESSION_KEY = 'backprop-lab:session';
/** Where a saved session that could not be read whole is copied before anything overwrites it. */
export const BACKUP_KEY = 'backprop-lab:session-unreadable';
const BACKUP_FILE = 'backprop-lab-saved-session.json';

/**
 * The event the address keeper (use-hash-sync) sends on `window` each time it rewrites the
 * page's address: the session is saved at once under the new address, so the saved session
 * always names the address a reload would open (a reload of it restores the session; see
 * openSession).
 */
export const ADDRESS_WRITTEN_EVENT = 'backprop-lab:address-written';

/** The part of the Web Storage API the session uses (a fake in tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;
/**
 * How to reach the storage. Reaching it may throw (a browser that disables storage throws a
 * SecurityError on `window.localStorage` itself), so it is asked for at each use, inside a try.
 */
export type GetStorage = () => StorageLike | null | undefined;

/** The page's localStorage (reaching it may throw; see GetStorage). */
export const browserStorage: GetStorage = () => globalThis.localStorage;

/** What went wrong with the storage, in words: full, disabled, or the browser's own message. */
export function describeStorageError(error: unknown): string {
  const name =
    error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)
      ? (error as Error).name
      : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return `the browser's storage for this page is full (${name})`;
  if (name === 'SecurityError')
    return `the browser does not let this page use its storage, e.g. in a private window or by a site setting (${name})`;
  return message === '' ? 'the browser refused to use its storage' : message;
}

export type SavedRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly session: SavedSession }
  /** part of what is stored cannot be restored (a bad view field, another version), the scenario can: `text` is what was stored */
  | { readonly kind: 'salvaged'; readonly session: SavedSession; readonly notice: Notice; readonly text: string }
  /** something is stored but cannot be restored: corrupted, a scenario the codec rejects; `text` is what was stored */
  | { readonly kind: 'unreadable'; readonly notice: Notice; readonly text: string }
  /** the storage cannot be reached at all */
  | { readonly kind: 'unavailable'; readonly notice: Notice };

/** The saved session, if there is one that can be read. Never throws. */
export function readSavedSession(getStorage: GetStorage): SavedRead {
  let text: string | null;
  try {
    const storage = getStorage();
    if (storage === null || storage === undefined) throw new Error('this browser has no localStorage');
    text = storage.getItem(SESSION_KEY);
  } catch (error) {
    return {
      kind: 'unavailable',
      notice: {
        kind: 'info',
        text: 'Your work will not be saved in this browser, so a reload starts afresh.',
        details: [describeStorageError(error)],
      },
    };
  }
  if (text === null) return { kind: 'none' };
  const result = parseSessionText(text);
  if (result.ok) return { kind: 'saved', session: result.value };
  const details = result.errors.map(formatCodecError);
  const download = { label: 'Download the saved session', fileName: BACKUP_FILE, text };
  const salvaged = salvageText(text);
  if (salvaged !== null) {
    const parts = [
      ...(salvaged.reset.length > 0 ? [`reset: ${salvaged.reset.join(', ')}`] : []),
      ...(salvaged.ignored.length > 0 ? [`left out: ${salvaged.ignored.join(', ')}`] : []),
      ...(salvaged.versionNote !== null ? [salvaged.versionNote] : []),
    ];
    return {
      kind: 'salvaged',
      session: salvaged.session,
      text,
      notice: {
        kind: 'error',
        text: `Part of your saved session could not be restored: its scenario is back (${parts.join('; ')}). A copy of it is kept.`,
        details,
        download,
      },
    };
  }
  return {
    kind: 'unreadable',
    text,
    notice: {
      kind: 'error',
      text: 'Your saved session could not be restored, so the default preset is shown. A copy of it is kept.',
      details,
      download,
    },
  };
}

function salvageText(text: string): SalvagedSession | null {
  try {
    return salvageSession(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Copies a saved session that could not be read whole aside (BACKUP_KEY) before the saver
 * may overwrite it; a notice that says why when the copy cannot be stored (the download the
 * notice offers is then the only copy).
 */
function keepCopy(getStorage: GetStorage, text: string, notice: Notice): Notice {
  try {
    const storage = getStorage();
    if (storage === null || storage === undefined) throw new Error('this browser has no localStorage');
    storage.setItem(BACKUP_KEY, text);
    return notice;
  } catch (error) {
    return {
      ...notice,
      text: notice.text.replace(
        'A copy of it is kept.',
        'It could not be copied aside: download it now, before a change overwrites it.',
      ),
      details: [...(notice.details ?? []), describeStorageError(error)],
    };
  }
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Stores an envelope's text. Never throws: a full or disabled storage is a reason. */
export function writeSavedSession(getStorage: GetStorage, text: string): WriteResult {
  try {
    const storage = getStorage();
    if (storage === null || storage === undefined) return { ok: false, reason: 'this browser has no localStorage' };
    storage.setItem(SESSION_KEY, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeStorageError(error) };
  }
}

/** The store's inputs of a restored session (what it does not save starts fresh). */
export function restoredInputs(saved: SavedSession): AppInputs & SessionInputs {
  return {
    ...initialInputs(saved.scenario, saved.presetId),
    origin: saved.origin,
    optimizerState: saved.optimizerState,
    run: saved.run,
    position: saved.position,
    sample: saved.sample,
    selection: saved.selection,
    followStep: saved.followStep,
    showZ: saved.showZ,
    neuronPictures: saved.neuronPictures,
    speed: saved.speed,
    theme: saved.theme,
    presentation: saved.presentation,
    comparison: saved.comparison,
    worksheet: saved.worksheet,
    textSize: saved.textSize,
    precision: saved.precision,
    lesson: saved.lesson,
    lessonStep: saved.lessonStep,
    lessonAnswered: saved.lessonAnswered,
    // A lesson's hidden controls come back with it.
    hidden: saved.lesson?.hide ?? [],
  };
}

/** What to open: the store's initial inputs, and undo entries to start with. */
export interface SessionStart {
  readonly inputs: AppInputs & Partial<SessionInputs>;
  readonly pastStates: readonly TrackedInputs[];
  /** the address to show instead of the one opened (a reload that loaded the address just replaced) */
  readonly address?: string;
}

/**
 * How long after the app replaced the page's address the address before it still reloads the
 * saved session: a reload started just before the replacement loads the earlier address
 * (the browser took it when the reload began), while the page saved the session under the
 * new one. Past this, the earlier address is a link like any other.
 */
export const RELOAD_WINDOW_MS = 15_000;

/** True when `hash` is the page's own address for this session: the one saved with it, or the one it just replaced. */
function isOwnAddress(session: SavedSession, hash: string, now: number): boolean {
  if (session.hash === hash) return true;
  const earlier = session.earlierHash;
  return (
    earlier !== null && earlier.hash === hash && now - earlier.until >= -1000 && now - earlier.until <= RELOAD_WINDOW_MS
  );
}

/** The hash's `name=value` parts: a share or lesson link asks for something; a bare `#anchor` does not. */
function hashParams(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.split('&').filter((part) => part.includes('='));
}

/**
 * The session to open, by precedence: a link in the URL hash (share or lesson link) wins
 * over the saved session, which wins over the default preset. Two exceptions keep a reload
 * from losing work: a hash that is the one saved with the session (the page's own URL), or a
 * bare link to the saved scenario itself, restores the saved session, position and
 * selection included (so does the address the app replaced with the saved one less than
 * RELOAD_WINDOW_MS ago: a reload started just before the replacement; the address then shows
 * the saved one again); and a link that cannot be opened shows the saved session instead of
 * the default preset. A link to another scenario sets the saved session aside: it stays in
 * storage until the next change, and it is the first undo entry, so Undo brings it back.
 * Nothing here throws; whatever could not be used is said in the notice.
 */
export function openSession(hash: string, getStorage: GetStorage, now: number = Date.now()): SessionStart {
  const read = readSavedSession(getStorage);
  const saved: SavedRead =
    read.kind === 'unreadable' || read.kind === 'salvaged'
      ? { ...read, notice: keepCopy(getStorage, read.text, read.notice) }
      : read;
  const params = hashParams(hash);
  const withStorageNotice = (inputs: AppInputs): AppInputs =>
    (saved.kind === 'unreadable' || saved.kind === 'unavailable') && inputs.notice === null
      ? { ...inputs, notice: saved.notice }
      : inputs;
  // Decompressed at most once, and only when needed: a link can be large.
  let linkRead: { link: ReturnType<typeof readScenarioHash> } | undefined;
  const linkOf = () => (linkRead ??= { link: readScenarioHash(hash) }).link;
  if (isLessonHash(hash)) return openLessonLink(hash, saved, withStorageNotice, now);
  if (saved.kind !== 'saved' && saved.kind !== 'salvaged')
    return { inputs: withStorageNotice(initialSession(hash, linkOf())), pastStates: [] };
  const session = saved.session;
  const salvageNotice = saved.kind === 'salvaged' ? saved.notice : null;
  if (params.length === 0) return { inputs: { ...restoredInputs(session), notice: salvageNotice }, pastStates: [] };

  // The page's own URL (a reload): its scenario is the saved one, not decompressed again.
  if (isOwnAddress(session, hash, now))
    return {
      inputs: {
        ...restoredInputs(session),
        hidden:
          session.lesson !== null ? (session.lesson.hide ?? []) : (readShareOptions(session.hash).options.hidden ?? []),
        notice: salvageNotice,
      },
      pastStates: [],
      ...(session.hash !== hash ? { address: session.hash } : {}),
    };
  const link = linkOf();
  const fromLink = initialSession(hash, link);
  // A lesson's hidden controls stay hidden whatever session shows.
  const restored = (notice: Notice | null): AppInputs & SessionInputs => ({
    ...restoredInputs(session),
    hidden: fromLink.hidden,
    notice: notice ?? salvageNotice,
  });
  if (link !== null && !link.ok) {
    return {
      inputs: restored({
        kind: 'error',
        text: 'The link could not be opened, so your saved session is shown.',
        details: link.errors.map(formatCodecError),
      }),
      pastStates: [],
    };
  }
  const sameScenario = link !== null && sameDocument(fromLink.scenario, session.scenario);
  // The address the app itself keeps: the scenario, and a lesson's hidden controls.
  const bareLink = params.every((p) => p.startsWith('scenario=') || p.startsWith('hide='));
  if (sameScenario && bareLink) return { inputs: restored(fromLink.notice), pastStates: [] };
  // The same scenario with a position, a selection or lesson flags: the link says where to look.
  if (sameScenario) return { inputs: fromLink, pastStates: [] };
  const setAside: Notice = {
    kind: 'info',
    text: 'Opened the link. Your saved session was set aside: Undo (Ctrl+Z) brings it back.',
  };
  return {
    inputs: { ...fromLink, notice: fromLink.notice ?? salvageNotice ?? setAside },
    pastStates: [trackedInputs(restoredInputs(session))],
  };
}

/**
 * A lesson link (`#lesson=…&step=K`): the page's own URL restores the saved session (the
 * lesson, its step and the user's edits); another opens the lesson at step K and sets the
 * saved session aside (the first undo entry). A lesson that cannot be read is rejected
 * whole with its path-named errors, and the saved session (else the default preset) is shown.
 */
function openLessonLink(
  hash: string,
  saved: SavedRead,
  withStorageNotice: (inputs: AppInputs) => AppInputs,
  now: number,
): SessionStart {
  const session = saved.kind === 'saved' || saved.kind === 'salvaged' ? saved.session : null;
  const salvageNotice = saved.kind === 'salvaged' ? saved.notice : null;
  if (session !== null && isOwnAddress(session, hash, now))
    return {
      inputs: { ...restoredInputs(session), notice: salvageNotice },
      pastStates: [],
      ...(session.hash !== hash ? { address: session.hash } : {}),
    };
  const link = readLessonHash(hash);
  const base: AppInputs = session !== null ? restoredInputs(session) : initialSession('');
  if (link === null || !link.ok) {
    return {
      inputs: withStorageNotice({
        ...base,
        notice: {
          kind: 'error',
          text: `The lesson link could not be opened, so ${session !== null ? 'your saved session' : 'the default preset'} is shown.`,
          details: link === null ? [] : link.errors.map(formatCodecError),
        },
      }),
      pastStates: [],
    };
  }
  const { lesson, step, notes } = link.value;
  const notice: Notice = lessonOpenedNotice(lesson.title, {
    ...(session !== null ? { more: 'Your saved session was set aside: Undo (Ctrl+Z) brings it back.' } : {}),
    details: notes,
  });
  return {
    inputs: withStorageNotice(openedLessonInputs({ ...base, notice }, lesson, step)),
    pastStates: session !== null ? [trackedInputs(restoredInputs(session))] : [],
  };
}

/** What the session saves when it changes (everything else is not saved). */
function persisted(s: AppState): unknown[] {
  return [
    s.scenario,
    s.optimizerState,
    s.run.lossHistory,
    s.run.testLossHistory,
    s.settled,
    s.presetId,
    s.origin,
    s.position,
    s.sample,
    s.selection,
    s.followStep,
    s.showZ,
    s.neuronPictures,
    s.speed,
    s.theme,
    s.presentation,
    s.comparison,
    s.worksheet,
    s.textSize,
    s.precision,
    s.lesson,
    s.lessonStep,
    s.lessonAnswered,
  ];
}

export interface SessionSaverOptions {
  readonly storage: GetStorage;
  /** the page's URL hash now */
  readonly hash: () => string;
  /**
   * Quiet time before a save. 200 ms: under the share link's 250 ms, so once the URL shows
   * an edit, the saved session has it too, and a reload of that URL restores it.
   */
  readonly delayMs?: number;
  /** the time now, in ms since 1970 (a fake in tests) */
  readonly now?: () => number;
}

export interface SessionSaver {
  /** saves now what changed (the page is being hidden or closed) */
  flush(): void;
  /** flushes, then stops */
  dispose(): void;
}

function readsAsLink(hash: string): boolean {
  return hashParams(hash).some((p) => p.startsWith('scenario=') || p.startsWith('lesson='));
}

/** What is stored under SESSION_KEY; undefined when the storage cannot be read. */
function storedText(getStorage: GetStorage): string | null | undefined {
  try {
    return getStorage()?.getItem(SESSION_KEY);
  } catch {
    return undefined;
  }
}

/** The notice of a session too big to keep across reloads (see createSessionSaver). */
export const TOO_BIG_TO_KEEP =
  'This scenario is too big to keep across reloads: export it to keep it (Export). It stays in this tab until you close or reload it; a reload opens the session saved before it.';

/**
 * Saves the session as the user works, debounced: nothing is written until something that
 * is saved changes (a saved session set aside by a link stays until then). A save that fails
 * (storage full or disabled) says so once in the notice and the app works on; the next
 * change tries again. A session that writes more than SESSION_MAX_NUMBERS numbers is not
 * written out at all (it would not fit the browser's storage, and writing it takes the page's
 * thread for seconds): the notice says so once, and the session saved before it stays.
 */
export function createSessionSaver(store: AppStore, options: SessionSaverOptions): SessionSaver {
  const delay = options.delayMs ?? 200;
  const now = options.now ?? Date.now;
  // The address this session is saved under, and the one before it with when it was replaced
  // (a reload started just before the replacement opens that one: see openSession).
  let address = options.hash();
  let earlier: EarlierHash | null = null;
  const textOf = () => {
    const hash = options.hash();
    if (hash !== address) {
      earlier = { hash: address, until: now() };
      address = hash;
    }
    return JSON.stringify(sessionEnvelope(store.getState(), hash, earlier));
  };
  const tooBig = () => sessionNumbers(store.getState()) > SESSION_MAX_NUMBERS;
  // said once per stretch of too-big sessions
  let toldTooBig = false;
  let last = tooBig() ? '' : textOf();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A storage that cannot be reached was named in the notice when the session opened.
  let failing = (() => {
    try {
      return options.storage() == null;
    } catch {
      return true;
    }
  })();
  let changed = false;
  // A link opened with nothing saved is the session at once (as a reload of the link already
  // is), so that a new tab without the link reopens it. A stored session, even one that
  // could not be read, is left alone until the first change.
  // (Not while a large link is still being prepared: the page shows another scenario meanwhile.)
  if (
    !failing &&
    store.getState().opening === null &&
    readsAsLink(options.hash()) &&
    !tooBig() &&
    storedText(options.storage) === null
  ) {
    const text = textOf();
    if (writeSavedSession(options.storage, text).ok) last = text;
  }

  const save = () => {
    timer = undefined;
    if (!changed) return;
    if (tooBig()) {
      if (toldTooBig) return;
      toldTooBig = true;
      const numbers = sessionNumbers(store.getState()).toLocaleString('en-US');
      // after what the page just said (e.g. "Imported …"), not instead of it
      const said = store.getState().notice;
      store.getState().setNotice({
        kind: 'info',
        text: said !== null && said.kind === 'info' ? `${said.text} ${TOO_BIG_TO_KEEP}` : TOO_BIG_TO_KEEP,
        details: [
          `The session writes ${numbers} numbers (weights, samples, the optimizer's state); the browser keeps at most ${SESSION_MAX_NUMBERS.toLocaleString('en-US')}.`,
        ],
      });
      return;
    }
    toldTooBig = false;
    const text = textOf();
    if (text === last) return;
    const result = writeSavedSession(options.storage, text);
    if (result.ok) {
      last = text;
      failing = false;
      return;
    }
    if (failing) return;
    failing = true;
    store.getState().setNotice({
      kind: 'error',
      text: 'Your work could not be saved in this browser; it is kept in this tab until you close or reload it.',
      details: [result.reason],
    });
  };

  const unsubscribe = store.subscribe(
    persisted,
    () => {
      changed = true;
      // not on every frame of a training run: its end changes the settled scenario, which saves it
      if (store.getState().training) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(save, delay);
    },
    { equalityFn: shallow },
  );

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    // Also when no save is pending: the URL hash may have changed since the last one.
    save();
  };
  return {
    flush,
    dispose() {
      flush();
      unsubscribe();
    },
  };
}
