import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/core/activation.ts';
import { exp } from '../../src/core/exp.ts';
import { mulberry32 } from '../../src/core/init.ts';

const view = new Float64Array(1);
const words = new Uint32Array(view.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = 1 - HI;

/** The bit pattern of a non-negative double as [high word, low word]; consecutive doubles differ by 1 in it. */
function bits(x: number): [number, number] {
  view[0] = x;
  return [words[HI], words[LO]];
}

/** The double next to x (x ≥ 0) `steps` ulps away, through its bit pattern. */
function ulpsAway(x: number, steps: number): number {
  view[0] = x;
  const lo = words[LO] + steps;
  words[HI] += Math.floor(lo / 4294967296);
  words[LO] = lo >>> 0;
  return view[0];
}

/**
 * How many doubles apart two results of e^x are (both are ≥ 0, so their bit patterns order
 * them); 0 when both are NaN, Infinity when only one is.
 */
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const [ah, al] = bits(a);
  const [bh, bl] = bits(b);
  return Math.abs((ah - bh) * 4294967296 + (al - bl));
}

/** The worst ulp distance from Math.exp over xs, and the x where it occurs. */
function worst(xs: Iterable<number>): { maxUlps: number; at: number; points: number; exact: number } {
  let maxUlps = 0;
  let at = NaN;
  let points = 0;
  let exact = 0;
  for (const x of xs) {
    const d = ulpDistance(exp(x), Math.exp(x));
    points++;
    if (d === 0) exact++;
    if (d > maxUlps) {
      maxUlps = d;
      at = x;
    }
  }
  return { maxUlps, at, points, exact };
}

function* uniform(seed: number, lo: number, hi: number, count: number): Generator<number> {
  const draw = mulberry32(seed);
  // Two draws per point so that x gets all 53 bits, not just the 32 of one draw.
  for (let k = 0; k < count; k++) yield lo + (hi - lo) * (draw() + draw() / 4294967296);
}

/** |x| from 2⁻¹⁰⁷⁴ to 1 with a uniform exponent, either sign. */
function* nearZero(seed: number, count: number): Generator<number> {
  const draw = mulberry32(seed);
  for (let k = 0; k < count; k++) {
    const x = (1 + draw()) * 2 ** -Math.floor(draw() * 1075);
    yield draw() < 0.5 ? -x : x;
  }
}

/** The doubles within `width` ulps of each point. */
function* around(points: readonly number[], width: number): Generator<number> {
  for (const p of points) {
    const m = Math.abs(p);
    for (let s = -width; s <= width; s++) {
      const q = ulpsAway(m, s);
      yield p < 0 ? -q : q;
    }
  }
}

describe('exp: within 1 ulp of Math.exp', () => {
  it.each([
    ['uniform over the whole finite range', () => uniform(1, -746, 710, 2_000_000)],
    ['uniform over [−40, 40], where sigmoids live', () => uniform(2, -40, 40, 1_000_000)],
    ['near 0, every exponent down to subnormal inputs', () => nearZero(3, 500_000)],
    ['subnormal results, [−745.2, −708]', () => uniform(4, -745.2, -708, 500_000)],
    ['the overflow edge, [708, 709.8]', () => uniform(5, 708, 709.8, 200_000)],
  ])('%s', (_, points) => {
    const r = worst(points());
    expect(r.maxUlps, `at x = ${r.at}`).toBeLessThanOrEqual(1);
    // Both are faithful roundings; most of the time both are the correctly rounded one.
    expect(r.exact / r.points).toBeGreaterThan(0.85);
  });

  it('every integer from −746 to 710', () => {
    const ints = Array.from({ length: 1457 }, (_, k) => k - 746);
    expect(worst(ints).maxUlps).toBeLessThanOrEqual(1);
  });

  it('around every edge: the fast-path bounds, overflow, underflow and the table steps', () => {
    const ln2 = Math.LN2;
    const edges = [
      -708,
      709,
      709.782712893384,
      709.8,
      -745.1332191019411,
      -745.2,
      -744.44007192138,
      -708.3964185322641,
      ln2 / 256,
      -ln2 / 256,
      ln2 / 2,
      1,
      -1,
      0.5,
      -0.5,
    ];
    // Halfway between table steps, where the reduction's rounding flips n.
    for (let m = -300; m <= 300; m++) edges.push((m + 0.5) * (ln2 / 128));
    for (let k = -1074; k <= 1023; k += 7) edges.push(k * ln2, (k + 0.5) * ln2);
    expect(worst(around(edges, 40)).maxUlps).toBeLessThanOrEqual(1);
  });

  it('special values', () => {
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(Object.is(exp(-Infinity), 0)).toBe(true);
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(Number.MIN_VALUE)).toBe(1);
    expect(exp(-Number.MIN_VALUE)).toBe(1);
    expect(exp(Number.MAX_VALUE)).toBe(Infinity);
    expect(Object.is(exp(-Number.MAX_VALUE), 0)).toBe(true);
    expect(exp(710)).toBe(Infinity);
    expect(Object.is(exp(-746), 0)).toBe(true);
    expect(exp(-745)).toBe(Number.MIN_VALUE);
    expect(exp(1)).toBe(Math.E);
  });

  it('any double (property)', () => {
    fc.assert(
      fc.property(fc.double(), (x) => ulpDistance(exp(x), Math.exp(x)) <= 1),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -750, max: 750, noNaN: true }), (x) => ulpDistance(exp(x), Math.exp(x)) <= 1),
      { numRuns: 20_000 },
    );
  });
});

describe('sigmoid on exp', () => {
  it('is 1/(1 + e^(−z)) to within 2 ulps, saturating without overflow', () => {
    const draw = mulberry32(6);
    let worstRel = 0;
    for (let k = 0; k < 100_000; k++) {
      const z = 80 * draw() - 40;
      const ref = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      worstRel = Math.max(worstRel, Math.abs(sigmoid(z) - ref) / ref);
    }
    expect(worstRel).toBeLessThanOrEqual(2 * Number.EPSILON);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(NaN)).toBeNaN();
  });
});
