import { formatNumber } from './format.ts';
import { slopeGeometry, type SlopePlotData } from './slope-plot-geometry.ts';
import { setText, svgChild } from './svg.ts';

/** What the one-parameter plot shows: the data (null while the curve computes) and the parameter's name. */
export interface SlopePlotModel {
  readonly data: SlopePlotData | null;
  readonly label: string;
}

export interface SlopePlotView {
  update(model: SlopePlotModel): void;
  /** the drawing area's size in CSS pixels */
  resize(width: number, height: number): void;
  destroy(): void;
}

/** The margins at the plot's usual 11 px text; they grow with the text (larger on a projector). */
const MARGIN = { left: 52, right: 14, top: 10, bottom: 32 };
const BASE_FONT_PX = 11;
/** The tangent's colour (as the landscape's −∇) and the step's (as the landscape's optimizer step). */
const TANGENT = '#e63946';
const STEP = '#ff9f1c';
/**
 * The shortest arrow drawn, in pixels: the point (5 px and its stroke), the head (7 × the 2.5 px
 * stroke) and a bit of shaft. A shorter step is drawn this long, and its true size written beside it.
 */
export const MIN_ARROW = 32;

/**
 * J(θ) along one parameter, as SVG: axes with ticks, the curve, the tangent at the current θ
 * (its slope is ∂J/∂θ), the point, and the step as an arrow to the next point on the curve.
 */
