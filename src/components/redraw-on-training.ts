/**
 * Equality of a picture's inputs whose last entry is whether a run is training (the Data tab's
 * heatmap, the neurons' pictures): a run's start alone does not redraw, since the parameters
 * are still those drawn at full resolution (the redraw at the run's coarser grid was a task of
 * 100–300 ms in the click on Train); the run's first report does, at the coarser grid, and its
 * end does, at full resolution again.
 */
export function sameUnlessTrainingEnds(a: readonly unknown[], b: readonly unknown[]): boolean {
  const last = a.length - 1;
  for (let k = 0; k < last; k++) if (!Object.is(a[k], b[k])) return false;
  return a[last] === b[last] || b[last] === true;
}
