/**
 * Showing a training report costs the page a store update and what follows it in that frame:
 * the diagram, the chart and the Data tab, then style, layout and paint. The page spends at most
 * about half its time on it: the next report waits as long as the last one took to show. A cheap
 * report (a small network) still shows at every frame; a big one leaves the page, and the
 * machine's cores that the worker trains on and the compositor paints with, the other half.
 */
export function nextShowAt(end: number, cost: number): number {
  return cost > 0 ? end + cost : end;
}
