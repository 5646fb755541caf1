import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeScenario } from '../../src/core/codec/serialize-scenario.ts';
import { DEFAULT_PRESET_ID, loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import type { AppStore } from '../../src/store/app-actions.ts';
import {
  BACKUP_KEY,
  createSessionSaver,
  openSession,
  readSavedSession,
  RELOAD_WINDOW_MS,
  SESSION_KEY,
  type GetStorage,
  type StorageLike,
} from '../../src/store/persist-session.ts';
import { sessionEnvelope, SESSION_VERSION } from '../../src/store/session-envelope.ts';
import { scenarioHash } from '../../src/store/share-link.ts';
import { appendLosses, EMPTY_LOSSES, lossesOf } from '../../src/store/loss-history.ts';

/** An in-memory Web Storage, counting writes. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    this.items.set(key, String(value));
  }
}

/** A storage that is full: every write throws QuotaExceededError, as browsers do. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    this.writes++;
    throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
  }
}

/** A storage the browser forbids: reading throws SecurityError. */
class ForbiddenStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  override setItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

const of =
  (storage: StorageLike): GetStorage =>
  () =>
    storage;
const fresh = (id = 'walkthrough') => createAppStore(initialInputs(loadPreset(id)!, id));
const defaultScenario = () => loadPreset(DEFAULT_PRESET_ID)!;

/** Work in a store: edited, trained with Adam in mini-batches, stepped, selected. */
function doWork(store: AppStore): AppStore {
  const st = store.getState();
  st.setWeight(0, 1, 2, -0.75);
  st.changeScenario(
    (s) => ({
      ...s,
      optimizer: { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
      batchSize: 4,
    }),
    'Optimizer',
  );
  st.trainSteps(3);
  st.setFollowStep(false);
  st.setPosition(11);
  st.setSample(1);
  st.select({ kind: 'edge', l: 1, j: 0, i: 1 });
  st.setShowZ(true);
  st.setSpeed(8);
  st.setTheme('dark');
  st.setWorksheet(true);
  st.setPrecision(9);
  st.setComparison({
    runs: [
      { type: 'sgd', learningRate: 0.3 },
      { type: 'rmsprop', learningRate: 0.01, decay: 0.9, epsilon: 1e-8 },
    ],
    steps: 50,
  });
  return store;
}

const storeWithWork = () => doWork(fresh('walkthrough'));

/** Does `work` on a store whose session is saved to `storage` (as the page does), then closes the page. */
function saveWork(store: AppStore, storage: StorageLike, work: (store: AppStore) => void, hash = ''): AppStore {
  const saver = createSessionSaver(store, { storage: of(storage), hash: () => hash });
  work(store);
  saver.dispose();
  return store;
}

function envelopeText(store: AppStore, hash = '', edit: (doc: Record<string, unknown>) => void = () => {}): string {
  const doc = sessionEnvelope(store.getState(), hash) as Record<string, unknown>;
  edit(doc);
  return JSON.stringify(doc);
}

describe('saving the session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once, debounced, after changes; nothing before the first change', () => {
    const storage = new MemoryStorage();
    const store = fresh();
    const saver = createSessionSaver(store, { storage: of(storage), hash: () => '' });
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(0);
    store.getState().setWeight(0, 0, 0, 0.5);
    vi.advanceTimersByTime(100);
    store.getState().setPosition(4);
    vi.advanceTimersByTime(100);
    store.getState().select({ kind: 'loss' });
    vi.advanceTimersByTime(199);
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(storage.writes).toBe(1);
    // Hover and playing are not saved: no write.
    store.getState().setHover({ kind: 'loss' });
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(1);
    saver.dispose();
    const doc = JSON.parse(storage.getItem(SESSION_KEY)!) as Record<string, unknown>;
    expect(doc).toMatchObject({
      version: SESSION_VERSION,
      presetId: 'walkthrough',
      origin: null,
      position: 4,
      selection: 'loss',
    });
  });

  it('flush writes a pending change at once (the page is being closed)', () => {
    const storage = new MemoryStorage();
    const store = fresh();
    const saver = createSessionSaver(store, { storage: of(storage), hash: () => '' });
    store.getState().setWeight(0, 0, 0, 0.5);
    saver.flush();
    expect(storage.writes).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(1);
    saver.dispose();
  });

  it('a full storage says so once in the notice, never throws, and the app works on', () => {
    const storage = new FullStorage();
    const store = fresh();
    const saver = createSessionSaver(store, { storage: of(storage), hash: () => '' });
    store.getState().setWeight(0, 0, 0, 0.5);
    expect(() => vi.advanceTimersByTime(300)).not.toThrow();
    expect(storage.writes).toBe(1);
    const notice = store.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.text).toMatch(/could not be saved/);
    expect(notice?.details?.[0]).toMatch(/full.*QuotaExceededError/);
    store.getState().setNotice(null);
    store.getState().setWeight(0, 0, 0, 0.6);
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(2);
    expect(store.getState().notice).toBeNull();
    expect(store.getState().scenario.weights[0][0][0]).toBe(0.6);
    expect(() => saver.dispose()).not.toThrow();
  });

  it('a session too big to keep is not written out: the notice says so once, what is kept, and the session saved before stays', () => {
    const storage = new MemoryStorage();
    const store = fresh();
    const saver = createSessionSaver(store, { storage: of(storage), hash: () => '' });
    store.getState().setWeight(0, 0, 0, 0.5);
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(1);
    const before = storage.getItem(SESSION_KEY);
    const base = store.getState().scenario;
    const nIn = base.layers[0].size;
    const nOut = base.layers[base.layers.length - 1].size;
    // 100,000 samples: the format's limit, a million numbers and more
    const data = Array.from({ length: 100_000 }, (_, s) => ({
      x: Array.from({ length: nIn }, (_, i) => s + i / 7),
      y: Array.from({ length: nOut }, () => s / 3),
    }));
    store.getState().loadScenario({ ...base, data }, null, { kind: 'info', text: 'Imported "big.json".' });
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(1);
    expect(storage.getItem(SESSION_KEY)).toBe(before);
    const notice = store.getState().notice;
    expect(notice?.kind).toBe('info');
    expect(notice?.text).toContain('Imported "big.json".');
    expect(notice?.text).toContain('too big to keep across reloads: export it');
    expect(notice?.text).toContain('a reload opens the session saved before it');
    // said once: a later change of the big session does not say it again, nor write it
    store.getState().setNotice(null);
    store.getState().setPosition(2);
    saver.flush();
    expect(storage.writes).toBe(1);
    expect(store.getState().notice).toBeNull();
    // back to a small scenario: saved again
    store.getState().loadScenario(base, null, null);
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(2);
    expect((JSON.parse(storage.getItem(SESSION_KEY)!) as { scenario: { data: unknown[] } }).scenario.data).toHaveLength(
      base.data.length,
    );
    saver.dispose();
  });

  it('a storage that cannot be reached at all is not written, and nothing throws', () => {
    const store = fresh();
    const throwing: GetStorage = () => {
      throw new DOMException('localStorage is disabled', 'SecurityError');
    };
    const saver = createSessionSaver(store, { storage: throwing, hash: () => '' });
    store.getState().setWeight(0, 0, 0, 0.5);
    expect(() => vi.advanceTimersByTime(300)).not.toThrow();
    // Opening the session already said so; the saver does not repeat it.
    expect(store.getState().notice).toBeNull();
    saver.dispose();
  });
});

