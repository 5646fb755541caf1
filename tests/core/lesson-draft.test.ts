import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/core/codec/parse-lesson.ts';
import { serializeLesson } from '../../src/core/codec/serialize-lesson.ts';
import { serializeScenario } from '../../src/core/codec/serialize-scenario.ts';
import {
  addStep,
  captureView,
  deleteStep,
  draftDocument,
  draftFromDocument,
  moveStep,
  newDraft,
  scenarioInForce,
  updateLesson,
  updateStep,
  type LessonDraft,
} from '../../src/core/lesson-draft.ts';
import { loadPreset, PRESET_CATALOG } from '../../src/presets/index.ts';

/** Mazur's 2-2-2 network: a three-step lesson written the way the editor writes it. */
function threeSteps(): LessonDraft {
  let d = updateLesson(newDraft('preset:mazur'), { title: 'Mazur by hand' });
  const view = (pos: number, sel: string, panel?: string) =>
    captureView({
      position: pos,
      sample: 0,
      selection: sel === 'none' ? null : (JSON.parse(JSON.stringify(parseSel(sel))) as never),
      sideTab: panel ?? 'data',
      showZ: false,
      followStep: true,
      worksheet: false,
    });
  d = addStep(d, view(0, 'none', 'math')).draft;
  d = updateStep(d, 0, { title: 'The forward pass', text: 'The output o₁ is {{a:node:2:0}}.' });
  d = addStep(d, view(12, 'edge:1:0:0')).draft;
  d = updateStep(d, 1, { text: 'Your turn.', ask: { of: 'gradient:edge:1:0:0', digits: '4' } });
  d = addStep(d, view(9, 'loss', 'math')).draft;
  d = updateStep(d, 2, {
    title: 'E_o1',
    text: 'Compare.',
    compare: [{ label: 'Mazur prints', value: '0.274811083', of: 'loss-term:0' }],
  });
  return d;
}

function parseSel(key: string) {
  const [kind, ...n] = key.split(':');
  const v = n.map(Number);
  if (kind === 'edge') return { kind, l: v[0], j: v[1], i: v[2] };
  if (kind === 'node') return { kind, l: v[0], j: v[1] };
  return { kind };
}

describe('captureView', () => {
  it('writes what is shown with the share link names; a panel that is no lesson panel is left out', () => {
    expect(
      captureView({
        position: 7,
        sample: 1,
        selection: { kind: 'edge', l: 1, j: 0, i: 1 },
        sideTab: 'data',
        showZ: true,
        followStep: false,
        worksheet: false,
      }),
    ).toEqual({ pos: 7, sample: 1, sel: 'edge:1:0:1', z: true, follow: false, worksheet: false });
    expect(
      captureView({
        position: 0,
        sample: 0,
        selection: null,
        sideTab: 'landscape',
        showZ: false,
        followStep: true,
        worksheet: true,
      }),
    ).toEqual({ pos: 0, sample: 0, sel: 'none', panel: 'landscape', z: false, follow: true, worksheet: true });
  });
});

