import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/core/codec/parse-lesson.ts';
import { serializeLesson } from '../../src/core/codec/serialize-lesson.ts';
import type { Lesson } from '../../src/core/lesson.ts';
import { lessonQuantityContext, resolveQuantity } from '../../src/core/lesson-quantity.ts';
import { lessonStepStates } from '../../src/core/lesson-walk.ts';
import { quantityRefKey } from '../../src/core/quantity-ref.ts';
import { BUILT_IN_LESSONS, loadLesson } from '../../src/lessons/index.ts';
import { PRESET_CATALOG } from '../../src/presets/index.ts';
import { ORACLES } from '../helpers/lesson-oracle.ts';

function lessonOf(id: string): Lesson {
  const lesson = loadLesson(id);
  if (lesson === null) throw new Error(`no lesson ${id}`);
  return lesson;
}

describe('built-in lessons', () => {
  it('one per tutorial: seeds 000 to 004 and Mazur', () => {
    expect(BUILT_IN_LESSONS.map((l) => l.id)).toEqual([
      'walkthrough',
      'little-network',
      'numpy-341',
      'by-hand-mlp',
      'tanh-221',
      'mazur',
    ]);
    expect(Object.keys(ORACLES).sort()).toEqual(BUILT_IN_LESSONS.map((l) => l.id).sort());
  });

  for (const { id, document } of BUILT_IN_LESSONS) {
    describe(id, () => {
      it('is a valid backprop-lesson/1 document, written in canonical form', () => {
        const result = parseLesson(document, PRESET_CATALOG);
        expect(result.ok ? [] : result.errors).toEqual([]);
        if (result.ok) expect(serializeLesson(result.value)).toEqual(document);
      });

      it('has an ask where the student predicts, and compares with the printed numbers', () => {
        const lesson = lessonOf(id);
        expect(lesson.steps.some((s) => s.ask !== undefined)).toBe(true);
        expect(lesson.steps.some((s) => (s.compare ?? []).length > 0)).toBe(true);
      });

      it('at every compare, the app’s value equals the oracle’s', () => {
        const lesson = lessonOf(id);
        const states = lessonStepStates(lesson);
        let stretch = 0;
        let checked = 0;
        lesson.steps.forEach((step, k) => {
          if (k > 0 && step.scenario !== undefined) stretch++;
          const lookup = ORACLES[id][stretch];
          if (lookup === undefined) throw new Error(`${id}: no oracle for step scenario ${stretch}`);
          const ctx = lessonQuantityContext(states[k].scenario, states[k].view.sample);
          for (const c of step.compare ?? []) {
            const where = `${id} steps[${k}] ${quantityRefKey(c.of)} (${c.label})`;
            const oracle = lookup(c.of, ctx.sample);
            expect(oracle, `${where}: the oracle has no value`).toBeDefined();
            if (oracle === undefined) continue;
            const app = resolveQuantity(ctx, c.of);
            const bound = Math.max(oracle.tol.abs ?? 0, (oracle.tol.rel ?? 0) * Math.abs(oracle.value));
            expect(Math.abs(app - oracle.value), `${where}: app ${app}, oracle ${oracle.value}`).toBeLessThanOrEqual(
              bound,
            );
            checked++;
          }
          if (step.ask !== undefined)
            expect(Number.isFinite(resolveQuantity(ctx, step.ask.of)), `${id} steps[${k}].ask`).toBe(true);
        });
        expect(checked).toBeGreaterThan(0);
      });
    });
  }
});
