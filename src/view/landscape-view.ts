import { scaleLinear } from 'd3-scale';
import type { LossGrid } from '../core/landscape.ts';
import { formatNumber } from './format.ts';
import { colorPosition, contourLevels, contourSegments, rampColor, valueAt } from './landscape-geometry.ts';

/** What the landscape shows: the grid (possibly of the last inputs while a new one computes) and the marks. */
export interface LandscapeData {
  readonly grid: LossGrid | null;
  readonly xLabel: string;
  readonly yLabel: string;
  /** the current (θ₁, θ₂) */
  readonly point: readonly [number, number];
  /** (∂L/∂θ₁, ∂L/∂θ₂) at the point: drawn as −∇, direction only; null: not drawn */
  readonly gradient: readonly [number, number] | null;
  /** (θ₁, θ₂) after the optimizer's step, or null */
  readonly after: readonly [number, number] | null;
  /** training runs through (θ₁, θ₂), drawn in order */
  readonly paths: readonly LandscapePath[];
}

/** A run's way through (θ₁, θ₂): flat pairs [x0, y0, x1, y1, …], its colour and dashes, and its name at its end. */
export interface LandscapePath {
  readonly points: readonly number[];
  readonly color: string;
  readonly dash?: readonly number[];
  readonly label?: string;
}

export interface LandscapeView {
  update(data: LandscapeData): void;
  /** the drawing area's size in CSS pixels */
  resize(width: number, height: number): void;
  destroy(): void;
}

/** The margins at the plot's usual 11 px text; they grow with the text (larger on a projector). */
const MARGIN = { left: 48, right: 72, top: 10, bottom: 36 };
const BASE_FONT_PX = 11;
/** The colour legend: its gap from the plot, the ramp's width, and where along it values are written. */
const LEGEND_GAP = 12;
const LEGEND_W = 10;
const LEGEND_AT = [0, 0.5, 1] as const;
const LEVELS = 10;
const ARROW_PX = 42;

/** A filled dot with a dark ring: a run's end, the current point. */
function dot(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, fill: string, ring: number): void {
  ctx.fillStyle = fill;
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = ring;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}

