import {
  biasSegment, edgeSegment, nodeTextLines, nodeTextMode, pointAt, TEXT,
  type NetworkLayout, type Segment,
} from './network-layout.ts';

/**
 * Where the value labels of edges and bias links go, and which of them are drawn. Each
 * label is a two-line box (value, then gradient) centred on a point of its line; labels of
 * the edges into one node are staggered along their lines by source index. A density
 * measure decides the mode: every label ('all'), labels greedily placed where they do not
 * overlap another label or a node ('thinned'), or none until hovered, focused or selected
 * ('hover'). Labels keep their screen size under zoom, so zooming in lowers the density.
 */

export type LabelMode = 'all' | 'thinned' | 'hover';

export interface LabelOptions {
  /** zoom factor: label boxes shrink by k in layout units */
  readonly zoom?: number;
  /** the longest edge or bias name, in characters (0: names never shown on edges) */
  readonly nameChars?: number;
  /** characters reserved for a value ("→ −0.1234" is 9) */
  readonly valueChars?: number;
}

export interface LabelPlacement {
  readonly mode: LabelMode;
  /** labels carry the name ("w₅ = 0.4") as well as the value */
  readonly named: boolean;
  /** the density of the value-only boxes that decided the mode (≈ label area / room) */
  readonly density: number;
  readonly boxWidth: number;
  readonly boxHeight: number;
  /** anchor (centre) of each edge label, by weight index; the first candidate when not placed */
  readonly edgeX: Float64Array;
  readonly edgeY: Float64Array;
  readonly edgeVisible: Uint8Array;
  readonly biasX: Float64Array;
  readonly biasY: Float64Array;
  readonly biasVisible: Uint8Array;
  readonly visibleCount: number;
}

/** Below this density every label is drawn; above HOVER_DENSITY, none is until asked for. */
export const ALL_DENSITY = 0.45;
export const HOVER_DENSITY = 2.5;
const PAD = 5;

/** Box size of a label at zoom k, in layout units. */
export function labelBox(chars: number, k = 1): { w: number; h: number } {
  return { w: (chars * TEXT.charWidth + 2 * PAD) / k, h: (2 * TEXT.lineHeight + PAD) / k };
}

/** Label area over the room between two columns, for the most crowded block. */
export function labelDensity(g: NetworkLayout, box: { readonly w: number; readonly h: number }): number {
  let worst = 0;
  for (let l = 0; l < g.depth; l++) {
    const count = g.sizes[l] * g.sizes[l + 1] + (g.hasBias[l] ? g.sizes[l + 1] : 0);
    if (count === 0) continue;
    const room = g.gapX * Math.max(1, Math.max(g.sizes[l], g.sizes[l + 1])) * g.spacing;
    worst = Math.max(worst, (count * box.w * box.h) / room);
  }
  return worst;
}

/** The mode a density calls for. */
export function labelModeFor(density: number): LabelMode {
  return density <= ALL_DENSITY ? 'all' : density <= HOVER_DENSITY ? 'thinned' : 'hover';
}

/** Candidate fractions along an edge into a node with `fanIn` sources, from the edge of source i: staggered first choice, then alternatives. */
export function edgeCandidates(i: number, fanIn: number): number[] {
  const s = fanIn <= 1 ? 0 : i / (fanIn - 1) - 0.5;
  const t0 = 0.5 + 0.36 * s;
  const out: number[] = [];
  for (const d of [0, -0.08, 0.08, -0.16, 0.16, -0.24, 0.24, -0.32, 0.32]) {
    const t = Math.min(0.86, Math.max(0.14, t0 + d));
    if (!out.some((u) => Math.abs(u - t) < 1e-9)) out.push(t);
  }
  return out;
}

const BIAS_CANDIDATES = [0.68, 0.56, 0.8, 0.44, 0.88, 0.32, 0.62, 0.74, 0.5, 0.38];

