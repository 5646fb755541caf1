import { formatCodecError } from '../core/codec/codec-result.ts';
import { parseLesson } from '../core/codec/parse-lesson.ts';
import { readDocumentText, type DocumentText } from '../core/codec/read-document-text.ts';
import { PRESET_CATALOG } from '../presets/index.ts';
import type { AppStore } from '../store/app-actions.ts';
import { readLessonHash } from '../store/lesson-hash.ts';
import { lessonOpenedNotice } from '../store/lesson-notice.ts';
import { readScenarioHash } from '../store/share-link.ts';
import { READ_IN_WORKER_CHARS, readInWorker } from './read-in-worker.ts';

/** Opens a lesson document, or lists its errors by path and changes nothing. */
function importLesson(store: AppStore, document: unknown, what: string): boolean {
  const result = parseLesson(document, PRESET_CATALOG);
  if (!result.ok) {
    store.getState().setNotice({
      kind: 'error',
      text: `${what} is a lesson that could not be opened; nothing was changed.`,
      details: result.errors.map(formatCodecError),
    });
    return false;
  }
  store.getState().openLesson(result.value, 0, lessonOpenedNotice(result.value.title));
  return true;
}

/** Larger files are refused before they are read: no scenario within the spec's limits comes near. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the import of a document read (readDocumentText) does: opens it, or lists every codec error by path and changes nothing. */
function importDocument(store: AppStore, read: DocumentText, what: string, name: string): boolean {
  if (read.kind === 'lesson') return importLesson(store, read.document, what);
  const result = read.result;
  if (!result.ok) {
    store.getState().setNotice({
      kind: 'error',
      text: `${what} could not be imported; nothing was changed.`,
      details: result.errors.map(formatCodecError),
    });
    return false;
  }
  const title = result.value.title ? `: ${result.value.title}` : '';
  const scenario = result.value;
  // a network of a million weights is prepared in slices first (with progress and Cancel): see store/open-large.ts
  void store
    .getState()
    .openWhenReady(scenario, name, () =>
      store.getState().loadScenario(scenario, null, { kind: 'info', text: `Imported ${name}${title}.` }),
    );
  return true;
}

/**
 * Reads scenario JSON text and loads it (or a `backprop-lesson/1` document, told apart by
 * its `format`, and opens it), or lists every codec error by path in the notice and changes
 * nothing. `what` names the source in the messages ("The file "a.json""). Text past
 * READ_IN_WORKER_CHARS is read in a Web Worker, the page showing the opening's progress with
 * Cancel meanwhile; the result (and every message) is the same.
 */
export function importScenarioText(store: AppStore, text: string, what: string, name: string): boolean {
  const s = store.getState();
  if (text.trim() === '') {
    s.setNotice({ kind: 'error', text: `${what} is empty; nothing was changed.` });
    return false;
  }
  if (text.length <= READ_IN_WORKER_CHARS) return importDocument(store, readDocumentText(text), what, name);
  void s
    .readBeforeOpening(name, (signal) => readInWorker(text, signal))
    .then((read) => read !== null && importDocument(store, read, what, name));
  return true;
}

/** Imports one file (a picked, dropped or pasted file); refuses an empty or huge one before reading it. */
export async function importScenarioFile(store: AppStore, file: File): Promise<boolean> {
  const what = `The file "${file.name}"`;
  const setNotice = store.getState().setNotice;
  if (file.size === 0) {
    setNotice({ kind: 'error', text: `${what} is empty; nothing was changed.` });
    return false;
  }
  if (file.size > MAX_IMPORT_BYTES) {
    setNotice({
      kind: 'error',
      text: `${what} is too large to import (${megabytes(file.size)}; at most ${megabytes(MAX_IMPORT_BYTES)}); nothing was changed.`,
    });
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    setNotice({
      kind: 'error',
      text: `${what} could not be read; nothing was changed.`,
      details: [error instanceof Error ? error.message : String(error)],
    });
    return false;
  }
  return importScenarioText(store, text, what, `"${file.name}"`);
}

/**
 * Pasted text: a lesson link (`#lesson=`) opens its lesson, a share link (anything with
 * `#scenario=`) its scenario; other text is read as scenario or lesson JSON.
 */
export function importPastedText(store: AppStore, text: string): boolean {
  const trimmed = text.trim();
  const lessonAt = trimmed.indexOf('#lesson=');
  if (lessonAt >= 0 && !trimmed.startsWith('{')) {
    const link = readLessonHash(trimmed.slice(lessonAt));
    if (link?.ok) {
      store
        .getState()
        .openLesson(
          link.value.lesson,
          link.value.step,
          lessonOpenedNotice(link.value.lesson.title, { from: 'of the pasted link', details: link.value.notes }),
        );
      return true;
    }
    store.getState().setNotice({
      kind: 'error',
      text: 'The pasted lesson link could not be opened; nothing was changed.',
      details: link?.ok === false ? link.errors.map(formatCodecError) : [],
    });
    return false;
  }
  const at = trimmed.indexOf('#scenario=');
  if (at >= 0 && !trimmed.startsWith('{')) {
    const link = readScenarioHash(trimmed.slice(at));
    if (link?.ok) {
      const scenario = link.value;
      void store
        .getState()
        .openWhenReady(scenario, 'the pasted link', () =>
          store.getState().loadScenario(scenario, null, { kind: 'info', text: 'Opened the pasted link.' }),
        );
      return true;
    }
    store.getState().setNotice({
      kind: 'error',
      text: 'The pasted link could not be opened; nothing was changed.',
      details: link?.ok === false ? link.errors.map(formatCodecError) : [],
    });
    return false;
  }
  return importScenarioText(store, text, 'The pasted text', 'the pasted scenario');
}
