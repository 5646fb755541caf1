import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { PlaneWindow } from '../core/output-grid.ts';
import { classColor, classShape, heatColor, rgbCss, type ClassShape } from './data-plane-colors.ts';
import type { PlanePoint } from './data-plane-model.ts';
import { formatNumber } from './format.ts';

/** What the data view shows: a heatmap over two inputs, or output curves over one. */
export interface DataPlaneData {
  readonly kind: 'plane' | 'curve';
  readonly window: PlaneWindow;
  /** plane: RGBA of window.res² cells, row 0 at the top */
  readonly pixels: Uint8ClampedArray | null;
  /** curve: ŷ of each output at window.res inputs across the window */
  readonly curves: readonly Float64Array[];
  /** the points, none marked selected: the selected one is `selected` (a training frame moves it, not the points) */
  readonly points: readonly PlanePoint[];
  /** the selected training sample (global index), −1 for none */
  readonly selected: number;
  readonly xLabel: string;
  readonly yLabel: string;
  /** what a click on the empty plane does */
  readonly mode: DataPlaneMode;
}

export type DataPlaneMode = 'select' | 'add' | 'remove';

export interface DataPlaneCallbacks {
  /** a point clicked (no drag) in select mode */
  select(set: 'train' | 'test', index: number): void;
  /** a point clicked in remove mode, or with Alt or Shift held */
  remove(set: 'train' | 'test', index: number): void;
  /** a click on the plane in add mode, at these coordinates */
  add(u: number, v: number): void;
  /** a point dragged to (u, v): phase 'start' once, 'move' per frame, 'end' once */
  drag(set: 'train' | 'test', index: number, u: number, v: number, phase: 'start' | 'move' | 'end'): void;
}

export interface DataPlaneView {
  update(data: DataPlaneData): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

const MARGIN = { left: 44, right: 10, top: 10, bottom: 34 };
const DRAG_PX = 3;

/** The SVG path of a shape of `r` around the origin. */
export function shapePath(shape: ClassShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square': {
      const h = r * 0.88;
      return `M${-h},${-h}H${h}V${h}H${-h}Z`;
    }
    case 'triangle':
      return `M0,${-r * 1.15}L${r},${r * 0.75}H${-r}Z`;
    case 'diamond':
      return `M0,${-r * 1.2}L${r * 1.2},0L0,${r * 1.2}L${-r * 1.2},0Z`;
    case 'cross': {
      const t = r * 0.38;
      return `M${-t},${-r}H${t}V${-t}H${r}V${t}H${t}V${r}H${-t}V${t}H${-r}V${-t}H${-t}Z`;
    }
    case 'star':
      return `M0,${-r}L${r * 0.3},${-r * 0.3}L${r},0L${r * 0.3},${r * 0.3}L0,${r}L${-r * 0.3},${r * 0.3}L${-r},0L${-r * 0.3},${-r * 0.3}Z`;
  }
}

/**
 * The data view: a canvas for the heatmap (or nothing, for curves) under an SVG of axes,
 * curves and points. Points are joined by key; user intent goes out through the callbacks.
 */
