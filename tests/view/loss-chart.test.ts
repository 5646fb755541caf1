// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  badSteps,
  chartScales,
  decimate,
  decimateToColumns,
  MAX_DRAWN_POINTS,
} from '../../src/view/loss-chart-model.ts';
import { createLossChartView, type LossChartView } from '../../src/view/loss-chart-view.ts';

const box = { left: 40, right: 340, top: 10, bottom: 150 };

describe('loss chart model', () => {
  it('keeps a short history as it is, with undrawable values as breaks', () => {
    const pts = decimate([1, NaN, 0.5, Infinity, 0.25]);
    expect(pts.map((p) => p.x)).toEqual([0, 1, 2, 3, 4]);
    expect(pts.map((p) => Number.isNaN(p.y))).toEqual([false, true, false, true, false]);
    expect(decimate([1, 0, 0.5], true).map((p) => Number.isNaN(p.y))).toEqual([false, true, false]);
  });

  it('decimates a long history to at most ~1000 points, keeping each bucket’s min and max in order', () => {
    const n = 20000;
    const h = Float64Array.from({ length: n }, (_, t) => 1 / (1 + t) + (t === 12345 ? 5 : 0) - (t === 777 ? 0.5 : 0));
    const pts = decimate(h);
    expect(pts.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect(pts.length).toBeGreaterThan(MAX_DRAWN_POINTS / 2);
    for (let k = 1; k < pts.length; k++) expect(pts[k].x).toBeGreaterThan(pts[k - 1].x);
    expect(Math.max(...pts.map((p) => p.y))).toBe(Math.max(...h));
    expect(Math.min(...pts.map((p) => p.y))).toBe(Math.min(...h));
    expect(pts.some((p) => p.x === 12345)).toBe(true);
    expect(pts.some((p) => p.x === 777)).toBe(true);
  });

  it('keeps breaks in a decimated history and marks the undrawable steps', () => {
    const h = Array.from({ length: 5000 }, (_, t) => (t >= 2000 && t < 2100 ? NaN : 1));
    const pts = decimate(h);
    expect(pts.some((p) => Number.isNaN(p.y) && p.x === 2000)).toBe(true);
    const bad = badSteps(h);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]).toBe(2000);
    expect(bad.every((s) => s >= 2000 && s < 2100)).toBe(true);
  });

  it('scales steps and losses into the box, with integer step ticks', () => {
    const pts = decimate([2, 1.5, 1, 0.8, 0.7]);
    const s = chartScales(pts, 5, box);
    expect(s.x(0)).toBe(box.left);
    expect(s.x(4)).toBe(box.right);
    expect(s.y(s.yDomain[0])).toBe(box.bottom);
    expect(s.y(2)).toBeGreaterThanOrEqual(box.top);
    expect(s.xTicks.every(Number.isInteger)).toBe(true);
    expect(s.yDomain[0]).toBe(0);
    const log = chartScales(decimate([100, 10, 1, 0.1, 0.01], true), 5, box, true);
    expect(log.y(100)).toBeCloseTo(box.top, 6);
    expect(log.y(0.01)).toBeCloseTo(box.bottom, 6);
    const empty = chartScales([], 0, box);
    expect(empty.yDomain).toEqual([0, 1]);
  });
});

