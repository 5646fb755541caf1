import { describe, expect, it } from 'vitest';
import { appendLosses, EMPTY_LOSSES } from '../../src/store/loss-history.ts';
import { lossExtremes } from '../../src/view/loss-extremes.ts';

/** The reference: one pass over the range, the first lowest and highest drawable step and the first undrawable one. */
function bruteForce(h: ArrayLike<number>, log: boolean, start: number, end: number) {
  let lo = -1;
  let hi = -1;
  let bad = -1;
  for (let s = start; s < end; s++) {
    const y = h[s];
    if (!(Number.isFinite(y) && (!log || y > 0))) {
      if (bad < 0) bad = s;
      continue;
    }
    if (lo < 0 || y < h[lo]) lo = s;
    if (hi < 0 || y > h[hi]) hi = s;
  }
  return { lo, hi, bad };
}

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Losses with ties (a few levels), zeros, NaN and ±∞ among them. */
function lossesOf(rand: () => number, n: number): number[] {
  return Array.from({ length: n }, () => {
    const u = rand();
    if (u < 0.02) return NaN;
    if (u < 0.03) return Infinity;
    if (u < 0.035) return -Infinity;
    if (u < 0.06) return 0;
    return Math.round(rand() * 6) / 4;
  });
}

describe('loss extremes of a range of steps', () => {
  it('agree with a scan of the range, for ranges of every size and alignment, on both axes', () => {
    const rand = random(3);
    const h = Float64Array.from(lossesOf(rand, 3000));
    for (const log of [false, true]) {
      const ex = lossExtremes(h, log);
      for (let k = 0; k < 3000; k++) {
        const a = Math.floor(rand() * 3001);
        const len = k < 1500 ? Math.floor(rand() * 40) : Math.floor(rand() * 3001);
        const b = Math.min(3000, a + len);
        expect(ex.query(a, b), `[${a}, ${b}) log ${log}`).toEqual(bruteForce(h, log, a, b));
      }
    }
  });

  it('follow a history as it grows by appends, and an earlier record of it brought back by undo', () => {
    const rand = random(11);
    let h = EMPTY_LOSSES;
    const records = [];
    for (let run = 0; run < 40; run++) {
      h = appendLosses(h, lossesOf(rand, 1 + Math.floor(rand() * 300)));
      records.push(h);
      for (const log of [false, true]) {
        const ex = lossExtremes(h, log);
        for (let k = 0; k < 50; k++) {
          const a = Math.floor(rand() * h.length);
          const b = a + Math.floor(rand() * (h.length - a + 1));
          expect(ex.query(a, b), `run ${run} [${a}, ${b})`).toEqual(bruteForce(h, log, a, b));
        }
        expect(ex.query(0, h.length)).toEqual(bruteForce(h, log, 0, h.length));
      }
    }
    // an older record (a view of the same buffer, shorter), then the newest again
    for (const r of [records[7], records[30], records[39]]) {
      const ex = lossExtremes(r, false);
      expect(ex.query(0, r.length)).toEqual(bruteForce(r, false, 0, r.length));
      expect(ex.query(5, r.length - 3)).toEqual(bruteForce(r, false, 5, r.length - 3));
    }
  });

  it('read a plain array too, and clip a range to the history', () => {
    const h = [3, NaN, 1, 2, 1, 5, 0];
    expect(lossExtremes(h, false).query(0, 7)).toEqual({ lo: 6, hi: 5, bad: 1 });
    expect(lossExtremes(h, true).query(0, 7)).toEqual({ lo: 2, hi: 5, bad: 1 });
    expect(lossExtremes(h, false).query(-4, 99)).toEqual(bruteForce(h, false, 0, 7));
    expect(lossExtremes(h, false).query(3, 3)).toEqual({ lo: -1, hi: -1, bad: -1 });
  });
});
