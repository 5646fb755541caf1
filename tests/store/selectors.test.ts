import { describe, expect, it } from 'vitest';
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