describe('loss chart view (DOM)', () => {
  let view: LossChartView | null = null;
  afterEach(() => {
    view?.destroy();
    view = null;
    document.body.replaceChildren();
  });

  function mount() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '360');
    svg.setAttribute('height', '170');
    document.body.appendChild(svg);
    const onHover = vi.fn();
    view = createLossChartView(svg, { onHover });
    return { svg, onHover, view };
  }

  it('draws a broken line at NaN and ∞, axes with tick labels, and an accessible summary', () => {
    const { svg, view: v } = mount();
    v.update({ series: [{ history: [1, 0.8, NaN, 0.5, 0.4, Infinity, 0.3] }] });
    const d = svg.querySelector('.bp-chart-line')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(3);
    expect(svg.querySelectorAll('.bp-chart-bad')).toHaveLength(2);
    expect(svg.querySelectorAll('.bp-chart-x text').length).toBeGreaterThan(1);
    expect(svg.querySelectorAll('.bp-chart-y text').length).toBeGreaterThan(1);
    expect(svg.getAttribute('aria-label')).toBe('Loss over 7 steps, last 0.3, some steps not finite');
  });

  it('reads no computed style while drawing a report (that forces the page’s pending style work), and follows a text size change within a second', () => {
    vi.useFakeTimers();
    try {
      const { svg, view: v } = mount();
      const read = vi.spyOn(window, 'getComputedStyle');
      const history = [1, 0.8, 0.6];
      for (let k = 0; k < 5; k++) v.update({ series: [{ history: history.slice(0, k % 3) }] });
      expect(read).not.toHaveBeenCalled();
      const titleY = () => Number(svg.querySelector('.bp-chart-title-x')!.getAttribute('y'));
      const small = titleY();
      // presentation mode's larger text: the axis title moves down under larger tick labels
      const style = document.createElement('style');
      style.textContent = '.bp-chart text { font-size: 20px; }';
      document.head.appendChild(style);
      v.update({ series: [{ history }] });
      vi.advanceTimersByTime(1000);
      expect(read).toHaveBeenCalled();
      expect(titleY()).not.toBe(small);
      style.remove();
      read.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });

  it('draws 10,000+ steps with at most ~1000 points and switches to a log axis', () => {
    const { svg, view: v } = mount();
    const history = Array.from({ length: 12000 }, (_, t) => Math.exp(-t / 2000));
    v.update({ series: [{ history }], log: true, marker: 6000 });
    const d = svg.querySelector('.bp-chart-line')!.getAttribute('d')!;
    const points = d.split(/[ML]/).filter(Boolean).length;
    expect(points).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect(points).toBeGreaterThan(100);
    expect(svg.querySelector('.bp-chart-marker')!.hasAttribute('display')).toBe(false);
    v.update({ series: [{ history: [] }] });
    expect(svg.querySelector('.bp-chart-line')!.getAttribute('d')).toBe('');
    expect(svg.getAttribute('aria-label')).toBe('Loss chart: no steps yet');
    expect(svg.querySelector('.bp-chart-marker')!.getAttribute('display')).toBe('none');
  });

  it('overlays one line per series, each named at its end and in the readout', () => {
    const { svg, view: v, onHover } = mount();
    const series = [
      { history: [1, 0.5, 0.25, 0.125], label: 'A', color: 'rgb(230, 159, 0)', dash: '' },
      { history: [1, 0.9, 0.8, 0.7], label: 'B', color: 'rgb(86, 180, 233)', dash: '6 3' },
      { history: [1, 2, Infinity, NaN], label: 'C', color: 'rgb(204, 121, 167)', dash: '2 2' },
    ];
    v.update({ series, log: true });
    const lines = [...svg.querySelectorAll<SVGPathElement>('.bp-chart-line')];
    expect(lines.map((l) => l.dataset.label)).toEqual(['A', 'B', 'C']);
    expect(lines.map((l) => l.style.stroke)).toEqual(series.map((x) => x.color));
    expect(lines[1].getAttribute('stroke-dasharray')).toBe('6 3');
    expect([...svg.querySelectorAll('.bp-chart-end')].map((t) => t.textContent)).toEqual(['A', 'B', 'C']);
    // C's two steps that cannot be drawn are marked in C's colour
    const bads = [...svg.querySelectorAll<SVGRectElement>('.bp-chart-bad')];
    expect(bads).toHaveLength(2);
    expect(bads.every((b) => b.style.fill === series[2].color)).toBe(true);
    expect(svg.getAttribute('aria-label')).toBe(
      'A: loss over 4 steps, last 0.125; B: loss over 4 steps, last 0.7; C: loss over 4 steps, last NaN, some steps not finite',
    );
    svg.dispatchEvent(new MouseEvent('pointermove', { clientX: 9999 }));
    expect(svg.querySelector('.bp-chart-readout')!.textContent).toBe('step 3: A 0.125 · B 0.7 · C NaN');
    expect(onHover).toHaveBeenLastCalledWith(3);
    // fewer series: the extra lines go
    v.update({ series: series.slice(0, 2) });
    expect(svg.querySelectorAll('.bp-chart-line')).toHaveLength(2);
  });

  it('resizes and cleans up', () => {
    const { svg, view: v } = mount();
    v.update({ series: [{ history: [3, 2, 1] }] });
    v.resize(500, 200);
    expect(svg.getAttribute('viewBox')).toBe('0 0 500 200');
    v.destroy();
    view = null;
    expect(svg.childElementCount).toBe(0);
  });
});

describe('loss chart decimation to pixel columns', () => {
  /** The pixel column (0 … width − 1) of step s of n steps over a plot `width` pixels wide. */
  const columnOf = (s: number, n: number, width: number) => Math.min(width - 1, Math.floor((s * width) / (n - 1)));

  it('keeps each pixel column’s minimum and maximum, in step order, and no more than two points a column', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = 30001;
    const h = Float64Array.from({ length: n }, (_, t) => Math.exp(-t / 5000) * (1 + 0.5 * rand()));
    for (const width of [1, 97, 300, 1500]) {
      const pts = decimateToColumns(h, false, width);
      for (let k = 1; k < pts.length; k++) expect(pts[k].x).toBeGreaterThan(pts[k - 1].x);
      const lo = new Array<number>(width).fill(Infinity);
      const hi = new Array<number>(width).fill(-Infinity);
      for (let s = 0; s < n; s++) {
        const c = columnOf(s, n, width);
        lo[c] = Math.min(lo[c], h[s]);
        hi[c] = Math.max(hi[c], h[s]);
      }
      const kept = new Map<number, number[]>();
      for (const p of pts) {
        expect(p.y).toBe(h[p.x]);
        const c = columnOf(p.x, n, width);
        kept.set(c, [...(kept.get(c) ?? []), p.y]);
      }
      for (let c = 0; c < width; c++) {
        if (lo[c] === Infinity) continue;
        const ys = kept.get(c) ?? [];
        expect(ys.length, `column ${c} of ${width}`).toBeLessThanOrEqual(2);
        expect(Math.min(...ys), `column ${c} of ${width}`).toBe(lo[c]);
        expect(Math.max(...ys), `column ${c} of ${width}`).toBe(hi[c]);
      }
    }
  });

  it('keeps every step when there are no more than two a column, and breaks where a column holds an undrawable loss', () => {
    const short = [1, NaN, 0.5, Infinity, 0.25];
    expect(decimateToColumns(short, false, 300)).toEqual(decimate(short));
    const h = Array.from({ length: 5000 }, (_, t) => (t === 2000 ? NaN : t === 3000 ? 0 : 1 / (t + 1)));
    const pts = decimateToColumns(h, true, 200);
    expect(pts.some((p) => p.x === 2000 && Number.isNaN(p.y))).toBe(true);
    expect(pts.some((p) => p.x === 3000 && Number.isNaN(p.y))).toBe(true);
    expect(pts.filter((p) => Number.isNaN(p.y))).toHaveLength(2);
  });
});
