import { formatValue } from '../core/format-number.ts';
import type { PlaneWindow } from '../core/output-grid.ts';

/**
 * Each hidden and output node's activation over the input plane, drawn inside its circle in
 * the network diagram (the picture replaces the circle's fill, under its ring and its name),
 * and enlarged beside the node on hover or selection. The pictures take no room of their
 * own, so the diagram's layout and label placement are the same with them on or off.
 * Painted with putImageData into one small canvas per node (no image encoding per frame).
 */
export interface NeuronPicturesFrame {
  /** 'plane': a picture over inputs axes[0] (across) and axes[1] (up); 'curve': over the one input axes[0] */
  readonly kind: 'plane' | 'curve';
  readonly window: PlaneWindow;
  /** RGBA of window.res² cells per node key ("l:j"), row 0 at the top (a plane) */
  readonly pictures: ReadonlyMap<string, Uint8ClampedArray>;
  /** a at each of window.res points across the input, per node key (a curve) */
  readonly curves: ReadonlyMap<string, Float64Array>;
  /** the range each node's activation is read over: the colours' ends, or the curve's bottom and top */
  readonly ranges: ReadonlyMap<string, readonly [number, number]>;
  readonly axes: readonly [number, number];
  /** the inputs off the plane and the values they are held at (the selected sample's) */
  readonly held: readonly { readonly input: number; readonly value: number }[];
}

export interface NeuronPicturesView {
  /** Draws a frame; null takes every picture away. */
  update(frame: NeuronPicturesFrame | null): void;
  /** Shows the picture of node `key` enlarged beside it (null: none). */
  enlarge(key: string | null): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** the enlarged picture's side in CSS pixels */
export const LARGE_SIDE = 144;
/** a curve's canvas: its side in canvas pixels, small and enlarged */
const CURVE_SIDE = 64;
const CURVE_LARGE_SIDE = 288;

/**
 * Draws a node's curve: white ground, a thin line at a = 0 when it is in range, and a over
 * the input as a blue line, bottom of the canvas at range[0], top at range[1].
 */
function drawCurve(
  ctx: CanvasRenderingContext2D,
  side: number,
  ys: Float64Array,
  range: readonly [number, number],
): void {
  const [lo, hi] = range;
  const yOf = (v: number) => side * (1 - (v - lo) / (hi - lo));
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, side, side);
  if (lo < 0 && hi > 0) {
    ctx.strokeStyle = '#bbb';
    ctx.lineWidth = side / 64;
    ctx.beginPath();
    ctx.moveTo(0, yOf(0));
    ctx.lineTo(side, yOf(0));
    ctx.stroke();
  }
  ctx.strokeStyle = 'rgb(31, 100, 200)';
  ctx.lineWidth = side / 16;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  let pen = false;
  for (let c = 0; c < ys.length; c++) {
    const v = ys[c];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const x = ((c + 0.5) * side) / ys.length;
    if (pen) ctx.lineTo(x, yOf(v));
    else ctx.moveTo(x, yOf(v));
    pen = true;
  }
  ctx.stroke();
}

interface Picture {
  readonly g: SVGGElement;
  readonly fo: SVGForeignObjectElement;
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  image: ImageData;
  r: string;
}

/** A data attribute written only when it changes: a training frame changes none, and each write is a DOM mutation. */
function setData(el: HTMLElement, key: string, value: string): void {
  if (el.dataset[key] !== value) el.dataset[key] = value;
}

function setWindow(el: HTMLElement, w: PlaneWindow): void {
  setData(el, 'x0', String(w.x0));
  setData(el, 'x1', String(w.x1));
  setData(el, 'y0', String(w.y0));
  setData(el, 'y1', String(w.y1));
  setData(el, 'res', String(w.res));
}

