import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { denseDoc } from '../../bench/app-networks.ts';

function big() {
  // 2-400-400-1: 162,001 weights and biases, past the size derived in one go
  const r = parseScenario(denseDoc([2, 400, 400, 1], 4));
  if (!r.ok) throw new Error('invalid');
  return r.value;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Waits until no opening is in progress (the derivation in slices is done or stopped). */
async function untilOpened(store: ReturnType<typeof createAppStore>): Promise<void> {
  for (let k = 0; k < 10_000 && store.getState().opening !== null; k++) await settle();
  expect(store.getState().opening).toBeNull();
}

/** The page shows three other scenarios: what was derived from the big one is no longer kept. */
function showOthers(store: ReturnType<typeof createAppStore>): void {
  for (const id of ['playground-xor', 'numpy-341', 'tanh-221']) {
    const st = { ...store.getState(), scenario: loadPreset(id)!, optimizerState: null };
    store.selectors.iteration(st);
    store.selectors.plan(st);
  }
}

/** A store showing the big scenario, then mazur loaded over it (one undo goes back onto the big one), the big one's derived data no longer kept. */
async function bigThenSmall(keep = false) {
  const store = createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));
  const s = big();
  expect(await store.getState().openWhenReady(s, 'big', () => store.getState().loadScenario(s))).toBe(true);
  store.getState().loadPreset('mazur');
  if (!keep) showOthers(store);
  return { store, s, small: store.getState().scenario };
}

describe('undo and redo onto a scenario too big to derive in one task', () => {
  it('undo derives it in slices with progress first, then moves the history; redo likewise off and back', async () => {
    const { store, s, small } = await bigThenSmall();
    store.getState().undo();
    // the page still shows where it was, and says what it is preparing
    expect(store.getState().scenario).toBe(small);
    expect(store.getState().opening?.what).toBe('the scenario your undo returns to');
    expect(store.getState().opening?.parameters).toBe(162_001);
    await untilOpened(store);
    expect(store.getState().scenario).toBe(s);
    expect(store.temporal.getState().futureStates).toHaveLength(1);
    // redo off the big one (onto a small one) is at once
    store.getState().redo();
    expect(store.getState().opening).toBeNull();
    expect(store.getState().scenario).toBe(small);
    // and undo then redo onto the big one again
    showOthers(store);
    store.getState().undo();
    await untilOpened(store);
    expect(store.getState().scenario).toBe(s);
    store.getState().undo(); // onto mazur, the first scenario: at once
    expect(store.getState().scenario).not.toBe(s);
    showOthers(store);
    store.getState().redo();
    expect(store.getState().opening?.what).toBe('the scenario your redo returns to');
    await untilOpened(store);
    expect(store.getState().scenario).toBe(s);
    // the derived data was made while preparing: the iteration matches the scenario shown
    const st = store.getState();
    expect(store.selectors.iteration(st).after.w.length).toBe(store.selectors.compiled(st).model.weightCount);
  });

  it('undo back onto a big one still kept (shown a moment ago) comes back at once', async () => {
    const { store, s } = await bigThenSmall(true);
    store.getState().undo();
    expect(store.getState().opening).toBeNull();
    expect(store.getState().scenario).toBe(s);
  });

  it('Cancel of an undo leaves everything where it was: the scenario, and the entry to undo again', async () => {
    const { store, small } = await bigThenSmall();
    const past = store.temporal.getState().pastStates;
    const future = store.temporal.getState().futureStates;
    store.getState().undo();
    expect(store.getState().opening).not.toBeNull();
    await settle();
    store.getState().cancelOpening();
    await untilOpened(store);
    for (let k = 0; k < 5; k++) await settle();
    expect(store.getState().scenario).toBe(small);
    expect(store.temporal.getState().pastStates).toEqual(past);
    expect(store.temporal.getState().futureStates).toEqual(future);
  });

  it('an edit made while an undo prepares wins: the undo is dropped with a notice, and the edit is one entry', async () => {
    const { store, small } = await bigThenSmall();
    const undoable = store.temporal.getState().pastStates.length;
    store.getState().undo();
    expect(store.getState().setWeight(0, 0, 0, 0.125)).toBe(true);
    const edited = store.getState().scenario;
    expect(edited).not.toBe(small);
    await untilOpened(store);
    for (let k = 0; k < 5; k++) await settle();
    expect(store.getState().scenario).toBe(edited);
    expect(store.getState().notice?.text).toBe(
      'The undo was dropped: the scenario changed while it was being prepared.',
    );
    expect(store.temporal.getState().pastStates).toHaveLength(undoable + 1);
  });

  it('after training on the big one, undo back onto it derives the iteration at its optimizer state', async () => {
    const store = createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));
    const s = big();
    await store.getState().openWhenReady(s, 'big', () => store.getState().loadScenario(s));
    store.getState().trainSteps(1);
    const trained = store.getState().scenario;
    const state = store.getState().optimizerState;
    expect(state?.t).toBe(1);
    store.getState().loadPreset('mazur');
    showOthers(store);
    store.getState().undo();
    expect(store.getState().opening).not.toBeNull();
    await untilOpened(store);
    expect(store.getState().scenario).toBe(trained);
    expect(store.getState().optimizerState).toBe(state);
    const st = store.getState();
    expect(store.selectors.iteration(st).stateAfter.t).toBe(2);
  });
});