describe('restoring the session', () => {
  it('restores the scenario, optimizer state, loss history, position, selection and view settings', () => {
    const storage = new MemoryStorage();
    const store = saveWork(fresh(), storage, doWork);
    const start = openSession('', of(storage));
    expect(start.pastStates).toEqual([]);
    const restored = createAppStore(start.inputs);
    const a = store.getState();
    const b = restored.getState();
    expect(serializeScenario(b.scenario)).toEqual(serializeScenario(a.scenario));
    expect(b.presetId).toBe('walkthrough');
    expect(b.optimizerState?.t).toBe(3);
    expect(b.optimizerState?.w.first).toEqual(a.optimizerState?.w.first);
    expect(b.optimizerState?.b.second).toEqual(a.optimizerState?.b.second);
    expect(b.run.lossHistory).toEqual(a.run.lossHistory);
    expect([b.position, b.sample, b.selection, b.followStep, b.showZ, b.speed, b.theme]).toEqual([
      a.position,
      a.sample,
      a.selection,
      a.followStep,
      a.showZ,
      a.speed,
      a.theme,
    ]);
    expect(b.comparison).toEqual(a.comparison);
    expect(b.worksheet).toBe(true);
    expect(b.precision).toBe(9);
    expect(b.comparison?.runs[1].type).toBe('rmsprop');
    expect(b.notice).toBeNull();
    // Same batch, same numbers.
    const ia = store.selectors.iteration(a);
    const ib = restored.selectors.iteration(b);
    expect(ib.start).toBe(ia.start);
    expect(ib.pass.dLdw).toEqual(ia.pass.dLdw);
    expect(ib.after.w).toEqual(ia.after.w);
    // Reset still knows the preset; undo starts empty.
    expect(restored.temporal.getState().pastStates).toEqual([]);
    restored.getState().resetToOrigin();
    expect(restored.getState().scenario).toEqual(loadPreset('walkthrough'));
  });

  it('keeps the origin of a scenario that came from a file or a link, and a loss that was not finite', () => {
    const storage = new MemoryStorage();
    const opened = loadPreset('tanh-221')!;
    saveWork(createAppStore(initialInputs(opened, null)), storage, (store) => {
      store.getState().setWeight(0, 0, 0, 2);
      store.setState({
        run: { lossHistory: lossesOf([0.5, Number.POSITIVE_INFINITY, 0.25]), testLossHistory: EMPTY_LOSSES, path: [] },
      });
    });
    const restored = createAppStore(openSession('', of(storage)).inputs);
    expect(restored.getState().presetId).toBeNull();
    expect(Array.from(restored.getState().run.lossHistory)).toEqual([0.5, NaN, 0.25]);
    restored.getState().resetToOrigin();
    expect(restored.getState().scenario).toEqual(opened);
  });

  it('restores a run’s loss history exactly: a record that shares its buffer with a longer one, every double to the bit', () => {
    const storage = new MemoryStorage();
    const losses = [0.1 + 0.2, 1e-300, 5e-324, Number.MAX_VALUE, 1 / 3, NaN, 0.25];
    const shown = appendLosses(appendLosses(EMPTY_LOSSES, losses.slice(0, 4)), losses.slice(4));
    // a later record of the same buffer: what is saved is the shown record's entries only
    appendLosses(shown, [99]);
    saveWork(createAppStore(initialInputs(loadPreset('tanh-221')!, 'tanh-221')), storage, (store) => {
      store.setState({ run: { lossHistory: shown, testLossHistory: EMPTY_LOSSES, path: [] } });
    });
    const restored = createAppStore(openSession('', of(storage)).inputs).getState().run.lossHistory;
    expect(restored).toBeInstanceOf(Float64Array);
    expect(restored).toHaveLength(losses.length);
    for (let k = 0; k < losses.length; k++) expect(Object.is(restored[k], losses[k])).toBe(true);
  });

  it('keeps the test loss history step for step with the training losses (a test loss not finite included)', () => {
    const storage = new MemoryStorage();
    const run = {
      lossHistory: lossesOf([0.5, 0.4, 0.3]),
      testLossHistory: lossesOf([0.6, Number.NaN, 0.45]),
      path: [],
    };
    saveWork(createAppStore(initialInputs(loadPreset('playground')!, 'playground')), storage, (store) => {
      store.setState({ run });
    });
    const restored = createAppStore(openSession('', of(storage)).inputs);
    expect(Array.from(restored.getState().run.lossHistory)).toEqual([0.5, 0.4, 0.3]);
    expect(Array.from(restored.getState().run.testLossHistory)).toEqual([0.6, NaN, 0.45]);
  });

  it('reads a session saved before the test losses were saved with no test curve, and names a test history out of step', () => {
    const storage = new MemoryStorage();
    const store = createAppStore(initialInputs(loadPreset('playground')!, 'playground'));
    store.setState({ run: { lossHistory: lossesOf([0.5, 0.4]), testLossHistory: lossesOf([0.6, 0.55]), path: [] } });
    storage.setItem(
      SESSION_KEY,
      envelopeText(store, '', (d) => delete d.testLossHistory),
    );
    const old = openSession('', of(storage)).inputs;
    expect(old.notice).toBeNull();
    expect(Array.from(old.run.lossHistory)).toEqual([0.5, 0.4]);
    expect(Array.from(old.run.testLossHistory)).toEqual([]);
    storage.setItem(
      SESSION_KEY,
      envelopeText(store, '', (d) => (d.testLossHistory = [0.6])),
    );
    const bad = openSession('', of(storage)).inputs;
    expect(bad.notice?.details?.join('\n')).toMatch(
      /testLossHistory: expected 2 losses \(one per lossHistory entry\) or none, got 1/,
    );
  });

  it('reads a session saved before the comparison, worksheet mode and precision were saved as the defaults', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      SESSION_KEY,
      envelopeText(storeWithWork(), '', (d) => {
        delete d.comparison;
        delete d.worksheet;
        delete d.precision;
      }),
    );
    const start = openSession('', of(storage));
    expect(start.inputs.notice).toBeNull();
    expect(start.inputs.comparison).toBeNull();
    expect(start.inputs.worksheet).toBe(false);
    expect(start.inputs.precision).toBe(4);
    expect(start.inputs.optimizerState?.t).toBe(3);
  });

  it('opens the default preset when nothing is saved, without a notice', () => {
    const start = openSession('', of(new MemoryStorage()));
    expect(start.inputs.presetId).toBe(DEFAULT_PRESET_ID);
    expect(start.inputs.scenario).toEqual(defaultScenario());
    expect(start.inputs.notice).toBeNull();
  });
});

