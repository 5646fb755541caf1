import { LESSON_FORMAT } from '../lesson.ts';
import type { Scenario } from '../scenario.ts';
import type { CodecResult } from './codec-result.ts';
import { parseScenarioText } from './parse-scenario.ts';

/**
 * What imported JSON text is: a `backprop-lesson/1` document (told apart by its `format`; its
 * JSON value, read against the presets by the page), or a scenario as its codec reads it.
 */
export type DocumentText =
  | { readonly kind: 'lesson'; readonly document: unknown }
  | { readonly kind: 'scenario'; readonly result: CodecResult<Scenario> };

/**
 * Reads imported JSON text (a file, a paste) without throwing: the one function the page runs
 * in one go for small text and in a Web Worker for large text (components/parse-worker.ts), so
 * both give the same scenario or the same errors, each named by its path.
 */
export function readDocumentText(text: string): DocumentText {
  // Only text that names the lesson format is parsed for it; a scenario goes to its own codec untouched.
  if (typeof text === 'string' && text.includes(LESSON_FORMAT)) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === LESSON_FORMAT)
        return { kind: 'lesson', document: value };
    } catch {
      // not JSON: the scenario codec says where
    }
  }
  return { kind: 'scenario', result: parseScenarioText(text) };
}
