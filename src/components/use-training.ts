import { useCallback, useEffect, useRef } from 'react';
import { useAppStoreApi } from './use-app-store.ts';

/** How long one slice of training may hold the main thread, so the page stays responsive. */
const SLICE_MS = 12;

/**
 * Runs `steps` training steps in slices, one per animation frame, so the loss chart and
 * the diagram follow along and Stop interrupts between slices.
 */
export function useTraining(): { start(steps: number): void; stop(): void } {
  const store = useAppStoreApi();
  const frame = useRef<number | null>(null);

  const stop = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    store.getState().setTraining(false);
  }, [store]);

  const start = useCallback((steps: number) => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    store.getState().setTraining(true);
    store.getState().setPlaying(false);
    let remaining = steps;
    let chunk = 1;
    const tick = () => {
      const t0 = performance.now();
      const n = Math.min(chunk, remaining);
      store.getState().trainSteps(n);
      remaining -= n;
      const elapsed = performance.now() - t0;
      // grow or shrink the slice toward SLICE_MS of work per frame
      chunk = Math.max(1, Math.round(elapsed > 0 ? (chunk * SLICE_MS) / elapsed : chunk * 2));
      if (remaining > 0 && store.getState().training) frame.current = requestAnimationFrame(tick);
      else stop();
    };
    frame.current = requestAnimationFrame(tick);
  }, [store, stop]);

  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  return { start, stop };
}
