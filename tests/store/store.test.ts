import { describe, expect, it } from 'vitest';
import { withActivation, withLayerSize } from '../../src/core/scenario-edits.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { readScenarioHash, scenarioHash } from '../../src/store/share-link.ts';

const fresh = (id = 'mazur') => createAppStore(initialInputs(loadPreset(id)!, id));

describe('the app store', () => {
  it('recomputes the iteration from inputs, and keeps the step position across an edit', () => {
    const store = fresh();
    const s = store.getState();
    s.setPosition(20);
    const before = store.selectors.iteration(store.getState()).pass.dLdw[4];
    expect(s.setWeight(1, 0, 0, 0.9)).toBe(true);
    const after = store.selectors.iteration(store.getState()).pass.dLdw[4];
    expect(after).not.toBe(before);
    expect(store.getState().position).toBe(20);
    expect(store.getState().scenario.weights[1][0][0]).toBe(0.9);
  });

  it('refuses a value that is not a number, says so, and changes nothing', () => {
    const store = fresh();
    const scenario = store.getState().scenario;
    expect(store.getState().setWeight(0, 0, 0, NaN)).toBe(false);
    expect(store.getState().scenario).toBe(scenario);
    expect(store.getState().notice?.text).toMatch(/weight: NaN is not a finite number/);
  });

  it('refuses a target outside [0, 1] with binary cross-entropy, naming the path', () => {
    const store = fresh('walkthrough');
    const scenario = store.getState().scenario;
    expect(store.getState().setSampleValue(0, 'y', 0, 2)).toBe(false);
    expect(store.getState().scenario).toBe(scenario);
    expect(store.getState().notice?.details?.[0]).toMatch(/^data\[0\]\.y\[0\]/);
  });

  it('continues from the parameters after the update on "next iteration"', () => {
    const store = fresh();
    const it = store.selectors.iteration(store.getState());
    store.getState().jumpToPhase('end');
    store.getState().nextIteration();
    expect(store.getState().position).toBe(0);
    expect(store.getState().scenario.weights[1][0][0]).toBe(it.after.w[4]);
    expect(store.selectors.iteration(store.getState()).pass.loss).toBe(it.lossAfter);
  });

  it('steps within the plan and jumps to each phase', () => {
    const store = fresh('walkthrough');
    const s = store.getState();
    s.stepBack();
    expect(store.getState().position).toBe(0);
    s.jumpToPhase('backward');
    expect(store.getState().position).toBe(7);
    s.jumpToPhase('end');
    s.stepForward();
    expect(store.getState().position).toBe(store.selectors.plan(store.getState()).events.length);
  });

  it('selects what each step computed while following the step, and leaves the selection alone otherwise', () => {
    const store = fresh('walkthrough');
    const s = store.getState();
    s.stepForward();
    expect(store.getState().selection).toEqual({ kind: 'node', l: 1, j: 0 });
    s.jumpToPhase('loss');
    s.stepForward();
    expect(store.getState().selection).toEqual({ kind: 'loss' });
    s.stepForward();
    s.stepForward();
    expect(store.getState().selection).toEqual({ kind: 'edge', l: 1, j: 0, i: 0 });
    s.setFollowStep(false);
    s.select({ kind: 'edge', l: 0, j: 1, i: 2 });
    s.stepForward();
    expect(store.getState().selection).toEqual({ kind: 'edge', l: 0, j: 1, i: 2 });
  });

  it('validates settings changes as a whole scenario', () => {
    const store = fresh('walkthrough');
    expect(store.getState().changeScenario((s) => withActivation(s, 2, { type: 'tanh' }), 'output activation')).toBe(
      true,
    );
    expect(store.getState().scenario.layers[2]).toMatchObject({ activation: { type: 'tanh' } });
    expect(store.getState().changeScenario((s) => withLayerSize(s, 1, 2000), 'hidden layer size')).toBe(false);
    expect(store.getState().notice?.details?.join('\n')).toMatch(/limit of 1,024/);
  });

  it('trains, appending the loss history, and continues the optimizer state', () => {
    const store = fresh('numpy-341');
    store.getState().trainSteps(10);
    expect(store.getState().run.lossHistory).toHaveLength(11);
    store.getState().trainSteps(5);
    expect(store.getState().run.lossHistory).toHaveLength(16);
    expect(store.getState().optimizerState?.t).toBe(15);
  });
});

describe('share links', () => {
  it('round-trip a scenario exactly', () => {
    const scenario = loadPreset('numpy-341')!;
    const back = readScenarioHash(scenarioHash(scenario));
    expect(back?.ok && back.value).toEqual(scenario);
  });

  it('say nothing when the hash holds no scenario', () => {
    expect(readScenarioHash('')).toBeNull();
    expect(readScenarioHash('#other=1')).toBeNull();
  });

  it('say what is wrong with a link cut short', () => {
    const hash = scenarioHash(loadPreset('mazur')!);
    const cut = readScenarioHash(hash.slice(0, Math.floor(hash.length / 2)));
    expect(cut?.ok).toBe(false);
    expect(!cut?.ok && cut?.errors[0].message).toMatch(/cut short or corrupted/);
    const empty = readScenarioHash('#scenario=');
    expect(!empty?.ok && empty?.errors[0].message).toMatch(/cut short/);
  });
});

