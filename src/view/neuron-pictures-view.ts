import type { PlaneWindow } from '../core/output-grid.ts';

/**
 * Each hidden and output node's activation over the input plane, drawn inside its circle in
 * the network diagram (the picture replaces the circle's fill, under its ring and its name),
 * and enlarged beside the node on hover or selection. The pictures take no room of their
 * own, so the diagram's layout and label placement are the same with them on or off.
 * Painted with putImageData into one small canvas per node (no image encoding per frame).
 */
export interface NeuronPicturesFrame {
  readonly window: PlaneWindow;
  /** RGBA of window.res² cells per node key ("l:j"), row 0 at the top */
  readonly pictures: ReadonlyMap<string, Uint8ClampedArray>;
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

interface Picture {
  readonly g: SVGGElement;
  readonly fo: SVGForeignObjectElement;
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  image: ImageData;
  r: string;
}

function setWindow(el: HTMLElement, w: PlaneWindow): void {
  el.dataset.x0 = String(w.x0);
  el.dataset.x1 = String(w.x1);
  el.dataset.y0 = String(w.y0);
  el.dataset.y1 = String(w.y1);
  el.dataset.res = String(w.res);
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
    if (p.image.width !== res) p.image = new ImageData(res, res);
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

  function drawLarge(): void {
    const pixels = enlarged === null || frame === null ? undefined : frame.pictures.get(enlarged);
    const p = enlarged === null ? undefined : pictures.get(enlarged);
    if (!pixels || !p || !p.g.isConnected || frame === null) {
      large.hidden = true;
      return;
    }
    const res = frame.window.res;
    if (largeCanvas.width !== res) {
      largeCanvas.width = res;
      largeCanvas.height = res;
    }
    largeCtx.putImageData(p.image, 0, 0);
    setWindow(largeCanvas, frame.window);
    large.dataset.node = enlarged!;
    const name = p.g.querySelector('.bp-node-name')?.textContent ?? '';
    caption.textContent = `${name}: its activation over the plane`;
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
      for (const [key, p] of [...pictures]) if (!next.pictures.has(key)) remove(key, p);
      const res = next.window.res;
      for (const [key, pixels] of next.pictures) {
        const p = pictureOf(key, res);
        if (!p) continue;
        p.image.data.set(pixels);
        p.ctx.putImageData(p.image, 0, 0);
        setWindow(p.canvas, next.window);
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
