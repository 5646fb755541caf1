import { readFileSync } from 'node:fs';
import LZString from 'lz-string';

/** A built-in lesson's document as the app ships it (src/lessons/<id>.json), typed as the test reads it. */
export function builtInLesson<T = unknown>(id: string): T {
  return JSON.parse(readFileSync(new URL(`../../../src/lessons/${id}.json`, import.meta.url), 'utf8')) as T;
}

/** The address of a `#lesson=` link to `doc` (lesson.md's share link), at `step` if given. */
export function lessonLink(doc: unknown, step?: number): string {
  return `#lesson=${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}${step === undefined ? '' : `&step=${step}`}`;
}