describe('a saved session that cannot be used opens the default preset and says why', () => {
  const cases: [string, (store: AppStore) => StorageLike | GetStorage, RegExp, 'error' | 'info'][] = [
    ['corrupted JSON', () => stored('{"version":1,"scenario":{"format"'), /not valid JSON/, 'error'],
    ['not an object', () => stored('[1,2,3]'), /expected a saved session/, 'error'],
    [
      'a scenario the codec rejects',
      (store) =>
        stored(
          envelopeText(store, '', (d) => {
            (d.scenario as Record<string, unknown>).loss = 'hinge';
          }),
        ),
      /^scenario\.loss: unknown loss "hinge"/,
      'error',
    ],
    [
      'a weight that is not a number',
      (store) =>
        stored(
          envelopeText(store, '', (d) => {
            (d.scenario as { weights: unknown[][][] }).weights[0][0][0] = 'x';
          }),
        ),
      /^scenario\.weights\[0\]\[0\]\[0\]: expected a finite number/,
      'error',
    ],
    [
      'a session of another version without a readable scenario',
      () => stored('{"version":2,"model":{}}'),
      /^version: saved by another version .*format 2/,
      'error',
    ],
    [
      'a storage whose getItem throws SecurityError',
      () => new ForbiddenStorage(),
      /does not let this page use its storage.*SecurityError/,
      'info',
    ],
    [
      'a storage that cannot be reached',
      () => () => {
        throw new DOMException('denied', 'SecurityError');
      },
      /SecurityError/,
      'info',
    ],
    ['no storage at all', () => () => undefined, /no localStorage/, 'info'],
  ];

  for (const [name, make, detail, kind] of cases) {
    it(name, () => {
      const made = make(storeWithWork());
      const getStorage = typeof made === 'function' ? made : of(made);
      let start: ReturnType<typeof openSession> | undefined;
      expect(() => {
        start = openSession('', getStorage);
      }).not.toThrow();
      expect(start!.inputs.presetId).toBe(DEFAULT_PRESET_ID);
      expect(start!.inputs.scenario).toEqual(defaultScenario());
      expect(start!.inputs.position).toBe(0);
      const notice = start!.inputs.notice;
      expect(notice?.kind).toBe(kind);
      expect(notice?.text).toMatch(kind === 'error' ? /saved session could not be restored/ : /will not be saved/);
      expect(notice?.details?.join('\n')).toMatch(detail);
      // A store opens on it and works.
      const store = createAppStore(start!.inputs, { pastStates: start!.pastStates });
      expect(store.getState().setWeight(0, 0, 0, 0.5)).toBe(true);
    });
  }

  it('readSavedSession reports the problem without touching what is stored', () => {
    const storage = stored('garbage');
    expect(readSavedSession(of(storage)).kind).toBe('unreadable');
    expect(storage.getItem(SESSION_KEY)).toBe('garbage');
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
  });
});

