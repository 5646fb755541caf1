import { useCallback, useEffect, useRef } from 'react';
import { mergeProgress, createTrainingSession, type TrainingProgress } from '../core/training-session.ts';
import type { AppStore } from '../store/app-actions.ts';
import { pathCap } from '../store/training-actions.ts';
import type { TrainingRequest } from './training-worker.ts';
import { useAppStoreApi } from './use-app-store.ts';

/** How long a frame of the page trains when it has no Web Worker (the page keeps answering input). */
const FRAME_TRAIN_MS = 10;

/** A run in progress: where its reports come from, and how to end it. */
interface RunHandle {
  /** ends the source: no report arrives after it */
  cancel(): void;
}

/** Trains in a Web Worker at the core's speed; each report is a step boundary. */
function workerRun(request: TrainingRequest, onReport: (p: TrainingProgress) => void): RunHandle | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<TrainingProgress>) => onReport(event.data);
  worker.postMessage(request);
  return { cancel: () => worker.terminate() };
}

/** The same session in frames of the page (where Workers are missing, as in jsdom). */
function frameRun(request: TrainingRequest, onReport: (p: TrainingProgress) => void): RunHandle {
  const session = createTrainingSession(
    request.compiled,
    request.params,
    request.state,
    request.steps,
    request.maxPoints,
    () => performance.now(),
  );
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
  const run = useRef<{ handle: RunHandle; flush(): void } | null>(null);

  const stop = useCallback(() => {
    const current = run.current;
    run.current = null;
    if (current) {
      current.handle.cancel();
      current.flush();
    }
    store.getState().setTraining(false);
  }, [store]);

  const start = useCallback(
    (steps: number) => {
      run.current?.handle.cancel();
      run.current = null;
      store.getState().setPlaying(false);
      store.getState().setTraining(true);
      const request = trainingRequest(store, steps);
      let pending: TrainingProgress | null = null;
      let frame: number | null = null;
      /** not before this time: a big network's frames are spaced by what showing one costs */
      let notBefore = 0;
      const flush = () => {
        if (frame !== null) cancelAnimationFrame(frame);
        frame = null;
        if (pending === null) return;
        const p = pending;
        pending = null;
        const t0 = performance.now();
        store.getState().applyTrainingProgress(p);
        notBefore = performance.now() + 2 * (performance.now() - t0);
      };
      const onFrame = () => {
        frame = null;
        if (performance.now() < notBefore) frame = requestAnimationFrame(onFrame);
        else flush();
      };
      const onReport = (p: TrainingProgress) => {
        if (run.current === null || run.current.handle !== handle) return;
        pending = pending === null ? p : mergeProgress(pending, p);
        if (p.finished) stop();
        else if (frame === null) frame = requestAnimationFrame(onFrame);
      };
      const handle: RunHandle = workerRun(request, onReport) ?? frameRun(request, onReport);
      run.current = { handle, flush };
    },
    [store, stop],
  );

  useEffect(() => () => run.current?.handle.cancel(), []);

  return { start, stop };
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
