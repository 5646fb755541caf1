/**
 * The share of a run's time the page may spend showing its reports: a store update and what
 * follows it (the loss chart, the diagram when its own pacing lets it, the frame's rendering).
 * On two cores the rest is what lets the worker train at the core's speed: shown at every
 * frame, 16-16-16-16-16-1's reports (about 10 ms each with their frame) kept the page's thread
 * busy for 60–75% of the run, and the worker lost its core to it and to the compositor.
 */
export const REPORT_SHARE = 0.3;

/**
 * The earliest time (ms, the page's clock) at which the next report may be shown, when the last
 * one started showing at `start` and cost `cost` ms up to the task after it (in a frame, its
 * rendering too): a report of up to about 5 ms is shown at every frame, a costlier one when the
 * time since covers its cost at REPORT_SHARE.
 */
export function nextShowAt(start: number, cost: number): number {
  return start + Math.max(0, cost) / REPORT_SHARE;
}