/** A uniform grid of boxes, for overlap queries in constant time per query. */
class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly boxes: number[] = [];
  constructor(private readonly cell: number) {}

  private key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  overlaps(x0: number, y0: number, x1: number, y1: number): boolean {
    const c = this.cell;
    for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
      for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const b of list) {
          const o = b * 4;
          if (x0 < this.boxes[o + 2] && x1 > this.boxes[o] && y0 < this.boxes[o + 3] && y1 > this.boxes[o + 1]) return true;
        }
      }
    }
    return false;
  }

  add(x0: number, y0: number, x1: number, y1: number): void {
    const b = this.boxes.length / 4;
    this.boxes.push(x0, y0, x1, y1);
    const c = this.cell;
    for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
      for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(b);
        else this.cells.set(k, [b]);
      }
    }
  }
}

function addObstacles(grid: BoxGrid, g: NetworkLayout, k: number): void {
  const mode = nodeTextMode(g, k);
  const lineH = TEXT.lineHeight / k;
  const textW = (9 * TEXT.charWidth) / k;
  for (let l = 0; l < g.sizes.length; l++) {
    const kind = l === 0 ? 'input' : l === g.depth ? 'output' : 'hidden';
    const below = nodeTextLines(mode, kind) * lineH;
    const above = mode === 'full' && l > 0 ? lineH : 0;
    for (let j = 0; j < g.sizes[l]; j++) {
      const n = g.nodeOffset[l] + j;
      const r = g.nodeRadius;
      const w = Math.max(r, below > 0 ? textW / 2 : 0);
      grid.add(g.nodeX[n] - w, g.nodeY[n] - r - above, g.nodeX[n] + w, g.nodeY[n] + r + below);
    }
  }
  for (const b of g.biasNodes) if (b) grid.add(b.x - b.r, b.y - b.r, b.x + b.r, b.y + b.r);
}

/** Anchors and visibility of every edge and bias label of a layout. */
export function placeLabels(g: NetworkLayout, o: LabelOptions = {}): LabelPlacement {
  const k = o.zoom && o.zoom > 0 ? o.zoom : 1;
  const valueChars = o.valueChars ?? 9;
  const plain = labelBox(valueChars, k);
  const namedBox = labelBox(valueChars + (o.nameChars ?? 0) + 3, k);
  const density = labelDensity(g, plain);
  const mode = labelModeFor(density);
  const named = (o.nameChars ?? 0) > 0 && labelDensity(g, namedBox) <= ALL_DENSITY;
  const box = named ? namedBox : plain;
  const edgeX = new Float64Array(g.weightCount);
  const edgeY = new Float64Array(g.weightCount);
  const edgeVisible = new Uint8Array(g.weightCount);
  const biasX = new Float64Array(g.biasCount);
  const biasY = new Float64Array(g.biasCount);
  const biasVisible = new Uint8Array(g.biasCount);
  const grid = new BoxGrid(Math.max(box.w, box.h));
  addObstacles(grid, g, k);
  let visibleCount = 0;

  const place = (seg: Segment, ts: readonly number[], xs: Float64Array, ys: Float64Array, vis: Uint8Array, at: number) => {
    const first = pointAt(seg, ts[0]);
    xs[at] = first.x;
    ys[at] = first.y;
    if (mode === 'hover') return;
    for (const t of ts) {
      const p = pointAt(seg, t);
      const x0 = p.x - box.w / 2;
      const y0 = p.y - box.h / 2;
      if (grid.overlaps(x0, y0, x0 + box.w, y0 + box.h)) continue;
      grid.add(x0, y0, x0 + box.w, y0 + box.h);
      xs[at] = p.x;
      ys[at] = p.y;
      vis[at] = 1;
      visibleCount++;
      return;
    }
  };

  for (let l = 0; l < g.depth; l++) {
    const fanIn = g.sizes[l];
    for (let j = 0; j < g.sizes[l + 1]; j++) {
      for (let i = 0; i < fanIn; i++) {
        place(edgeSegment(g, l, j, i), edgeCandidates(i, fanIn), edgeX, edgeY, edgeVisible, g.weightOffset[l] + j * fanIn + i);
      }
      if (g.hasBias[l]) place(biasSegment(g, l, j), BIAS_CANDIDATES, biasX, biasY, biasVisible, g.biasOffset[l] + j);
    }
  }
  return { mode, named, density, boxWidth: box.w, boxHeight: box.h, edgeX, edgeY, edgeVisible, biasX, biasY, biasVisible, visibleCount };
}
