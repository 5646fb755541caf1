import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/core/codec/parse-lesson.ts';
import { serializeScenario } from '../../src/core/codec/serialize-scenario.ts';
import { lessonStepStates } from '../../src/core/lesson-walk.ts';
import { loadPreset, PRESET_CATALOG } from '../../src/presets/index.ts';

describe('lessonStepStates', () => {
  it('carries each view field forward until a step sets it, and a step scenario from its step on', () => {
    const numpy = loadPreset('numpy-341');
    if (numpy === null) throw new Error('no numpy-341 preset');
    const result = parseLesson(
      {
        format: 'backprop-lesson/1',
        title: 't',
        scenario: 'preset:mazur',
        steps: [
          { text: 'a', view: { pos: 3, sel: 'node:1:0', panel: 'math' } },
          { text: 'b', view: { sample: 0, z: true } },
          { text: 'c', scenario: serializeScenario(numpy), view: { sample: 3, sel: 'none' } },
          { text: 'd' },
        ],
      },
      PRESET_CATALOG,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const states = lessonStepStates(result.value);
    expect(states.map((s) => s.view)).toEqual([
      { pos: 3, sample: 0, sel: { kind: 'node', l: 1, j: 0 }, panel: 'math' },
      { pos: 3, sample: 0, sel: { kind: 'node', l: 1, j: 0 }, panel: 'math', z: true },
      { pos: 3, sample: 3, sel: null, panel: 'math', z: true },
      { pos: 3, sample: 3, sel: null, panel: 'math', z: true },
    ]);
    expect(states.map((s) => s.scenario.title)).toEqual([
      loadPreset('mazur')?.title,
      loadPreset('mazur')?.title,
      numpy.title,
      numpy.title,
    ]);
  });
});
