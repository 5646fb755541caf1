import { shallow } from 'zustand/shallow';
import type { AppInputs } from './app-state.ts';

/**
 * What the value panels (math, matrices, landscape, compare) show: the scenario and optimizer
 * state as they were when no gesture was in progress. During a drag or a training run the
 * diagram follows every frame, but these stay put, catching up whenever a drag rests for
 * SETTLE_MS and at once when the drag or the run ends; so a drag does not re-typeset or recompute them
 * on every frame. One concept of the store, read by each panel as `s.settled`.
 */
export interface Settled {
  readonly scenario: AppInputs['scenario'];
  readonly optimizerState: AppInputs['optimizerState'];
  /** the step position: a training run's first report moves it to the iteration's end, which would re-render every cell */
  readonly position: AppInputs['position'];
}

/** How long a gesture must rest before the panels catch up with it. */
export const SETTLE_MS = 150;

interface SettleSource {
  getState(): AppInputs & { readonly settled: Settled };
  setState(partial: { settled: Settled }): void;
  subscribe<U>(
    selector: (s: AppInputs & { readonly settled: Settled }) => U,
    listener: (u: U) => void,
    options: { equalityFn: (a: U, b: U) => boolean },
  ): () => void;
}

/** Keeps `settled` up to date: now when no gesture holds it, after SETTLE_MS of rest when one does. */
/**
 * Runs `task` in a task after the page's next frame (where there are frames), so what was
 * shown before it is painted first; returns its cancellation.
 */
function afterNextPaint(task: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const id = setTimeout(task, 0);
    return () => clearTimeout(id);
  }
  let id: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (id = setTimeout(task, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (id !== undefined) clearTimeout(id);
  };
}

export function keepSettled(store: SettleSource): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** cancels a catch-up waiting for the next paint */
  let afterPaint: (() => void) | undefined;
  const catchUp = () => {
    timer = undefined;
    afterPaint = undefined;
    const { scenario, optimizerState, position, settled } = store.getState();
    if (settled.scenario !== scenario || settled.optimizerState !== optimizerState || settled.position !== position)
      store.setState({ settled: { scenario, optimizerState, position } });
  };
  let wasTraining = store.getState().training;
  const unsubscribe = store.subscribe(
    (s) => [s.scenario, s.optimizerState, s.position, s.scrubbing, s.training] as const,
    ([, , , scrubbing, training]) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      afterPaint?.();
      afterPaint = undefined;
      const runEnded = wasTraining && !training;
      wasTraining = training;
      // a training run never rests (it reports every frame): the panels wait for its end
      if (training) return;
      if (scrubbing) timer = setTimeout(catchUp, SETTLE_MS);
      // at a run's end (Stop, or its last step) the page first paints that training is over,
      // then, in a task after that frame, the panels catch up (a long samples table takes a
      // while: in a task before the frame, it held back the paint that shows Stop took effect)
      else if (runEnded) afterPaint = afterNextPaint(catchUp);
      else catchUp();
    },
    { equalityFn: shallow },
  );
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    afterPaint?.();
    unsubscribe();
  };
}
