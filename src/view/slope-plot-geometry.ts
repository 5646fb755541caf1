/**
 * Pure geometry of the one-parameter plot J(θ): scales, the curve's path, the tangent at the
 * current θ (slope ∂J/∂θ as the app computed it) and the step's arrow to the next θ. No DOM.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

/** What the plot draws, in data units. */
export interface SlopePlotData {
  /** θ at each curve point, and J there (every other parameter held) */
  readonly xs: Float64Array;
  readonly values: Float64Array;
  /** the current θ, J(θ) and the gradient ∂J/∂θ at it */
  readonly theta: number;
  readonly loss: number;
  readonly slope: number;
  /** θ after the step and J there, or null when the parameter does not move (frozen) */
  readonly next: number | null;
  readonly nextLoss: number | null;
}

export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface SlopeGeometry {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** the curve as an SVG path (a gap where J is not finite) */
  readonly curve: string;
  readonly point: readonly [number, number];
  /** the tangent's ends in pixels: J(θ) + slope·(t − θ) over a stretch that stays in the plot */
  readonly tangent: readonly [number, number, number, number];
  /** the step's arrow in pixels, from the point to the next point on the curve, or null */
  readonly step: readonly [number, number, number, number] | null;
  /**
   * The arrow as drawn: the step, or, when the step is shorter than `minArrow` pixels (its head
   * would hide under the point), a segment of that length from the point in the step's direction.
   */
  readonly arrow: readonly [number, number, number, number] | null;
  /** the arrow is drawn longer than the step (the plot then labels the true step) */
  readonly stretched: boolean;
}

/** The J range the plot shows: the curve's finite values (and the two points) with 8% room; a flat curve gets ±1 or ±10%. */
export function lossDomain(d: SlopePlotData): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number | null) => {
    if (v === null || !Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const v of d.values) take(v);
  take(d.loss);
  take(d.nextLoss);
  if (!(lo <= hi)) return [0, 1];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** The plot's geometry in `box` (pixels); an arrow shorter than `minArrow` pixels is drawn that long. */
export function slopeGeometry(d: SlopePlotData, box: Box, minArrow = 0): SlopeGeometry {
  const n = d.xs.length;
  const x0 = n > 0 ? d.xs[0] : d.theta - 1;
  const x1 = n > 0 ? d.xs[n - 1] : d.theta + 1;
  const x = scaleLinear().domain([x0, x1]).range([box.left, box.right]);
  const [lo, hi] = lossDomain(d);
  const y = scaleLinear().domain([lo, hi]).range([box.bottom, box.top]);

  let curve = '';
  let pen = false;
  for (let k = 0; k < n; k++) {
    const v = d.values[k];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    curve += `${pen ? 'L' : 'M'}${round(x(d.xs[k]))},${round(y(Math.min(hi, Math.max(lo, v))))}`;
    pen = true;
  }

  // The tangent over ±30% of the window, shortened so that it stays inside the J range.
  const half = (x1 - x0) / 2;
  let reach = 0.3 * half;
  const room = Math.min(hi - d.loss, d.loss - lo);
  if (Number.isFinite(d.slope) && Math.abs(d.slope) * reach > room && room > 0) reach = room / Math.abs(d.slope);
  const slope = Number.isFinite(d.slope) ? d.slope : 0;
  const tangent: [number, number, number, number] = [
    x(d.theta - reach),
    y(d.loss - slope * reach),
    x(d.theta + reach),
    y(d.loss + slope * reach),
  ];
  const step =
    d.next !== null &&
    d.nextLoss !== null &&
    Number.isFinite(d.next) &&
    Number.isFinite(d.nextLoss) &&
    d.next !== d.theta
      ? ([x(d.theta), y(d.loss), x(d.next), y(d.nextLoss)] as const)
      : null;
  let arrow = step;
  let stretched = false;
  if (step !== null && d.next !== null) {
    const dx = step[2] - step[0];
    const dy = step[3] - step[1];
    const len = Math.hypot(dx, dy);
    if (len < minArrow) {
      // too short to see past the point: along the step's direction (sideways when it has no length on screen)
      const [ux, uy] = len > 1e-9 ? [dx / len, dy / len] : [Math.sign(d.next - d.theta), 0];
      arrow = [step[0], step[1], step[0] + ux * minArrow, step[1] + uy * minArrow];
      stretched = true;
    }
  }
  return { x, y, curve, point: [x(d.theta), y(d.loss)], tangent, step, arrow, stretched };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
