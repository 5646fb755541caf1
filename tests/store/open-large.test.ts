import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { isHeavy, parameterCount } from '../../src/store/open-large.ts';
import { denseDoc } from '../../bench/app-networks.ts';

const fresh = () => createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));

function big() {
  // 2-400-400-1: 162,001 weights and biases, past the size derived in one go
  const r = parseScenario(denseDoc([2, 400, 400, 1], 4));
  if (!r.ok) throw new Error('invalid');
  return r.value;
}

describe('opening a network too big to derive in one task', () => {
  it('counts the parameters from the layer sizes', () => {
    const s = big();
    const { model } = compileScenario(s);
    expect(parameterCount(s)).toBe(model.weightCount + model.biasCount);
    expect(isHeavy(s)).toBe(true);
    expect(isHeavy(loadPreset('mazur')!)).toBe(false);
  });

  it('opens a small scenario at once', async () => {
    const store = fresh();
    const numpy = loadPreset('numpy-341')!;
    let applied = 0;
    const opened = store.getState().openWhenReady(numpy, 'numpy', () => {
      applied++;
      store.getState().loadScenario(numpy);
    });
    expect(applied).toBe(1);
    expect(store.getState().opening).toBeNull();
    expect(await opened).toBe(true);
  });

  it('derives a big one in slices, saying how far it is, and then opens it with the derived data ready', async () => {
    const store = fresh();
    const before = store.getState().scenario;
    const s = big();
    const seen: { stage: string; fraction: number }[] = [];
    const unsub = store.subscribe(
      (st) => st.opening,
      (o) => {
        if (o) seen.push({ stage: o.stage, fraction: o.fraction });
      },
    );
    const opened = store.getState().openWhenReady(s, 'the file "big.json"', () => store.getState().loadScenario(s));
    // nothing changed yet: the previous scenario is shown while it prepares
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().opening?.what).toBe('the file "big.json"');
    expect(await opened).toBe(true);
    unsub();
    expect(store.getState().scenario).toBe(s);
    expect(store.getState().opening).toBeNull();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen.map((x) => x.stage)).size).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < seen.length; k++) expect(seen[k].fraction).toBeGreaterThanOrEqual(seen[k - 1].fraction);
    // the derived data was made while preparing: the selectors hand out the same objects
    const st = store.getState();
    const compiled = store.selectors.compiled(st);
    expect(store.selectors.compiled(st)).toBe(compiled);
    expect(store.selectors.plan(st).events.length).toBeGreaterThan(160_000);
    expect(store.selectors.iteration(st).after.w.length).toBe(compiled.model.weightCount);
  });

  it('Cancel stops it: nothing changes, the previous scenario and its undo history stay', async () => {
    const store = fresh();
    store.getState().setWeight(0, 0, 0, 0.5);
    const before = store.getState().scenario;
    const undoable = store.temporal.getState().pastStates.length;
    const s = big();
    let applied = false;
    const opened = store.getState().openWhenReady(s, 'the link', () => {
      applied = true;
      store.getState().loadScenario(s);
    });
    expect(store.getState().opening).not.toBeNull();
    store.getState().cancelOpening();
    expect(store.getState().opening).toBeNull();
    expect(await opened).toBe(false);
    expect(applied).toBe(false);
    expect(store.getState().scenario).toBe(before);
    expect(store.temporal.getState().pastStates.length).toBe(undoable);
  });

  it('a second open replaces the first one, which never applies', async () => {
    const store = fresh();
    const s = big();
    const applied: string[] = [];
    const first = store.getState().openWhenReady(s, 'first', () => applied.push('first'));
    const second = store.getState().openWhenReady(s, 'second', () => applied.push('second'));
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(applied).toEqual(['second']);
  });
});
