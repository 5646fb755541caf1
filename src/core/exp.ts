/**
 * eˣ in plain arithmetic, so that the JIT inlines it into the activation loops: V8 lowers
 * Math.exp to a call into C, which cost as much as the rest of a small network's step.
 *
 * Range reduction: x = n·ln2/128 + r with n = round(128x/ln2), |r| ≤ ln2/256, and
 * n = 128k + j (0 ≤ j < 128), so eˣ = 2ᵏ · 2^(j/128) · eʳ. The 128 values 2^(j/128) are held
 * as a sum of two doubles (computed once, below, in double-double arithmetic), eʳ − 1 is its
 * Taylor polynomial to r⁵ (the next term is below 6·10⁻¹⁹), and 2ᵏ is an exact power of two.
 * The only rounding that matters is the last addition, so the result is within 1 ulp of eˣ
 * (tests/core/exp.test.ts measures it against Math.exp over the whole range).
 */

// The constants below are literals, not named consts: V8 reloads and type-checks a
// module-level const on every use, which cost more than the arithmetic here.
//   184.6649652337873         128/ln2
//   6755399441055744          1.5·2⁵²: adding then subtracting it rounds |t| < 2⁵¹ to an integer
//   0.0054152123482253955     ln2/128 rounded to a multiple of 2⁻⁴² (≤ 35 significant bits), so
//                             that n·it is exact for every |n| < 2¹⁸ the reduction produces
//   -1.0082281460997769e-13   the rest of ln2/128 (ln 2 = 0.6931471805599453 + 2.3190468138462996e-17)
//   7, 127                    log₂ of the table size, and the table size − 1
//   1022                      the index of 2⁰ in POW2

/** 2ᵏ for k = −1022 … 1023 at index k + 1022: every normal power of two. */
const POW2 = new Float64Array(2046);
/** 2^(j/128) = TABLE[2j] + TABLE[2j + 1], the second double holding what the first rounds away. */
const TABLE = new Float64Array(256);

/** eˣ, within 1 ulp; e^±∞ = ∞ and 0, e^NaN = NaN, and e^(−0) = 1. */
export function exp(x: number): number {
  // Beyond these bounds 2ᵏ·2^(j/128)·eʳ may leave the normal range, or x is NaN.
  if (x > -708 && x < 709) {
    const n = x * 184.6649652337873 + 6755399441055744 - 6755399441055744;
    return mantissa(x, n) * POW2[(n >> 7) + 1022];
  }
  return expOutside(x);
}

/** 2^(j/128)·eʳ for n = 128k + j and r = x − n·ln2/128, in [0.997, 2.006). */
function mantissa(x: number, n: number): number {
  const r = x - n * 0.0054152123482253955 - n * -1.0082281460997769e-13;
  const r2 = r * r;
  // Estrin's scheme: shorter dependency chains than Horner's.
  const p = r + r2 * (1 / 2 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120)));
  const t = 2 * (n & 127);
  const hi = TABLE[t];
  return hi + (TABLE[t + 1] + hi * p);
}

/** eˣ where the result may overflow, be subnormal or vanish, or x is NaN. */
function expOutside(x: number): number {
  if (x !== x) return x;
  if (x > 709.8) return Infinity; // e^709.8 > 2¹⁰²⁴
  if (x < -745.2) return 0; // e^−745.2 < 2⁻¹⁰⁷⁵, half the smallest subnormal
  const n = x * 184.6649652337873 + 6755399441055744 - 6755399441055744;
  const k = n >> 7;
  // Two exact scalings and one final rounding: 2ᵏ itself is out of range at both ends.
  return k > 0 ? mantissa(x, n) * POW2[k - 1 + 1022] * 2 : mantissa(x, n) * POW2[k + 64 + 1022] * POW2[-64 + 1022];
}

/**
 * POW2 by exact doubling and halving; TABLE from the chain 2^(1/2), 2^(1/4), …, 2^(1/128) of
 * double-double square roots, 2^(j/128) being the product of the roots j's bits select.
 */
function fillTables(): void {
  POW2[1022] = 1;
  for (let k = 1; k <= 1023; k++) POW2[1022 + k] = POW2[1022 + k - 1] * 2;
  for (let k = 1; k <= 1022; k++) POW2[1022 - k] = POW2[1022 - k + 1] / 2;

  // roots[2b], roots[2b + 1] = 2^(2^(b − 7)) as hi + lo, for bit b of j (b = 6 is 2^(1/2)).
  const roots = new Float64Array(14);
  let hi = 2;
  let lo = 0;
  for (let b = 6; b >= 0; b--) {
    ddSqrt(hi, lo);
    hi = dd[0];
    lo = dd[1];
    roots[2 * b] = hi;
    roots[2 * b + 1] = lo;
  }
  for (let j = 0; j < 128; j++) {
    hi = 1;
    lo = 0;
    for (let b = 0; b < 7; b++) {
      if (((j >> b) & 1) === 0) continue;
      ddMul(hi, lo, roots[2 * b], roots[2 * b + 1]);
      hi = dd[0];
      lo = dd[1];
    }
    TABLE[2 * j] = hi;
    TABLE[2 * j + 1] = lo;
  }
}

/** The result of the last double-double operation: value = dd[0] + dd[1], |dd[1]| ≤ ½ulp(dd[0]). */
const dd = new Float64Array(2);

/** dd ← a·b exactly (Dekker: a product of two 26-bit halves is exact in a double). */
function twoProduct(a: number, b: number): void {
  const p = a * b;
  const ca = 134217729 * a; // 2²⁷ + 1 splits a into 26 + 27 bits
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  dd[0] = p;
  dd[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** dd ← s + e renormalised, for |s| ≥ |e|. */
function fastTwoSum(s: number, e: number): void {
  const sum = s + e;
  dd[0] = sum;
  dd[1] = e - (sum - s);
}

/** dd ← (ah + al)·(bh + bl), to about 2⁻¹⁰⁴ relative. */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProduct(ah, bh);
  fastTwoSum(dd[0], dd[1] + (ah * bl + al * bh));
}

/** dd ← √(ah + al), one Newton step from √ah: s + (a − s²)/(2s) with s² exact. */
function ddSqrt(ah: number, al: number): void {
  const s = Math.sqrt(ah);
  twoProduct(s, s);
  const residual = ah - dd[0] - dd[1] + al;
  fastTwoSum(s, residual / (2 * s));
}

fillTables();