/** The loss over two parameters on a canvas: colour map with legend, contours, the point, −∇, the step and training paths. */
export function createLandscapeView(canvas: HTMLCanvasElement): LandscapeView {
  canvas.classList.add('bp-landscape');
  canvas.setAttribute('role', 'img');
  const image = document.createElement('canvas');
  let imageOf: LossGrid | null = null;
  let imageRows = -1;
  let width = canvas.clientWidth || 360;
  let height = canvas.clientHeight || 300;
  let data: LandscapeData | null = null;

  function paintImage(g: LossGrid): void {
    image.width = g.nx;
    image.height = g.ny;
    const ctx = image.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(g.nx, g.ny);
    for (let r = 0; r < g.ny; r++) {
      for (let c = 0; c < g.nx; c++) {
        const [cr, cg, cb] = rampColor(colorPosition(g.values[r * g.nx + c], g.min, g.max));
        const at = ((g.ny - 1 - r) * g.nx + c) * 4;
        img.data[at] = cr;
        img.data[at + 1] = cg;
        img.data[at + 2] = cb;
        img.data[at + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }

  function draw(): void {
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    const d = data;
    const g = d?.grid ?? null;
    canvas.setAttribute(
      'aria-label',
      !d || !g
        ? 'Loss landscape: computing'
        : `Loss over ${d.xLabel} and ${d.yLabel}, ${g.nx} by ${g.ny} points, from ${formatNumber(g.min)} to ${formatNumber(g.max)}`,
    );
    if (!ctx || !d || !g) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const style = getComputedStyle(canvas);
    const ink = style.color || '#222';
    // the text's size is the stylesheet's (the canvas's font-size); margins and offsets follow it
    const fontPx = parseFloat(style.fontSize) || BASE_FONT_PX;
    const scale = fontPx / BASE_FONT_PX;
    const font = `${fontPx}px ${style.fontFamily || 'sans-serif'}`;
    // The colour legend's labels, measured, so the margin holds the longest whole (4.111×10³⁰⁷ as well as 0.5).
    ctx.font = font;
    const legend = LEGEND_AT.map((t) => formatNumber(valueAt(t, g.min, g.max), 3));
    const legendWidth = Math.max(0, ...legend.map((text) => ctx.measureText(text).width));
    const right = Math.max(MARGIN.right * scale, LEGEND_GAP + LEGEND_W + 3 + Math.ceil(legendWidth) + 4);
    const box = {
      left: MARGIN.left * scale,
      right: Math.max(MARGIN.left * scale + 20, width - right),
      top: MARGIN.top * scale,
      bottom: Math.max(MARGIN.top * scale + 20, height - MARGIN.bottom * scale),
    };
    const x = scaleLinear()
      .domain([g.xs[0], g.xs[g.nx - 1]])
      .range([box.left, box.right]);
    const y = scaleLinear()
      .domain([g.ys[0], g.ys[g.ny - 1]])
      .range([box.bottom, box.top]);
    const cw = (box.right - box.left) / (g.nx - 1);
    const ch = (box.bottom - box.top) / (g.ny - 1);

    // colour map, each grid value at the centre of its cell
    if (imageOf !== g || imageRows !== g.ny) {
      paintImage(g);
      imageOf = g;
      imageRows = g.ny;
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    ctx.clip();
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, box.left - cw / 2, box.top - ch / 2, g.nx * cw, g.ny * ch);

    // contour lines
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = 'rgba(255,255,255,0.55)';
    ctx.beginPath();
    for (const level of contourLevels(g.min, g.max, LEVELS)) {
      const s = contourSegments(g.values, g.nx, g.ny, level);
      for (let k = 0; k < s.length; k += 4) {
        ctx.moveTo(box.left + s[k] * cw, box.bottom - s[k + 1] * ch);
        ctx.lineTo(box.left + s[k + 2] * cw, box.bottom - s[k + 3] * ch);
      }
    }
    ctx.stroke();

    // the training runs: a dark halo under each line so it reads on every colour of the map
    for (const run of d.paths) {
      const pts = run.points;
      if (pts.length < 4) continue;
      const trace = () => {
        ctx.beginPath();
        for (let k = 0; k < pts.length; k += 2) {
          if (k === 0) ctx.moveTo(x(pts[k]), y(pts[k + 1]));
          else ctx.lineTo(x(pts[k]), y(pts[k + 1]));
        }
      };
      ctx.setLineDash([]);
      ctx.strokeStyle = 'rgba(0,0,0,0.55)';
      ctx.lineWidth = 3.6;
      trace();
      ctx.stroke();
      ctx.strokeStyle = run.color;
      ctx.lineWidth = 1.8;
      ctx.setLineDash(run.dash ? [...run.dash] : []);
      trace();
      ctx.stroke();
      ctx.setLineDash([]);
      const ex = x(pts[pts.length - 2]);
      const ey = y(pts[pts.length - 1]);
      dot(ctx, ex, ey, 3.5, run.color, 1);
      if (run.label) {
        ctx.font = `bold ${fontPx + 1}px ${style.fontFamily || 'sans-serif'}`;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.lineWidth = 3;
        ctx.strokeStyle = 'rgba(0,0,0,0.7)';
        ctx.strokeText(run.label, ex + 6, ey);
        ctx.fillText(run.label, ex + 6, ey);
      }
    }

    const px = x(d.point[0]);
    const py = y(d.point[1]);
    // the optimizer's step: to the point after the update
    if (d.after) {
      const ax = x(d.after[0]);
      const ay = y(d.after[1]);
      ctx.strokeStyle = '#ff9f1c';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, py);
      ctx.lineTo(ax, ay);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.arc(ax, ay, 4, 0, 2 * Math.PI);
      ctx.stroke();
    }
    // −∇ as an arrow of fixed length: its direction in these axes
    const gx = d.gradient ? (-d.gradient[0] * (box.right - box.left)) / Math.max(1e-300, g.xs[g.nx - 1] - g.xs[0]) : 0;
    const gy = d.gradient ? (d.gradient[1] * (box.bottom - box.top)) / Math.max(1e-300, g.ys[g.ny - 1] - g.ys[0]) : 0;
    const glen = Math.hypot(gx, gy);
    if (glen > 0 && Number.isFinite(glen)) {
      const ux = gx / glen;
      const uy = gy / glen;
      const tx = px + ux * ARROW_PX;
      const ty = py + uy * ARROW_PX;
      ctx.strokeStyle = '#e63946';
      ctx.fillStyle = '#e63946';
      ctx.lineWidth = 2.2;
      ctx.beginPath();
      ctx.moveTo(px, py);
      ctx.lineTo(tx - ux * 6, ty - uy * 6);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(tx, ty);
      ctx.lineTo(tx - ux * 9 - uy * 4.5, ty - uy * 9 + ux * 4.5);
      ctx.lineTo(tx - ux * 9 + uy * 4.5, ty - uy * 9 - ux * 4.5);
      ctx.closePath();
      ctx.fill();
    }
    dot(ctx, px, py, 4.5, '#ffffff', 1.5);
    ctx.restore();

    // axes
    ctx.fillStyle = ink;
    ctx.strokeStyle = ink;
    ctx.lineWidth = 1;
    ctx.font = font;
    ctx.strokeRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of x.ticks(5)) {
      ctx.fillText(formatNumber(t, 3), x(t), box.bottom + 4 * scale);
      ctx.beginPath();
      ctx.moveTo(x(t), box.bottom);
      ctx.lineTo(x(t), box.bottom + 3);
      ctx.stroke();
    }
    ctx.fillText(d.xLabel, (box.left + box.right) / 2, box.bottom + 19 * scale);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of y.ticks(5)) {
      ctx.fillText(formatNumber(t, 3), box.left - 5 * scale, y(t));
      ctx.beginPath();
      ctx.moveTo(box.left - 3, y(t));
      ctx.lineTo(box.left, y(t));
      ctx.stroke();
    }
    ctx.save();
    ctx.translate(11 * scale, (box.top + box.bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(d.yLabel, 0, 0);
    ctx.restore();

    // colour legend: the ramp, with values on the same (square-root) axis
    const lx = box.right + LEGEND_GAP;
    const lw = LEGEND_W;
    const steps = 48;
    const lh = box.bottom - box.top;
    for (let k = 0; k < steps; k++) {
      const [r, gg, b] = rampColor(1 - (k + 0.5) / steps);
      ctx.fillStyle = `rgb(${r},${gg},${b})`;
      ctx.fillRect(lx, box.top + (k * lh) / steps, lw, lh / steps + 0.5);
    }
    ctx.fillStyle = ink;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    LEGEND_AT.forEach((t, k) => ctx.fillText(legend[k], lx + lw + 3, box.bottom - t * lh));
    // where the labels are, for tests and tools to check them against the canvas
    canvas.dataset.legend = JSON.stringify(legend.map((text) => ({ text, x: lx + lw + 3 })));
    canvas.dataset.legendFont = font;
  }

  draw();
  return {
    update(next) {
      data = next;
      draw();
    },
    resize(w, h) {
      if (!(w > 0 && h > 0)) return;
      width = w;
      height = h;
      draw();
    },
    destroy() {
      canvas.classList.remove('bp-landscape');
      const ctx = canvas.getContext('2d');
      ctx?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}
