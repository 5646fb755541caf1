import type { Compiled } from '../core/compile.ts';
import type { Params } from '../core/model.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import {
  createTrainingSession,
  mergeProgress,
  type TrainingProgress,
  type TrainingSession,
} from '../core/training-session.ts';

/** What the page asks the worker: a run of `steps` steps from these parameters and state. */
export interface TrainingRequest {
  readonly compiled: Compiled;
  readonly params: Params;
  readonly state: OptimizerState | null;
  readonly steps: number;
  readonly maxPoints: number;
}

/**
 * A message to the worker: `warm` trains a throwaway copy for about `budgetMs` (so the engine has
 * compiled the hot loops before the user's first run, as any benchmark's warm-up does) and
 * reports nothing; `run` trains and reports the step boundaries it reaches, from FIRST_REPORT_MS on.
 */
export type TrainingWorkerMessage =
  | { readonly kind: 'warm'; readonly request: TrainingRequest; readonly budgetMs: number }
  | { readonly kind: 'run'; readonly request: TrainingRequest };

/**
 * How long the worker trains between two reports: about a frame, so the chart and the diagram
 * follow along. A run whose rest is predicted within another such slice trains on to its end
 * instead: a report just before the end would only hold up the page's showing of the end.
 */
const REPORT_MS = 16;

/**
 * How long a run trains before its first report. A run over sooner posts only its end: its
 * reports would be a handful of frames the eye cannot follow, and drawing them took their time
 * from the worker on a machine of two cores (Train 1k on 16-16-16-16-16-1, about 100 ms, went
 * at 0.74× the core with a report each frame). A longer run shows its progress from then on,
 * every slice; the page shows at once that it is training (the Stop button).
 */
export const FIRST_REPORT_MS = 200;
/**
 * ... unless the first report already holds this many steps: a fast network's 200 ms are some
 * 200,000 steps (numpy-341), and showing them at once was a task of 73 ms on the page (the loss
 * chart's summary of every new step); this is less than one slice's steps of such a network.
 */
export const FIRST_REPORT_STEPS = 8192;

function buffers(p: TrainingProgress): ArrayBuffer[] {
  const list = [
    p.losses.buffer,
    p.params.w.buffer,
    p.params.b.buffer,
    p.state.w.first.buffer,
    p.state.w.second.buffer,
    p.state.b.first.buffer,
    p.state.b.second.buffer,
  ];
  if (p.testLosses !== null) list.push(p.testLosses.buffer);
  for (const q of p.points) list.push(q.w.buffer, q.b.buffer);
  // a buffer can be transferred once: the optimizer's unused slots may share one
  return [...new Set(list)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

// The core is pure: the worker trains at its speed and reports each step boundary it reaches;
// it never waits for the page. The page keeps one worker between runs and stops a run by
// terminating it, keeping the last report it showed.
interface WorkerScope {
  onmessage: ((event: MessageEvent<TrainingWorkerMessage>) => void) | null;
  postMessage(message: TrainingProgress, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const now = () => performance.now();

/** The warm-up in progress: until when, and the throwaway run it is in. */
let warming: { readonly request: TrainingRequest; readonly until: number; session: TrainingSession } | null = null;

const sessionOf = (r: TrainingRequest) =>
  createTrainingSession(r.compiled, r.params, r.state, r.steps, r.maxPoints, now);

/**
 * One report's slice of the warm-up, then the next in a task of its own, so a run that arrives
 * meanwhile waits a slice at most. The warm-up trains runs of the request's shape, reports and
 * all but posted: the code a run takes is what gets compiled (a run's first steps after one
 * long slice of warm-up were about 5% slower than its second run's). Each report's buffers are
 * transferred away (detached), as a run's are by postMessage: V8 compiles typed-array code on
 * the promise that no buffer was ever detached, and the isolate's first detached one throws all
 * that code away, which in a warm-up that only kept them fell on the user's first run.
 */
function warmSlice(): void {
  const w = warming;
  if (w === null) return;
  if (now() >= w.until) {
    warming = null;
    return;
  }
  const report = w.session.advance(REPORT_MS, REPORT_MS);
  const transfer = buffers(report);
  structuredClone(transfer, { transfer });
  if (report.finished) w.session = sessionOf(w.request);
  setTimeout(warmSlice, 0);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'warm') {
    const start = warming === null;
    warming = { request: message.request, until: now() + message.budgetMs, session: sessionOf(message.request) };
    if (start) warmSlice();
    return;
  }
  warming = null;
  const session = sessionOf(message.request);
  const t0 = now();
  // the first report: slices merged until FIRST_REPORT_MS or FIRST_REPORT_STEPS (or the end)
  let report = session.advance(REPORT_MS, REPORT_MS);
  while (!report.finished && report.done < FIRST_REPORT_STEPS && now() - t0 < FIRST_REPORT_MS)
    report = mergeProgress(report, session.advance(REPORT_MS, REPORT_MS));
  scope.postMessage(report, buffers(report));
  while (!report.finished) {
    report = session.advance(REPORT_MS, REPORT_MS);
    scope.postMessage(report, buffers(report));
  }
};
