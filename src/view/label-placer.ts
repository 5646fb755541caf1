import { placeLabels, placeLabelsSteps, type LabelOptions, type LabelPlacement } from './label-placement.ts';
import type { NetworkLayout } from './network-layout.ts';

/**
 * When the label placement runs, so that it never freezes the page: a placement is computed once
 * per key (the layout's inputs: shape, size, label width, and the zoom and name width) and kept,
 * so a network seen again at the same size and zoom (a lesson opened and closed, the presentation
 * mode toggled) is placed at once. A new one gets a first slice of the search at once; if that
 * does not finish it (a network of up to AT_ONCE labels always finishes in it), a provisional placement (each label at its first free spot on its line,
 * a few milliseconds) is drawn and the search goes on in slices of SLICE_MS, one task each, until
 * it ends and `onDone` gets the final placement. Asking for another key drops the search under
 * way (a layout passed through on the way to another, such as the full width before a lesson's
 * column narrows the diagram, is never finished).
 */

/** The first slice, in the task that asks (small networks finish in it: no provisional layout). */
const FIRST_SLICE_MS = 24;
/** Each later slice: one task, well under the 50 ms of a long task. */
const SLICE_MS = 12;
/** Up to this many labels the search is short (some milliseconds): done at once, never provisional. */
const AT_ONCE = 12;
/** Placements kept (a few networks at a few sizes and zooms). */
const CACHE_SIZE = 48;

const cache = new Map<string, LabelPlacement>();

function remember(key: string, p: LabelPlacement): void {
  cache.delete(key);
  cache.set(key, p);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

export interface PlacedLabels {
  readonly placement: LabelPlacement;
  /** false while the search runs: the placement is provisional and `onDone` will bring the final one */
  readonly final: boolean;
}

export interface LabelPlacer {
  /** The placement for `key` (the layout and options it stands for): cached, finished in this task, or provisional. */
  place(key: string, layout: NetworkLayout, options: LabelOptions): PlacedLabels;
  /** Whether a search is under way. */
  readonly busy: boolean;
  /** Drops the search under way. */
  cancel(): void;
}

type Schedule = (run: () => void) => () => void;

/** The next task, soon: a message to ourselves (a zero timeout waits at least 4 ms once nested), else a timeout. */
const nextTask: Schedule = (run) => {
  if (typeof MessageChannel === 'function') {
    const ch = new MessageChannel();
    let live = true;
    ch.port1.onmessage = () => {
      ch.port1.close();
      if (live) run();
    };
    ch.port2.postMessage(0);
    return () => {
      live = false;
      ch.port1.close();
    };
  }
  const t = setTimeout(run, 0);
  return () => clearTimeout(t);
};

export function createLabelPlacer(onDone: (p: LabelPlacement) => void, schedule: Schedule = nextTask): LabelPlacer {
  let steps: Generator<void, LabelPlacement> | null = null;
  let stepsKey = '';
  let stopTimer: (() => void) | null = null;

  /** Runs the search for `ms`; the placement when it ends, else null. */
  const slice = (ms: number): LabelPlacement | null => {
    if (!steps) return null;
    const until = performance.now() + ms;
    for (;;) {
      for (let i = 0; i < 8; i++) {
        const r = steps.next();
        if (r.done) {
          steps = null;
          remember(stepsKey, r.value);
          return r.value;
        }
      }
      if (performance.now() >= until) return null;
    }
  };
  const go = () => {
    stopTimer = null;
    const p = slice(SLICE_MS);
    if (p) onDone(p);
    else if (steps) stopTimer = schedule(go);
  };
  const cancel = () => {
    stopTimer?.();
    stopTimer = null;
    steps = null;
    stepsKey = '';
  };

  return {
    place(key, layout, options) {
      const cached = cache.get(key);
      if (cached) {
        cancel();
        remember(key, cached);
        return { placement: cached, final: true };
      }
      if (steps && key === stepsKey)
        return { placement: placeLabels(layout, { ...options, quick: true }), final: false };
      cancel();
      steps = placeLabelsSteps(layout, options);
      stepsKey = key;
      const p = slice(layout.weightCount + layout.biasCount <= AT_ONCE ? Infinity : FIRST_SLICE_MS);
      if (p) return { placement: p, final: true };
      stopTimer = schedule(go);
      return { placement: placeLabels(layout, { ...options, quick: true }), final: false };
    },
    get busy() {
      return steps !== null;
    },
    cancel,
  };
}
