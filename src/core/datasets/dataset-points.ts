/**
 * The point sets of the dataset generators, over the square [−1, 1]², as TensorFlow
 * Playground draws them (scaled from its ±6 to ±1). Each draws from `u`, a mulberry32 stream,
 * the same number of values whatever the noise, so the noise moves the points and nothing else.
 * `noise` ∈ [0, 1].
 */

/** A classification point: its inputs and its class (0 or 1). */
export interface ClassPoint {
  readonly x: number[];
  readonly cls: 0 | 1;
}

/** A regression point: its inputs and its target value. */
export interface ValuePoint {
  readonly x: number[];
  readonly y: number;
}

type Draw = () => number;

/** The largest shift noise 1 gives a classification point along each axis. */
const SHIFT = 0.5;

/** A standard normal draw, by Box–Muller from two uniform draws (1 − u keeps ln away from 0). */
export function normal(u: Draw): number {
  const r = Math.sqrt(-2 * Math.log(1 - u()));
  return r * Math.cos(2 * Math.PI * u());
}

function jitter(u: Draw, noise: number): number {
  return noise * SHIFT * (2 * u() - 1);
}

/** Point k: even k class 1, inside radius 0.5; odd k class 0, in the ring 0.7 to 1. */
export function circlePoint(k: number, u: Draw, noise: number): ClassPoint {
  const cls = k % 2 === 0 ? 1 : 0;
  const r = cls === 1 ? 0.5 * u() : 0.7 + 0.3 * u();
  const angle = 2 * Math.PI * u();
  return { x: [r * Math.sin(angle) + jitter(u, noise), r * Math.cos(angle) + jitter(u, noise)], cls };
}

/** A uniform point at least 0.1 from both axes; class 1 where x₁·x₂ > 0 (before the noise). */
export function xorPoint(_k: number, u: Draw, noise: number): ClassPoint {
  const away = (v: number) => (v >= 0 ? v + 0.1 : v - 0.1);
  const x1 = away(0.9 * (2 * u() - 1));
  const x2 = away(0.9 * (2 * u() - 1));
  return { x: [x1 + jitter(u, noise), x2 + jitter(u, noise)], cls: x1 * x2 > 0 ? 1 : 0 };
}

/** Even k class 1 around (0.5, 0.5), odd k class 0 around (−0.5, −0.5); σ = 0.1 + 0.5·noise. */
export function gaussiansPoint(k: number, u: Draw, noise: number): ClassPoint {
  const cls = k % 2 === 0 ? 1 : 0;
  const centre = cls === 1 ? 0.5 : -0.5;
  const sigma = 0.1 + 0.5 * noise;
  return { x: [centre + sigma * normal(u), centre + sigma * normal(u)], cls };
}

/**
 * Two arms: point i of an arm (i = ⌊k/2⌋) at radius r = i/⌈count/2⌉ and angle
 * θ = 1.75·2π·r (class 0) or θ + π (class 1, even k), as (r sin θ, r cos θ).
 */
export function spiralPoint(k: number, u: Draw, noise: number, count: number): ClassPoint {
  const cls = k % 2 === 0 ? 1 : 0;
  const r = Math.floor(k / 2) / Math.ceil(count / 2);
  const angle = 1.75 * 2 * Math.PI * r + (cls === 1 ? Math.PI : 0);
  return { x: [r * Math.sin(angle) + jitter(u, noise), r * Math.cos(angle) + jitter(u, noise)], cls };
}

/** x uniform in [−1, 1]², y = (x₁ + x₂)/2 plus normal noise of σ = 0.5·noise. */
export function planePoint(_k: number, u: Draw, noise: number): ValuePoint {
  const x1 = 2 * u() - 1;
  const x2 = 2 * u() - 1;
  return { x: [x1, x2], y: (x1 + x2) / 2 + 0.5 * noise * normal(u) };
}

/** x uniform in [−1, 1], y = sin(πx) plus normal noise of σ = 0.5·noise. */
export function sinePoint(_k: number, u: Draw, noise: number): ValuePoint {
  const x = 2 * u() - 1;
  return { x: [x], y: Math.sin(Math.PI * x) + 0.5 * noise * normal(u) };
}
