import { select } from 'd3-selection';
import { formatNumber } from './format.ts';
import { badSteps, chartScales, decimateToColumns, drawable, type ChartPoint } from './loss-chart-model.ts';
import { lossExtremes } from './loss-extremes.ts';
import { svgChild } from './svg.ts';

/** One line of the chart: the loss after each step, oldest first, and how it is told apart from the others. */
export interface ChartSeries {
  readonly history: ArrayLike<number>;
  /** its name in the readout and at the end of its line ("A"); omit for a single line */
  readonly label?: string;
  /** a CSS colour; default the theme's line colour */
  readonly color?: string;
  /** an SVG stroke-dasharray, so lines differ by more than colour */
  readonly dash?: string;
}

export interface LossChartData {
  /** the lines, overlaid on the same axes */
  readonly series: readonly ChartSeries[];
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

const MARGIN = { left: 10, right: 10, top: 8 };
/** The chart's text size when the style sheet gives none (10 px; presentation mode makes it larger). */
const FONT_PX = 10;
/** Width of a character in ems, a little over a digit's, so an estimate never falls short. */
const CHAR_EM = 0.62;

/** Estimated width of a label of the chart's text (no text is measured: the chart also draws in tests without a layout). */
function textWidth(text: string, fontPx: number): number {
  return text.length * CHAR_EM * fontPx;
}

/** The lowest and highest drawable loss of all series, as two points (none if there is none). */
function drawnRange(series: readonly ChartSeries[], log: boolean): ChartPoint[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const one of series) {
    const h = one.history;
    const all = lossExtremes(h, log).query(0, h.length);
    if (all.lo >= 0 && h[all.lo] < lo) lo = h[all.lo];
    if (all.hi >= 0 && h[all.hi] > hi) hi = h[all.hi];
  }
  return lo <= hi
    ? [
        { x: 0, y: lo },
        { x: 0, y: hi },
      ]
    : [];
}

