import fc from 'fast-check';
import { compileScenario } from '../../src/core/compile.ts';
import {
  LESSON_HIDE_NAMES,
  LESSON_PANELS,
  type Lesson,
  type LessonStep,
  type LessonView,
} from '../../src/core/lesson.ts';
import { quantityRefKey, type QuantityRef } from '../../src/core/quantity-ref.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import type { Selection } from '../../src/core/selection.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { loadPreset, PRESET_IDS } from '../../src/presets/index.ts';

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
        if (sel.kind === 'edge' || sel.kind === 'bias')
          refs.push({ kind: 'value', sel }, { kind: 'after', sel }, { kind: 'gradient', sel });
      }
    }
  }
  for (let k = 0; k < model.sizes[model.depth]; k++)
    refs.push({ kind: 'loss-term', index: k }, { kind: 'y', index: k });
  for (let i = 0; i < model.sizes[0]; i++) refs.push({ kind: 'x', index: i });
  return {
    selections,
    refs,
    events: buildStepPlan(model, trainable).events.length,
    samples: Math.min(batchSize, data.count),
  };
}

/** Text in the lesson syntax with no problem in it: plain characters with `$` escaped and no `{`, then a reference and some math. */
const plain = fc
  .string({ unit: 'binary', maxLength: 40 })
  .map((s) => s.replace(/\\/g, '/').replace(/\$/g, '\\$').replace(/[{}]/g, '('));

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
  const text = fc
    .tuple(plain, ref, plain)
    .map(([a, r, b]) => `${a} {{${quantityRefKey(r)}}}\n\n**${b.trim() || 'b'}** $x^2$ ${a}`);
  const step: fc.Arbitrary<LessonStep> = fc.record(
    {
      title: fc.string({ maxLength: 30 }),
      text,
      view,
      ask: fc.record({ of: ref, digits: fc.integer({ min: 1, max: 17 }) }),
      compare: fc.array(
        fc.record({
          label: fc.string({ maxLength: 20 }),
          value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
          of: ref,
        }),
        { maxLength: 3 },
      ),
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

/** Valid lessons over every preset (named as presets) and over two whole scenarios. */
export const lessons = fc.oneof(
  ...PRESET_IDS.map((id) => lessonOver(preset(id), id)),
  lessonOver(preset('by-hand-mlp'), null),
  lessonOver(preset('numpy-341'), null),
);
