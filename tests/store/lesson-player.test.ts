import { describe, expect, it } from 'vitest';
import { serializeLesson } from '../../src/core/codec/serialize-lesson.ts';
import type { Lesson } from '../../src/core/lesson.ts';
import { loadLesson } from '../../src/lessons/index.ts';
import { DEFAULT_PRESET_ID, loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { lessonHash, readLessonHash } from '../../src/store/lesson-hash.ts';
import { openSession, SESSION_KEY, type StorageLike } from '../../src/store/persist-session.ts';
import { parseSessionEnvelope, sessionEnvelope } from '../../src/store/session-envelope.ts';
import { compressToEncodedURIComponent } from 'lz-string';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const mazur = (): Lesson => loadLesson('mazur')!;
const fresh = () => createAppStore(initialInputs(loadPreset(DEFAULT_PRESET_ID)!, DEFAULT_PRESET_ID));

describe('the lesson player in the store', () => {
  it('opens a lesson at step K with the view steps 1 to K set, its asks before K answered and its controls hidden', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 5);
    const s = store.getState();
    expect(s.presetId).toBe('mazur');
    expect(s.lessonStep).toBe(5);
    expect(s.lessonAnswered).toEqual([0, 1, 2, 3, 4]);
    // mazur.json step 6 (index 5): "view": { "pos": 9, "sel": "loss" }, the panel of step 1: math
    expect(s.position).toBe(9);
    expect(s.selection).toEqual({ kind: 'loss' });
    expect(s.sideTab).toBe('math');
    expect(s.hidden).toEqual(['architecture']);
  });

  it('holds "next" at an ask until it is answered to the digits asked', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 2); // ask a:node:1:0 to 6 digits
    expect(store.getState().lessonNext()).toBe(false);
    expect(store.getState().lessonStep).toBe(2);
    // Mazur's out_h1 = 0.593269992
    expect(store.getState().answerLessonAsk('0.5932')).toEqual({ kind: 'wrong', digit: 5 });
    expect(store.getState().lessonNext()).toBe(false);
    expect(store.getState().answerLessonAsk('0.59327')).toEqual({ kind: 'right' });
    expect(store.getState().lessonNext()).toBe(true);
    expect(store.getState().lessonStep).toBe(3);
  });

  it('"show me" lets the lesson go on', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 7);
    store.getState().revealLessonAsk();
    expect(store.getState().lessonNext()).toBe(true);
  });

  it('a step with its own scenario loads it, and stepping back brings the lesson’s back', () => {
    const store = fresh();
    const lesson = mazur();
    // the first step that brings a scenario of its own
    const k = lesson.steps.findIndex((step) => step.scenario !== undefined);
    expect(k).toBeGreaterThan(0);
    store.getState().openLesson(lesson, k - 1);
    store.getState().setWeight(0, 0, 0, 0.9);
    expect(store.getState().scenario.weights[0][0][0]).toBe(0.9);
    store.getState().lessonNext();
    expect(store.getState().scenario).toBe(lesson.steps[k].scenario);
    expect(store.getState().lesson).toBe(lesson);
    expect(store.getState().hidden).toEqual(['architecture']);
    store.getState().lessonPrevious();
    expect(store.getState().presetId).toBe('mazur');
    expect(store.getState().scenario).toBe(lesson.scenario.scenario);
  });

  it('keeps the user’s edits from step to step within one scenario', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 3);
    store.getState().setWeight(1, 0, 0, 0.7);
    store.getState().lessonNext();
    expect(store.getState().scenario.weights[1][0][0]).toBe(0.7);
  });

  it('closing the lesson brings the hidden controls back and keeps the scenario', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 1);
    const scenario = store.getState().scenario;
    store.getState().closeLesson();
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().hidden).toEqual([]);
    expect(store.getState().scenario).toBe(scenario);
  });

  it('loading another scenario leaves the lesson', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 1);
    store.getState().loadPreset('walkthrough');
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().hidden).toEqual([]);
  });
});

describe('the lesson in the saved session', () => {
  it('round-trips the lesson, its step and its answered asks', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 4);
    const read = parseSessionEnvelope(JSON.parse(JSON.stringify(sessionEnvelope(store.getState(), ''))));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(serializeLesson(read.value.lesson!)).toEqual(serializeLesson(mazur()));
    expect(read.value.lessonStep).toBe(4);
    expect(read.value.lessonAnswered).toEqual([0, 1, 2, 3]);
  });

  it('names a bad lesson step by its path', () => {
    const store = fresh();
    store.getState().openLesson(mazur(), 4);
    const doc = {
      ...JSON.parse(JSON.stringify(sessionEnvelope(store.getState(), ''))),
      lessonStep: mazur().steps.length,
    };
    const read = parseSessionEnvelope(doc);
    expect(read.ok ? [] : read.errors.map((e) => e.path)).toEqual(['lessonStep']);
  });

  it('a session saved before lessons reads with no lesson open', () => {
    const doc = JSON.parse(JSON.stringify(sessionEnvelope(fresh().getState(), '')));
    delete doc.lesson;
    delete doc.lessonStep;
    delete doc.lessonAnswered;
    const read = parseSessionEnvelope(doc);
    expect(read.ok && read.value.lesson).toBeNull();
  });
});

describe('lesson links', () => {
  it('opens a #lesson= link at step K (1-based)', () => {
    const hash = lessonHash(mazur(), 6);
    expect(hash).toMatch(/^#lesson=[A-Za-z0-9+$-]+&step=7$/);
    const start = openSession(hash, () => new MemoryStorage());
    expect(start.inputs.lesson?.title).toBe(mazur().title);
    expect(start.inputs.lessonStep).toBe(6);
    expect(start.inputs.position).toBe(10);
  });

  it('a step past the end opens at the last step and says so', () => {
    const read = readLessonHash(lessonHash(mazur(), 0).replace('step=1', 'step=99'));
    expect(read?.ok && read.value.step).toBe(mazur().steps.length - 1);
    expect(read?.ok && read.value.notes[0]).toContain('"step=99"');
  });

  it('an invalid lesson is rejected whole with path-named errors, and the saved session is shown', () => {
    const storage = new MemoryStorage();
    const store = fresh();
    store.getState().loadPreset('numpy-341');
    storage.setItem(SESSION_KEY, JSON.stringify(sessionEnvelope(store.getState(), '')));
    const bad = serializeLesson(mazur()) as { steps: { view?: { sel?: string } }[] };
    bad.steps[3].view = { sel: 'edge:0:0:5' };
    const hash = `#lesson=${compressToEncodedURIComponent(JSON.stringify(bad))}&step=2`;
    const start = openSession(hash, () => storage);
    expect(start.inputs.presetId).toBe('numpy-341');
    expect(start.inputs.lesson).toBeNull();
    expect(start.inputs.notice?.kind).toBe('error');
    expect(start.inputs.notice?.details?.join('\n')).toMatch(
      /^steps\[3\]\.view\.sel: the network has no weight from node 5/,
    );
  });

  it('a corrupted lesson link says so', () => {
    const read = readLessonHash('#lesson=AAAA');
    expect(read?.ok).toBe(false);
    expect(read?.ok === false && read.errors[0].path).toBe('lesson link');
  });
});