describe('a draft makes a lesson document', () => {
  it('three steps, an ask and a compare: a valid lesson that round-trips through the codec', () => {
    const doc = draftDocument(threeSteps());
    const read = parseLesson(doc, PRESET_CATALOG);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.steps).toHaveLength(3);
    expect(read.value.steps[1].ask).toEqual({
      of: { kind: 'gradient', sel: { kind: 'edge', l: 1, j: 0, i: 0 } },
      digits: 4,
    });
    expect(read.value.steps[2].compare?.[0].value).toBe(0.274811083);
    // the codec writes back exactly what the draft made
    expect(serializeLesson(read.value)).toEqual(doc);
    // and a lesson read into the editor gives the same document again
    expect(draftDocument(draftFromDocument(serializeLesson(read.value)))).toEqual(doc);
  });

  it('an empty title and no step: rejected by the codec with the paths named', () => {
    const read = parseLesson(draftDocument(newDraft('preset:mazur')), PRESET_CATALOG);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.path)).toContain('steps');
  });

  it('an ask without digits and a compare whose number is not one: each error names its step', () => {
    let d = threeSteps();
    d = updateStep(d, 1, { ask: { of: 'gradient:edge:1:0:0', digits: '' } });
    d = updateStep(d, 2, { compare: [{ label: 'Mazur prints', value: '0.27x', of: 'loss-term:0' }] });
    const read = parseLesson(draftDocument(d), PRESET_CATALOG);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.path).sort()).toEqual(['steps[1].ask.digits', 'steps[2].compare[0].value']);
    // what was typed stays in the draft
    expect(draftFromDocument(draftDocument(d)).steps[2].compare[0].value).toBe('0.27x');
    expect(draftFromDocument(draftDocument(d)).steps[1].ask?.digits).toBe('');
  });

  it('a quantity the network does not have is named by its path', () => {
    const d = updateStep(threeSteps(), 1, { ask: { of: 'gradient:edge:1:0:5', digits: '4' } });
    const read = parseLesson(draftDocument(d), PRESET_CATALOG);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0].path).toBe('steps[1].ask.of');
  });

  it('a typed − sign and spaces around a number are read as the number', () => {
    const d = updateStep(threeSteps(), 2, { compare: [{ label: 'p', value: ' −0.019049119 ', of: 'loss-term:0' }] });
    const doc = draftDocument(d) as { steps: { compare?: { value: unknown }[] }[] };
    expect(doc.steps[2].compare?.[0].value).toBe(-0.019049119);
  });
});

describe('editing the steps', () => {
  it('adds a step after the one given, with a fresh id', () => {
    const d = threeSteps();
    const { draft, index } = addStep(d, { pos: 3 }, undefined, 0);
    expect(index).toBe(1);
    expect(draft.steps.map((s) => s.id)).toEqual([1, 4, 2, 3]);
    expect(draft.steps[1].view).toEqual({ pos: 3 });
  });

  it('moves a step up and down; past either end nothing changes', () => {
    const d = threeSteps();
    expect(moveStep(d, 2, -1).steps.map((s) => s.id)).toEqual([1, 3, 2]);
    expect(moveStep(d, 0, 1).steps.map((s) => s.id)).toEqual([2, 1, 3]);
    expect(moveStep(d, 0, -1)).toBe(d);
    expect(moveStep(d, 2, 1)).toBe(d);
    // the moved lesson is still valid, its ask now at steps[0]
    const read = parseLesson(draftDocument(moveStep(d, 1, -1)), PRESET_CATALOG);
    expect(read.ok && read.value.steps[0].ask !== undefined).toBe(true);
  });

  it('deletes a step', () => {
    const d = deleteStep(threeSteps(), 1);
    expect(d.steps.map((s) => s.title)).toEqual(['The forward pass', 'E_o1']);
    expect(deleteStep(d, 5)).toBe(d);
  });

  it('removes an ask with null', () => {
    const d = updateStep(threeSteps(), 1, { ask: null });
    expect('ask' in d.steps[1]).toBe(false);
  });

  it('a step that brings its own scenario is in force from there on', () => {
    const mazur = loadPreset('mazur');
    if (mazur === null) throw new Error('no mazur preset');
    const own = serializeScenario({ ...mazur, title: 'Mazur, edited' });
    let d = threeSteps();
    d = addStep(d, { pos: 0 }, own, 0).draft;
    expect(scenarioInForce(d, 0)).toBe('preset:mazur');
    expect(scenarioInForce(d, 1)).toBe(own);
    expect(scenarioInForce(d, 3)).toBe(own);
    const read = parseLesson(draftDocument(d), PRESET_CATALOG);
    expect(read.ok && read.value.steps[1].scenario?.title).toBe('Mazur, edited');
  });
});