export function createSlopePlotView(svg: SVGSVGElement): SlopePlotView {
  svg.classList.add('bp-slope-plot');
  svg.setAttribute('role', 'img');
  const defs = svgChild(svg, 'defs');
  const marker = svgChild(defs, 'marker');
  const markerId = `bp-slope-arrow-${Math.random().toString(36).slice(2, 8)}`;
  marker.setAttribute('id', markerId);
  marker.setAttribute('viewBox', '0 0 10 10');
  marker.setAttribute('refX', '9');
  marker.setAttribute('refY', '5');
  marker.setAttribute('markerWidth', '7');
  marker.setAttribute('markerHeight', '7');
  marker.setAttribute('orient', 'auto-start-reverse');
  const head = svgChild(marker, 'path');
  head.setAttribute('d', 'M0,0L10,5L0,10z');
  head.setAttribute('fill', STEP);

  const axes = svgChild(svg, 'g', 'slope-axes');
  const curve = svgChild(svg, 'path', 'slope-curve');
  const tangent = svgChild(svg, 'line', 'slope-tangent');
  const step = svgChild(svg, 'line', 'slope-step');
  const nextDot = svgChild(svg, 'circle', 'slope-next');
  const dot = svgChild(svg, 'circle', 'slope-point');
  const stepLabel = svgChild(svg, 'text', 'slope-step-label');
  stepLabel.setAttribute('fill', 'currentColor');
  curve.setAttribute('fill', 'none');
  curve.setAttribute('stroke', 'currentColor');
  curve.setAttribute('stroke-width', '2');
  tangent.setAttribute('stroke', TANGENT);
  tangent.setAttribute('stroke-width', '2');
  step.setAttribute('stroke', STEP);
  step.setAttribute('stroke-width', '2.5');
  step.setAttribute('marker-end', `url(#${markerId})`);
  nextDot.setAttribute('r', '4');
  nextDot.setAttribute('fill', STEP);
  dot.setAttribute('r', '5');
  dot.setAttribute('fill', '#ffffff');
  dot.setAttribute('stroke', '#111111');
  dot.setAttribute('stroke-width', '2');

  let width = 360;
  let height = 200;
  let model: SlopePlotModel | null = null;

  function tick(x: number, y: number, text: string, anchor: string): void {
    const t = svgChild(axes, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('text-anchor', anchor);
    t.setAttribute('fill', 'currentColor');
    t.textContent = text;
  }

  function line(x1: number, y1: number, x2: number, y2: number, opacity: string): void {
    const l = svgChild(axes, 'line');
    l.setAttribute('x1', String(x1));
    l.setAttribute('y1', String(y1));
    l.setAttribute('x2', String(x2));
    l.setAttribute('y2', String(y2));
    l.setAttribute('stroke', 'currentColor');
    l.setAttribute('stroke-opacity', opacity);
  }

  function show(el: Element, on: boolean): void {
    el.setAttribute('visibility', on ? 'visible' : 'hidden');
  }

  function draw(): void {
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    while (axes.firstChild) axes.removeChild(axes.firstChild);
    const d = model?.data ?? null;
    const label = model?.label ?? '';
    if (!d) {
      svg.setAttribute('aria-label', `J(${label}): computing`);
      for (const el of [curve, tangent, step, nextDot, dot, stepLabel]) show(el, false);
      return;
    }
    // the text's size is the stylesheet's (the svg's font-size); margins and offsets follow it
    const k = (parseFloat(getComputedStyle(svg).fontSize) || BASE_FONT_PX) / BASE_FONT_PX;
    const box = {
      left: MARGIN.left * k,
      right: Math.max(MARGIN.left * k + 20, width - MARGIN.right * k),
      top: MARGIN.top * k,
      bottom: Math.max(MARGIN.top * k + 20, height - MARGIN.bottom * k),
    };
    const g = slopeGeometry(d, box, MIN_ARROW);
    for (const v of g.x.ticks(6)) {
      line(g.x(v), box.bottom, g.x(v), box.top, '0.12');
      tick(g.x(v), box.bottom + 14 * k, formatNumber(v, 3), 'middle');
    }
    for (const v of g.y.ticks(4)) {
      line(box.left, g.y(v), box.right, g.y(v), '0.12');
      tick(box.left - 5 * k, g.y(v) + 4 * k, formatNumber(v, 3), 'end');
    }
    line(box.left, box.bottom, box.right, box.bottom, '0.6');
    line(box.left, box.bottom, box.left, box.top, '0.6');
    tick((box.left + box.right) / 2, height - 3 * k, label, 'middle');
    const yl = svgChild(axes, 'text');
    yl.setAttribute('transform', `translate(${12 * k} ${(box.top + box.bottom) / 2}) rotate(-90)`);
    yl.setAttribute('text-anchor', 'middle');
    yl.setAttribute('fill', 'currentColor');
    setText(yl, `J(${label})`);

    curve.setAttribute('d', g.curve);
    show(curve, true);
    const [t1, t2, t3, t4] = g.tangent;
    tangent.setAttribute('x1', String(t1));
    tangent.setAttribute('y1', String(t2));
    tangent.setAttribute('x2', String(t3));
    tangent.setAttribute('y2', String(t4));
    show(tangent, true);
    if (g.step && g.arrow) {
      const [a1, a2, a3, a4] = g.arrow;
      step.setAttribute('x1', String(a1));
      step.setAttribute('y1', String(a2));
      step.setAttribute('x2', String(a3));
      step.setAttribute('y2', String(a4));
      nextDot.setAttribute('cx', String(g.step[2]));
      nextDot.setAttribute('cy', String(g.step[3]));
      if (g.stretched && d.next !== null) {
        // the arrow is longer than the step: its true size beside the arrow's head
        const right = a3 >= a1;
        stepLabel.setAttribute('x', String(a3 + (right ? 4 : -4) * k));
        stepLabel.setAttribute('y', String(a4 - 6 * k));
        stepLabel.setAttribute('text-anchor', right ? 'start' : 'end');
        setText(stepLabel, `Δ${label} = ${formatNumber(d.next - d.theta)}`);
      }
    }
    show(step, g.step !== null);
    show(nextDot, g.step !== null);
    show(stepLabel, g.stretched);
    dot.setAttribute('cx', String(g.point[0]));
    dot.setAttribute('cy', String(g.point[1]));
    show(dot, true);
    const direction = d.slope > 0 ? 'decrease' : d.slope < 0 ? 'increase' : 'stay';
    svg.setAttribute(
      'aria-label',
      `J(${label}) from ${formatNumber(d.xs[0])} to ${formatNumber(d.xs[d.xs.length - 1])}; at ${label} = ${formatNumber(d.theta)}, J = ${formatNumber(d.loss)}, slope ${formatNumber(d.slope)}: ${label} should ${direction}`,
    );
  }

  return {
    update(m) {
      model = m;
      draw();
    },
    resize(w, h) {
      if (w > 0) width = w;
      if (h > 0) height = h;
      draw();
    },
    destroy() {
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      svg.classList.remove('bp-slope-plot');
    },
  };
}
