/**
 * Showing a training report costs the page a store update and what follows it (the diagram,
 * the chart, the Data tab). Up to this long, the page shows one at every animation frame: input
 * is handled at the start of each frame, before its animation callbacks, so it gets time every
 * frame, and a report of 17–30 ms still draws at 30 frames per second or more.
 */
const EVERY_FRAME_MS = 33;

/**
 * The earliest time (ms, the page's clock) at which the next report may be shown, when the last
 * one was shown at `end` after costing `cost` ms: at the next frame while a report costs up to
 * two frames; past that, the page is left at least as long as the report took (at most half of
 * its time goes to showing training).
 */
export function nextShowAt(end: number, cost: number): number {
  return cost > EVERY_FRAME_MS ? end + cost : end;
}
