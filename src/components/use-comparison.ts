import { useEffect, useState } from 'react';
import {
  advanceComparison,
  comparisonRuns,
  createComparisonJob,
  type ComparisonRun,
  type ComparisonSetup,
} from '../core/comparison.ts';
import type { Compiled } from '../core/compile.ts';

/** How long one slice of the comparison may hold the main thread. */
const SLICE_MS = 12;

export interface ComparisonProgress {
  readonly runs: readonly ComparisonRun[];
  /** every run has taken all its steps */
  readonly ready: boolean;
  /** the share of all steps done, 0 … 1 */
  readonly progress: number;
}

interface Snapshot extends ComparisonProgress {
  /** the inputs it was computed for */
  readonly compiled: Compiled | null;
  readonly setup: ComparisonSetup | null;
}

function snapshot(compiled: Compiled, job: ReturnType<typeof createComparisonJob>, ready: boolean): Snapshot {
  const runs = comparisonRuns(job);
  const total = Math.max(1, job.setup.steps * runs.length);
  return { compiled, setup: job.setup, runs, ready, progress: runs.reduce((sum, r) => sum + r.done, 0) / total };
}

/**
 * The runs of a comparison, computed in slices of SLICE_MS (the first one at once, so a
 * small network's comparison shows without waiting a frame), one slice per animation frame,
 * so that a big network's does not freeze the page; the curves grow as they are computed.
 * New inputs cancel the old job; until their first slice, the old runs stay shown, not ready.
 */
export function useComparison(compiled: Compiled, setup: ComparisonSetup): ComparisonProgress {
  const [state, setState] = useState<Snapshot>({ compiled: null, setup: null, runs: [], ready: false, progress: 0 });
  useEffect(() => {
    const job = createComparisonJob(compiled, setup);
    const slice = (): boolean => {
      const t0 = performance.now();
      let done = false;
      while (!done && performance.now() - t0 < SLICE_MS) done = advanceComparison(job, 1);
      setState(snapshot(compiled, job, done));
      return done;
    };
    let frame = 0;
    const tick = () => {
      if (!slice()) frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [compiled, setup]);
  const current = state.compiled === compiled && state.setup === setup;
  return { runs: state.runs, ready: current && state.ready, progress: current ? state.progress : 0 };
}
