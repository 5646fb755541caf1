import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLesson, parseLessonJson } from '../../../src/core/codec/parse-lesson.ts';
import { lessonToJson, serializeLesson } from '../../../src/core/codec/serialize-lesson.ts';
import { lessons } from '../../helpers/lesson-arbitrary.ts';
import { PRESET_CATALOG } from '../../../src/presets/index.ts';

describe('lesson codec properties', () => {
  test('parse(serialize(lesson)) equals the lesson', () => {
    fc.assert(
      fc.property(lessons, (lesson) => {
        const result = parseLesson(serializeLesson(lesson), PRESET_CATALOG);
        expect(result.ok ? [] : result.errors).toEqual([]);
        if (result.ok) expect(result.value).toEqual(lesson);
      }),
      { numRuns: 200 },
    );
  });

  test('the JSON text round-trips too', () => {
    fc.assert(
      fc.property(lessons, (lesson) => {
        const result = parseLessonJson(lessonToJson(lesson), PRESET_CATALOG);
        expect(result.ok && result.value).toEqual(lesson);
      }),
      { numRuns: 50 },
    );
  });

  test('junk never throws: any JSON value gives a lesson or errors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseLesson(value, PRESET_CATALOG);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  test('junk never throws: any value at all, including ones JSON cannot write', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
          withBoxedValues: true,
          withNullPrototype: true,
        }),
        (value) => {
          expect(() => parseLesson(value, PRESET_CATALOG)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  test('junk never throws: any string as JSON text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(parseLessonJson(text, PRESET_CATALOG).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('a valid lesson with one field replaced by junk never throws, and what it gives back writes back the same', () => {
    const paths = ['title', 'scenario', 'hide', 'steps', 'description', 'format'];
    fc.assert(
      fc.property(
        lessons,
        fc.constantFrom(...paths),
        fc.jsonValue(),
        fc.nat(3),
        fc.constantFrom('text', 'view', 'ask', 'compare', 'scenario', 'title'),
        (lesson, key, junk, k, stepKey) => {
          const doc = JSON.parse(lessonToJson(lesson)) as Record<string, unknown>;
          if (k % 2 === 0) doc[key] = junk;
          else {
            const steps = doc.steps as Record<string, unknown>[];
            steps[k % steps.length][stepKey] = junk;
          }
          const result = parseLesson(doc, PRESET_CATALOG);
          if (result.ok) expect(parseLesson(serializeLesson(result.value), PRESET_CATALOG)).toEqual(result);
        },
      ),
      { numRuns: 300 },
    );
  });
});
