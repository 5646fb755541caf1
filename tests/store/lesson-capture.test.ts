import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/core/codec/parse-lesson.ts';
import {
  addStep,
  draftDocument,
  newDraft,
  scenarioInForce,
  updateLesson,
  updateStep,
} from '../../src/core/lesson-draft.ts';
import { loadPreset, PRESET_CATALOG } from '../../src/presets/index.ts';
import { initialInputs } from '../../src/store/create-app-store.ts';
import { captureStep, lessonScenarioOf } from '../../src/store/lesson-capture.ts';

function mazur() {
  const s = loadPreset('mazur');
  if (s === null) throw new Error('no mazur preset');
  return s;
}

describe('capturing what the app shows', () => {
  it('a preset as loaded is written "preset:ID"; edited, it is written out in full', () => {
    expect(lessonScenarioOf(initialInputs(mazur(), 'mazur'))).toBe('preset:mazur');
    const edited = { ...mazur(), title: 'edited' };
    const written = lessonScenarioOf(initialInputs(edited, 'mazur'));
    expect(typeof written).toBe('object');
    expect((written as { title: string }).title).toBe('edited');
  });

  it('a step brings the scenario shown only when it is not the one in force', () => {
    const shown = { ...initialInputs(mazur(), 'mazur'), position: 4, selection: { kind: 'loss' as const } };
    let d = updateLesson(newDraft('preset:mazur'), { title: 'T' });
    const first = captureStep(shown, scenarioInForce(d, -1));
    expect(first.scenario).toBeUndefined();
    expect(first.view).toMatchObject({ pos: 4, sel: 'loss', panel: 'math' });
    d = addStep(d, first.view, first.scenario).draft;
    // the scenario changed half-way: the next step brings the scenario
    const changed = { ...shown, scenario: { ...mazur(), title: 'half-way' } };
    const second = captureStep(changed, scenarioInForce(d, 0));
    expect(second.scenario).toBeDefined();
    d = addStep(d, second.view, second.scenario).draft;
    d = updateStep(updateStep(d, 0, { text: 'one' }), 1, { text: 'two' });
    const read = parseLesson(draftDocument(d), PRESET_CATALOG);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.steps[0].scenario).toBeUndefined();
    expect(read.value.steps[1].scenario?.title).toBe('half-way');
    // and the step after it, shown on that same scenario, brings none
    expect(captureStep(changed, scenarioInForce(d, 1)).scenario).toBeUndefined();
  });
});
