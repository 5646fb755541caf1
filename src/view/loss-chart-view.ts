import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { formatNumber } from './format.ts';
import { badSteps, chartScales, decimate, drawable, type ChartPoint } from './loss-chart-model.ts';
import { svgChild } from './svg.ts';

export interface LossChartData {
  /** the loss after each step, oldest first */
  readonly history: ArrayLike<number>;
  /** logarithmic loss axis */
  readonly log?: boolean;
  /** a step to mark with a vertical line (the step shown elsewhere), if any */
  readonly marker?: number | null;
}

export interface LossChartCallbacks {
  /** the pointer is over step `step` (null: it left the plot) */
  onHover?(step: number | null): void;
}

export interface LossChartView {
  update(data: LossChartData): void;
  /** the drawing area's size in CSS pixels */
  resize(width: number, height: number): void;
  destroy(): void;
}

const MARGIN = { left: 46, right: 10, top: 8, bottom: 20 };

/** A small line chart of the loss per step, with axes, breaks at NaN/∞, and a readout under the pointer. */
export function createLossChartView(svg: SVGSVGElement, callbacks: LossChartCallbacks = {}): LossChartView {
  svg.classList.add('bp-chart');
  svg.setAttribute('role', 'img');
  const root = svgChild(svg, 'g', 'bp-chart-root');
  const bg = svgChild(root, 'rect', 'bp-bg');
  const grid = svgChild(root, 'g', 'bp-chart-grid');
  const path = svgChild(root, 'path', 'bp-chart-line');
  const bad = svgChild(root, 'g', 'bp-chart-bads');
  const xAxis = svgChild(root, 'g', 'bp-chart-axis bp-chart-x');
  const yAxis = svgChild(root, 'g', 'bp-chart-axis bp-chart-y');
  const marker = svgChild(root, 'line', 'bp-chart-marker');
  const readout = svgChild(root, 'text', 'bp-chart-readout');
  readout.setAttribute('text-anchor', 'end');
  for (const el of [grid, bad, xAxis, yAxis, marker, readout]) el.setAttribute('aria-hidden', 'true');

  const rect = svg.getBoundingClientRect();
  let width = rect.width || Number(svg.getAttribute('width')) || 320;
  let height = rect.height || Number(svg.getAttribute('height')) || 160;
  let data: LossChartData = { history: [] };
  let scaleX: ((s: number) => number) | null = null;
  let invert: ((px: number) => number) | null = null;

  const pathOf = line<ChartPoint>().defined((p) => Number.isFinite(p.y));

  function draw(): void {
    const box = { left: MARGIN.left, right: Math.max(MARGIN.left + 10, width - MARGIN.right), top: MARGIN.top, bottom: Math.max(MARGIN.top + 10, height - MARGIN.bottom) };
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    bg.setAttribute('width', String(width));
    bg.setAttribute('height', String(height));
    const log = data.log === true;
    const h = data.history;
    const points = decimate(h, log);
    const sc = chartScales(points, h.length, box, log);
    scaleX = sc.x;
    invert = (px) => ((px - box.left) / Math.max(1, box.right - box.left)) * Math.max(1, h.length - 1);
    path.setAttribute('d', pathOf.x((p) => sc.x(p.x)).y((p) => sc.y(p.y))(points) ?? '');

    select(grid).selectAll<SVGLineElement, number>('line').data(sc.yTicks, (t) => String(t)).join('line')
      .attr('x1', box.left).attr('x2', box.right).attr('y1', (t) => sc.y(t)).attr('y2', (t) => sc.y(t));
    select(yAxis).selectAll<SVGTextElement, number>('text').data(sc.yTicks, (t) => String(t)).join('text')
      .attr('x', box.left - 4).attr('y', (t) => sc.y(t)).attr('dy', '0.32em').attr('text-anchor', 'end')
      .text((t) => formatNumber(t, 3));
    select(yAxis).selectAll<SVGLineElement, number>('line').data([0]).join('line')
      .attr('x1', box.left).attr('x2', box.left).attr('y1', box.top).attr('y2', box.bottom);
    select(xAxis).selectAll<SVGLineElement, number>('line').data([0]).join('line')
      .attr('x1', box.left).attr('x2', box.right).attr('y1', box.bottom).attr('y2', box.bottom);
    select(xAxis).selectAll<SVGTextElement, number>('text').data(sc.xTicks, (t) => String(t)).join('text')
      .attr('x', (t) => sc.x(t)).attr('y', box.bottom + 13).attr('text-anchor', 'middle')
      .text((t) => String(t));
    select(bad).selectAll<SVGRectElement, number>('rect').data(badSteps(h, log), (s) => String(s)).join('rect')
      .attr('class', 'bp-chart-bad').attr('x', (s) => sc.x(s) - 1.5).attr('y', box.top).attr('width', 3).attr('height', 6);

    const m = data.marker;
    if (m !== null && m !== undefined && m >= 0 && m < h.length) {
      marker.removeAttribute('display');
      const x = String(sc.x(m));
      marker.setAttribute('x1', x);
      marker.setAttribute('x2', x);
      marker.setAttribute('y1', String(box.top));
      marker.setAttribute('y2', String(box.bottom));
    } else marker.setAttribute('display', 'none');
    readout.setAttribute('x', String(box.right));
    readout.setAttribute('y', String(box.top + 10));

    const last = h.length > 0 ? h[h.length - 1] : NaN;
    const bads = badSteps(h, false).length;
    svg.setAttribute('aria-label', h.length === 0 ? 'Loss chart: no steps yet'
      : `Loss over ${h.length} step${h.length === 1 ? '' : 's'}, last ${formatNumber(last)}${bads ? `, ${bads > 1 ? 'some steps' : 'one step'} not finite` : ''}`);
  }

  function onMove(ev: PointerEvent): void {
    if (!invert || !scaleX) return;
    const r = svg.getBoundingClientRect();
    const px = r.width > 0 ? ((ev.clientX - r.left) / r.width) * width : ev.offsetX;
    const n = data.history.length;
    if (n === 0) return;
    const step = Math.max(0, Math.min(n - 1, Math.round(invert(px))));
    const y = data.history[step];
    readout.textContent = `step ${step}: ${drawable(y, false) ? formatNumber(y) : String(y)}`;
    callbacks.onHover?.(step);
  }

  function onLeave(): void {
    readout.textContent = '';
    callbacks.onHover?.(null);
  }

  svg.addEventListener('pointermove', onMove);
  svg.addEventListener('pointerleave', onLeave);
  draw();

  return {
    update(next) {
      data = next;
      draw();
    },
    resize(w, hgt) {
      if (!(w > 0 && hgt > 0)) return;
      width = w;
      height = hgt;
      draw();
    },
    destroy() {
      svg.removeEventListener('pointermove', onMove);
      svg.removeEventListener('pointerleave', onLeave);
      root.remove();
      svg.classList.remove('bp-chart');
    },
  };
}
