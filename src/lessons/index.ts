import { parseLesson } from '../core/codec/parse-lesson.ts';
import type { Lesson } from '../core/lesson.ts';
import { PRESET_CATALOG } from '../presets/index.ts';
import byHandMlp from './by-hand-mlp.json';
import littleNetwork from './little-network.json';
import mazur from './mazur.json';
import numpy341 from './numpy-341.json';
import tanh221 from './tanh-221.json';
import walkthrough from './walkthrough.json';
import { BUILT_IN_LESSON_ENTRIES, type BuiltInLessonEntry } from './catalog.ts';

/** A built-in lesson: its catalog entry and the `backprop-lesson/1` document. */
export interface BuiltInLesson extends BuiltInLessonEntry {
  readonly document: unknown;
}

const DOCUMENTS: Readonly<Record<string, unknown>> = {
  walkthrough,
  'little-network': littleNetwork,
  'numpy-341': numpy341,
  'by-hand-mlp': byHandMlp,
  'tanh-221': tanh221,
  mazur,
};

/** One lesson per tutorial the presets come from, in the order of the preset menu. */
export const BUILT_IN_LESSONS: readonly BuiltInLesson[] = BUILT_IN_LESSON_ENTRIES.map((entry) => ({
  ...entry,
  document: DOCUMENTS[entry.id],
}));

/** The validated built-in lesson `id`, or null for an unknown id. */
export function loadLesson(id: string): Lesson | null {
  const entry = BUILT_IN_LESSONS.find((l) => l.id === id);
  if (!entry) return null;
  const result = parseLesson(entry.document, PRESET_CATALOG);
  if (!result.ok)
    throw new Error(`lesson ${id} is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.value;
}
