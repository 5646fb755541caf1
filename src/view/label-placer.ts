import { placeLabels, placeLabelsSteps, type LabelOptions, type LabelPlacement } from './label-placement.ts';
import type { NetworkLayout } from './network-layout.ts';

/**
 * When the label placement runs, so that it never freezes the page: a placement is computed once
 * per key (the layout's inputs: shape, size, label width, and the zoom and name width) and kept,
 * so a network seen again at the same size and zoom (a lesson opened and closed, the presentation
 * mode toggled) is placed at once. A new one (past AT_ONCE labels, whose search takes some
 * milliseconds and is done at once) is not searched in the task that asks: a provisional placement
 * (each label at its first free spot on its line, a few milliseconds) is drawn, and the search
 * starts once the diagram's size has settled (after the next frame, when the layout and its resize
 * observers have run: opening a lesson changes the network and narrows the diagram in one go), then
 * goes on in slices of SLICE_MS, one task each, until it ends and `onDone` gets the final placement.
 * Asking for another key drops the search waiting or under way (a layout passed through on the way
 * to another, such as the full width before a lesson's column narrows the diagram, is never searched).
 */

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

/** idle: no search; waiting: a search will start once the diagram's size has settled; searching: in slices. */
export type PlacerState = 'idle' | 'waiting' | 'searching';

export interface LabelPlacer {
  /** The placement for `key` (the layout and options it stands for): cached, finished in this task, or provisional. */
  place(key: string, layout: NetworkLayout, options: LabelOptions): PlacedLabels;
  readonly state: PlacerState;
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

/** A task after the next frame: its layout and resize observers have run by then. */
const afterFrame: Schedule = (run) => {
  if (typeof requestAnimationFrame !== 'function') return nextTask(run);
  let stop: (() => void) | null = null;
  const frame = requestAnimationFrame(() => {
    stop = nextTask(run);
  });
  return () => {
    cancelAnimationFrame(frame);
    stop?.();
  };
};

/** How a placer runs its search (the defaults: the page's tasks and frames). */
export interface LabelPlacerOptions {
  /** runs each slice after the first */
  readonly schedule?: Schedule;
  /** runs the first slice, once the diagram's size has settled */
  readonly settle?: Schedule;
  /** told when a search starts (the provisional placement stays until `onDone`) */
  readonly onSearch?: () => void;
}

export function createLabelPlacer(
  onDone: (p: LabelPlacement) => void,
  { schedule = nextTask, settle = afterFrame, onSearch = () => {} }: LabelPlacerOptions = {},
): LabelPlacer {
  let steps: Generator<void, LabelPlacement> | null = null;
  let stepsKey = '';
  let stopTimer: (() => void) | null = null;
  let waiting = false;

  /** Runs the search for `ms` (at least one step); the placement when it ends, else null. */
  const slice = (ms: number): LabelPlacement | null => {
    if (!steps) return null;
    const until = performance.now() + ms;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        steps = null;
        remember(stepsKey, r.value);
        return r.value;
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
    waiting = false;
  };

  return {
    place(key, layout, options) {
      const cached = cache.get(key);
      if (cached) {
        cancel();
        remember(key, cached);
        return { placement: cached, final: true };
      }
      const provisional = () => ({ placement: placeLabels(layout, { ...options, quick: true }), final: false });
      if (steps && key === stepsKey) return provisional();
      cancel();
      steps = placeLabelsSteps(layout, options);
      stepsKey = key;
      if (layout.weightCount + layout.biasCount <= AT_ONCE) {
        const p = slice(Infinity);
        if (p) return { placement: p, final: true };
      }
      waiting = true;
      stopTimer = settle(() => {
        waiting = false;
        onSearch();
        go();
      });
      return provisional();
    },
    get state(): PlacerState {
      return steps === null ? 'idle' : waiting ? 'waiting' : 'searching';
    },
    cancel,
  };
}
