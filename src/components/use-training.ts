import { useCallback, useEffect, useRef, useState } from 'react';
import {
  mergeProgress,
  createTrainingSession,
  type TrainingProgress,
  type TrainingSession,
} from '../core/training-session.ts';
import type { AppStore } from '../store/app-actions.ts';
import { pathCap } from '../store/training-actions.ts';
import { nextShowAt } from './report-pacing.ts';
import { createStepRates, type StepRates } from './step-rates.ts';
import type { TrainingRequest, TrainingWorkerMessage } from './training-worker.ts';
import { useAppStoreApi } from './use-app-store.ts';
import { createWarmWorker, type WarmWorker, type WorkerLike } from './warm-worker.ts';

/** How long a frame of the page trains when it has no Web Worker (the page keeps answering input). */
const FRAME_TRAIN_MS = 10;

/** A run in progress: where its reports come from, and how to end it. */
interface RunHandle {
  /** ends the source: no report arrives after it */
  cancel(): void;
}

/**
 * A run predicted (from this network's measured steps on the page's thread) to take up to this
 * long trains in the click's task: shorter than the trip to the worker and back plus a frame.
 */
const MAIN_THREAD_MS = 16;
/** The most such a run trains in the click's task when it outlasts its prediction; the worker does the rest. */
const MAIN_THREAD_BUDGET_MS = 24;
/** How long the page trains a throwaway copy at idle: its engine compiles the hot loops, and the steps are timed. */
const MAIN_WARM_MS = 8;
/** The most idle warm-ups of the page for one network, each MAIN_WARM_MS, while its timed rate still improves. */
const MAIN_WARM_ROUNDS = 8;

/** How long a new worker trains a throwaway copy of the scenario before the first run (engine warm-up). */
const WARM_MS = 150;
/** Past this many weights and biases a warm-up step costs more than it saves: the worker only starts. */
const WARM_MAX_PARAMS = 20_000;

