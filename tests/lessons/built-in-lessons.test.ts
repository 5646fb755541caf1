import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/core/codec/parse-lesson.ts';
import { serializeLesson } from '../../src/core/codec/serialize-lesson.ts';
import type { Lesson } from '../../src/core/lesson.ts';
import { lessonQuantityContext, resolveQuantity } from '../../src/core/lesson-quantity.ts';
import { lessonStepStates } from '../../src/core/lesson-walk.ts';
import { quantityRefKey } from '../../src/core/quantity-ref.ts';
import { BUILT_IN_LESSONS, loadLesson } from '../../src/lessons/index.ts';
import { PRESET_CATALOG, loadPreset } from '../../src/presets/index.ts';
import type { QuantityRef } from '../../src/core/quantity-ref.ts';
import { loadOracleCases } from '../helpers/oracle-case.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { buildStepPlan, isKnown, selectionEventIndex } from '../../src/core/step-plan.ts';
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

      it('each compare row of a step says which number it is (no two labels alike)', () => {
        for (const [k, step] of lessonOf(id).steps.entries()) {
          const labels = (step.compare ?? []).map((c) => c.label);
          expect(new Set(labels).size, `${id} steps[${k}]: ${labels.join(' | ')}`).toBe(labels.length);
        }
      });

      it('its texts use the lesson text syntax only: no `code` spans, which would show as backticks', () => {
        for (const [k, step] of lessonOf(id).steps.entries())
          expect(step.text.includes('`'), `${id} steps[${k}]: ${step.text.slice(0, 80)}`).toBe(false);
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

describe('mazur: the two path terms of ∂E/∂out_h1', () => {
  const published = (
    loadOracleCases().find((c) => c.file === 'mazur_222_fixed_bias.json')?.oracle as unknown as {
      tutorial_published: { values: { quantity: string; published: number; exact: number }[] };
    }
  ).tutorial_published.values;
  const exact = (quantity: string): number => {
    const v = published.find((p) => p.quantity === quantity);
    if (v === undefined) throw new Error(`oracle has no ${quantity}`);
    return v.exact;
  };

  it('each term is a compare of dLda:node:1:0 in a step that isolates its path, equal to the oracle to 1e-12 relative', () => {
    const lesson = lessonOf('mazur');
    const states = lessonStepStates(lesson);
    const found: Record<string, number> = {};
    lesson.steps.forEach((step, k) => {
      for (const c of step.compare ?? []) {
        if (quantityRefKey(c.of) !== 'dLda:node:1:0') continue;
        const ctx = lessonQuantityContext(states[k].scenario, states[k].view.sample);
        found[String(c.value)] = resolveQuantity(ctx, c.of);
      }
    });
    for (const [printed, quantity] of [
      ['0.055399425', 'dE_o1/dout_h1'],
      ['-0.019049119', 'dE_o2/dout_h1'],
    ] as const) {
      const app = found[printed];
      expect(app, `no compare prints ${printed}`).toBeDefined();
      expect(Math.abs(app - exact(quantity))).toBeLessThanOrEqual(1e-12 * Math.abs(exact(quantity)));
    }
  });

  it('the path steps change only a target: every forward value stays Mazur’s, and the next step restores his scenario', () => {
    const lesson = lessonOf('mazur');
    const states = lessonStepStates(lesson);
    const mazur = loadPreset('mazur');
    if (mazur === null) throw new Error('no preset mazur');
    const base = lessonQuantityContext(mazur, 0);
    const pathSteps = lesson.steps.flatMap((s, k) =>
      s.scenario !== undefined && (s.compare ?? []).some((c) => quantityRefKey(c.of) === 'dLda:node:1:0') ? [k] : [],
    );
    expect(pathSteps.length).toBe(2);
    for (const k of pathSteps) {
      const ctx = lessonQuantityContext(states[k].scenario, 0);
      for (const l of [1, 2])
        for (const j of [0, 1])
          for (const kind of ['z', 'a'] as const) {
            const q = { kind, sel: { kind: 'node', l, j } } as QuantityRef;
            expect(resolveQuantity(ctx, q)).toBe(resolveQuantity(base, q));
          }
      expect({ ...states[k].scenario, data: undefined, title: undefined, description: undefined }).toEqual({
        ...mazur,
        data: undefined,
        title: undefined,
        description: undefined,
      });
    }
    const after = Math.max(...pathSteps) + 1;
    expect(lesson.steps[after].scenario).toBeDefined();
    expect(states[after].scenario).toEqual(mazur);
  });
});

describe('by-hand-mlp: seed 003’s steps 5 and 8 (∂L/∂a as vectors), merged by the app with δ', () => {
  it('at the lesson’s "Step 5" and "Step 8" no δ of that layer is on the diagram yet, and the next step asks for one before any step shows it', () => {
    const lesson = lessonOf('by-hand-mlp');
    const states = lessonStepStates(lesson);
    const compiled = compileScenario(states[0].scenario);
    const plan = buildStepPlan(compiled.model, compiled.trainable);
    const deltaKnown = (l: number, pos: number) =>
      Array.from({ length: compiled.model.sizes[l] }, (_, j) =>
        isKnown(selectionEventIndex(plan, compiled.model, { kind: 'node', l, j }), pos),
      );
    for (const [title, l] of [
      ['Step 5: ∂L/∂a₂', 2],
      ['Step 8: ∂L/∂a₁', 1],
    ] as const) {
      const k = lesson.steps.findIndex((s) => s.title === title);
      expect(k, title).toBeGreaterThanOrEqual(0);
      expect(deltaKnown(l, states[k].view.pos), `${title}: δ of layer ${l}`).not.toContain(true);
      const ask = lesson.steps[k + 1].ask;
      expect(ask, `${title}: the next step asks`).toBeDefined();
      expect(ask!.of).toMatchObject({ kind: 'dLdz', sel: { kind: 'node', l } });
      expect(deltaKnown(l, states[k + 1].view.pos)).not.toContain(true);
    }
  });
});
