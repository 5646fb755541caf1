import { describe, expect, it, vi } from 'vitest';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';

describe('the memoized selectors', () => {
  it('keep the step plan across an edit of a value (same shape), and rebuild it for a new shape', () => {
    const store = createAppStore(initialInputs(loadPreset('numpy-341')!, 'numpy-341'));
    const plan = store.selectors.plan(store.getState());
    const compiled = store.selectors.compiled(store.getState());
    store.getState().setWeight(0, 0, 0, 0.125);
    expect(store.selectors.compiled(store.getState())).not.toBe(compiled);
    expect(store.selectors.compiled(store.getState()).params.w[0]).toBe(0.125);
    expect(store.selectors.plan(store.getState())).toBe(plan);
    store.getState().changeScenario(
      (s) => ({
        ...s,
        layers: [s.layers[0], { ...s.layers[1], size: 5 }, s.layers[2]] as typeof s.layers,
        weights: [[...s.weights[0], s.weights[0][0]], s.weights[1].map((row) => [...row, 0])],
        biases: [s.biases[0] ? [...s.biases[0], 0] : null, s.biases[1]],
      }),
      'grow a layer',
    );
    const next = store.selectors.plan(store.getState());
    expect(next).not.toBe(plan);
    expect(next.events.length).toBeGreaterThan(plan.events.length);
  });
});

describe('the sample within the batch', () => {
  it('is clamped to the batch size without running the iteration (a training run reports every frame)', () => {
    const store = createAppStore(initialInputs(loadPreset('walkthrough')!, 'walkthrough'));
    const batch = store.getState().scenario.batchSize ?? store.getState().scenario.data.length;
    const spy = vi.spyOn(store.selectors, 'iteration');
    store.getState().setSample(99);
    expect(store.getState().sample).toBe(batch - 1);
    store.getState().setWeight(0, 0, 0, 0.5);
    expect(spy).not.toHaveBeenCalled();
  });
});
