import { describe, expect, it } from 'vitest';
import { describeGrade, eventName } from '../../src/view/describe-grade.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('describeGrade: what a by-hand marker says of predictions graded in order', () => {
  const mazur = loadPreset('mazur')!;
  const events = [
    { kind: 'z', l: 1, j: 0 },
    { kind: 'a', l: 1, j: 0 },
    { kind: 'z', l: 1, j: 1 },
    { kind: 'delta', l: 1, j: 1 },
  ] as const;

  it('names each event shortly', () => {
    expect(events.map((e) => eventName(mazur, e))).toEqual(['z of h₁', 'a of h₁', 'z of h₂', 'δ of h₂']);
    expect(eventName(mazur, { kind: 'loss' })).toBe('the loss L');
    expect(eventName(mazur, { kind: 'weight-grad', l: 1, j: 0, i: 0 })).toBe('∂L/∂w₅');
  });

  it('points out the first wrong value: everything before it is right', () => {
    expect(describeGrade(mazur, events, { kind: 'stop', index: 3, reason: 'wrong' })).toBe(
      'Everything before δ of h₂ is right (3 values); check δ of h₂.',
    );
    expect(describeGrade(mazur, events, { kind: 'stop', index: 1, reason: 'wrong' })).toBe(
      'Everything before a of h₁ is right (1 value); check a of h₁.',
    );
    expect(describeGrade(mazur, events, { kind: 'stop', index: 0, reason: 'wrong' })).toBe(
      'The first value, z of h₁, is not right yet; check it.',
    );
  });

  it('says where a blank or unreadable value stopped the marking', () => {
    expect(describeGrade(mazur, events, { kind: 'stop', index: 2, reason: 'blank' })).toBe(
      'Everything before z of h₂ is right (2 values); z of h₂ is still blank.',
    );
    expect(describeGrade(mazur, events, { kind: 'stop', index: 0, reason: 'unreadable' })).toBe(
      'z of h₁ does not read as a number (type one like 0.5933, −1.2e−3 or NaN).',
    );
  });

  it('all right', () => {
    expect(describeGrade(mazur, events, { kind: 'all-right', count: 4 })).toBe('All 4 right, z of h₁ to δ of h₂.');
  });
});
