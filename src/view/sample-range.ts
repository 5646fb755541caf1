/** A run of samples as the panels name it, 1-based: "sample 3" for one, "samples 1–6" for several. */
export function sampleRange(start: number, count: number): string {
  return count === 1 ? `sample ${start + 1}` : `samples ${start + 1}–${start + count}`;
}
