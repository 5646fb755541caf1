import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { SETTLE_MS } from '../../src/store/settled.ts';

const fresh = () => createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));

describe('settled versus live (what the value panels show)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows every edit at once when no gesture is in progress', () => {
    const store = fresh();
    expect(store.getState().settled.scenario).toBe(store.getState().scenario);
    store.getState().setWeight(0, 0, 0, 0.5);
    expect(store.getState().settled.scenario).toBe(store.getState().scenario);
    store.getState().trainSteps(2);
    expect(store.getState().settled).toEqual({
      scenario: store.getState().scenario,
      optimizerState: store.getState().optimizerState,
      position: store.getState().position,
    });
    store.getState().setPosition(0);
    expect(store.getState().settled.position).toBe(0);
  });

  it('stays put during a drag, catches up when the drag rests, and at its end', () => {
    const store = fresh();
    const before = store.getState().scenario;
    store.getState().setScrubbing(true);
    store.getState().setWeight(0, 0, 0, 0.5);
    vi.advanceTimersByTime(SETTLE_MS / 2);
    store.getState().setWeight(0, 0, 0, 0.6);
    vi.advanceTimersByTime(SETTLE_MS / 2);
    expect(store.getState().settled.scenario).toBe(before);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(store.getState().settled.scenario).toBe(store.getState().scenario);
    store.getState().setWeight(0, 0, 0, 0.7);
    expect(store.getState().settled.scenario.weights[0][0][0]).toBe(0.6);
    store.getState().setScrubbing(false);
    expect(store.getState().settled.scenario.weights[0][0][0]).toBe(0.7);
  });

  it('stays put during a training run, with its optimizer state, until the run ends, then catches up in a task of its own', () => {
    const store = fresh();
    const before = store.getState().settled;
    store.getState().setTraining(true);
    store.getState().trainSteps(3);
    expect(store.getState().settled).toBe(before);
    store.getState().setTraining(false);
    // the page first shows the run is over (Stop's answer), the panels follow in the next task
    expect(store.getState().settled).toBe(before);
    vi.advanceTimersByTime(0);
    expect(store.getState().settled.optimizerState?.t).toBe(3);
    expect(store.getState().settled.scenario).toBe(store.getState().scenario);
  });

  it('at a run’s end in a page, catches up only after the frame that shows the run is over has been painted', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    try {
      const store = fresh();
      const before = store.getState().settled;
      store.getState().setTraining(true);
      store.getState().trainSteps(3);
      store.getState().setTraining(false);
      // a task queued now would run before the frame (and hold back its paint)
      vi.advanceTimersByTime(0);
      expect(store.getState().settled).toBe(before);
      expect(frames).toHaveLength(1);
      frames[0](0);
      expect(store.getState().settled).toBe(before);
      vi.advanceTimersByTime(0);
      expect(store.getState().settled.scenario).toBe(store.getState().scenario);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('follows undo', () => {
    const store = fresh();
    const before = store.getState().scenario;
    store.getState().setWeight(0, 0, 0, 0.5);
    store.getState().undo();
    expect(store.getState().settled.scenario).toBe(before);
  });
});
