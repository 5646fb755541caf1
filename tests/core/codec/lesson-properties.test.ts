import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLesson, parseLessonJson } from '../../../src/core/codec/parse-lesson.ts';
import { lessonToJson, serializeLesson } from '../../../src/core/codec/serialize-lesson.ts';
import { compileScenario } from '../../../src/core/compile.ts';
import { LESSON_HIDE_NAMES, LESSON_PANELS, type Lesson, type LessonStep, type LessonView } from '../../../src/core/lesson.ts';
import { quantityRefKey, type QuantityRef } from '../../../src/core/quantity-ref.ts';
import type { Scenario } from '../../../src/core/scenario.ts';
import type { Selection } from '../../../src/core/selection.ts';
import { buildStepPlan } from '../../../src/core/step-plan.ts';
import { loadPreset, PRESET_CATALOG, PRESET_IDS } from '../../../src/presets/index.ts';

function preset(id: string): Scenario {
  const s = loadPreset(id);
  if (s === null) throw new Error(`no preset ${id}`);
  return s;
}

/** Everything a lesson over `scenario` can name: its selections, its quantity references, the positions of its iteration. */
function namesOf(scenario: Scenario) {
  const { model, trainable, data, batchSize } = compileScenario(scenario);
  const selections: Selection[] = [{ kind: 'loss' }];
  const refs: QuantityRef[] = [{ kind: 'loss' }, { kind: 'after', sel: { kind: 'loss' } }];
  for (let l = 0; l <= model.depth; l++) {
    for (let j = 0; j < model.sizes[l]; j++) {
      const node = { kind: 'node' as const, l, j };
      selections.push(node);
      refs.push({ kind: 'a', sel: node }, { kind: 'dLda', sel: node });
      if (l > 0) refs.push({ kind: 'z', sel: node }, { kind: 'dLdz', sel: node });
    }
  }
  for (let l = 0; l < model.depth; l++) {
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      const params: Selection[] = [];
      for (let i = 0; i < model.sizes[l]; i++) params.push({ kind: 'edge', l, j, i });
      if (model.hasBias[l]) params.push({ kind: 'bias', l, j });
      for (const sel of params) {
        selections.push(sel);
        if (sel.kind === 'edge' || sel.kind === 'bias') refs.push({ kind: 'value', sel }, { kind: 'after', sel }, { kind: 'gradient', sel });
      }
    }
  }
  for (let k = 0; k < model.sizes[model.depth]; k++) refs.push({ kind: 'loss-term', index: k }, { kind: 'y', index: k });
  for (let i = 0; i < model.sizes[0]; i++) refs.push({ kind: 'x', index: i });
  return { selections, refs, events: buildStepPlan(model, trainable).events.length, samples: Math.min(batchSize, data.count) };
}

/** Text in the lesson syntax with no problem in it: plain characters with `$` escaped and no `{`, then a reference and some math. */
const plain = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/\\/g, '/').replace(/\$/g, '\\$').replace(/[{}]/g, '('));

function lessonOver(scenario: Scenario, presetId: string | null): fc.Arbitrary<Lesson> {
  const names = namesOf(scenario);
  const ref = fc.constantFrom(...names.refs);
  const view: fc.Arbitrary<LessonView> = fc.record(
    {
      pos: fc.integer({ min: 0, max: names.events }),
      sample: fc.integer({ min: 0, max: names.samples - 1 }),
      sel: fc.option(fc.constantFrom(...names.selections), { nil: null }),
      panel: fc.constantFrom(...LESSON_PANELS),
      z: fc.boolean(),
      follow: fc.boolean(),
      worksheet: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const text = fc.tuple(plain, ref, plain).map(([a, r, b]) => `${a} {{${quantityRefKey(r)}}}\n\n**${b.trim() || 'b'}** $x^2$ ${a}`);
  const step: fc.Arbitrary<LessonStep> = fc.record(
    {
      title: fc.string({ maxLength: 30 }),
      text,
      view,
      ask: fc.record({ of: ref, digits: fc.integer({ min: 1, max: 17 }) }),
      compare: fc.array(fc.record({ label: fc.string({ maxLength: 20 }), value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0), of: ref }), { maxLength: 3 }),
    },
    { requiredKeys: ['text'] },
  );
  return fc.record(
    {
      format: fc.constant('backprop-lesson/1' as const),
      title: fc.string({ maxLength: 40 }),
      description: fc.string({ maxLength: 40 }),
      scenario: fc.constant({ presetId, scenario }),
      hide: fc.subarray([...LESSON_HIDE_NAMES]),
      steps: fc.array(step, { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: ['format', 'title', 'scenario', 'steps'] },
  );
}

const lessons = fc.oneof(
  ...PRESET_IDS.map((id) => lessonOver(preset(id), id)),
  lessonOver(preset('by-hand-mlp'), null),
  lessonOver(preset('numpy-341'), null),
);

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
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, withNullPrototype: true }), (value) => {
        expect(() => parseLesson(value, PRESET_CATALOG)).not.toThrow();
      }),
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
      fc.property(lessons, fc.constantFrom(...paths), fc.jsonValue(), fc.nat(3), fc.constantFrom('text', 'view', 'ask', 'compare', 'scenario', 'title'), (lesson, key, junk, k, stepKey) => {
        const doc = JSON.parse(lessonToJson(lesson)) as Record<string, unknown>;
        if (k % 2 === 0) doc[key] = junk;
        else {
          const steps = doc.steps as Record<string, unknown>[];
          steps[k % steps.length][stepKey] = junk;
        }
        const result = parseLesson(doc, PRESET_CATALOG);
        if (result.ok) expect(parseLesson(serializeLesson(result.value), PRESET_CATALOG)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});
