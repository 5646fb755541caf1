import { afterTask } from './after-task.ts';

/**
 * The share of a run's time that drawing the diagram may take. On 16-16-16-16-16-1 a draw of
 * the diagram (1,040 edges' labels) is the page's costliest work per report: its script, then
 * style, layout and paint on the page's thread, and about as much again of raster on the
 * others (trace); on two cores drawing every report took that time from the worker.
 */
export const DRAW_SHARE = 0.1;

/** The earliest time (ms) of a run's next draw of the diagram after one that started at `start` and cost `cost` ms. */
export function nextDrawAt(start: number, cost: number): number {
  return start + cost / DRAW_SHARE;
}

/** The diagram's draws as a run paces them (see pacedDraws). */
export interface PacedDraws {
  /** draws now, or, while a run trains and the last draw is recent for its cost, when due (`urgent`: at once, e.g. a selection) */
  request(urgent: boolean): void;
  /** a run starts (what its task changes is drawn at once, and it counts as a draw) or ends: what waits is drawn at once, in the task that ends it */
  setRunning(running: boolean): void;
  dispose(): void;
}

/** What pacing needs of the page: its clock, the first task after the current one (and its frame), frame callbacks and timers. */
export interface PacingHost {
  now(): number;
  /** calls back in a task after the current one: when the current one is a frame's callbacks, after the frame's rendering */
  afterTask(callback: () => void): void;
  requestFrame(callback: () => void): number;
  cancelFrame(id: number): void;
  /** calls back after `ms` (a timer) */
  later(callback: () => void, ms: number): number;
  cancelLater(id: number): void;
}

/**
 * Paces `draw` while a run trains: a draw of the diagram waits until DRAW_SHARE of the time
 * since the last one covers what that one cost (its start to the first task after it, so in a
 * frame its rendering too), and then happens in an animation frame. What the run's start
 * changes is drawn in its task; the start counts as a draw at the last measured cost, so a run
 * shorter than that draws its reports once, at its end. Outside a run every change is drawn at once.
 */
export function pacedDraws(draw: () => void, host: PacingHost = browserHost()): PacedDraws {
  let running = false;
  /** the measured cost (ms) of the last draw; 0 before the first */
  let cost = 0;
  /** while a run trains: no draw before this time */
  let due = 0;
  /** a change not drawn yet */
  let waiting = false;
  /** within the task that starts a run */
  let starting = false;
  /** the frame (or, before it, the timer that asks for it) of the draw that waits */
  let frame: number | null = null;
  let timer: number | null = null;
  let disposed = false;

  const unschedule = () => {
    if (frame !== null) host.cancelFrame(frame);
    if (timer !== null) host.cancelLater(timer);
    frame = timer = null;
  };
  const drawNow = () => {
    waiting = false;
    unschedule();
    const t0 = host.now();
    draw();
    due = nextDrawAt(t0, cost);
    host.afterTask(() => {
      if (disposed) return;
      cost = host.now() - t0;
      due = nextDrawAt(t0, cost);
    });
  };
  // a draw that waits is made in the first frame at or after its time: a timer asks for that
  // frame (asking for every frame meanwhile made the page render frames of nothing)
  const schedule = () => {
    if (frame !== null || timer !== null) return;
    timer = host.later(
      () => {
        timer = null;
        frame = host.requestFrame(onFrame);
      },
      Math.max(0, due - host.now()),
    );
  };
  const onFrame = () => {
    frame = null;
    if (!waiting) return;
    if (host.now() >= due) drawNow();
    else schedule();
  };
  return {
    request(urgent) {
      if (!running || urgent || starting || host.now() >= due) drawNow();
      else {
        waiting = true;
        schedule();
      }
    },
    setRunning(next) {
      if (next === running) return;
      running = next;
      if (running) {
        due = nextDrawAt(host.now(), cost);
        // what the start changes (the step position moves to the iteration's end: every update
        // marked) is drawn in its task, while the worker trains, not at the end on the way to
        // the result (on 16-16-16-16-16-1 those class changes made a first run's end 25 ms)
        starting = true;
        host.afterTask(() => (starting = false));
      } else if (waiting) drawNow();
    },
    dispose() {
      disposed = true;
      unschedule();
    },
  };
}

function browserHost(): PacingHost {
  return {
    now: () => performance.now(),
    afterTask,
    requestFrame: (callback) => requestAnimationFrame(callback),
    cancelFrame: (id) => cancelAnimationFrame(id),
    later: (callback, ms) => window.setTimeout(callback, ms),
    cancelLater: (id) => window.clearTimeout(id),
  };
}
