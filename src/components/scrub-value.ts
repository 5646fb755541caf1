/**
 * The value a horizontal drag of `pixels` gives a number that started at `start`: 100
 * pixels move it by its own size (at least 0.1), rounded to the drag's resolution so the
 * numbers stay readable.
 */
export function scrubValue(start: number, pixels: number): number {
  const perPixel = Math.max(Math.abs(start), 0.1) / 100;
  const resolution = 10 ** Math.floor(Math.log10(perPixel));
  return Math.round((start + pixels * perPixel) / resolution) * resolution;
}
