import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { serializeLesson } from '../../../src/core/codec/serialize-lesson.ts';
import { lessons } from '../../helpers/lesson-arbitrary.ts';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const lessonSchema = read('../../../public/backprop-lesson-1.schema.json');
const scenarioSchema = read('../../../public/backprop-scenario-1.schema.json');

// The lesson schema refers to the scenario schema by its file name, as both are served side by side.
// Ajv's strict mode checks how a schema is written; the scenario schema is another file's
// business (it fails strictTypes), so the validator is lenient and the lesson schema is
// checked strictly on its own, against a stand-in for the scenario schema, below.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(scenarioSchema, 'backprop-scenario-1.schema.json');
const validate = ajv.compile(lessonSchema);

const base = {
  format: 'backprop-lesson/1',
  title: 'Mazur',
  scenario: 'preset:mazur',
  steps: [
    {
      text: 'o₁ is {{a:node:2:0}}.',
      view: { pos: 9, sel: 'node:2:0', panel: 'math' },
      compare: [{ label: 'Mazur prints', value: 0.274811083, of: 'loss-term:0' }],
    },
  ],
};

describe('public/backprop-lesson-1.schema.json (checked with Ajv, JSON Schema 2020-12)', () => {
  test('every lesson the codec writes validates', () => {
    fc.assert(
      fc.property(lessons, (lesson) => {
        const doc = serializeLesson(lesson);
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test('every built-in lesson validates', () => {
    const dir = new URL('../../../src/lessons/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const doc: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  test('the lesson schema itself passes Ajv’s strict mode', () => {
    const strict = new Ajv2020({ strict: true, allErrors: true });
    strict.addSchema({ type: 'object' }, 'backprop-scenario-1.schema.json');
    expect(() => strict.compile(lessonSchema)).not.toThrow();
  });

  test('the spec’s own example validates', () => {
    expect(validate(base), JSON.stringify(validate.errors)).toBe(true);
  });

  const invalid: [string, unknown][] = [
    ['no steps', { ...base, steps: [] }],
    ['an unknown field', { ...base, author: 'me' }],
    ['a scenario string that is no preset', { ...base, scenario: 'mazur' }],
    ['a scenario that is no scenario', { ...base, scenario: { format: 'backprop-scenario/1' } }],
    ['an unknown control hidden', { ...base, hide: ['everything'] }],
    ['a control hidden twice', { ...base, hide: ['presets', 'presets'] }],
    ['a step without text', { ...base, steps: [{ title: 'x' }] }],
    ['a malformed selection', { ...base, steps: [{ text: 'x', view: { sel: 'node:1' } }] }],
    ['a position as a string', { ...base, steps: [{ text: 'x', view: { pos: '3' } }] }],
    ['the settings panel', { ...base, steps: [{ text: 'x', view: { panel: 'settings' } }] }],
    ['an unknown quantity', { ...base, steps: [{ text: 'x', ask: { of: 'delta:node:1:0' } }] }],
    ['the gradient of a node', { ...base, steps: [{ text: 'x', ask: { of: 'gradient:node:1:0' } }] }],
    ['0 digits', { ...base, steps: [{ text: 'x', ask: { of: 'loss', digits: 0 } }] }],
    ['a compare without a label', { ...base, steps: [{ text: 'x', compare: [{ value: 1, of: 'loss' }] }] }],
    [
      '21 comparisons',
      {
        ...base,
        steps: [{ text: 'x', compare: Array.from({ length: 21 }, () => ({ label: 'x', value: 1, of: 'loss' })) }],
      },
    ],
    ['201 steps', { ...base, steps: Array.from({ length: 201 }, () => ({ text: 'x' })) }],
    ['a title over 500 characters', { ...base, title: 'x'.repeat(501) }],
  ];
  for (const [name, doc] of invalid) {
    test(`rejects ${name}`, () => {
      expect(validate(doc)).toBe(false);
    });
  }
});
