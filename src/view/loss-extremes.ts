/**
 * The lowest and highest drawable loss, and the first undrawable one, of any range of steps of
 * a loss history, from a pyramid of per-block extremes kept beside the history. The chart asks
 * this for every pixel column at every training report: a scan of the whole history per report
 * made a long run's chart (tens of thousands of steps, two lines) the most costly part of
 * showing training. A query costs O(log n); the pyramid grows with the history, each entry read
 * once.
 *
 * A typed-array history is taken to be append-only (the loss history's contract; a comparison
 * run's too): an entry once summarized never changes for the same buffer and offset, so its
 * pyramid is kept per buffer and extended when a longer view of it comes. Any other array
 * is summarized afresh.
 */

/** Raw steps per block of the pyramid's lowest level; each level above halves the count. */
const LEAF = 8;

/** Indices of a range's extremes (−1: none): `lo`/`hi` the first step holding its lowest/highest drawable loss, `bad` its first undrawable step. */
export interface RangeExtremes {
  lo: number;
  hi: number;
  bad: number;
}

interface Level {
  lo: Int32Array;
  hi: Int32Array;
  bad: Int32Array;
  count: number;
}

/** A history's pyramid: level k's block j covers steps [j·LEAF·2^k, (j + 1)·LEAF·2^k). */
export interface LossExtremes {
  /** the extremes of steps [start, end) written into `out` (returned) */
  query(start: number, end: number, out?: RangeExtremes): RangeExtremes;
}

function drawableIn(y: number, log: boolean): boolean {
  return Number.isFinite(y) && (!log || y > 0);
}

function grown(a: Int32Array, size: number): Int32Array {
  if (a.length >= size) return a;
  const b = new Int32Array(Math.max(size, 2 * a.length, 16));
  b.set(a);
  return b;
}

function createPyramid(log: boolean): { extremes(h: ArrayLike<number>): LossExtremes } {
  const levels: Level[] = [];
  let h: ArrayLike<number> = [];

  /** the leaf blocks and the levels above them, up to the history's `n` steps */
  function extend(n: number): void {
    let below = Math.floor(n / LEAF);
    for (let k = 0; below > 0; k++) {
      if (levels.length === k)
        levels.push({ lo: new Int32Array(0), hi: new Int32Array(0), bad: new Int32Array(0), count: 0 });
      const level = levels[k];
      if (level.count < below) {
        level.lo = grown(level.lo, below);
        level.hi = grown(level.hi, below);
        level.bad = grown(level.bad, below);
      }
      for (let j = level.count; j < below; j++) {
        let lo = -1;
        let hi = -1;
        let bad = -1;
        if (k === 0) {
          for (let s = j * LEAF; s < (j + 1) * LEAF; s++) {
            const y = h[s];
            if (!drawableIn(y, log)) {
              if (bad < 0) bad = s;
            } else {
              if (lo < 0 || y < h[lo]) lo = s;
              if (hi < 0 || y > h[hi]) hi = s;
            }
          }
        } else {
          const child = levels[k - 1];
          for (let c = 2 * j; c < 2 * j + 2; c++) {
            const clo = child.lo[c];
            const chi = child.hi[c];
            if (clo >= 0 && (lo < 0 || h[clo] < h[lo])) lo = clo;
            if (chi >= 0 && (hi < 0 || h[chi] > h[hi])) hi = chi;
            if (bad < 0) bad = child.bad[c];
          }
        }
        level.lo[j] = lo;
        level.hi[j] = hi;
        level.bad[j] = bad;
      }
      level.count = Math.max(level.count, below);
      below = Math.floor(below / 2);
    }
  }

  const pyramid: LossExtremes = {
    query(start, end, out = { lo: -1, hi: -1, bad: -1 }) {
      // the left part's extremes, taken in step order (the first of equal values stays)
      let lo = -1;
      let hi = -1;
      let bad = -1;
      // the right part's, taken from its end backwards (an earlier equal value replaces)
      let rlo = -1;
      let rhi = -1;
      let rbad = -1;
      let a = Math.max(0, start);
      let b = Math.min(h.length, end);
      while (a < b && a % LEAF !== 0) {
        const y = h[a];
        if (!drawableIn(y, log)) {
          if (bad < 0) bad = a;
        } else {
          if (lo < 0 || y < h[lo]) lo = a;
          if (hi < 0 || y > h[hi]) hi = a;
        }
        a++;
      }
      while (b > a && b % LEAF !== 0) {
        b--;
        const y = h[b];
        if (!drawableIn(y, log)) rbad = b;
        else {
          if (rlo < 0 || y <= h[rlo]) rlo = b;
          if (rhi < 0 || y >= h[rhi]) rhi = b;
        }
      }
      let l = a / LEAF;
      let r = b / LEAF;
      for (let k = 0; l < r; k++) {
        const level = levels[k];
        if (l & 1) {
          const blo = level.lo[l];
          const bhi = level.hi[l];
          if (blo >= 0 && (lo < 0 || h[blo] < h[lo])) lo = blo;
          if (bhi >= 0 && (hi < 0 || h[bhi] > h[hi])) hi = bhi;
          if (bad < 0) bad = level.bad[l];
          l++;
        }
        if (r & 1) {
          r--;
          const blo = level.lo[r];
          const bhi = level.hi[r];
          if (blo >= 0 && (rlo < 0 || h[blo] <= h[rlo])) rlo = blo;
          if (bhi >= 0 && (rhi < 0 || h[bhi] >= h[rhi])) rhi = bhi;
          if (level.bad[r] >= 0) rbad = level.bad[r];
        }
        l >>= 1;
        r >>= 1;
      }
      out.lo = rlo >= 0 && (lo < 0 || h[rlo] < h[lo]) ? rlo : lo;
      out.hi = rhi >= 0 && (hi < 0 || h[rhi] > h[hi]) ? rhi : hi;
      out.bad = bad >= 0 ? bad : rbad;
      return out;
    },
  };

  return {
    extremes(history) {
      h = history;
      extend(history.length);
      return pyramid;
    },
  };
}

type Pyramid = ReturnType<typeof createPyramid>;

/** Pyramids per buffer, by byte offset and axis (what is drawable differs on a log axis). */
const kept = new WeakMap<ArrayBufferLike, Map<string, Pyramid>>();

/** The extremes of `history`'s ranges of steps (log: only positive losses are drawable). */
export function lossExtremes(history: ArrayLike<number>, log: boolean): LossExtremes {
  if (!ArrayBuffer.isView(history)) return createPyramid(log).extremes(history);
  const typed = history as ArrayLike<number> & ArrayBufferView;
  let byKey = kept.get(typed.buffer);
  if (!byKey) {
    byKey = new Map();
    kept.set(typed.buffer, byKey);
  }
  const key = `${typed.byteOffset}:${log}`;
  let pyramid = byKey.get(key);
  if (!pyramid) {
    pyramid = createPyramid(log);
    byKey.set(key, pyramid);
  }
  return pyramid.extremes(history);
}
