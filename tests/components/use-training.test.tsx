// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreContext } from '../../src/components/store-context.ts';
import type { TrainingWorkerMessage } from '../../src/components/training-worker.ts';
import { useTraining } from '../../src/components/use-training.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { createTrainingSession } from '../../src/core/training-session.ts';
import { loadPreset } from '../../src/presets/index.ts';
import type { AppStore } from '../../src/store/app-actions.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

/**
 * A Web Worker for jsdom: it runs the training worker's protocol on the page's thread, one
 * report per task, and records what it was sent and whether it was terminated.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  /** called as a run's request arrives */
  static onRun: (() => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  readonly received: TrainingWorkerMessage[] = [];
  terminated = false;
  posted = 0;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: TrainingWorkerMessage) {
    this.received.push(message);
    if (message.kind !== 'run') return;
    FakeWorker.onRun?.();
    const { compiled, params, state, steps, maxPoints } = message.request;
    const session = createTrainingSession(compiled, params, state, steps, maxPoints, () => performance.now());
    const tick = () => {
      if (this.terminated) return;
      const report = session.advance(1);
      this.posted++;
      this.onmessage?.({ data: report } as MessageEvent);
      if (!report.finished) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

let api: { start(steps: number): void; stop(): void } | null = null;
function Trainer() {
  api = useTraining();
  return null;
}

function mount(id = 'numpy-341'): AppStore {
  const store = createAppStore(initialInputs(loadPreset(id)!, id));
  render(
    <StoreContext.Provider value={store}>
      <Trainer />
    </StoreContext.Provider>,
  );
  return store;
}

const until = async (done: () => boolean) => {
  for (let k = 0; k < 2000 && !done(); k++) await act(async () => new Promise((r) => setTimeout(r, 5)));
  expect(done()).toBe(true);
};

beforeAll(installJsdomShims);
beforeEach(() => {
  FakeWorker.made = [];
  FakeWorker.onRun = null;
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  cleanup();
  delete (globalThis as { Worker?: unknown }).Worker;
});

describe('training in a Web Worker', () => {
  it('keeps one worker between runs: it is started and warmed up before the first run, and each finished run gives it back', async () => {
    const store = mount();
    // at idle after mounting: a worker is there, warmed up on the scenario shown
    await until(() => FakeWorker.made.length === 1 && FakeWorker.made[0].received.length === 1);
    expect(FakeWorker.made[0].received[0].kind).toBe('warm');
    // runs far over a frame of the page's thread: they go to the worker
    act(() => api!.start(100_000));
    await until(() => !store.getState().training);
    act(() => api!.start(50_000));
    await until(() => !store.getState().training);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].terminated).toBe(false);
    expect(FakeWorker.made[0].received.map((m) => m.kind)).toEqual(['warm', 'run', 'run']);
    // the two runs are 150,000 steps of one train call
    const c = compileScenario(loadPreset('numpy-341')!);
    const plain = createTrainer(c);
    const losses = train(plain, 150_000);
    expect(Array.from(store.getState().run.lossHistory)).toEqual(Array.from(losses));
    expect(Array.from(store.selectors.compiled(store.getState()).params.w)).toEqual(Array.from(plain.params.w));
  });

  it('sends the run to the worker before the page shows that a run is on (that update draws the diagram)', async () => {
    const store = mount();
    await until(() => FakeWorker.made.length === 1);
    const trainingWhenSent: boolean[] = [];
    FakeWorker.onRun = () => trainingWhenSent.push(store.getState().training);
    act(() => api!.start(100_000));
    expect(trainingWhenSent).toEqual([false]);
    expect(store.getState().training).toBe(true);
    await until(() => !store.getState().training);
  });

  it('Stop ends the run at once by terminating its worker; a fresh worker serves the next run', async () => {
    const store = mount();
    await until(() => FakeWorker.made.length === 1);
    act(() => api!.start(1_000_000));
    await until(() => store.getState().run.lossHistory.length > 1);
    act(() => api!.stop());
    expect(store.getState().training).toBe(false);
    expect(FakeWorker.made[0].terminated).toBe(true);
    const shown = store.getState().run.lossHistory.length;
    await act(async () => new Promise((r) => setTimeout(r, 30)));
    expect(store.getState().run.lossHistory.length).toBe(shown);
    await until(() => FakeWorker.made.length === 2);
    act(() => api!.start(50_000));
    await until(() => !store.getState().training);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1].received.at(-1)?.kind).toBe('run');
  });

  it('Stop keeps what is shown: reports that arrived since the last frame are dropped, not shown in Stop’s task', async () => {
    // frames of the page only when the test runs them
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    try {
      const store = mount();
      await until(() => FakeWorker.made.length === 1);
      act(() => api!.start(1_000_000));
      const worker = FakeWorker.made[0];
      await until(() => worker.posted >= 2);
      act(() => frames.splice(0).forEach((f) => f(performance.now())));
      const shown = store.getState().run.lossHistory.length;
      expect(shown).toBeGreaterThan(1);
      const posted = worker.posted;
      await until(() => worker.posted > posted);
      expect(store.getState().run.lossHistory.length).toBe(shown);
      act(() => api!.stop());
      expect(store.getState().training).toBe(false);
      expect(store.getState().run.lossHistory.length).toBe(shown);
      // the step boundary shown: the parameters after shown − 1 steps of one train call
      const c = compileScenario(loadPreset('numpy-341')!);
      const plain = createTrainer(c);
      train(plain, shown - 1);
      expect(Array.from(store.selectors.compiled(store.getState()).params.w)).toEqual(Array.from(plain.params.w));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('trains a run predicted to take under a frame in the click’s task, without the worker, as one run of the core', async () => {
    const store = mount();
    // at idle after mounting: the page has measured a step of the scenario shown (and warmed the worker)
    await until(() => FakeWorker.made.length === 1 && FakeWorker.made[0].received.length === 1);
    act(() => api!.start(200));
    // over within start's task: no report waits for a frame
    expect(store.getState().training).toBe(false);
    expect(FakeWorker.made[0].received.map((m) => m.kind)).toEqual(['warm']);
    const plain = createTrainer(compileScenario(loadPreset('numpy-341')!));
    const losses = train(plain, 200);
    expect(Array.from(store.getState().run.lossHistory)).toEqual(Array.from(losses));
    expect(Array.from(store.selectors.compiled(store.getState()).params.w)).toEqual(Array.from(plain.params.w));
    // one undo entry rewinds it
    store.temporal.getState().undo();
    expect(Array.from(store.getState().run.lossHistory)).toEqual([]);
  });

  it('a run that outlasts its prediction on the page continues in the worker from the step boundary reached', async () => {
    const store = mount();
    await until(() => FakeWorker.made.length === 1 && FakeWorker.made[0].received.length === 1);
    // a clock that runs fast while start trains on the page: its time budget ends after a chunk or two
    const real = performance.now.bind(performance);
    let skew = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => real() + (skew += 7));
    try {
      // few enough steps that the measured ones predict them under a frame, even on a loaded machine
      act(() => api!.start(200));
    } finally {
      spy.mockRestore();
    }
    expect(store.getState().training).toBe(true);
    const worker = FakeWorker.made[0];
    const sent = worker.received.at(-1)!;
    expect(sent.kind).toBe('run');
    expect(sent.request.steps).toBeGreaterThan(0);
    expect(sent.request.steps).toBeLessThan(200);
    await until(() => !store.getState().training);
    // the same 200 steps as one train call: no step twice, no loss twice
    const plain = createTrainer(compileScenario(loadPreset('numpy-341')!));
    const losses = train(plain, 200);
    expect(Array.from(store.getState().run.lossHistory)).toEqual(Array.from(losses));
    expect(Array.from(store.selectors.compiled(store.getState()).params.w)).toEqual(Array.from(plain.params.w));
  });

  it('ends its worker when the page lets go of training', async () => {
    mount();
    await until(() => FakeWorker.made.length === 1);
    cleanup();
    expect(FakeWorker.made[0].terminated).toBe(true);
  });
});
