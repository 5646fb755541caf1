import { describe, expect, it } from 'vitest';
import { lossDomain, slopeGeometry, type SlopePlotData } from '../../src/view/slope-plot-geometry.ts';

const box = { left: 40, right: 440, top: 10, bottom: 210 };
// J(θ) = θ² on [-2, 2]: at θ = 1, J = 1 and the slope is 2; a step of η = 0.25 goes to 0.5
const xs = Float64Array.from({ length: 41 }, (_, k) => -2 + k / 10);
const parabola: SlopePlotData = {
  xs,
  values: xs.map((t) => t * t),
  theta: 1,
  loss: 1,
  slope: 2,
  next: 0.5,
  nextLoss: 0.25,
};

describe('slopeGeometry', () => {
  it('draws the tangent with the given slope through the point, in data units', () => {
    const g = slopeGeometry(parabola, box);
    const [ax, ay, bx, by] = g.tangent;
    const slope = (g.y.invert(by) - g.y.invert(ay)) / (g.x.invert(bx) - g.x.invert(ax));
    expect(slope).toBeCloseTo(2, 10);
    expect(g.point[0]).toBeCloseTo(g.x(1), 10);
    expect(g.point[1]).toBeCloseTo(g.y(1), 10);
    // the point lies on the tangent
    const t = (g.point[0] - ax) / (bx - ax);
    expect(ay + t * (by - ay)).toBeCloseTo(g.point[1], 8);
    // and the tangent stays inside the plot
    for (const v of [ay, by]) expect(v).toBeGreaterThanOrEqual(box.top - 1e-9);
    for (const v of [ay, by]) expect(v).toBeLessThanOrEqual(box.bottom + 1e-9);
  });

  it('a positive slope sends the step left and down the curve', () => {
    const g = slopeGeometry(parabola, box);
    expect(g.step).not.toBeNull();
    const [x0, y0, x1, y1] = g.step!;
    expect(x1).toBeLessThan(x0);
    expect(y1).toBeGreaterThan(y0); // lower J is further down the screen
    expect(g.x.invert(x1)).toBeCloseTo(0.5, 10);
    expect(g.y.invert(y1)).toBeCloseTo(0.25, 10);
  });

  it('draws a step too short to see past the point at the minimum length, in its direction; the true step stays', () => {
    // η = 0.001: θ goes from 1 to 0.998, about 0.2 px on this plot, under the point and the arrowhead
    const tiny = { ...parabola, next: 0.998, nextLoss: 0.998 * 0.998 };
    const g = slopeGeometry(tiny, box, 30);
    const [x0, y0, x1, y1] = g.step!;
    expect(g.x.invert(x1)).toBeCloseTo(0.998, 10);
    expect(Math.hypot(x1 - x0, y1 - y0)).toBeLessThan(1);
    expect(g.stretched).toBe(true);
    const [a0, b0, a1, b1] = g.arrow!;
    expect([a0, b0]).toEqual([x0, y0]);
    expect(Math.hypot(a1 - a0, b1 - b0)).toBeCloseTo(30, 10);
    // the same way as the step: left (θ decreases) and down the curve (J decreases)
    expect(a1).toBeLessThan(a0);
    expect(b1).toBeGreaterThan(b0);
    expect((a1 - a0) * (y1 - y0)).toBeCloseTo((b1 - b0) * (x1 - x0), 6);
    // a step longer than the minimum is drawn as it is
    const long = slopeGeometry(parabola, box, 30);
    expect(long.stretched).toBe(false);
    expect(long.arrow).toEqual(long.step);
  });

  it('has no step for a parameter that does not move, and leaves a gap where J is not finite', () => {
    const values = Float64Array.from(parabola.values);
    values[5] = NaN;
    const g = slopeGeometry({ ...parabola, values, next: 1, nextLoss: 1 }, box);
    expect(g.step).toBeNull();
    expect(g.curve.match(/M/g)!.length).toBe(2);
    expect(g.curve.match(/[ML]/g)!.length).toBe(40);
  });

  it('the J range holds every finite value with room, and a flat curve gets some height', () => {
    const [lo, hi] = lossDomain(parabola);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(4);
    const flat = { ...parabola, values: new Float64Array(41).fill(3), loss: 3, nextLoss: 3 };
    expect(lossDomain(flat)).toEqual([2.7, 3.3]);
  });
});
