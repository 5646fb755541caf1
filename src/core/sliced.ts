/**
 * A computation done in slices: a generator that pauses (`yield`) where the caller may hand the
 * thread back to the page, each pause saying how far it is (0 … 1), and returns its result.
 * The same code runs in one go (`finish`) or spread over tasks (store/open-large.ts), so a
 * network of a million weights can be opened without one long task.
 */
export type Sliced<T> = Generator<number, T, void>;

/** Runs a sliced computation to its end, without pausing: its result. */
export function finish<T>(g: Sliced<T>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}
