import { describe, expect, it } from 'vitest';
import { withActivation, withLayerSize } from '../../src/core/scenario-edits.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import type { AppStore } from '../../src/store/app-actions.ts';
import { HISTORY_LIMIT } from '../../src/store/undo.ts';

const fresh = (id = 'mazur') => createAppStore(initialInputs(loadPreset(id)!, id));
const past = (store: AppStore) => store.temporal.getState().pastStates.length;
const future = (store: AppStore) => store.temporal.getState().futureStates.length;
const w = (store: AppStore, l: number, j: number, i: number) => store.getState().scenario.weights[l][j][i];

describe('undo and redo', () => {
  it('walks back and forth through edits of a weight, a bias, an input and a setting', () => {
    const store = fresh();
    const s0 = store.getState().scenario;
    const st = () => store.getState();
    st().setWeight(1, 0, 0, 0.9);
    const s1 = st().scenario;
    st().setBias(0, 1, -0.25);
    const s2 = st().scenario;
    st().setSampleValue(0, 'x', 1, 0.3);
    const s3 = st().scenario;
    expect(
      st().changeScenario((s) => ({ ...s, optimizer: { type: 'sgd', learningRate: 0.05 } }), 'Learning rate'),
    ).toBe(true);
    const s4 = st().scenario;
    expect(past(store)).toBe(4);

    st().undo();
    expect(st().scenario).toBe(s3);
    expect(st().scenario.optimizer).toEqual(s0.optimizer);
    st().undo();
    expect(st().scenario).toBe(s2);
    expect(st().scenario.data[0].x[1]).toBe(s0.data[0].x[1]);
    st().undo();
    expect(st().scenario).toBe(s1);
    expect(st().scenario.biases[0]![1]).toBe(s0.biases[0]![1]);
    st().undo();
    expect(st().scenario).toBe(s0);
    expect(past(store)).toBe(0);
    st().undo(); // nothing left: no change, no throw
    expect(st().scenario).toBe(s0);

    st().redo();
    st().redo();
    expect(st().scenario).toBe(s2);
    expect(future(store)).toBe(2);
    st().redo();
    st().redo();
    expect(st().scenario).toBe(s4);
    expect(future(store)).toBe(0);
  });

  it('recomputes the iteration from the restored scenario (derived data is not stored)', () => {
    const store = fresh();
    const before = store.selectors.iteration(store.getState()).pass.dLdw[4];
    store.getState().setWeight(1, 0, 0, 0.9);
    expect(store.selectors.iteration(store.getState()).pass.dLdw[4]).not.toBe(before);
    store.getState().undo();
    expect(store.selectors.iteration(store.getState()).pass.dLdw[4]).toBe(before);
  });

  it('a new edit after an undo drops the redo entries', () => {
    const store = fresh();
    store.getState().setWeight(1, 0, 0, 0.9);
    store.getState().setWeight(1, 0, 0, 0.8);
    store.getState().undo();
    expect(future(store)).toBe(1);
    store.getState().setWeight(0, 0, 0, 0.1);
    expect(future(store)).toBe(0);
    store.getState().redo();
    expect(w(store, 0, 0, 0)).toBe(0.1);
    expect(w(store, 1, 0, 0)).toBe(0.9);
  });

  it('undoes a training run as a whole: parameters, optimizer state and loss history together', () => {
    const store = fresh('walkthrough');
    const st = () => store.getState();
    st().changeScenario(
      (s) => ({
        ...s,
        optimizer: { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
        batchSize: 2,
      }),
      'Optimizer',
    );
    const scenario = st().scenario;
    const entries = past(store);
    st().trainSteps(3);
    const after = { scenario: st().scenario, optimizerState: st().optimizerState, lossHistory: st().run.lossHistory };
    expect(after.optimizerState?.t).toBe(3);
    expect(past(store)).toBe(entries + 1);

    st().undo();
    expect(st().scenario).toBe(scenario);
    expect(st().optimizerState).toBeNull();
    expect(st().run.lossHistory).toHaveLength(0);
    // The batch follows the step count: back at the first batch.
    expect(store.selectors.iteration(st()).start).toBe(0);

    st().redo();
    expect(st().scenario).toBe(after.scenario);
    expect(st().optimizerState).toBe(after.optimizerState);
    expect(st().run.lossHistory).toBe(after.lossHistory);
  });

  it('a run in slices (setTraining true … false) is one entry', () => {
    const store = fresh('walkthrough');
    const st = () => store.getState();
    const scenario = st().scenario;
    st().setTraining(true);
    for (let k = 0; k < 5; k++) st().trainSteps(2);
    st().setTraining(false);
    expect(past(store)).toBe(1);
    expect(st().optimizerState?.t).toBe(10);
    st().undo();
    expect(st().scenario).toBe(scenario);
    expect(st().optimizerState).toBeNull();
    expect(st().run.lossHistory).toHaveLength(0);
  });

  it('undoes "next iteration" with its optimizer state', () => {
    const store = fresh();
    store.getState().jumpToPhase('end');
    const scenario = store.getState().scenario;
    store.getState().nextIteration();
    expect(store.getState().optimizerState?.t).toBe(1);
    store.getState().undo();
    expect(store.getState().scenario).toBe(scenario);
    expect(store.getState().optimizerState).toBeNull();
  });

  it('does not record selection, position, hover, playing, notices or display settings', () => {
    const store = fresh('walkthrough');
    const st = () => store.getState();
    st().setPosition(5);
    st().stepForward();
    st().stepBack();
    st().jumpToPhase('backward');
    st().select({ kind: 'edge', l: 0, j: 1, i: 2 });
    st().setHover({ kind: 'loss' });
    st().setSample(3);
    st().setPlaying(true);
    st().setPlaying(false);
    st().setSpeed(8);
    st().setShowZ(true);
    st().setFollowStep(false);
    st().setNotice({ kind: 'info', text: 'hello' });
    st().setPresentation(true);
    st().setTheme('dark');
    st().setHidden(['settings']);
    st().setScrubbing(true);
    st().setScrubbing(false);
    st().restartIteration();
    expect(past(store)).toBe(0);
    // Refused edits are not entries either, nor is an edit to the value already there.
    st().setWeight(0, 0, 0, NaN);
    st().setWeight(0, 0, 0, w(store, 0, 0, 0));
    st().setSampleValue(0, 'y', 0, 2);
    expect(past(store)).toBe(0);
  });

  it('keeps the step position and selection across an undo, where they still exist', () => {
    const store = fresh('walkthrough');
    const st = () => store.getState();
    st().setFollowStep(false);
    st().setPosition(9);
    st().select({ kind: 'edge', l: 0, j: 1, i: 2 });
    st().setWeight(0, 1, 2, 0.5);
    st().undo();
    expect(st().position).toBe(9);
    expect(st().selection).toEqual({ kind: 'edge', l: 0, j: 1, i: 2 });

    // Grow a layer, select a node only the larger network has, then undo the growth.
    st().changeScenario((s) => withLayerSize(s, 1, 3), 'Layer 1 size');
    st().select({ kind: 'node', l: 1, j: 2 });
    st().jumpToPhase('end');
    const longer = st().position;
    st().undo();
    expect(st().scenario.layers[1].size).toBe(2);
    expect(st().selection).toBeNull();
    expect(st().position).toBe(store.selectors.plan(st()).events.length);
    expect(st().position).toBeLessThan(longer);
    st().redo();
    expect(st().scenario.layers[1].size).toBe(3);
  });

  it('a drag is one entry, and undo returns to the value before the drag', () => {
    const store = fresh();
    const st = () => store.getState();
    const original = w(store, 0, 0, 0);
    st().setWeight(0, 0, 0, 0.2); // an edit before the drag, to return past
    const before = w(store, 1, 0, 0);
    expect(past(store)).toBe(1);

    st().setScrubbing(true);
    for (let k = 1; k <= 50; k++) st().setWeight(1, 0, 0, before + k / 100);
    expect(past(store)).toBe(1); // nothing recorded during the drag
    st().undo(); // refused while dragging
    expect(w(store, 1, 0, 0)).toBeCloseTo(before + 0.5, 12);
    st().setScrubbing(false);
    expect(past(store)).toBe(2);
    expect(w(store, 1, 0, 0)).toBeCloseTo(before + 0.5, 12);

    st().undo();
    expect(w(store, 1, 0, 0)).toBe(before);
    expect(w(store, 0, 0, 0)).toBe(0.2);
    st().redo();
    expect(w(store, 1, 0, 0)).toBeCloseTo(before + 0.5, 12);
    st().undo();
    st().undo();
    expect(w(store, 0, 0, 0)).toBe(original);
  });

  it('a drag that ends where it started records nothing', () => {
    const store = fresh();
    const before = w(store, 1, 0, 0);
    store.getState().setScrubbing(true);
    store.getState().setWeight(1, 0, 0, before);
    store.getState().setWeight(1, 0, 0, before + 0.1);
    store.getState().setWeight(1, 0, 0, before);
    store.getState().setScrubbing(false);
    expect(past(store)).toBe(1); // the values are the same but the scenario is another snapshot
    store.getState().setScrubbing(true);
    store.getState().setWeight(1, 0, 0, before);
    store.getState().setScrubbing(false);
    expect(past(store)).toBe(1);
  });

  it(`keeps at most ${HISTORY_LIMIT} entries, dropping the oldest`, () => {
    const store = fresh();
    for (let k = 1; k <= HISTORY_LIMIT + 20; k++) store.getState().setWeight(0, 0, 0, k);
    expect(past(store)).toBe(HISTORY_LIMIT);
    for (let k = 0; k < HISTORY_LIMIT + 5; k++) store.getState().undo();
    expect(w(store, 0, 0, 0)).toBe(20);
    // Drags respect the limit too.
    for (let k = 0; k < HISTORY_LIMIT; k++) store.getState().redo();
    store.getState().setScrubbing(true);
    store.getState().setWeight(0, 0, 0, -1);
    store.getState().setScrubbing(false);
    expect(past(store)).toBe(HISTORY_LIMIT);
  });

  it('undoes loading a preset, restoring the scenario and the preset menu', () => {
    const store = fresh('walkthrough');
    store.getState().setWeight(0, 0, 0, 0.5);
    const edited = store.getState().scenario;
    store.getState().loadPreset('mazur');
    expect(store.getState().presetId).toBe('mazur');
    store.getState().undo();
    expect(store.getState().presetId).toBe('walkthrough');
    expect(store.getState().scenario).toBe(edited);
    store.getState().redo();
    expect(store.getState().presetId).toBe('mazur');
    expect(store.getState().scenario.layers.map((l) => l.size)).toEqual([2, 2, 2]);
  });

  it('undoes a change of activation and an architecture change', () => {
    const store = fresh('walkthrough');
    store.getState().changeScenario((s) => withActivation(s, 2, { type: 'tanh' }), 'output activation');
    store.getState().changeScenario((s) => withLayerSize(s, 1, 4), 'Layer 1 size');
    store.getState().undo();
    expect(store.getState().scenario.layers[1].size).toBe(2);
    expect(store.getState().scenario.layers[2]).toMatchObject({ activation: { type: 'tanh' } });
    store.getState().undo();
    expect(store.getState().scenario.layers[2]).toMatchObject({ activation: { type: 'sigmoid' } });
  });
});

describe('reset to the origin', () => {
  it('reloads the preset as an undoable edit, and says so', () => {
    const store = fresh('mazur');
    const st = () => store.getState();
    st().setWeight(1, 0, 0, 0.9);
    st().trainSteps(5);
    const trained = st().scenario;
    st().setPosition(3);
    st().resetToOrigin();
    expect(st().scenario).toEqual(loadPreset('mazur'));
    expect(st().presetId).toBe('mazur');
    expect(st().optimizerState).toBeNull();
    expect(st().run.lossHistory).toHaveLength(0);
    expect(st().position).toBe(0);
    expect(st().notice).toMatchObject({
      kind: 'info',
      text: expect.stringMatching(/^Reset to the preset "Mazur[^"]*"\. Undo/),
    });
    st().undo();
    expect(st().scenario).toBe(trained);
    expect(st().run.lossHistory.length).toBe(6);
  });

  it('returns a scenario that did not come from a preset to the one it was opened from', () => {
    const opened = loadPreset('tanh-221')!;
    const store = createAppStore(initialInputs(opened, null));
    store.getState().setWeight(0, 0, 0, 3);
    store.getState().resetToOrigin();
    expect(store.getState().scenario).toBe(opened);
    expect(store.getState().presetId).toBeNull();

    // A scenario loaded later (an import, a link) is the new origin.
    const imported = loadPreset('numpy-341')!;
    store.getState().loadScenario(imported);
    store.getState().setWeight(0, 0, 0, 3);
    store.getState().resetToOrigin();
    expect(store.getState().scenario).toBe(imported);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().scenario).toBe(opened);
    expect(store.getState().origin).toBe(opened);
  });

  it('the start of this iteration is position 0, and not an undo entry', () => {
    const store = fresh();
    store.getState().jumpToPhase('backward');
    store.getState().setPlaying(true);
    store.getState().restartIteration();
    expect(store.getState().position).toBe(0);
    expect(store.getState().playing).toBe(false);
    expect(past(store)).toBe(0);
  });
});
