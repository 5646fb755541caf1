import { readdirSync, readFileSync } from 'node:fs';
import { parseLesson } from '../../../../src/core/codec/parse-lesson.ts';
import { serializeLesson } from '../../../../src/core/codec/serialize-lesson.ts';
import { PRESET_CATALOG } from '../../../../src/presets/index.ts';
import type { SchemaCases } from './schema-cases.ts';

// The cases for public/backprop-lesson-1.schema.json (its own detailed test is
// tests/core/codec/lesson-schema.test.ts); the built-in lessons are the valid documents.

const LESSONS = new URL('../../../../src/lessons/', import.meta.url);
const builtIn = readdirSync(LESSONS)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, LESSONS), 'utf8')) as Record<string, unknown>);

const base = {
  format: 'backprop-lesson/1',
  title: 'Mazur',
  scenario: 'preset:mazur',
  steps: [{ text: 'o₁ is {{a:node:2:0}}.', view: { pos: 9, sel: 'node:2:0', panel: 'math' } }],
};

export const lessonCases: SchemaCases = {
  format: 'backprop-lesson/1',
  valid: [base, ...builtIn],
  invalid: [
    ['no steps', { ...base, steps: [] }],
    ['an unknown field', { ...base, author: 'me' }],
    ['another format', { ...base, format: 'backprop-lesson/2' }],
    ['a scenario string that is no preset', { ...base, scenario: 'mazur' }],
    ['an unknown control hidden', { ...base, hide: ['everything'] }],
    ['a step without text', { ...base, steps: [{ title: 'x' }] }],
    ['a malformed selection', { ...base, steps: [{ text: 'x', view: { sel: 'node:1' } }] }],
    ['an unknown quantity', { ...base, steps: [{ text: 'x', ask: { of: 'delta:node:1:0' } }] }],
  ],
  read: (doc) => {
    const result = parseLesson(doc, PRESET_CATALOG);
    return result.ok ? { ok: true, written: serializeLesson(result.value) } : { ok: false };
  },
};
