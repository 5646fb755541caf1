/**
 * A run's losses, oldest first, as one append-only buffer that the run records of a run share:
 * each record is a view of its first `length` entries. A report appends its losses after the
 * newest record's end, in place, so a run's reports copy only their own losses (a copy of the
 * whole history per report made a long run quadratic). No record's entries ever change: a
 * record that is not the newest of its buffer (undo brought it back) is copied when appended to.
 */
export type LossHistory = Float64Array;

/** How far each buffer is written: a record ending there is its buffer's newest. */
const written = new WeakMap<ArrayBufferLike, number>();

/** No losses. */
export const EMPTY_LOSSES: LossHistory = new Float64Array(0);

/** A history of its own holding `values` (a restored session's). */
export function lossesOf(values: ArrayLike<number>): LossHistory {
  return Float64Array.from(values);
}

/** `history` followed by `more`, as a new record; `history` keeps its entries. */
export function appendLosses(history: LossHistory, more: ArrayLike<number>): LossHistory {
  const add = more.length;
  if (add === 0) return history;
  const n = history.length;
  const start = history.byteOffset / Float64Array.BYTES_PER_ELEMENT;
  const end = start + n;
  let all = new Float64Array(history.buffer);
  let from = start;
  if (written.get(history.buffer) !== end || end + add > all.length) {
    // a new buffer, with room to double
    all = new Float64Array(Math.max(64, 2 * (n + add)));
    all.set(history);
    from = 0;
  }
  for (let k = 0; k < add; k++) all[from + n + k] = more[k];
  written.set(all.buffer, from + n + add);
  return all.subarray(from, from + n + add);
}
