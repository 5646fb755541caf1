import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.ts';
import { loadLesson } from '../../src/lessons/index.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import type { AppStore } from '../../src/store/app-actions.ts';

const mazur = (): Lesson => loadLesson('mazur')!;
const fresh = () => createAppStore(initialInputs(loadPreset('playground-xor')!, 'playground-xor'));
const past = (store: AppStore) => store.temporal.getState().pastStates.length;

describe('undo and the lesson', () => {
  it('one undo of an opening returns to the state before: lesson closed, hidden controls back', () => {
    const store = fresh();
    const st = () => store.getState();
    st().setHidden(['settings']);
    const before = st().scenario;
    const entries = past(store);
    st().openLesson(mazur(), 3);
    expect(st().lesson).not.toBeNull();
    expect(st().hidden).toEqual(['architecture']);
    expect(past(store)).toBe(entries + 1); // the opening is one entry, not a load and a lesson
    st().undo();
    expect(st().lesson).toBeNull();
    expect(st().lessonStep).toBe(0);
    expect(st().lessonAnswered).toEqual([]);
    expect(st().hidden).toEqual(['settings']);
    expect(st().scenario).toBe(before);
    expect(st().presetId).toBe('playground-xor');
    // redo opens it again, at the step it was at
    st().redo();
    expect(st().lesson?.title).toBe(mazur().title);
    expect(st().lessonStep).toBe(3);
    expect(st().hidden).toEqual(['architecture']);
  });

  it('moving through steps makes no undo entries; an edit inside a lesson is undone without leaving it', () => {
    const store = fresh();
    const st = () => store.getState();
    st().openLesson(mazur(), 0);
    const entries = past(store);
    st().lessonNext();
    st().lessonNext(); // step 3 is an ask: stays at 2
    expect(st().lessonStep).toBe(2);
    st().revealLessonAsk();
    st().lessonNext();
    expect(st().lessonStep).toBe(3);
    st().lessonPrevious();
    expect(past(store)).toBe(entries);
    const w = st().scenario.weights[1][0][0];
    st().setWeight(1, 0, 0, 0.9);
    st().undo();
    expect(st().scenario.weights[1][0][0]).toBe(w);
    expect(st().lesson).not.toBeNull();
    expect(st().lessonStep).toBe(2);
    expect(st().hidden).toEqual(['architecture']);
    // one more undo: before the opening
    st().undo();
    expect(st().lesson).toBeNull();
    expect(st().hidden).toEqual([]);
  });

  it('closing a lesson is undoable: undo brings it back at its step with its controls hidden', () => {
    const store = fresh();
    const st = () => store.getState();
    st().openLesson(mazur(), 4);
    st().closeLesson();
    expect(st().hidden).toEqual([]);
    st().undo();
    expect(st().lesson).not.toBeNull();
    expect(st().lessonStep).toBe(4);
    expect(st().hidden).toEqual(['architecture']);
  });
});
