import { describe, expect, it } from 'vitest';
import { appendLosses, EMPTY_LOSSES, lossesOf } from '../../src/store/loss-history.ts';

describe('a loss history (append-only, shared between the run records of one run)', () => {
  it('appends to the newest record in its buffer, without copying, and leaves the record appended to as it was', () => {
    const a = appendLosses(EMPTY_LOSSES, [1, 0.5]);
    const b = appendLosses(a, [0.25, NaN]);
    const c = appendLosses(b, Float64Array.of(Infinity));
    expect(Array.from(a)).toEqual([1, 0.5]);
    expect(Array.from(b)).toEqual([1, 0.5, 0.25, NaN]);
    expect(Array.from(c)).toEqual([1, 0.5, 0.25, NaN, Infinity]);
    // one buffer for the three records: a report copies only its own losses
    expect(b.buffer).toBe(a.buffer);
    expect(c.buffer).toBe(a.buffer);
  });

  it('grows past its buffer by copying once, then appends in place again', () => {
    let h = EMPTY_LOSSES;
    const buffers = new Set<ArrayBufferLike>();
    for (let k = 0; k < 10_000; k++) {
      h = appendLosses(h, [k]);
      buffers.add(h.buffer);
    }
    expect(h.length).toBe(10_000);
    expect(h[9_999]).toBe(9_999);
    expect(h[0]).toBe(0);
    // doubling: a few dozen buffers at most for 10,000 appends
    expect(buffers.size).toBeLessThan(20);
  });

  it('copies when appending to an older record (after an undo), so the newer record keeps its values', () => {
    const a = appendLosses(EMPTY_LOSSES, [1, 0.5]);
    const b = appendLosses(a, [0.25]);
    // undo brings back `a`; a new run appends to it
    const other = appendLosses(a, [0.75, 0.6]);
    expect(Array.from(other)).toEqual([1, 0.5, 0.75, 0.6]);
    expect(Array.from(b)).toEqual([1, 0.5, 0.25]);
    expect(other.buffer).not.toBe(b.buffer);
    // and redo's record is still the newest of its buffer: appending to it is in place
    const more = appendLosses(b, [0.125]);
    expect(more.buffer).toBe(b.buffer);
    expect(Array.from(more)).toEqual([1, 0.5, 0.25, 0.125]);
    expect(Array.from(other)).toEqual([1, 0.5, 0.75, 0.6]);
  });

  it('appends nothing as the same record, and takes a restored list as its own buffer', () => {
    const a = appendLosses(EMPTY_LOSSES, [3]);
    expect(appendLosses(a, [])).toBe(a);
    const restored = lossesOf([0.5, NaN, 0.25]);
    expect(restored).toBeInstanceOf(Float64Array);
    expect(Array.from(restored)).toEqual([0.5, NaN, 0.25]);
    expect(Array.from(appendLosses(restored, [0.125]))).toEqual([0.5, NaN, 0.25, 0.125]);
    expect(Array.from(restored)).toEqual([0.5, NaN, 0.25]);
  });
});