export function createDataPlaneView(root: HTMLElement, callbacks: DataPlaneCallbacks): DataPlaneView {
  root.classList.add('bp-data-plane');
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'data-heatmap';
  canvas.className = 'bp-data-heat';
  const svgNode = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  root.append(canvas, svgNode);
  canvas.setAttribute('aria-hidden', 'true');
  const svg = select(svgNode).attr('data-testid', 'data-plane').attr('role', 'img');
  const axes = svg.append('g').attr('class', 'bp-data-axes');
  const curveLayer = svg.append('g').attr('class', 'bp-data-curves');
  const pointLayer = svg.append('g').attr('class', 'bp-data-points');
  const ringLayer = svg.append('g').attr('class', 'bp-data-rings');
  let width = root.clientWidth || 360;
  let height = root.clientHeight || 320;
  let data: DataPlaneData | null = null;
  let drawnPoints: readonly PlanePoint[] | null = null;
  let drawnBox = '';
  let drawnSvg = '';

  const x = scaleLinear();
  const y = scaleLinear();
  // a plane keeps one unit the same length across and up (a circle looks round), centred
  const fit = (d: DataPlaneData) => {
    const w = d.window;
    let left = MARGIN.left;
    let right = Math.max(MARGIN.left + 10, width - MARGIN.right);
    let top = MARGIN.top;
    let bottom = Math.max(MARGIN.top + 10, height - MARGIN.bottom);
    if (d.kind === 'plane') {
      const unit = Math.min((right - left) / (w.x1 - w.x0), (bottom - top) / (w.y1 - w.y0));
      const pw = unit * (w.x1 - w.x0);
      const ph = unit * (w.y1 - w.y0);
      left += (right - left - pw) / 2;
      right = left + pw;
      top += (bottom - top - ph) / 2;
      bottom = top + ph;
    }
    x.domain([w.x0, w.x1]).range([left, right]);
    y.domain([w.y0, w.y1]).range([bottom, top]);
  };
  const toData = (event: PointerEvent): [number, number] => {
    const box = svgNode.getBoundingClientRect();
    return [x.invert(event.clientX - box.left), y.invert(event.clientY - box.top)];
  };

  /** A data attribute written only when it changes (a training frame changes none but the count). */
  const setData = (key: string, value: string) => {
    if (canvas.dataset[key] !== value) canvas.dataset[key] = value;
  };
  let pixelsImage: ImageData | null = null;
  let heatBox = '';
  let heatCtx: CanvasRenderingContext2D | null = null;
  let frames = 0;
  // The canvas holds one pixel per cell and CSS stretches it over the plot (pixelated): a
  // training frame writes res² pixels, not the plot's, and the compositor does the scaling.
  const drawHeat = (d: DataPlaneData) => {
    const [left, right] = x.range();
    const [bottom, top] = y.range();
    // the plot's box in CSS pixels of the view
    setData('left', String(left));
    setData('top', String(top));
    setData('width', String(right - left));
    setData('height', String(bottom - top));
    if (d.kind !== 'plane' || d.pixels === null) {
      if (!canvas.hidden) canvas.hidden = true;
      return;
    }
    const res = d.window.res;
    if (canvas.width !== res || canvas.height !== res) {
      canvas.width = res;
      canvas.height = res;
      heatCtx = null;
    }
    const box = `${left},${top},${right - left},${bottom - top}`;
    if (box !== heatBox) {
      canvas.style.left = `${left}px`;
      canvas.style.top = `${top}px`;
      canvas.style.width = `${right - left}px`;
      canvas.style.height = `${bottom - top}px`;
      heatBox = box;
    }
    if (canvas.hidden) canvas.hidden = false;
    // heatmaps drawn so far: the benchmark counts redraws per second while training
    canvas.dataset.frames = String(++frames);
    heatCtx ??= canvas.getContext('2d');
    if (!heatCtx) return;
    // the frame builder reuses its pixel array: wrapped once, not copied per frame
    if (pixelsImage === null || pixelsImage.data !== d.pixels || pixelsImage.width !== res)
      pixelsImage = new ImageData(d.pixels as Uint8ClampedArray<ArrayBuffer>, res, res);
    heatCtx.putImageData(pixelsImage, 0, 0);
  };

  const drawAxes = (d: DataPlaneData) => {
    axes.selectAll('*').remove();
    const [left, right] = x.range();
    const [bottom, top] = y.range();
    axes
      .append('rect')
      .attr('class', 'bp-data-frame')
      .attr('x', left)
      .attr('y', top)
      .attr('width', right - left)
      .attr('height', bottom - top);
    for (const t of x.ticks(5)) {
      axes
        .append('line')
        .attr('x1', x(t))
        .attr('x2', x(t))
        .attr('y1', bottom)
        .attr('y2', bottom + 4);
      axes
        .append('text')
        .attr('x', x(t))
        .attr('y', bottom + 15)
        .attr('text-anchor', 'middle')
        .text(formatNumber(t));
    }
    for (const t of y.ticks(5)) {
      axes
        .append('line')
        .attr('x1', left - 4)
        .attr('x2', left)
        .attr('y1', y(t))
        .attr('y2', y(t));
      axes
        .append('text')
        .attr('x', left - 6)
        .attr('y', y(t) + 4)
        .attr('text-anchor', 'end')
        .text(formatNumber(t));
    }
    axes
      .append('text')
      .attr('class', 'bp-data-axis-title')
      .attr('x', (left + right) / 2)
      .attr('y', bottom + 30)
      .attr('text-anchor', 'middle')
      .text(d.xLabel);
    axes
      .append('text')
      .attr('class', 'bp-data-axis-title')
      .attr('transform', `translate(${left - 32}, ${(top + bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(d.yLabel);
  };

  const drawCurves = (d: DataPlaneData) => {
    const w = d.window;
    const paths = d.kind === 'curve' ? d.curves : [];
    curveLayer
      .selectAll<SVGPathElement, Float64Array>('path')
      .data(paths)
      .join('path')
      .attr('data-testid', 'data-curve')
      .attr('stroke', (_, o) => rgbCss(classColor(o + 1)))
      .attr('d', (ys) => {
        let p = '';
        for (let c = 0; c < ys.length; c++) {
          const u = w.x0 + ((c + 0.5) * (w.x1 - w.x0)) / ys.length;
          const v = Math.max(w.y0, Math.min(w.y1, ys[c]));
          p += `${c === 0 ? 'M' : 'L'}${x(u).toFixed(1)},${y(v).toFixed(1)}`;
        }
        return p;
      });
  };

  const pointRadius = () => Math.max(4, Math.min(8, (x.range()[1] - x.range()[0]) / 70));
  /** the points' elements, in the order of data.points */
  let pointEls: SVGPathElement[] = [];
  let drawnSelected = -1;

  const drawPoints = (d: DataPlaneData) => {
    const r = pointRadius();
    pointEls = pointLayer
      .selectAll<SVGPathElement, PlanePoint>('path')
      .data(d.points, (p) => p.key)
      .join('path')
      .attr('data-testid', 'data-point')
      .attr('data-set', (p) => p.set)
      .attr('data-index', (p) => p.index)
      .attr('data-class', (p) => p.k)
      .attr('class', (p) => `bp-data-point bp-${p.set}`)
      .attr('d', (p) => shapePath(classShape(p.k), p.set === 'test' ? r * 0.9 : r))
      .attr('transform', (p) => `translate(${x(p.u).toFixed(2)},${y(p.v).toFixed(2)})`)
      .attr('fill', (p) =>
        p.set === 'test' ? '#ffffff' : rgbCss(p.s >= 1 ? classColor(p.k) : heatColor(p.k, p.s / 0.6)),
      )
      .attr('stroke', (p) => (p.set === 'test' ? rgbCss(classColor(p.k)) : '#1a1a1a'))
      .attr('stroke-width', (p) => (p.set === 'test' ? 2.2 : 1))
      .nodes();
    drawnSelected = -1;
  };

  /** The selected sample's mark: its point's class and the ring around it (the training points come first, in order). */
  const drawSelected = (d: DataPlaneData) => {
    const at = d.selected >= 0 && d.points[d.selected]?.set === 'train' ? d.selected : -1;
    if (at === drawnSelected) return;
    pointEls[drawnSelected]?.classList.remove('bp-selected');
    pointEls[at]?.classList.add('bp-selected');
    drawnSelected = at;
    const r = pointRadius();
    ringLayer
      .selectAll<SVGCircleElement, PlanePoint>('circle')
      .data(at >= 0 ? [d.points[at]] : [], (p) => p.key)
      .join('circle')
      .attr('data-testid', 'data-selected')
      .attr('data-index', (p) => p.index)
      .attr('r', r * 2)
      .attr('cx', (p) => x(p.u))
      .attr('cy', (p) => y(p.v));
  };

  const draw = () => {
    if (!data) return;
    fit(data);
    const trainN = data.points.filter((p) => p.set === 'train').length;
    const label = `${trainN} training and ${data.points.length - trainN} test samples over ${data.xLabel}${data.kind === 'plane' ? ` and ${data.yLabel}, the network’s prediction behind them` : `, with the network’s output as a curve`}`;
    // written only when changed: a training frame changes none of them
    const svgKey = `${width}|${height}|${data.mode}|${label}`;
    if (svgKey !== drawnSvg) {
      svg.attr('width', width).attr('height', height).attr('data-mode', data.mode).attr('aria-label', label);
      drawnSvg = svgKey;
    }
    if (root.dataset.mode !== data.mode) root.dataset.mode = data.mode;
    const w = data.window;
    setData('x0', String(w.x0));
    setData('x1', String(w.x1));
    setData('y0', String(w.y0));
    setData('y1', String(w.y1));
    setData('res', String(w.res));
    drawHeat(data);
    const box = `${width}x${height}:${w.x0},${w.x1},${w.y0},${w.y1}:${data.xLabel}:${data.yLabel}`;
    if (box !== drawnBox) {
      drawAxes(data);
      drawnBox = box;
      drawnPoints = null;
    }
    drawCurves(data);
    if (data.points !== drawnPoints) {
      drawPoints(data);
      drawnPoints = data.points;
    }
    drawSelected(data);
  };

  // One gesture: a press on a point, then either a drag (moves it) or a release (selects or removes it).
  let press: { set: 'train' | 'test'; index: number; x: number; y: number; dragging: boolean; id: number } | null =
    null;
  const pointOf = (target: EventTarget | null): PlanePoint | null => {
    const el = target instanceof Element ? target.closest('.bp-data-point') : null;
    return el ? (select(el).datum() as PlanePoint) : null;
  };
  const onDown = (event: PointerEvent) => {
    if (!data || event.button !== 0) return;
    const p = pointOf(event.target);
    if (p) {
      event.preventDefault();
      if (data.mode === 'remove' || event.altKey || event.shiftKey) {
        callbacks.remove(p.set, p.index);
        return;
      }
      press = { set: p.set, index: p.index, x: event.clientX, y: event.clientY, dragging: false, id: event.pointerId };
      svgNode.setPointerCapture?.(event.pointerId);
      return;
    }
    if (data.mode === 'add') {
      const [u, v] = toData(event);
      const [w0, w1] = [data.window.x0, data.window.x1];
      if (u >= Math.min(w0, w1) && u <= Math.max(w0, w1) && v >= data.window.y0 && v <= data.window.y1)
        callbacks.add(u, v);
    }
  };
  const onMove = (event: PointerEvent) => {
    if (!press || event.pointerId !== press.id) return;
    if (!press.dragging && Math.hypot(event.clientX - press.x, event.clientY - press.y) < DRAG_PX) return;
    const [u, v] = toData(event);
    callbacks.drag(press.set, press.index, u, v, press.dragging ? 'move' : 'start');
    press.dragging = true;
  };
  const onUp = (event: PointerEvent) => {
    if (!press || event.pointerId !== press.id) return;
    const p = press;
    press = null;
    if (p.dragging) {
      const [u, v] = toData(event);
      callbacks.drag(p.set, p.index, u, v, 'end');
    } else callbacks.select(p.set, p.index);
  };
  svgNode.addEventListener('pointerdown', onDown);
  svgNode.addEventListener('pointermove', onMove);
  svgNode.addEventListener('pointerup', onUp);
  svgNode.addEventListener('pointercancel', onUp);

  return {
    update(d) {
      data = d;
      draw();
    },
    resize(w, h) {
      if (w <= 0 || h <= 0) return;
      width = w;
      height = h;
      drawnBox = '';
      draw();
    },
    destroy() {
      svgNode.removeEventListener('pointerdown', onDown);
      svgNode.removeEventListener('pointermove', onMove);
      svgNode.removeEventListener('pointerup', onUp);
      svgNode.removeEventListener('pointercancel', onUp);
      canvas.remove();
      svgNode.remove();
    },
  };
}
