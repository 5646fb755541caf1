/**
 * The lesson a teacher is writing, kept apart from the session (README "Lessons",
 * authoring): it is a document being written, not an input of the scenario shown. The
 * session's undo does not rewind it, opening a link or a preset does not replace it, and
 * trying it as a student (which opens it in the player, in the session) leaves it as it was.
 * It is saved in localStorage under its own key as the user types, so a reload keeps it.
 * (Whether the editor is shown is lesson-editor-flags.ts, which the page reads at its start;
 * this store loads with the editor.)
 */
import { draftDocument, draftFromDocument, type LessonDraft } from '../core/lesson-draft.ts';
import type { GetStorage } from './persist-session.ts';

/** The key of the saved draft in localStorage. */
export const DRAFT_KEY = 'backprop-lab:lesson-draft';
/** Draft edits Undo in the editor can take back (in memory only). */
const HISTORY = 100;

export interface DraftRecord {
  /** null until the editor is first opened */
  readonly draft: LessonDraft | null;
  /** the step being edited */
  readonly current: number;
  /** the draft an import replaced, kept so that it can be brought back */
  readonly previous: LessonDraft | null;
  /** earlier drafts, the latest last (Undo in the editor) */
  readonly past: readonly LessonDraft[];
}

export interface DraftStore {
  get(): DraftRecord;
  /** replaces the draft (one undo entry when `undoable`, the default) */
  edit(draft: LessonDraft, current?: number, undoable?: boolean): void;
  /** the step being edited */
  set(patch: Partial<Pick<DraftRecord, 'current' | 'previous'>>): void;
  /** takes the last draft edit back; false when there is none */
  undo(): boolean;
  subscribe(listener: () => void): () => void;
  /** writes the draft now (the page is being hidden) */
  flush(): void;
}

const EMPTY: DraftRecord = { draft: null, current: 0, previous: null, past: [] };

/** The saved draft, or an empty record when there is none or it cannot be read. Never throws. */
export function readSavedDraft(getStorage: GetStorage): DraftRecord {
  try {
    const text = getStorage()?.getItem(DRAFT_KEY);
    if (text === null || text === undefined) return EMPTY;
    const saved = JSON.parse(text) as Record<string, unknown>;
    if (saved === null || typeof saved !== 'object' || saved.version !== 1) return EMPTY;
    const draft = saved.document === null ? null : draftFromDocument(saved.document);
    const previous = saved.previous == null ? null : draftFromDocument(saved.previous);
    const current = typeof saved.current === 'number' && Number.isInteger(saved.current) ? saved.current : 0;
    return { ...EMPTY, draft, previous, current };
  } catch {
    return EMPTY;
  }
}

function savedText(r: DraftRecord): string {
  return JSON.stringify({
    version: 1,
    current: r.current,
    document: r.draft === null ? null : draftDocument(r.draft),
    previous: r.previous === null ? null : draftDocument(r.previous),
  });
}

/** A draft store saving to `storage` (debounced by `delayMs`), starting from what is saved there. */
export function createDraftStore(getStorage: GetStorage, delayMs = 200): DraftStore {
  let record = readSavedDraft(getStorage);
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = savedText(record);

  const write = () => {
    timer = undefined;
    const text = savedText(record);
    if (text === last) return;
    try {
      getStorage()?.setItem(DRAFT_KEY, text);
      last = text;
    } catch {
      // The storage is full or disabled: the session's notice says so; the draft stays in this tab.
    }
  };
  const change = (next: DraftRecord) => {
    record = next;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
    for (const listener of listeners) listener();
  };

  return {
    get: () => record,
    edit(draft, current = record.current, undoable = true) {
      const past =
        undoable && record.draft !== null && record.draft !== draft
          ? [...record.past, record.draft].slice(-HISTORY)
          : record.past;
      change({ ...record, draft, current: Math.max(0, Math.min(current, draft.steps.length - 1)), past });
    },
    set(patch) {
      change({ ...record, ...patch });
    },
    undo() {
      const draft = record.past.at(-1);
      if (draft === undefined) return false;
      change({
        ...record,
        draft,
        past: record.past.slice(0, -1),
        current: Math.max(0, Math.min(record.current, draft.steps.length - 1)),
      });
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      write();
    },
  };
}
