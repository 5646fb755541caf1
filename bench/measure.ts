/**
 * Timing: warm up (let the JIT settle), size a batch of steps to take about `targetMs`,
 * then time `reps` batches with performance.now() and keep the median.
 */
import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Timing {
  /** steps per timed batch */
  readonly stepsPerRep: number;
  readonly reps: number;
  /** milliseconds of each timed batch */
  readonly repMs: number[];
  /** median steps per second over the batches */
  readonly stepsPerSec: number;
  /** min and max steps per second over the batches */
  readonly minStepsPerSec: number;
  readonly maxStepsPerSec: number;
}

export interface MeasureOptions {
  /** how long one timed batch should take */
  readonly targetMs: number;
  readonly reps: number;
  /** least time spent warming up (at least two calls are always made) */
  readonly warmupMs: number;
}

/** Times `run(steps)` as described above and reports medians. */
export function measure(run: (steps: number) => void, o: MeasureOptions): Timing {
  // Warm-up: grow the batch until a call takes a noticeable time, then keep going until warmupMs.
  let steps = 1;
  let perStep = Infinity;
  const warmStart = performance.now();
  for (let calls = 0; ; calls++) {
    const t0 = performance.now();
    run(steps);
    const dt = performance.now() - t0;
    perStep = Math.min(perStep, dt / steps);
    if (calls >= 1 && performance.now() - warmStart >= o.warmupMs) break;
    if (dt < o.targetMs / 4) steps *= 2;
  }
  const stepsPerRep = Math.max(1, Math.round(o.targetMs / perStep));
  const repMs: number[] = [];
  for (let r = 0; r < o.reps; r++) {
    const t0 = performance.now();
    run(stepsPerRep);
    repMs.push(performance.now() - t0);
  }
  const rates = repMs.map((ms) => (stepsPerRep * 1000) / ms);
  return {
    stepsPerRep,
    reps: o.reps,
    repMs,
    stepsPerSec: median(rates),
    minStepsPerSec: Math.min(...rates),
    maxStepsPerSec: Math.max(...rates),
  };
}

/** Median wall time in ms of `reps` calls of `run` after `warmup` untimed calls. */
export function timeCalls(run: () => void, warmup: number, reps: number): { medianMs: number; ms: number[] } {
  for (let k = 0; k < warmup; k++) run();
  const ms: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return { medianMs: median(ms), ms };
}