function stored(text: string): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(SESSION_KEY, text);
  return storage;
}

describe('a saved session that cannot all be read keeps what can be kept', () => {
  // Each: what is wrong, the detail that says so, what is reset, and what must survive.
  const cases: [string, (d: Record<string, unknown>) => void, RegExp, string][] = [
    [
      'a position past the end',
      (d) => {
        d.position = 999999;
      },
      /^position: expected an integer in \[0, 26\]/,
      'position',
    ],
    [
      'a selection the network does not have',
      (d) => {
        d.selection = 'edge:5:0:0';
      },
      /^selection: the network has no "edge:5:0:0"/,
      'selection',
    ],
    [
      'a malformed selection',
      (d) => {
        d.selection = { kind: 'edge' };
      },
      /^selection: expected null or a key/,
      'selection',
    ],
    [
      'an optimizer state of the wrong size',
      (d) => {
        d.optimizerState = { t: 1, w: { first: [1], second: [1] }, b: { first: [], second: [] } };
      },
      /^optimizerState\.w\.first: expected 8 numbers, got 1/,
      'optimizerState',
    ],
    [
      'an unknown preset',
      (d) => {
        d.presetId = 'nope';
      },
      /^presetId: unknown preset "nope"/,
      'presetId',
    ],
    [
      'a speed out of range',
      (d) => {
        d.speed = 1e6;
      },
      /^speed: expected a number in \[0\.25, 200\]/,
      'speed',
    ],
    [
      'a comparison run that is not allowed',
      (d) => {
        d.comparison = {
          runs: [
            { type: 'sgd', learningRate: 1 },
            { type: 'sgd', learningRate: 0 },
          ],
          steps: 10,
        };
      },
      /^comparison\.runs\[1\]\.learningRate: expected a number > 0, got 0/,
      'comparison',
    ],
    [
      'a worksheet flag that is not a boolean',
      (d) => {
        d.worksheet = 'yes';
      },
      /^worksheet: expected true or false/,
      'worksheet',
    ],
    [
      'a precision the app does not offer',
      (d) => {
        d.precision = 5;
      },
      /^precision: expected 4, 6, 9 or "full", got 5/,
      'precision',
    ],
    [
      'a text size out of range',
      (d) => {
        d.textSize = 99;
      },
      /^textSize: expected an integer from/,
      'textSize',
    ],
    [
      'an unknown field',
      (d) => {
        d.extra = 1;
      },
      /^extra: unknown field/,
      'extra',
    ],
    [
      'another version',
      (d) => {
        d.version = 2;
        d.futureField = { x: 1 };
      },
      /^version: saved by another version .*format 2/,
      'futureField',
    ],
    [
      'no version',
      (d) => {
        delete d.version;
      },
      /^version: expected 1, got nothing/,
      'version',
    ],
  ];

  for (const [name, edit, detail, reset] of cases) {
    it(name, () => {
      const work = storeWithWork();
      const text = envelopeText(work, '', edit);
      const storage = stored(text);
      const start = openSession('', of(storage));
      const inputs = start.inputs;
      // The scenario and the rest that was fine come back.
      expect(serializeScenario(inputs.scenario)).toEqual(serializeScenario(work.getState().scenario));
      expect(inputs.run.lossHistory).toEqual(work.getState().run.lossHistory);
      if (reset !== 'optimizerState') expect(inputs.optimizerState?.t).toBe(3);
      if (reset !== 'position') expect(inputs.position).toBe(11);
      if (reset !== 'selection') expect(inputs.selection).toEqual({ kind: 'edge', l: 1, j: 0, i: 1 });
      const notice = inputs.notice!;
      expect(notice.kind).toBe('error');
      expect(notice.text).toMatch(/Part of your saved session could not be restored: its scenario is back/);
      expect(notice.text).toContain(reset);
      expect(notice.details?.join('\n')).toMatch(detail);
      // A copy of what was stored is kept aside and offered for download.
      expect(storage.getItem(BACKUP_KEY)).toBe(text);
      expect(notice.download).toEqual({
        label: 'Download the saved session',
        fileName: 'backprop-lab-saved-session.json',
        text,
      });
      const store = createAppStore(inputs, { pastStates: start.pastStates });
      expect(store.getState().setWeight(0, 0, 0, 0.5)).toBe(true);
    });
  }
});