/** The pictures of the nodes of the diagram drawn in `svg`; the enlarged one goes into `host` (positioned). */
export function createNeuronPicturesView(svg: SVGSVGElement, host: HTMLElement): NeuronPicturesView {
  const pictures = new Map<string, Picture>();
  let frame: NeuronPicturesFrame | null = null;
  let enlarged: string | null = null;
  let frames = 0;

  const large = document.createElement('figure');
  large.className = 'bp-picture-large';
  large.dataset.testid = 'neuron-picture-large';
  large.hidden = true;
  const largeCanvas = document.createElement('canvas');
  const largeCtx = largeCanvas.getContext('2d')!;
  const caption = document.createElement('figcaption');
  large.append(largeCanvas, caption);
  host.append(large);

  function remove(key: string, p: Picture): void {
    p.fo.remove();
    pictures.delete(key);
  }

  function pictureOf(key: string, res: number): Picture | null {
    let p = pictures.get(key);
    if (p && !p.g.isConnected) {
      remove(key, p);
      p = undefined;
    }
    if (!p) {
      const g = svg.querySelector<SVGGElement>(`.bp-node[data-node="${key}"]`);
      const circle = g?.querySelector('.bp-node-circle');
      if (!g || !circle) return null;
      const fo = document.createElementNS(SVG_NS, 'foreignObject');
      fo.setAttribute('class', 'bp-picture');
      fo.setAttribute('aria-hidden', 'true');
      const canvas = document.createElementNS(HTML_NS, 'canvas') as HTMLCanvasElement;
      canvas.dataset.testid = 'neuron-picture';
      canvas.dataset.node = key;
      fo.append(canvas);
      // under the circle's ring and the name: the circle's fill gives way to the picture
      g.insertBefore(fo, circle);
      const ctx = canvas.getContext('2d')!;
      p = { g, fo, canvas, ctx, image: new ImageData(res, res), r: '' };
      pictures.set(key, p);
    }
    if (p.image.width !== res || p.image.height !== res) p.image = new ImageData(res, res);
    if (p.canvas.width !== res) {
      p.canvas.width = res;
      p.canvas.height = res;
    }
    fitCircle(p);
    return p;
  }

  /** The picture covers its node's circle (whose radius changes with the layout: a resize, presentation mode). */
  function fitCircle(p: Picture): void {
    const r = p.g.querySelector('.bp-node-circle')?.getAttribute('r') ?? '0';
    if (r === p.r) return;
    const n = Number(r);
    p.fo.setAttribute('x', String(-n));
    p.fo.setAttribute('y', String(-n));
    p.fo.setAttribute('width', String(2 * n));
    p.fo.setAttribute('height', String(2 * n));
    p.r = r;
  }
  // a new layout sets the circles' radii without a new frame of pictures: follow them
  const radii = new MutationObserver(() => {
    for (const p of pictures.values()) fitCircle(p);
    if (enlarged !== null) drawLarge();
  });
  radii.observe(svg, { subtree: true, attributes: true, attributeFilter: ['r'] });

  /** The name of input k as the diagram shows it. */
  function inputName(k: number): string {
    return svg.querySelector(`.bp-node[data-node="0:${k}"] .bp-node-name`)?.textContent ?? `input ${k + 1}`;
  }

  function drawLarge(): void {
    const key = enlarged;
    const p = key === null ? undefined : pictures.get(key);
    const has =
      frame !== null && key !== null && (frame.kind === 'curve' ? frame.curves.has(key) : frame.pictures.has(key));
    if (!has || !p || !p.g.isConnected || frame === null || key === null) {
      large.hidden = true;
      return;
    }
    if (frame.kind === 'curve') {
      if (largeCanvas.width !== CURVE_LARGE_SIDE) {
        largeCanvas.width = CURVE_LARGE_SIDE;
        largeCanvas.height = CURVE_LARGE_SIDE;
      }
      drawCurve(largeCtx, CURVE_LARGE_SIDE, frame.curves.get(key)!, frame.ranges.get(key)!);
    } else {
      const res = frame.window.res;
      if (largeCanvas.width !== res || largeCanvas.height !== res) {
        largeCanvas.width = res;
        largeCanvas.height = res;
      }
      largeCtx.putImageData(p.image, 0, 0);
    }
    setWindow(largeCanvas, frame.window);
    large.dataset.node = key;
    large.dataset.kind = frame.kind;
    const name = p.g.querySelector('.bp-node-name')?.textContent ?? '';
    const [i, j] = frame.axes;
    const held = frame.held.map((h) => `${inputName(h.input)} = ${formatValue(h.value)}`);
    caption.textContent =
      frame.kind === 'curve'
        ? `${name}: its activation over ${inputName(i)}`
        : `${name}: its activation over ${inputName(i)} (across) and ${inputName(j)} (up)` +
          (held.length > 0 ? `, with ${held.join(', ')} held (the selected sample’s)` : '');
    // beside the node: to its right, or to its left where the right has no room
    const hb = host.getBoundingClientRect();
    const nb = p.g.getBoundingClientRect();
    const side = LARGE_SIDE + 12;
    let left = nb.right - hb.left + 8;
    if (left + side > hb.width) left = nb.left - hb.left - side - 8;
    const top = Math.max(0, Math.min(hb.height - side - 24, nb.top - hb.top + nb.height / 2 - side / 2));
    large.style.left = `${Math.max(0, left)}px`;
    large.style.top = `${top}px`;
    large.hidden = false;
  }

  return {
    update(next) {
      frame = next;
      svg.classList.toggle('bp-pictures', next !== null);
      if (next === null) {
        for (const [key, p] of [...pictures]) remove(key, p);
        drawLarge();
        return;
      }
      if (next.kind === 'curve') {
        for (const [key, p] of [...pictures]) if (!next.curves.has(key)) remove(key, p);
        for (const [key, ys] of next.curves) {
          const p = pictureOf(key, CURVE_SIDE);
          if (!p) continue;
          drawCurve(p.ctx, CURVE_SIDE, ys, next.ranges.get(key)!);
          setWindow(p.canvas, next.window);
          setData(p.canvas, 'kind', 'curve');
        }
      } else {
        for (const [key, p] of [...pictures]) if (!next.pictures.has(key)) remove(key, p);
        const res = next.window.res;
        for (const [key, pixels] of next.pictures) {
          const p = pictureOf(key, res);
          if (!p) continue;
          // the builder reuses each node's pixel array: wrapped once, not copied per frame
          if (p.image.data !== pixels && pixels.length === res * res * 4)
            p.image = new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, res, res);
          else if (p.image.data !== pixels) p.image.data.set(pixels);
          p.ctx.putImageData(p.image, 0, 0);
          setWindow(p.canvas, next.window);
          setData(p.canvas, 'kind', 'plane');
        }
      }
      drawLarge();
      // counted for the benchmark (bench/data-view-bench.ts), like the heatmap's data-frames
      svg.dataset.pictureFrames = String(++frames);
    },
    enlarge(key) {
      if (key === enlarged) return;
      enlarged = key;
      drawLarge();
    },
    destroy() {
      radii.disconnect();
      for (const [key, p] of [...pictures]) remove(key, p);
      svg.classList.remove('bp-pictures');
      large.remove();
    },
  };
}