function spawnWorker(): WorkerLike | null {
  try {
    return new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Trains in the kept Web Worker at the core's speed; each report is a step boundary. */
function workerRun(
  workers: WarmWorker,
  request: TrainingRequest,
  onReport: (p: TrainingProgress) => void,
): RunHandle | null {
  const worker = workers.take();
  if (worker === null) return null;
  worker.onmessage = (event: MessageEvent<TrainingProgress>) => {
    // the worker is free again at its last report: the next run reuses it
    if (event.data.finished) workers.give(worker);
    onReport(event.data);
  };
  worker.postMessage({ kind: 'run', request } satisfies TrainingWorkerMessage);
  return { cancel: () => worker.terminate() };
}

/** The first report of a continued session without its start (the last step boundary shown: its loss and point). */
function withoutStart(p: TrainingProgress): TrainingProgress {
  return {
    ...p,
    losses: p.losses.subarray(1),
    testLosses: p.testLosses === null ? null : p.testLosses.subarray(1),
    points: p.points.slice(1),
  };
}

/** The pure core's time-budgeted session for a request, on the page's clock. */
function sessionOf(request: TrainingRequest): TrainingSession {
  return createTrainingSession(request.compiled, request.params, request.state, request.steps, request.maxPoints, () =>
    performance.now(),
  );
}

/**
 * Trains in the click's task for up to MAIN_THREAD_BUDGET_MS and reports it; a run that is not
 * over by then continues from that step boundary in `rest` (the worker), as one run.
 */
function pageThenRest(
  request: TrainingRequest,
  rates: StepRates,
  onReport: (p: TrainingProgress) => void,
  rest: (request: TrainingRequest, onReport: (p: TrainingProgress) => void) => RunHandle,
): RunHandle {
  const now = () => performance.now();
  const session = sessionOf(request);
  const t0 = now();
  const first = session.advance(MAIN_THREAD_BUDGET_MS);
  rates.record(request.compiled, first.done, now() - t0);
  let handle: RunHandle | null = null;
  if (!first.finished) {
    let started = false;
    const next = { ...request, params: first.params, state: first.state, steps: request.steps - first.done };
    handle = rest(next, (p) => {
      onReport(started ? p : withoutStart(p));
      started = true;
    });
  }
  onReport(first);
  return { cancel: () => handle?.cancel() };
}

/** Runs `task` when the page is idle (after the first paint), or soon where idle callbacks are missing. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 250 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 50);
  return () => clearTimeout(id);
}

/** The same session in frames of the page (where Workers are missing, as in jsdom). */
function frameRun(request: TrainingRequest, onReport: (p: TrainingProgress) => void): RunHandle {
  const session = sessionOf(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const report = session.advance(FRAME_TRAIN_MS);
    if (!report.finished) timer = setTimeout(tick, 0);
    onReport(report);
  };
  timer = setTimeout(tick, 0);
  return { cancel: () => clearTimeout(timer) };
}

/**
 * Runs `steps` training steps off the page's thread (a Web Worker) and shows its reports
 * once per animation frame, so the loss chart and the diagram follow along at any speed;
 * Stop ends the run at once on the last step boundary shown. A run is one undo entry.
 */
export function useTraining(): { start(steps: number): void; stop(): void } {
  const store = useAppStoreApi();
  const run = useRef<{ readonly handle: RunHandle; flush(): void; drop(): void } | null>(null);
  const workers = useRef<WarmWorker | null>(null);
  workers.current ??= createWarmWorker(spawnWorker);
  /** cancels the pending warm-ups at idle (the worker for the next run, the page's timed rounds) */
  const unprepare = useRef<(() => void) | null>(null);
  /** the measured time of a step on the page's thread, per network */
  const [rates] = useState(createStepRates);

  /** At idle: start the worker the next run takes, and warm it up on the scenario shown. */
  const prepare = useCallback(() => {
    unprepare.current?.();
    unprepare.current = whenIdle(() => {
      unprepare.current = null;
      const s = store.getState();
      if (s.training || s.opening !== null) return;
      const more = warmPage(store, rates);
      workers.current?.prepare(warmMessage(store));
      if (more) unprepare.current = warmPageAtIdle(store, rates, MAIN_WARM_ROUNDS - 1);
    });
  }, [store, rates]);

  /** Ends the run: `stopped` by the user (its source is ended) on the step boundary shown, or finished on its last. */
  const end = useCallback(
    (stopped: boolean) => {
      const current = run.current;
      run.current = null;
      if (current) {
        // Stop keeps the step boundary on screen and answers at once: what arrived since the
        // last frame is dropped, not shown (showing it is a diagram's update in Stop's task)
        if (stopped) {
          current.handle.cancel();
          current.drop();
        } else current.flush();
      }
      store.getState().setTraining(false);
      // a stopped run's worker was terminated: start another for the next run
      if (stopped) prepare();
    },
    [store, prepare],
  );
  const stop = useCallback(() => end(true), [end]);

  const start = useCallback(
    (steps: number) => {
      run.current?.handle.cancel();
      run.current = null;
      const request = trainingRequest(store, steps);
      let pending: TrainingProgress | null = null;
      let frame: number | null = null;
      /** not before this time: a big network's reports are spaced by what showing one costs */
      let notBefore = 0;
      const flush = () => {
        if (frame !== null) cancelAnimationFrame(frame);
        frame = null;
        if (pending === null) return;
        const p = pending;
        pending = null;
        const t0 = performance.now();
        store.getState().applyTrainingProgress(p);
        const t1 = performance.now();
        notBefore = nextShowAt(t1, t1 - t0);
      };
      const drop = () => {
        if (frame !== null) cancelAnimationFrame(frame);
        frame = null;
        pending = null;
      };
      const onFrame = () => {
        frame = null;
        if (performance.now() < notBefore) frame = requestAnimationFrame(onFrame);
        else flush();
      };
      /** the run's source of reports: set once it has started (a run over within start has none) */
      let source: RunHandle | null = null;
      const handle: RunHandle = { cancel: () => source?.cancel() };
      const onReport = (p: TrainingProgress) => {
        if (run.current === null || run.current.handle !== handle) return;
        pending = pending === null ? p : mergeProgress(pending, p);
        if (p.finished) end(false);
        else if (frame === null) frame = requestAnimationFrame(onFrame);
      };
      unprepare.current?.();
      unprepare.current = null;
      run.current = { handle, flush, drop };
      const elsewhere = (r: TrainingRequest, report: (p: TrainingProgress) => void): RunHandle =>
        (workers.current && workerRun(workers.current, r, report)) ?? frameRun(r, report);
      // a run shorter than the worker's round trip trains here, in the click's task
      const predicted = rates.predictMs(request.compiled, steps);
      const onPage = predicted !== null && predicted <= MAIN_THREAD_MS;
      // the worker starts before the page shows that a run is on (that store update draws the
      // diagram, about 10 ms on 1,040 edges): it never waits for the page
      if (!onPage) source = elsewhere(request, onReport);
      store.getState().setPlaying(false);
      store.getState().setTraining(true);
      if (onPage) source = pageThenRest(request, rates, onReport, elsewhere);
    },
    [store, end, rates],
  );

  // another network (a preset, a layer edit) is measured on the page's thread at the next idle
  useEffect(() => {
    let cancel: (() => void) | null = null;
    const unsubscribe = store.subscribe(
      (s) => s.scenario.layers,
      () => {
        cancel?.();
        cancel = warmPageAtIdle(store, rates);
      },
    );
    return () => {
      cancel?.();
      unsubscribe();
    };
  }, [store, rates]);

  useEffect(() => {
    prepare();
    return () => {
      unprepare.current?.();
      run.current?.handle.cancel();
      workers.current?.dispose();
    };
  }, [prepare]);

  return { start, stop };
}

/**
 * Warms the page's engine on the scenario shown and times its steps at idle, one round per idle
 * callback (the engine compiles the hot loops off the thread meanwhile), until the measured rate
 * settles or after `rounds` rounds; returns what cancels the rounds to come.
 */
function warmPageAtIdle(store: AppStore, rates: StepRates, rounds = MAIN_WARM_ROUNDS): () => void {
  let cancel = () => {};
  const round = (left: number) => {
    cancel = whenIdle(() => {
      const s = store.getState();
      if (s.training || s.opening !== null) return;
      if (warmPage(store, rates) && left > 1) round(left - 1);
    });
  };
  round(rounds);
  return () => cancel();
}

/**
 * Trains a throwaway copy of the scenario shown on the page's thread for about MAIN_WARM_MS (a
 * small network whose rate has not settled yet): the engine compiles the hot loops, and the
 * second half's steps are timed, which predicts whether a run fits in the click's task. True
 * when another round is worth it (the rate has not settled yet).
 */
function warmPage(store: AppStore, rates: StepRates): boolean {
  const compiled = store.selectors.compiled(store.getState());
  if (compiled.model.weightCount + compiled.model.biasCount > WARM_MAX_PARAMS) return false;
  if (rates.settled(compiled)) return false;
  const s = store.getState();
  const now = () => performance.now();
  const session = createTrainingSession(compiled, compiled.params, s.optimizerState, 1_000_000, 2, now);
  const warm = session.advance(MAIN_WARM_MS / 2);
  const t0 = now();
  const timed = session.advance(MAIN_WARM_MS / 2);
  rates.record(compiled, timed.done - warm.done, now() - t0);
  return !rates.settled(compiled);
}

/** A warm-up of a new worker on the scenario shown (none for a large network: one of its steps is long enough). */
function warmMessage(store: AppStore): TrainingWorkerMessage | undefined {
  const compiled = store.selectors.compiled(store.getState());
  if (compiled.model.weightCount + compiled.model.biasCount > WARM_MAX_PARAMS) return undefined;
  // runs of the Train 1k button's shape: the same slices, reports and path points as a run's
  const request = trainingRequest(store, 1000);
  return { kind: 'warm', request, budgetMs: WARM_MS };
}

/** What a run starts from: the scenario's parameters and the optimizer state now. */
function trainingRequest(store: AppStore, steps: number): TrainingRequest {
  const s = store.getState();
  const compiled = store.selectors.compiled(s);
  // a path of 128 points draws smoothly, and keeps the chunks between kept points long
  return {
    compiled,
    params: compiled.params,
    state: s.optimizerState,
    steps,
    maxPoints: Math.min(128, pathCap(compiled.model.weightCount + compiled.model.biasCount)),
  };
}
