import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { formatValue } from '../../src/core/format-number.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { checkAnswer, displayUnit, eventValue, isAnswerReadable } from '../../src/core/worksheet.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('displayUnit', () => {
  it.each([
    [0.2983711087600027, 1e-4],
    [0.5, 1e-4],
    [1234.4, 0.1], // shown as 1234.4: never as the integer it is not
    [-3.072087301103643e-6, 1e-9],
    [123456.7, 0.1],
    [0.999994, 1e-5], // shown as 0.99999
    [0, 0],
  ])('%s → %s', (x, unit) => expect(displayUnit(x)).toBeCloseTo(unit, 15));
});

describe('checkAnswer', () => {
  const truth = 0.2983711087600027; // shown as 0.2984

  it('accepts the displayed value and the full value', () => {
    expect(checkAnswer('0.2984', truth)).toBe(true);
    expect(checkAnswer('0.298371109', truth)).toBe(true);
    expect(checkAnswer(' .2984 ', truth)).toBe(true);
  });

  it('accepts anything within half a unit of the last displayed digit, and nothing further', () => {
    expect(checkAnswer('0.29833', truth)).toBe(true); // rounds to 0.2983 but is 0.000041 away
    expect(checkAnswer('0.29842', truth)).toBe(true);
    expect(checkAnswer('0.2983', truth)).toBe(false); // 0.000071 away: more than half of 0.0001
    expect(checkAnswer('0.2985', truth)).toBe(false);
    expect(checkAnswer('0.3', truth)).toBe(false);
  });

  it('counts trailing zeros the display drops as shown', () => {
    expect(checkAnswer('0.5', 0.5)).toBe(true);
    expect(checkAnswer('0.50004', 0.5)).toBe(true);
    expect(checkAnswer('0.5001', 0.5)).toBe(false);
    expect(checkAnswer('0.46', 0.5)).toBe(false);
  });

  it('reads negatives with either minus sign', () => {
    expect(checkAnswer('-0.08213', -0.08213)).toBe(true);
    expect(checkAnswer('-0.0821', -0.08213)).toBe(false); // shown as −0.08213: four significant digits
    expect(checkAnswer('−0.08213', -0.08213)).toBe(true);
    expect(checkAnswer('0.08213', -0.08213)).toBe(false);
  });

  it('reads exponents, and compares them at the displayed precision', () => {
    const small = -3.072087301103643e-6; // shown as −3.072×10⁻⁶
    expect(formatValue(small)).toBe('−3.072×10⁻⁶');
    expect(checkAnswer('−3.072×10⁻⁶', small)).toBe(true);
    expect(checkAnswer('-3.072e-6', small)).toBe(true);
    expect(checkAnswer('−3.072E−6', small)).toBe(true);
    expect(checkAnswer('-0.000003072', small)).toBe(true);
    expect(checkAnswer('-3.07e-6', small)).toBe(false);
    expect(checkAnswer('-3.072e-5', small)).toBe(false);
    expect(checkAnswer('123456.7', 123456.7)).toBe(true);
    expect(checkAnswer('123457', 123456.7)).toBe(false); // shown as 123456.7
  });

  it('checks to the precision the user chose, which never reads 0.999994 as 1', () => {
    expect(checkAnswer('1', 0.999994)).toBe(false);
    expect(checkAnswer('0.99999', 0.999994)).toBe(true);
    expect(checkAnswer('0.2984', 0.2983711087600027, 6)).toBe(false);
    expect(checkAnswer('0.298371', 0.2983711087600027, 6)).toBe(true);
    expect(checkAnswer('0.298371109', 0.2983711087600027, 9)).toBe(true);
    expect(checkAnswer('0.298371', 0.2983711087600027, 9)).toBe(false);
  });

  it('wants exactly zero for a zero', () => {
    expect(checkAnswer('0', 0)).toBe(true);
    expect(checkAnswer('-0', 0)).toBe(true);
    expect(checkAnswer('0.0001', 0)).toBe(false);
  });

  it('refuses text that is not a number', () => {
    expect(checkAnswer('', truth)).toBe(false);
    expect(checkAnswer('abc', truth)).toBe(false);
    expect(checkAnswer('0,2984', truth)).toBe(false);
    expect(checkAnswer('NaN', truth)).toBe(false);
  });

  it('wants the same non-finite value for NaN and infinite truths', () => {
    expect(checkAnswer('NaN', NaN)).toBe(true);
    expect(checkAnswer('nan', NaN)).toBe(true);
    expect(checkAnswer('0', NaN)).toBe(false);
    expect(checkAnswer('∞', Infinity)).toBe(true);
    expect(checkAnswer('inf', Infinity)).toBe(true);
    expect(checkAnswer('-inf', Infinity)).toBe(false);
    expect(checkAnswer('−∞', -Infinity)).toBe(true);
    expect(checkAnswer('-Infinity', -Infinity)).toBe(true);
    expect(checkAnswer('1e308', Infinity)).toBe(false);
  });

  it('honours the number of digits', () => {
    expect(checkAnswer('0.3', truth, 1)).toBe(true);
    expect(checkAnswer('0.2984', truth, 6)).toBe(false);
    expect(checkAnswer('0.298371', truth, 6)).toBe(true);
  });
});

describe('isAnswerReadable', () => {
  it.each([
    ['1', true],
    ['−2e3', true],
    ['NaN', true],
    ['-∞', true],
    ['', false],
    ['abc', false],
  ])('%j → %s', (text, ok) => {
    expect(isAnswerReadable(text)).toBe(ok);
  });
});

describe('eventValue', () => {
  const scenario = loadPreset('mazur');
  if (scenario === null) throw new Error('no mazur preset');
  const compiled = compileScenario(scenario);
  const { model } = compiled;
  const plan = buildStepPlan(model, compiled.trainable);
  const it0 = runIteration(compiled);

  it("gives Mazur's numbers for the events of his post", () => {
    const value = (k: number) => eventValue(model, it0, plan.events[k], 0);
    expect(plan.events[0]).toEqual({ kind: 'z', l: 1, j: 0 });
    expect(value(0)).toBeCloseTo(0.3775, 12); // net h1
    expect(value(1)).toBeCloseTo(0.593269992, 9); // out h1
    expect(value(plan.lossAt)).toBeCloseTo(0.298371109, 9);
    const w5 = plan.weightUpdateAt[model.weightOffset[1]];
    expect(value(w5)).toBeCloseTo(0.35891648, 8);
    const w1 = plan.weightUpdateAt[model.weightOffset[0]];
    expect(value(w1)).toBeCloseTo(0.149780716, 9);
  });

  it('has a finite value for every event, which checkAnswer accepts in its displayed form', () => {
    for (const e of plan.events) {
      const v = eventValue(model, it0, e, 0);
      expect(Number.isFinite(v)).toBe(true);
      expect(checkAnswer(formatValue(v), v)).toBe(true);
    }
  });
});