describe('an unreadable saved session is never overwritten without a copy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  for (const [name, text] of [
    ['not JSON', '{"version":1,"scenario":{"format"'],
    ['a session of another version', '{"version":2,"model":{"layers":[3,2,1]}}'],
  ] as const) {
    it(`${name}: kept aside before the first change is saved, and offered for download`, () => {
      const storage = stored(text);
      const start = openSession('', of(storage));
      expect(start.inputs.notice?.text).toMatch(/A copy of it is kept/);
      expect(start.inputs.notice?.download?.text).toBe(text);
      const store = createAppStore(start.inputs, { pastStates: start.pastStates });
      saveWork(store, storage, (s) => {
        s.getState().setWeight(0, 0, 0, 0.5);
        vi.advanceTimersByTime(1000);
      });
      expect(storage.getItem(SESSION_KEY)).not.toBe(text);
      expect(storage.getItem(BACKUP_KEY)).toBe(text);
    });
  }
});

describe('a link in the URL and the saved session', () => {
  function savedWork(hash = '') {
    const storage = new MemoryStorage();
    const store = saveWork(fresh(), storage, doWork, hash);
    return { storage, store, text: storage.getItem(SESSION_KEY) };
  }

  it('a link to another scenario wins; the saved session stays stored, and undo brings it back', () => {
    const { storage, store, text } = savedWork();
    const mazur = loadPreset('mazur')!;
    const start = openSession(scenarioHash(mazur), of(storage));
    expect(start.inputs.scenario).toEqual(mazur);
    expect(start.inputs.notice).toMatchObject({ kind: 'info', text: expect.stringMatching(/set aside.*Undo/) });
    expect(storage.getItem(SESSION_KEY)).toBe(text);
    const opened = createAppStore(start.inputs, { pastStates: start.pastStates });
    opened.getState().undo();
    expect(serializeScenario(opened.getState().scenario)).toEqual(serializeScenario(store.getState().scenario));
    expect(opened.getState().optimizerState?.t).toBe(3);
    expect(opened.getState().presetId).toBe('walkthrough');
  });

  it('the set-aside session is overwritten only by the first change', () => {
    vi.useFakeTimers();
    try {
      const { storage, text } = savedWork();
      const start = openSession(scenarioHash(loadPreset('mazur')!), of(storage));
      const opened = createAppStore(start.inputs, { pastStates: start.pastStates });
      const saver = createSessionSaver(opened, { storage: of(storage), hash: () => '#link' });
      opened.getState().setNotice(null);
      vi.advanceTimersByTime(1000);
      saver.flush();
      expect(storage.getItem(SESSION_KEY)).toBe(text);
      opened.getState().stepForward();
      vi.advanceTimersByTime(1000);
      expect(JSON.parse(storage.getItem(SESSION_KEY)!)).toMatchObject({ presetId: null, position: 1, hash: '#link' });
      saver.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the URL the session was saved at restores it (a reload), position and selection included', () => {
    const hash = '#scenario=whatever-was-in-the-address-bar&pos=3';
    const { storage, store } = savedWork(hash);
    const start = openSession(hash, of(storage));
    expect(start.inputs.position).toBe(store.getState().position);
    expect(start.inputs.selection).toEqual(store.getState().selection);
    expect(start.inputs.notice).toBeNull();
  });

  it("a reload of a lesson link restores the session and keeps the lesson's hidden controls", () => {
    const mazur = loadPreset('mazur')!;
    const hash = `${scenarioHash(mazur)}&hide=settings,training`;
    const { storage, store } = savedWork(hash);
    const start = openSession(hash, of(storage));
    expect(start.inputs.position).toBe(store.getState().position);
    expect(start.inputs.hidden).toEqual(['settings', 'training']);
    expect(start.inputs.notice).toBeNull();
  });

  it("a link to the saved scenario with a position of its own opens at the link's position", () => {
    const { storage, store } = savedWork('#old');
    const start = openSession(`${scenarioHash(store.getState().scenario)}&pos=2`, of(storage));
    expect(start.inputs.position).toBe(2);
    expect(start.pastStates).toEqual([]);
  });

  it('a bare link to the saved scenario itself restores the session', () => {
    const { storage, store } = savedWork('#old');
    const start = openSession(scenarioHash(store.getState().scenario), of(storage));
    expect(start.inputs.position).toBe(11);
    expect(start.inputs.optimizerState?.t).toBe(3);
    expect(start.inputs.notice).toBeNull();
    expect(start.pastStates).toEqual([]);
  });

  it('a link that cannot be opened shows the saved session, and says what is wrong with the link', () => {
    const { storage } = savedWork();
    const start = openSession('#scenario=garbage', of(storage));
    expect(start.inputs.position).toBe(11);
    expect(start.inputs.notice).toMatchObject({
      kind: 'error',
      text: expect.stringMatching(/link could not be opened.*saved session/),
    });
  });

  it('a link opens as before when nothing is saved, or when the saved session cannot be read', () => {
    const mazur = loadPreset('mazur')!;
    expect(openSession(scenarioHash(mazur), of(new MemoryStorage())).inputs).toMatchObject({
      scenario: mazur,
      presetId: null,
      notice: null,
    });
    const broken = new MemoryStorage();
    broken.setItem(SESSION_KEY, '{');
    const start = openSession(scenarioHash(mazur), of(broken));
    expect(start.inputs.scenario).toEqual(mazur);
    expect(start.inputs.notice?.text).toMatch(/saved session could not be restored/);
  });
});

describe('a link opened on a first visit', () => {
  it('is saved at once, so a new tab without the link reopens it', () => {
    const storage = new MemoryStorage();
    const mazur = loadPreset('mazur')!;
    const hash = scenarioHash(mazur);
    const start = openSession(hash, of(storage));
    const store = createAppStore(start.inputs, { pastStates: start.pastStates });
    const saver = createSessionSaver(store, { storage: of(storage), hash: () => hash });
    // No edit, no timer: saved already.
    expect(storage.getItem(SESSION_KEY)).not.toBeNull();
    saver.dispose();
    const again = openSession('', of(storage));
    expect(again.inputs.scenario).toEqual(mazur);
    expect(again.inputs.presetId).toBeNull();
  });

  it('does not overwrite a session that is stored, readable or not', () => {
    const mazur = loadPreset('mazur')!;
    for (const text of [envelopeText(storeWithWork()), 'garbage']) {
      const storage = new MemoryStorage();
      storage.setItem(SESSION_KEY, text);
      const start = openSession(scenarioHash(mazur), of(storage));
      const saver = createSessionSaver(createAppStore(start.inputs, { pastStates: start.pastStates }), {
        storage: of(storage),
        hash: () => scenarioHash(mazur),
      });
      saver.dispose();
      expect(storage.getItem(SESSION_KEY)).toBe(text);
    }
  });
});

describe('a reload that loads the address the page had just replaced', () => {
  // The page at #old; an edit; the session saved; the address replaced by #new (as use-hash-sync
  // does 250 ms after a change), and the session saved again under it at once.
  function replacedAddress(at: number) {
    const storage = new MemoryStorage();
    const store = fresh('mazur');
    let address = '#scenario=old';
    const saver = createSessionSaver(store, { storage: of(storage), hash: () => address, now: () => at });
    store.getState().setWeight(0, 0, 0, 0.625);
    saver.flush();
    address = '#scenario=new';
    saver.flush();
    saver.dispose();
    return { storage, store };
  }

  it('the saved session names the new address, and the one it replaced with the time it was replaced', () => {
    const { storage } = replacedAddress(1_000_000);
    expect(JSON.parse(storage.getItem(SESSION_KEY)!)).toMatchObject({
      hash: '#scenario=new',
      earlierHash: { hash: '#scenario=old', until: 1_000_000 },
    });
  });

  it('within the reload window the earlier address restores the saved session, and the address shows the saved one', () => {
    const { storage, store } = replacedAddress(1_000_000);
    for (const now of [1_000_000, 1_000_000 + 250, 1_000_000 + RELOAD_WINDOW_MS]) {
      const start = openSession('#scenario=old', of(storage), now);
      expect(start.inputs.scenario).toEqual(store.getState().scenario);
      expect(start.inputs.notice).toBeNull();
      expect(start.pastStates).toEqual([]);
      expect(start.address).toBe('#scenario=new');
    }
    // The saved address itself: no address to change.
    expect(openSession('#scenario=new', of(storage), 1_000_100).address).toBeUndefined();
  });

  it('past the window the earlier address is a link like any other: opened, the session set aside', () => {
    const { storage } = replacedAddress(1_000_000);
    const mazur = loadPreset('mazur')!;
    const storedText = storage.getItem(SESSION_KEY)!;
    const doc = JSON.parse(storedText) as Record<string, unknown>;
    doc.earlierHash = { hash: scenarioHash(mazur), until: 1_000_000 };
    storage.setItem(SESSION_KEY, JSON.stringify(doc));
    const late = openSession(scenarioHash(mazur), of(storage), 1_000_000 + RELOAD_WINDOW_MS + 1);
    expect(late.inputs.notice).toMatchObject({ text: expect.stringMatching(/set aside/) });
    expect(late.pastStates).toHaveLength(1);
    expect(late.address).toBeUndefined();
    const inTime = openSession(scenarioHash(mazur), of(storage), 1_000_000 + 500);
    expect(inTime.inputs.notice).toBeNull();
    expect(serializeScenario(inTime.inputs.scenario)).toEqual(JSON.parse(storedText).scenario);
    expect(inTime.pastStates).toEqual([]);
  });

  it('a saved session with a bad earlier address is named and salvaged without it', () => {
    const store = fresh('mazur');
    const text = envelopeText(store, '#scenario=x', (doc) => {
      doc.earlierHash = { hash: 3, until: 'soon' };
    });
    const read = readSavedSession(of(stored(text)));
    expect(read.kind).toBe('salvaged');
    if (read.kind !== 'salvaged') return;
    expect(read.notice.text).toMatch(/reset: earlierHash/);
    expect(read.session.earlierHash).toBeNull();
  });
});
