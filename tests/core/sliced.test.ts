import { describe, expect, it } from 'vitest';
import { compileScenario, compileSliced } from '../../src/core/compile.ts';
import { runIteration, iterationSliced } from '../../src/core/iteration.ts';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { finish, type Sliced } from '../../src/core/sliced.ts';
import { buildStepPlan, stepPlanSliced } from '../../src/core/step-plan.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { denseDoc } from '../../bench/app-networks.ts';

/** Drives a sliced computation, collecting what each pause reports. */
function drive<T>(g: Sliced<T>): { value: T; fractions: number[] } {
  const fractions: number[] = [];
  for (;;) {
    const r = g.next();
    if (r.done) return { value: r.value, fractions };
    fractions.push(r.value);
  }
}

function big() {
  const r = parseScenario(denseDoc([8, 300, 300, 200, 1], 3));
  if (!r.ok) throw new Error('invalid');
  return r.value;
}

describe('computations in slices (to open a large network without a long task)', () => {
  it('compiles to the same model, parameters, masks and data as in one go, pausing between the parts', () => {
    const s = big();
    const { value, fractions } = drive(compileSliced(s));
    const whole = compileScenario(s);
    expect(value.params.w).toEqual(whole.params.w);
    expect(value.params.b).toEqual(whole.params.b);
    expect(value.trainable.w).toEqual(whole.trainable.w);
    expect(value.data.x).toEqual(whole.data.x);
    expect(value.model.sizes).toEqual(whole.model.sizes);
    expect(value.batchSize).toBe(whole.batchSize);
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    for (const f of fractions) expect(f >= 0 && f <= 1).toBe(true);
  });

  it('builds the step plan of a network of 152,000 weights in several slices, event for event the same', () => {
    const c = compileScenario(big());
    const { value, fractions } = drive(stepPlanSliced(c.model, c.trainable));
    const whole = buildStepPlan(c.model, c.trainable);
    expect(value.events.length).toBe(whole.events.length);
    for (const k of [0, 1, 600, value.phaseStart.backward, 100_000, value.events.length - 1])
      expect(value.events[k]).toEqual(whole.events[k]);
    expect(value.weightGradAt).toEqual(whole.weightGradAt);
    expect(value.weightUpdateAt).toEqual(whole.weightUpdateAt);
    expect(value.deltaAt).toEqual(whole.deltaAt);
    expect(fractions.length).toBeGreaterThanOrEqual(4);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
  });

  it('runs an iteration in slices (forward, backward, update) to the same numbers', () => {
    const c = compileScenario(loadPreset('numpy-341')!);
    const { value, fractions } = drive(iterationSliced(c));
    const whole = runIteration(c);
    expect(value.pass.a).toEqual(whole.pass.a);
    expect(value.pass.dLdw).toEqual(whole.pass.dLdw);
    expect(value.after.w).toEqual(whole.after.w);
    expect(value.lossAfter).toBe(whole.lossAfter);
    expect(fractions.length).toBeGreaterThanOrEqual(2);
  });

  it('finish runs a sliced computation to its end', () => {
    function* three(): Sliced<string> {
      yield 0.25;
      yield 0.5;
      return 'done';
    }
    expect(finish(three())).toBe('done');
  });
});