/** An SVG path through the points, broken at each undrawable one (y = NaN), to a tenth of a pixel. */
function pathOf(points: readonly ChartPoint[], x: (s: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${Math.round(x(p.x) * 10) / 10},${Math.round(y(p.y) * 10) / 10}`;
    pen = true;
  }
  return d;
}

/** A small line chart of the loss per step (one line or several overlaid), with axes, breaks at NaN/∞, and a readout under the pointer. */
export function createLossChartView(svg: SVGSVGElement, callbacks: LossChartCallbacks = {}): LossChartView {
  svg.classList.add('bp-chart');
  svg.setAttribute('role', 'img');
  const root = svgChild(svg, 'g', 'bp-chart-root');
  const bg = svgChild(root, 'rect', 'bp-bg');
  const grid = svgChild(root, 'g', 'bp-chart-grid');
  const lines = svgChild(root, 'g', 'bp-chart-lines');
  const bad = svgChild(root, 'g', 'bp-chart-bads');
  const xAxis = svgChild(root, 'g', 'bp-chart-axis bp-chart-x');
  const yAxis = svgChild(root, 'g', 'bp-chart-axis bp-chart-y');
  const marker = svgChild(root, 'line', 'bp-chart-marker');
  const readout = svgChild(root, 'text', 'bp-chart-readout');
  readout.setAttribute('text-anchor', 'end');
  const xTitle = svgChild(root, 'text', 'bp-chart-title bp-chart-title-x');
  xTitle.setAttribute('text-anchor', 'middle');
  xTitle.textContent = 'training step';
  const yTitle = svgChild(root, 'text', 'bp-chart-title bp-chart-title-y');
  yTitle.setAttribute('text-anchor', 'middle');
  for (const el of [grid, bad, xAxis, yAxis, marker, readout, xTitle, yTitle]) el.setAttribute('aria-hidden', 'true');

  const rect = svg.getBoundingClientRect();
  let width = rect.width || Number(svg.getAttribute('width')) || 320;
  let height = rect.height || Number(svg.getAttribute('height')) || 160;
  let data: LossChartData = { series: [] };
  let scaleX: ((s: number) => number) | null = null;
  let invert: ((px: number) => number) | null = null;

  // The text size is read when the chart is created or resized, and checked in a task of its own
  // half a second after a draw (redrawn if it changed): read in a draw, it forced a style
  // recalculation of what the page had just written (a training report: the whole diagram).
  let fontPx = FONT_PX;
  const readFont = () => {
    fontPx = parseFloat(getComputedStyle(xTitle).fontSize) || FONT_PX;
  };
  let fontCheck: ReturnType<typeof setTimeout> | null = null;
  const checkFontSoon = () => {
    if (fontCheck !== null) return;
    fontCheck = setTimeout(() => {
      fontCheck = null;
      const was = fontPx;
      readFont();
      if (fontPx !== was) draw();
    }, 500);
  };
  readFont();

  function draw(): void {
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    bg.setAttribute('width', String(width));
    bg.setAttribute('height', String(height));
    const log = data.log === true;
    const series = data.series;
    const steps = Math.max(0, ...series.map((one) => one.history.length));
    // the loss axis spans every drawable loss: found in one pass, before the plot's width (and
    // so the decimation) is known
    const range = drawnRange(series, log);
    // The margins hold the tick labels whole: the widest y label at the left, half the last
    // step's label past the right end (a first pass finds the labels, the second draws).
    checkFontSoon();
    // under the plot: the tick labels, then the axis title; beside it the y title along the axis
    const bottomMargin = Math.round(3.2 * fontPx);
    const yTitlePx = Math.round(1.6 * fontPx);
    // half the top tick label stands above the plot
    const top = Math.max(MARGIN.top, Math.ceil(0.7 * fontPx));
    const boxOf = (left: number, right: number) => ({
      left,
      right: Math.max(left + 10, width - right),
      top,
      bottom: Math.max(top + 10, height - bottomMargin),
    });
    const trial = chartScales(range, steps, boxOf(MARGIN.left + yTitlePx + 4 * fontPx, MARGIN.right), log);
    const tickWidth = Math.max(2.4 * fontPx, ...trial.yTicks.map((t) => textWidth(formatNumber(t, 3), fontPx)));
    const left = MARGIN.left + yTitlePx + tickWidth + 4;
    // named lines carry their name past their end
    const right = Math.max(
      MARGIN.right + Math.max(0, ...series.map((one) => (one.label ? textWidth(one.label, fontPx) + 4 : 0))),
      Math.ceil(textWidth(String(Math.max(0, steps - 1)), fontPx) / 2) + 2,
    );
    const box = boxOf(left, right);
    const sc = chartScales(range, steps, box, log);
    // at most two points per pixel column of the plot (its minimum and maximum)
    const decimated = series.map((one) => decimateToColumns(one.history, log, box.right - box.left));
    scaleX = sc.x;
    invert = (px) => ((px - box.left) / Math.max(1, box.right - box.left)) * Math.max(1, steps - 1);
    const drawn = series.map((one, k) => ({
      one,
      d: pathOf(decimated[k], sc.x, sc.y),
    }));
    select(lines)
      .selectAll<SVGPathElement, (typeof drawn)[number]>('path')
      .data(drawn)
      .join('path')
      .attr('class', 'bp-chart-line')
      .attr('d', (p) => p.d)
      .attr('data-label', (p) => p.one.label ?? null)
      .style('stroke', (p) => p.one.color ?? null)
      .attr('stroke-dasharray', (p) => p.one.dash ?? null);
    // each named line's name at its last drawable point
    const ends = series.flatMap((one, k) => {
      const pts = decimated[k];
      let last = pts.length - 1;
      while (last >= 0 && !Number.isFinite(pts[last].y)) last--;
      return one.label && last >= 0 ? [{ one, x: sc.x(pts[last].x), y: sc.y(pts[last].y) }] : [];
    });
    // names whose lines end close together are pushed apart, a line of text each (the text's box
    // stands a little taller than its font size), kept in the plot
    const order = ends.map((_, k) => k).sort((p, q) => ends[p].y - ends[q].y);
    for (let n = 1; n < order.length; n++) {
      const above = ends[order[n - 1]];
      const here = ends[order[n]];
      if (here.y - above.y < 1.2 * fontPx) here.y = above.y + 1.2 * fontPx;
    }
    const overflow = order.length > 0 ? ends[order[order.length - 1]].y - (box.bottom - fontPx / 2) : 0;
    if (overflow > 0) for (const e of ends) e.y -= overflow;
    select(lines)
      .selectAll<SVGTextElement, (typeof ends)[number]>('text')
      .data(ends)
      .join('text')
      .attr('class', 'bp-chart-end')
      .attr('x', (e) => e.x + 3)
      .attr('y', (e) => e.y)
      .attr('dy', '0.32em')
      .style('fill', (e) => e.one.color ?? null)
      .text((e) => e.one.label ?? '');

    select(grid)
      .selectAll<SVGLineElement, number>('line')
      .data(sc.yTicks, (t) => String(t))
      .join('line')
      .attr('x1', box.left)
      .attr('x2', box.right)
      .attr('y1', (t) => sc.y(t))
      .attr('y2', (t) => sc.y(t));
    select(yAxis)
      .selectAll<SVGTextElement, number>('text')
      .data(sc.yTicks, (t) => String(t))
      .join('text')
      .attr('x', box.left - 4)
      .attr('y', (t) => sc.y(t))
      .attr('dy', '0.32em')
      .attr('text-anchor', 'end')
      .text((t) => formatNumber(t, 3));
    select(yAxis)
      .selectAll<SVGLineElement, number>('line')
      .data([0])
      .join('line')
      .attr('x1', box.left)
      .attr('x2', box.left)
      .attr('y1', box.top)
      .attr('y2', box.bottom);
    select(xAxis)
      .selectAll<SVGLineElement, number>('line')
      .data([0])
      .join('line')
      .attr('x1', box.left)
      .attr('x2', box.right)
      .attr('y1', box.bottom)
      .attr('y2', box.bottom);
    select(xAxis)
      .selectAll<SVGTextElement, number>('text')
      .data(sc.xTicks, (t) => String(t))
      .join('text')
      .attr('x', (t) => sc.x(t))
      .attr('y', box.bottom + 1.3 * fontPx)
      .attr('text-anchor', 'middle')
      .text((t) => String(t));
    xTitle.setAttribute('x', String((box.left + box.right) / 2));
    xTitle.setAttribute('y', String(box.bottom + 2.7 * fontPx));
    // along the axis: the long title where the chart is tall enough for it (a short chart, as in
    // presentation mode on a 1366×768 screen, cut "loss (log scale)" at both ends)
    const longTitle = log ? 'loss (log scale)' : 'loss';
    yTitle.textContent = textWidth(longTitle, fontPx) <= height - 4 || !log ? longTitle : 'log loss';
    const ty = (box.top + box.bottom) / 2;
    yTitle.setAttribute('transform', `translate(${MARGIN.left - 2},${ty}) rotate(-90)`);
    yTitle.setAttribute('dy', '0.71em');
    const marks = series.flatMap((one, k) => badSteps(one.history, log).map((step) => ({ step, k, color: one.color })));
    select(bad)
      .selectAll<SVGRectElement, (typeof marks)[number]>('rect')
      .data(marks)
      .join('rect')
      .attr('class', 'bp-chart-bad')
      .attr('x', (m) => sc.x(m.step) - 1.5)
      .attr('y', (m) => box.top + 7 * m.k)
      .attr('width', 3)
      .attr('height', 6)
      .style('fill', (m) => m.color ?? null);

    const m = data.marker;
    if (m !== null && m !== undefined && m >= 0 && m < steps) {
      marker.removeAttribute('display');
      const x = String(sc.x(m));
      marker.setAttribute('x1', x);
      marker.setAttribute('x2', x);
      marker.setAttribute('y1', String(box.top));
      marker.setAttribute('y2', String(box.bottom));
    } else marker.setAttribute('display', 'none');
    readout.setAttribute('x', String(box.right));
    readout.setAttribute('y', String(box.top + fontPx));

    svg.setAttribute('aria-label', steps === 0 ? 'Loss chart: no steps yet' : series.map(describeSeries).join('; '));
  }

  function describeSeries(one: ChartSeries): string {
    const h = one.history;
    const last = h.length > 0 ? h[h.length - 1] : NaN;
    const extremes = lossExtremes(h, false);
    const firstBad = extremes.query(0, h.length).bad;
    const bads = firstBad < 0 ? 0 : extremes.query(firstBad + 1, h.length).bad < 0 ? 1 : 2;
    return `${one.label ? `${one.label}: l` : 'L'}oss over ${h.length} step${h.length === 1 ? '' : 's'}, last ${formatNumber(last)}${bads ? `, ${bads > 1 ? 'some steps' : 'one step'} not finite` : ''}`;
  }

  function onMove(ev: PointerEvent): void {
    if (!invert || !scaleX) return;
    const r = svg.getBoundingClientRect();
    const px = r.width > 0 ? ((ev.clientX - r.left) / r.width) * width : ev.offsetX;
    const n = Math.max(0, ...data.series.map((one) => one.history.length));
    if (n === 0) return;
    const step = Math.max(0, Math.min(n - 1, Math.round(invert(px))));
    const values = data.series
      .filter((one) => step < one.history.length)
      .map((one) => {
        const y = one.history[step];
        return `${one.label ? `${one.label} ` : ''}${drawable(y, false) ? formatNumber(y) : String(y)}`;
      });
    readout.textContent = `step ${step}: ${values.join(' · ')}`;
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
      readFont();
      draw();
    },
    destroy() {
      if (fontCheck !== null) clearTimeout(fontCheck);
      svg.removeEventListener('pointermove', onMove);
      svg.removeEventListener('pointerleave', onLeave);
      root.remove();
      svg.classList.remove('bp-chart');
    },
  };
}
