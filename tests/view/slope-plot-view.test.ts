// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createSlopePlotView } from '../../src/view/slope-plot-view.ts';
import type { SlopePlotData } from '../../src/view/slope-plot-geometry.ts';

/**
 * The step's arrow on J(θ): a step shorter than the arrowhead (a small learning rate, a flat
 * stretch) was drawn under the point and could not be seen. It is drawn long enough to show past
 * the point, in the step's direction, with the true step written beside it.
 */

// J(θ) = θ² on [-2, 2], at θ = 1 (slope 2)
const xs = Float64Array.from({ length: 41 }, (_, k) => -2 + k / 10);
const at = (next: number): SlopePlotData => ({
  xs,
  values: xs.map((t) => t * t),
  theta: 1,
  loss: 1,
  slope: 2,
  next,
  nextLoss: next * next,
});

function draw(data: SlopePlotData) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.appendChild(svg);
  const view = createSlopePlotView(svg);
  view.resize(360, 200);
  view.update({ data, label: 'w₅' });
  const line = svg.querySelector('.slope-step')!;
  const n = (name: string) => Number(line.getAttribute(name));
  const dot = svg.querySelector('.slope-point')!;
  const label = svg.querySelector('.slope-step-label');
  return {
    visible: line.getAttribute('visibility') === 'visible',
    length: Math.hypot(n('x2') - n('x1'), n('y2') - n('y1')),
    leftward: n('x2') < n('x1'),
    fromPoint: [n('x1'), n('y1')].join() === [dot.getAttribute('cx'), dot.getAttribute('cy')].join(),
    label: label?.getAttribute('visibility') === 'visible' ? label.textContent : null,
  };
}

describe('the step arrow of the J(θ) plot', () => {
  it('a step shorter than the arrowhead is drawn past the point, the true step written beside it', () => {
    // 1 → 0.999: a fraction of a pixel at this size
    const a = draw(at(0.999));
    expect(a.visible).toBe(true);
    expect(a.fromPoint).toBe(true);
    // beyond the point (5 px and its stroke) and the head (7 × 2.5 px)
    expect(a.length).toBeGreaterThan(5 + 1 + 7 * 2.5);
    expect(a.leftward).toBe(true);
    expect(a.label).toBe('Δw₅ = −0.001');
  });

  it('a step long enough is drawn as it is, with no label', () => {
    const a = draw(at(0.5));
    expect(a.visible).toBe(true);
    expect(a.leftward).toBe(true);
    expect(a.length).toBeGreaterThan(40);
    expect(a.label).toBeNull();
  });
});