describe('opening a link in an open session', () => {
  it('applies the link’s position, selection and lesson as a fresh open would', () => {
    const store = createAppStore(initialInputs(loadPreset('walkthrough')!, 'walkthrough'));
    store.getState().setHidden(['settings']);
    const mazur = loadPreset('mazur')!;
    store.getState().openLink(mazur, `${scenarioHash(mazur)}&pos=20&sel=edge:1:0:1&hide=training`);
    const s = store.getState();
    expect(s.scenario).toEqual(mazur);
    expect(s.presetId).toBeNull();
    expect(s.position).toBe(20);
    expect(s.selection).toEqual({ kind: 'edge', l: 1, j: 0, i: 1 });
    expect(s.hidden).toEqual(['training']);
    store.getState().undo();
    expect(store.getState().scenario).toEqual(loadPreset('walkthrough'));
  });

  it('names what does not fit, and a link without a lesson clears the old one', () => {
    const store = createAppStore(initialInputs(loadPreset('walkthrough')!, 'walkthrough'));
    store.getState().setHidden(['settings']);
    const mazur = loadPreset('mazur')!;
    store.getState().openLink(mazur, `${scenarioHash(mazur)}&pos=999`);
    expect(store.getState().position).toBe(0);
    expect(store.getState().hidden).toEqual([]);
    expect(store.getState().notice?.details?.join('\n')).toMatch(/"pos=999": past the end of this iteration/);
  });
});

describe('selectors', () => {
  it('keep the live and a settled scenario’s results side by side (a panel held during a drag does not evict the diagram’s)', () => {
    const store = createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));
    const settled = store.getState();
    const c0 = store.selectors.compiled(settled);
    const i0 = store.selectors.iteration(settled);
    store.getState().setWeight(1, 0, 0, 0.9);
    const live = store.getState();
    const c1 = store.selectors.compiled(live);
    expect(c1).not.toBe(c0);
    // alternating between the two does not recompute either
    for (let k = 0; k < 3; k++) {
      expect(store.selectors.compiled(settled)).toBe(c0);
      expect(store.selectors.iteration(settled)).toBe(i0);
      expect(store.selectors.compiled(live)).toBe(c1);
    }
    // the memo keeps three (a training report reads the live scenario before and after it): a
    // third and a fourth scenario evict the least recently used
    store.getState().setWeight(1, 0, 0, 0.1);
    store.selectors.compiled(store.getState());
    store.getState().setWeight(1, 0, 0, 0.2);
    store.selectors.compiled(store.getState());
    store.selectors.compiled(live);
    expect(store.selectors.compiled(settled)).not.toBe(c0);
  });
});

describe('a lesson that locks worksheet mode (hide=worksheet)', () => {
  const locked = () =>
    createAppStore({
      ...initialInputs(loadPreset('mazur')!, 'mazur'),
      worksheet: true,
      hidden: ['worksheet', 'presets'],
    });

  it('cannot be switched off, and End, the phases, the scrubber and → do not skip the blanks', () => {
    const store = locked();
    const st = store.getState();
    st.setWorksheet(false);
    expect(store.getState().worksheet).toBe(true);
    st.jumpToPhase('end');
    expect(store.getState().position).toBe(0);
    expect(store.getState().notice?.text).toMatch(/type it \(or reveal it\) in the worksheet/);
    st.stepForward();
    st.setPosition(5);
    st.setPlaying(true);
    store.getState().setPosition(1);
    expect(store.getState().position).toBe(0);
    expect(store.getState().playing).toBe(false);
  });

  it('goes on by the worksheet (an answer or a reveal), one blank at a time, and back freely', () => {
    const store = locked();
    store.getState().advanceWorksheet();
    store.getState().advanceWorksheet();
    expect(store.getState().position).toBe(2);
    store.getState().stepBack();
    expect(store.getState().position).toBe(1);
  });

  it('an unlocked worksheet still steps and jumps freely', () => {
    const store = createAppStore({ ...initialInputs(loadPreset('mazur')!, 'mazur'), worksheet: true });
    store.getState().jumpToPhase('end');
    expect(store.getState().position).toBeGreaterThan(0);
  });
});

describe('showing the batch of a sample picked outside the step’s own', () => {
  it('shows that batch at the same parameters until the optimizer state moves; the next step trains its own batch', () => {
    const store = createAppStore(initialInputs(loadPreset('playground')!, 'playground'));
    const own = store.selectors.iteration(store.getState());
    expect([own.start, own.count]).toEqual([0, 10]);
    store.getState().showSample(57);
    const s = store.getState();
    const shown = store.selectors.iteration(s);
    expect([shown.start, shown.count, s.sample]).toEqual([50, 10, 7]);
    // the same parameters: the forward pass of sample 57 as a batch of its own would give it
    expect(shown.pass.a[7 * store.selectors.compiled(s).model.nodeCount]).toBe(s.scenario.data[57].x[0]);
    // a sample of the step's own batch needs no other
    store.getState().showSample(3);
    expect(store.getState().batchShown).toBeNull();
    expect(store.getState().sample).toBe(3);
    store.getState().showSample(57);
    store.getState().nextIteration();
    const after = store.getState();
    expect(after.optimizerState?.t).toBe(1);
    // step 0 trained samples 1–10 (the spec's order), so step 1 shows samples 11–20
    expect(store.selectors.iteration(after).start).toBe(10);
    const fresh = createAppStore(initialInputs(loadPreset('playground')!, 'playground'));
    fresh.getState().nextIteration();
    expect(after.scenario.weights).toEqual(fresh.getState().scenario.weights);
  });
});
