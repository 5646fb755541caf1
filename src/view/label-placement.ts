import { mulberry32 } from '../core/init.ts';
import {
  biasSegment,
  edgeSegment,
  lossSegment,
  nodeTextLines,
  nodeTextMode,
  pointAt,
  TEXT,
  type NetworkLayout,
  type Segment,
} from './network-layout.ts';

/**
 * Where the value labels of edges and bias links go, and which of them are drawn. Each
 * label is a two-line box (value, then gradient) on an opaque background. Candidates, best
 * first: on its own line (the line runs through the box) at points along it, then just above
 * or below it, then a short leader away (a dashed line joins box and line), so every label is
 * visibly tied to its weight. One candidate per label is chosen by simulated annealing (a few
 * seeded runs, the best kept) so that no label overlaps another label, a node, a node's text,
 * a header or the diagram's border. Labels keep their screen size under zoom (boxes shrink by
 * k in layout units), so zooming in makes room. The layout (network-layout.ts) spaces the
 * columns by the labels each block holds.
 *
 * The placement depends only on the layout (shape and size), the zoom, and the text width
 * budget (valueChars, nameChars), never on the values: labels stay put while values change.
 *
 * Modes: every label placed ('all'); some could not be placed without overlap and are
 * hidden, the rest drawn ('thinned'); the network is so crowded that none is drawn until
 * hovered, focused or selected ('hover').
 */

export type LabelMode = 'all' | 'thinned' | 'hover';

/** A label's centre and the point of its line it stands for (where its leader ends), in layout units. */
export interface LabelSpot {
  readonly x: number;
  readonly y: number;
  readonly px: number;
  readonly py: number;
}

export interface LabelOptions {
  /** zoom factor: label boxes shrink by k in layout units */
  readonly zoom?: number;
  /** the longest edge or bias name, in characters (0: names never shown on edges) */
  readonly nameChars?: number;
  /**
   * The longest edge name, when shorter than nameChars (Mazur's "w₁" beside "b₁ (h₁)"): a weight
   * label that gets its name where it stands takes a box this wide, not the longest name's.
   */
  readonly weightNameChars?: number;
  /** the text width budget of a value line in characters ("→ −0.1234" is 9; 9 significant digits, "→ −0.274811083", 14) */
  readonly valueChars?: number;
  /**
   * A provisional placement, in a few milliseconds: each label at its first free spot on its own
   * line (no search, no leaders, no chips), shown while the full search runs in slices.
   */
  readonly quick?: boolean;
}

export interface LabelPlacement {
  readonly mode: LabelMode;
  /** every label carries its name ("w₅ = 0.4") as well as the value */
  readonly named: boolean;
  /**
   * By label index (weights first, then biases): the placed label carries its name, in a box
   * labelNamedWidth wide (every one when `named`; else those with room for it where they are).
   */
  readonly labelNamed: Uint8Array;
  /** By label index, the width of a named placed label's box: a bias's as wide as the longest name, a weight's as the longest weight name. */
  readonly labelNamedWidth: Float64Array;
  /** the density of the value-only boxes over the most crowded block (≈ label area / room) */
  readonly density: number;
  /** the label box (its opaque background), centred on the anchor, in layout units */
  readonly boxWidth: number;
  readonly boxHeight: number;
  /** centre of each edge label, by weight index (for a label not placed: a point of its line) */
  readonly edgeX: Float64Array;
  readonly edgeY: Float64Array;
  /** the point of its line a label stands for: its centre, or where its leader ends when it sits off the line */
  readonly edgePX: Float64Array;
  readonly edgePY: Float64Array;
  readonly edgeVisible: Uint8Array;
  readonly biasX: Float64Array;
  readonly biasY: Float64Array;
  readonly biasPX: Float64Array;
  readonly biasPY: Float64Array;
  readonly biasVisible: Uint8Array;
  readonly visibleCount: number;
  /**
   * For a label left out (shown on demand, with its name), the placed labels its spot covers, by
   * label index (weights first, then biases): those give way while it shows for the selection or
   * the current step.
   */
  readonly covers: ReadonlyMap<number, readonly number[]>;
  /**
   * By node index (layer offset + j), the placed labels the node's fullest text (a, δ, target, z)
   * would cover where the text mode shows less: they give way while the node is the current
   * step's or the selected one, which show it in full.
   */
  readonly nodeCovers: ReadonlyMap<number, readonly number[]>;
  /**
   * A second spot for a placed label that must show while it is to give way (it is on the selected
   * node's fan-in or fan-out, or the current step's, and a chip or a node's full text covers its
   * own spot), by label index: clear of every node's full text, every placed label and every chip.
   */
  readonly moves: ReadonlyMap<number, LabelSpot>;
  /** By label index, the placed labels its second spot covers: they give way while it sits there. */
  readonly moveCovers: ReadonlyMap<number, readonly number[]>;
  /** labels of the network (weights and biases) */
  readonly total: number;
}

/** Above this density no placement is tried: labels show on hover, focus or selection. */
export const HOVER_DENSITY = 2.5;
/** Horizontal padding inside a label's background, each side, in screen pixels. */
export const PAD_X = 3;
/** The most labels the search places; a network past this shows its labels on demand. */
const MAX_SEARCH = 200;
/** What one overlap costs in the annealing, against a candidate's dislike (tens to a few hundred). */
const OVERLAP = 400;
const ANNEAL_STEPS_PER_LABEL = 600;
const ANNEAL_STEPS_MAX = 20000;
/** Annealing steps × labels, at most: the search's cost whatever the network. */
const ANNEAL_WORK = 800000;
/** Up to this many labels, the full search: every second position along a line, three rings of leaders, RESTARTS seeds. */
const CLASSROOM = 60;
/** Searches tried (each from its own seed) until one places every label. */
const RESTARTS = 3;
/**
 * Up to this many labels (the classroom networks of issue 9: every preset, any network up to
 * about 40 parameters), more searches: the densest of them fit the presentation mode's room
 * only with some seeds. Each search of 40 labels costs some 10 ms; the placement runs once per
 * shape, size, zoom and text size.
 */
const SMALL = 42;
const SMALL_RESTARTS = 16;
/** Labels left out by the best of two searches past which more seeds are not tried (they rescue one or two, not a crowd). */
const HOPELESS = 2;
/** Leaders of a classroom network's labels, in box sizes: up to about a box away. */
const NEAR_RINGS = [1, 1.8, 2.6];
/**
 * Longer leaders, up to six boxes: the chips and second spots, and a classroom network's labels
 * when the near rings leave some out (a second search; with a lesson open, by-hand-mlp kept 6 of
 * its 35 labels hidden at 1366×768 with the near rings alone).
 */
const LEADER_RINGS = [1, 1.8, 2.6, 3.4, 4.2, 5, 6];
/** Candidate spots kept per label, best first. */
const MAX_CANDIDATES = 600;
/** Candidates tried when a label left out asks a placed one to move. */
const FILL_CANDIDATES = 160;
/** Candidates tried for the placed label asked to move. */
const FILL_MOVES = 40;

/** The characters a label line needs at a number of significant digits: "∇ −0.000" + digits ("∇ −0.0001234", "∇ −3.979×10⁻⁵" at 4). */
export function valueCharsFor(digits: number): number {
  return Math.max(9, Math.round(digits) + 8);
}

/** The width of a label line in screen pixels at the diagram's font: arrows and ∇ wide, dots and spaces narrow, the rest like a digit. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      ch === '.' || ch === ' ' || ch === ','
        ? TEXT.digitWidth / 2
        : ch === '→' || ch === '∇'
          ? TEXT.symbolWidth
          : TEXT.digitWidth;
  return w;
}

/** Box size of a label whose lines have at most `chars` characters ("∇ −0.007061": a symbol, a space, a dot, the rest digits) at zoom k, in layout units. */
export function labelBox(chars: number, k = 1): { w: number; h: number } {
  const text = TEXT.symbolWidth + TEXT.digitWidth + Math.max(0, chars - 3) * TEXT.digitWidth;
  return { w: (text + 2 * PAD_X) / k, h: (2 * TEXT.lineHeight + 3) / k };
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

/** The mode a density calls for before any placement is tried. */
export function labelModeFor(density: number): LabelMode {
  return density <= HOVER_DENSITY ? 'all' : 'hover';
}

/** Candidate fractions along an edge into a node with `fanIn` sources, from the edge of source i: the staggered first choice, then the others by distance from it. */
export function edgeCandidates(i: number, fanIn: number): number[] {
  const s = fanIn <= 1 ? 0 : i / (fanIn - 1) - 0.5;
  const t0 = 0.5 + 0.36 * s;
  return spread(t0);
}

const T_MIN = 0.08;
const T_MAX = 0.92;
const T_STEP = 0.02;

function spread(t0: number): number[] {
  const ts: number[] = [];
  for (let t = T_MIN; t <= T_MAX + 1e-9; t += T_STEP) ts.push(Math.round(t * 1000) / 1000);
  const first = Math.min(T_MAX, Math.max(T_MIN, t0));
  return ts.sort((a, b) => Math.abs(a - first) - Math.abs(b - first) || a - b);
}

const BIAS_FIRST = 0.62;

/**
 * Rectangles (x0, y0, x1, y1) a label may not touch: nodes with their text, bias nodes, the loss
 * node with its value, the layer headers. With `full`, every node gets the room of its fullest
 * text (a, δ and target below, z above), the text the current step's node and the selected one
 * show whatever the text mode; without, the room of the text mode's lines.
 */
function obstacles(g: NetworkLayout, k: number, valueChars: number, full: boolean): number[] {
  const out: number[] = [];
  const lineH = TEXT.lineHeight / k;
  const mode = full ? 'full' : nodeTextMode(g, k);
  // A compact node shows its value alone ("−0.0001234": the label's budget less "∇ "); a full one "δ = −0.0001234".
  const nodeW = ((mode === 'compact' ? valueChars - 2 : valueChars + 2) * TEXT.digitWidth) / k;
  const textW = ((valueChars + 2) * TEXT.digitWidth) / k;
  const r = g.nodeRadius;
  const pad = 2 / k;
  for (let l = 0; l < g.sizes.length; l++) {
    const kind = l === 0 ? 'input' : l === g.depth ? 'output' : 'hidden';
    const below = nodeTextLines(mode, kind) * lineH + 3 / k;
    const above = mode === 'full' && l > 0 ? lineH + 3 / k : 0;
    for (let j = 0; j < g.sizes[l]; j++) {
      const n = g.nodeOffset[l] + j;
      // A little clearance: the current step's ring is drawn wider than the circle.
      out.push(g.nodeX[n] - r - pad, g.nodeY[n] - r - above - pad, g.nodeX[n] + r + pad, g.nodeY[n] + r + pad);
      if (below > 0)
        out.push(g.nodeX[n] - nodeW / 2, g.nodeY[n] + r - 1, g.nodeX[n] + nodeW / 2, g.nodeY[n] + r + below);
      if (above > 0) out.push(g.nodeX[n] - nodeW / 2, g.nodeY[n] - r - above, g.nodeX[n] + nodeW / 2, g.nodeY[n] - r);
    }
  }
  // Its circle is stroked: the same clearance as a node's.
  for (const b of g.biasNodes) if (b) out.push(b.x - b.r - pad, b.y - b.r - pad, b.x + b.r + pad, b.y + b.r + pad);
  const lo = g.loss;
  out.push(lo.x - lo.r - pad, lo.y - lo.r - pad, lo.x + lo.r + pad, lo.y + lo.r + pad);
  // The loss node's value below it ("= 0.7023"), as wide as a node's line.
  out.push(lo.x - textW / 2, lo.y + lo.r - 1, lo.x + textW / 2, lo.y + lo.r + lineH + 3 / k);
  // The layer headers ("tanh + b") along the top, down to their baseline and descent; the loss
  // column's ("loss · cross-entropy", up to 20 characters) may drop a line when the column is narrow.
  out.push(-1e9, -1e9, 1e9, g.headerY + 3 / k);
  const lossHalf = 10 * TEXT.charWidth;
  out.push(Math.min(lo.x - lossHalf, g.width - 2 * lossHalf - 4), -1e9, 1e9, g.headerY + (TEXT.lineHeight + 6) / k);
  return out;
}

/** How many lines other than `self` run under a box. */
function linesUnder(
  segs: readonly (Segment | undefined)[],
  self: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  let n = 0;
  for (let o = 0; o < segs.length; o++) {
    const s = segs[o];
    if (o !== self && s && segmentHitsBox(s, x0, y0, x1, y1)) n++;
  }
  return n;
}

/** Whether a segment crosses a box (Liang–Barsky clipping). */
export function segmentHitsBox(s: Segment, x0: number, y0: number, x1: number, y1: number): boolean {
  // Quick reject: the segment's bounding box misses the box.
  if (Math.max(s.x1, s.x2) < x0 || Math.min(s.x1, s.x2) > x1 || Math.max(s.y1, s.y2) < y0 || Math.min(s.y1, s.y2) > y1)
    return false;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  for (let e = 0; e < 4; e++) {
    const p = e === 0 ? -dx : e === 1 ? dx : e === 2 ? -dy : dy;
    const q = e === 0 ? s.x1 - x0 : e === 1 ? x1 - s.x1 : e === 2 ? s.y1 - y0 : y1 - s.y1;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return t0 <= t1;
}

/** The distance from a segment to a box: 0 where it crosses the box. */
function segmentBoxDistance(s: Segment, x0: number, y0: number, x1: number, y1: number): number {
  if (segmentHitsBox(s, x0, y0, x1, y1)) return 0;
  // Apart, the nearest points are an end of the segment and the box, or a corner of the box and the segment.
  const toBox = (x: number, y: number) => Math.hypot(Math.max(x0 - x, 0, x - x1), Math.max(y0 - y, 0, y - y1));
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy;
  const toSeg = (x: number, y: number) => {
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - s.x1) * dx + (y - s.y1) * dy) / len2)) : 0;
    return Math.hypot(x - s.x1 - t * dx, y - s.y1 - t * dy);
  };
  return Math.min(toBox(s.x1, s.y1), toBox(s.x2, s.y2), toSeg(x0, y0), toSeg(x1, y0), toSeg(x0, y1), toSeg(x1, y1));
}

/**
 * Whether no line is nearer a box than its own line (`self`) by `slack` or more: a bare number
 * there, on its leader, is read as its own line's; one much nearer another line (a loss link among
 * them, `bare`) is read as that line's (Mazur's w₆ "0.45" beside the loss node).
 */
function ownLineNear(
  segs: readonly (Segment | undefined)[],
  /** lines with no label of their own (the loss links) */
  bare: readonly Segment[],
  self: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  slack: number,
): boolean {
  const own = segs[self];
  if (!own) return false;
  const d = segmentBoxDistance(own, x0, y0, x1, y1) - slack;
  if (d < 0) return true;
  for (let o = 0; o < segs.length; o++) {
    const s = segs[o];
    if (o === self || !s) continue;
    // quick reject: the other line's bounding box is farther than d from the box
    if (Math.min(s.x1, s.x2) > x1 + d || Math.max(s.x1, s.x2) < x0 - d) continue;
    if (Math.min(s.y1, s.y2) > y1 + d || Math.max(s.y1, s.y2) < y0 - d) continue;
    // (at the slack's edge too: the box drawn may be a pixel wider than the placement's)
    if (segmentBoxDistance(s, x0, y0, x1, y1) <= d) return false;
  }
  for (const s of bare) if (segmentBoxDistance(s, x0, y0, x1, y1) <= d) return false;
  return true;
}

/** How many labels a search's result leaves out (choice −1). */
function leftOut(r: { readonly choice: ArrayLike<number> }): number {
  let n = 0;
  for (let a = 0; a < r.choice.length; a++) if (r.choice[a] < 0) n++;
  return n;
}

/** Whether the segment from (x, y) to (px, py) runs through a node's circle. */
function leaderHitsNode(g: NetworkLayout, x: number, y: number, px: number, py: number): boolean {
  const r = g.nodeRadius;
  const dx = px - x;
  const dy = py - y;
  const len2 = dx * dx + dy * dy || 1;
  for (let n = 0; n < g.nodeX.length; n++) {
    const t = Math.max(0, Math.min(1, ((g.nodeX[n] - x) * dx + (g.nodeY[n] - y) * dy) / len2));
    if (Math.hypot(x + t * dx - g.nodeX[n], y + t * dy - g.nodeY[n]) < r) return true;
  }
  return false;
}

function hits(rects: readonly number[], x0: number, y0: number, x1: number, y1: number): boolean {
  for (let o = 0; o < rects.length; o += 4) {
    if (x0 < rects[o + 2] && x1 > rects[o] && y0 < rects[o + 3] && y1 > rects[o + 1]) return true;
  }
  return false;
}

interface Item {
  /** candidate label centres that clear every obstacle, in order of preference */
  readonly xs: number[];
  readonly ys: number[];
  /** the point of its own line each candidate stands for */
  readonly pxs: number[];
  readonly pys: number[];
  /** how much each candidate is disliked (position along the line, slide, leader, lines under it) */
  readonly costs: number[];
  /** the width of its box (a weight's named box may be narrower than a bias's) */
  readonly w: number;
}

/**
 * Chooses one candidate per item so that no two boxes (each its item's w, × h, centred) overlap: greedy in
 * order of fewest candidates, then simulated annealing (overlaps against dislike), then what
 * still overlaps is left out and each label left out is tried again, asking one placed label
 * to move if need be. Deterministic (seeded). Returns the chosen candidate per item, -1 for an
 * item left out.
 */
function* solveOnce(items: readonly Item[], h: number, seed: number): Generator<void, Int32Array> {
  const n = items.length;
  const choice = new Int32Array(n).fill(-1);
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  const placed = new Uint8Array(n);
  const conflictsAt = (a: number, x: number, y: number): number => {
    let c = 0;
    for (let b = 0; b < n; b++) {
      if (b === a || !placed[b]) continue;
      if (Math.abs(cx[b] - x) < (items[a].w + items[b].w) / 2 && Math.abs(cy[b] - y) < h) c++;
    }
    return c;
  };
  const set = (a: number, c: number) => {
    choice[a] = c;
    cx[a] = items[a].xs[c];
    cy[a] = items[a].ys[c];
    placed[a] = 1;
  };
  const order = Array.from({ length: n }, (_, a) => a).sort((a, b) => items[a].xs.length - items[b].xs.length || a - b);
  for (const a of order) {
    const it = items[a];
    if (it.xs.length === 0) continue;
    yield;
    let best = 0;
    let bestC = Infinity;
    for (let c = 0; c < it.xs.length && bestC > 0; c++) {
      const k = conflictsAt(a, it.xs[c], it.ys[c]);
      if (k < bestC) {
        bestC = k;
        best = c;
      }
    }
    set(a, best);
  }
  // Simulated annealing over one candidate per label: energy = overlaps × OVERLAP + dislike.
  // Moves favour labels in conflict and preferred candidates; deterministic (seeded).
  const rand = mulberry32(seed);
  const pref = (a: number, c: number) => items[a].costs[c];
  const movable: number[] = [];
  for (let a = 0; a < n; a++) if (placed[a] && items[a].xs.length > 1) movable.push(a);
  // Each step costs O(n): the steps shrink as the labels grow in number, so the work stays bounded.
  const steps = movable.length === 0 ? 0 : Math.min(ANNEAL_STEPS_PER_LABEL * n, ANNEAL_STEPS_MAX, ANNEAL_WORK / n);
  const t0 = OVERLAP * 0.6;
  const t1 = 0.5;
  let bad: number[] = [];
  for (let step = 0; step < steps; step++) {
    if ((step & 1023) === 1023) yield;
    if (step % 64 === 0) {
      bad = [];
      for (const a of movable) if (conflictsAt(a, cx[a], cy[a]) > 0) bad.push(a);
      if (bad.length === 0 && step > steps / 2) break;
    }
    const temp = t0 * Math.pow(t1 / t0, step / steps);
    const a =
      bad.length > 0 && rand() < 0.7
        ? bad[Math.floor(rand() * bad.length)]
        : movable[Math.floor(rand() * movable.length)];
    const it = items[a];
    const span = rand() < 0.6 ? Math.min(it.xs.length, 40) : it.xs.length;
    const c = Math.floor(rand() * span);
    if (c === choice[a]) continue;
    const before = conflictsAt(a, cx[a], cy[a]) * OVERLAP + pref(a, choice[a]);
    const after = conflictsAt(a, it.xs[c], it.ys[c]) * OVERLAP + pref(a, c);
    const delta = after - before;
    if (delta <= 0 || rand() < Math.exp(-delta / temp)) set(a, c);
  }
  // Whatever still conflicts is left out, most conflicted first, until the rest is clear.
  for (;;) {
    let worst = -1;
    let worstC = 0;
    for (let a = 0; a < n; a++) {
      if (!placed[a]) continue;
      const c = conflictsAt(a, cx[a], cy[a]);
      if (c > worstC) {
        worstC = c;
        worst = a;
      }
    }
    if (worst < 0) break;
    placed[worst] = 0;
    choice[worst] = -1;
  }
  // Then each label left out gets a free spot if it has one, or one a single placed label gives up
  // by moving to a free spot of its own; until a pass places none.
  const blocker = (a: number, x: number, y: number): number => {
    let found = -1;
    for (let b = 0; b < n; b++) {
      if (b === a || !placed[b]) continue;
      if (Math.abs(cx[b] - x) < (items[a].w + items[b].w) / 2 && Math.abs(cy[b] - y) < h) {
        if (found >= 0) return -2;
        found = b;
      }
    }
    return found;
  };
  for (let pass = 0; pass < 2; pass++) {
    let gained = false;
    for (let a = 0; a < n; a++) {
      if (placed[a] || items[a].xs.length === 0) continue;
      yield;
      const it = items[a];
      for (let c = 0; c < Math.min(it.xs.length, FILL_CANDIDATES) && !placed[a]; c++) {
        const b = blocker(a, it.xs[c], it.ys[c]);
        if (b === -1) {
          set(a, c);
          break;
        }
        if (b < 0) continue;
        // Move b off a's spot: b's first candidate clear of every placed label and of a's box there.
        placed[b] = 0;
        const ib = items[b];
        for (let d = 0; d < Math.min(ib.xs.length, FILL_MOVES); d++) {
          const x = ib.xs[d];
          const y = ib.ys[d];
          if (Math.abs(x - it.xs[c]) < (ib.w + it.w) / 2 && Math.abs(y - it.ys[c]) < h) continue;
          if (conflictsAt(b, x, y) > 0) continue;
          set(b, d);
          set(a, c);
          break;
        }
        if (!placed[a]) placed[b] = 1;
      }
      if (placed[a]) gained = true;
    }
    if (!gained) break;
  }
  return choice;
}

/** The best of a few seeded searches: most labels placed, then the least disliked places. */
function* solve(items: readonly Item[], h: number): Generator<void, Int32Array> {
  let best: Int32Array | null = null;
  let bestScore = Infinity;
  const restarts = items.length <= SMALL ? SMALL_RESTARTS : items.length <= CLASSROOM ? RESTARTS : 1;
  for (let r = 0; r < restarts; r++) {
    const choice = yield* solveOnce(items, h, 9 + r);
    let left = 0;
    let cost = 0;
    for (let a = 0; a < items.length; a++) {
      if (choice[a] < 0) left++;
      else cost += items[a].costs[choice[a]];
    }
    const score = left * 1e6 + cost;
    if (score < bestScore) {
      bestScore = score;
      best = choice;
    }
    if (left === 0) break;
    // More seeds rescue a label or two, never a crowd: past HOPELESS left out after two, the best stands.
    if (r >= 1 && bestScore >= (HOPELESS + 1) * 1e6) break;
  }
  return best as Int32Array;
}

/** For a large network: each label in turn at its first candidate clear of those placed (a grid makes each test cheap). */
function greedy(items: readonly Item[], w: number, h: number): Int32Array {
  const choice = new Int32Array(items.length).fill(-1);
  const cells = new Map<number, number[]>();
  const key = (cx: number, cy: number) => (cx + 32768) * 65536 + (cy + 32768);
  const xs: number[] = [];
  const ys: number[] = [];
  items.forEach((it, a) => {
    for (let c = 0; c < it.xs.length; c++) {
      const x = it.xs[c];
      const y = it.ys[c];
      const gx = Math.floor(x / w);
      const gy = Math.floor(y / h);
      let clear = true;
      for (let dx = -1; dx <= 1 && clear; dx++) {
        for (let dy = -1; dy <= 1 && clear; dy++) {
          for (const b of cells.get(key(gx + dx, gy + dy)) ?? []) {
            if (Math.abs(xs[b] - x) < w && Math.abs(ys[b] - y) < h) {
              clear = false;
              break;
            }
          }
        }
      }
      if (!clear) continue;
      const b = xs.length;
      xs.push(x);
      ys.push(y);
      const k = key(gx, gy);
      const list = cells.get(k);
      if (list) list.push(b);
      else cells.set(k, [b]);
      choice[a] = c;
      return;
    }
  });
  return choice;
}

/** The block (weight layer) l of weight idx, its destination j and source i. */
function weightAt(g: NetworkLayout, idx: number): { l: number; j: number; i: number } {
  let l = 0;
  while (l + 1 < g.depth && g.weightOffset[l + 1] <= idx) l++;
  return { l, j: Math.floor((idx - g.weightOffset[l]) / g.sizes[l]), i: (idx - g.weightOffset[l]) % g.sizes[l] };
}

/** The nodes a label (weights first, then biases) joins: the source and destination of a weight, the node a bias feeds. */
export function labelEnds(g: NetworkLayout, idx: number): number[] {
  if (idx < g.weightCount) {
    const { l, j, i } = weightAt(g, idx);
    return [g.nodeOffset[l] + i, g.nodeOffset[l + 1] + j];
  }
  const b = idx - g.weightCount;
  for (let l = 0; l < g.depth; l++)
    if (g.hasBias[l] && b >= g.biasOffset[l] && b < g.biasOffset[l] + g.sizes[l + 1])
      return [g.nodeOffset[l + 1] + b - g.biasOffset[l]];
  return [];
}

/** Anchors and visibility of every edge and bias label of a layout, in one go. */
export function placeLabels(g: NetworkLayout, o: LabelOptions = {}): LabelPlacement {
  const steps = placeLabelsSteps(g, o);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Whether the box at `rects[t..t+3]` (centre x, y, then w, h) meets a box of size `b` centred at (x, y). */
function meets(rects: readonly number[], t: number, x: number, y: number, b: { w: number; h: number }): boolean {
  return Math.abs(rects[t] - x) < (rects[t + 2] + b.w) / 2 && Math.abs(rects[t + 1] - y) < (rects[t + 3] + b.h) / 2;
}

/**
 * The same placement in small steps: each `next()` does a fraction of a millisecond of the search
 * (a few hundred annealing moves, or one label's candidates) and the last returns the placement, so
 * a caller can spread it over several tasks and keep the page responsive. Same result as
 * placeLabels, however it is sliced.
 */
export function* placeLabelsSteps(g: NetworkLayout, o: LabelOptions = {}): Generator<void, LabelPlacement> {
  const k = o.zoom && o.zoom > 0 ? o.zoom : 1;
  const valueChars = o.valueChars ?? valueCharsFor(4);
  const plain = labelBox(valueChars, k);
  const namedBox = labelBox(valueChars + (o.nameChars ?? 0) + 3, k);
  const weightNamedBox = labelBox(valueChars + Math.min(o.weightNameChars ?? Infinity, o.nameChars ?? 0) + 3, k);
  const density = labelDensity(g, plain);
  let total = g.weightCount;
  for (let l = 0; l < g.depth; l++) if (g.hasBias[l]) total += g.sizes[l + 1];
  const hover = labelModeFor(density) === 'hover';
  const large = total > MAX_SEARCH || o.quick === true;
  // A classroom network gets the full search (more candidates, several seeds); a larger one a lighter one.
  const classroom = total <= CLASSROOM;
  const edgeX = new Float64Array(g.weightCount);
  const edgeY = new Float64Array(g.weightCount);
  const edgeVisible = new Uint8Array(g.weightCount);
  const biasX = new Float64Array(g.biasCount);
  const biasY = new Float64Array(g.biasCount);
  const biasVisible = new Uint8Array(g.biasCount);
  const edgePX = new Float64Array(g.weightCount);
  const edgePY = new Float64Array(g.weightCount);
  const biasPX = new Float64Array(g.biasCount);
  const biasPY = new Float64Array(g.biasCount);

  const segs: Segment[] = [];
  const lossSegs = Array.from({ length: g.sizes[g.depth] ?? 0 }, (_, j) => lossSegment(g, j));
  const first: number[][] = [];
  for (let l = 0; l < g.depth; l++) {
    const fanIn = g.sizes[l];
    for (let j = 0; j < g.sizes[l + 1]; j++) {
      for (let i = 0; i < fanIn; i++) {
        segs[g.weightOffset[l] + j * fanIn + i] = edgeSegment(g, l, j, i);
        first[g.weightOffset[l] + j * fanIn + i] = edgeCandidates(i, fanIn);
      }
      if (g.hasBias[l]) {
        segs[g.weightCount + g.biasOffset[l] + j] = biasSegment(g, l, j);
        first[g.weightCount + g.biasOffset[l] + j] = spread(BIAS_FIRST);
      }
    }
  }
  // Anchors of labels not drawn (shown on hover or selection): their first candidate.
  const anchor = (idx: number, x: number, y: number, px: number, py: number) => {
    if (idx < g.weightCount) {
      edgeX[idx] = x;
      edgeY[idx] = y;
      edgePX[idx] = px;
      edgePY[idx] = py;
    } else {
      biasX[idx - g.weightCount] = x;
      biasY[idx - g.weightCount] = y;
      biasPX[idx - g.weightCount] = px;
      biasPY[idx - g.weightCount] = py;
    }
  };
  for (let idx = 0; idx < segs.length; idx++) {
    if (!segs[idx]) continue;
    const p = pointAt(segs[idx], first[idx][0]);
    anchor(idx, p.x, p.y, p.x, p.y);
  }
  if (hover) {
    return {
      mode: 'hover',
      named: false,
      labelNamed: new Uint8Array(g.weightCount + g.biasCount),
      labelNamedWidth: new Float64Array(g.weightCount + g.biasCount),
      density,
      boxWidth: plain.w,
      boxHeight: plain.h,
      edgeX,
      edgeY,
      edgePX,
      edgePY,
      edgeVisible,
      biasX,
      biasY,
      biasPX,
      biasPY,
      biasVisible,
      visibleCount: 0,
      covers: new Map(),
      nodeCovers: new Map(),
      moves: new Map(),
      moveCovers: new Map(),
      total,
    };
  }

  /**
   * Whether an unnamed box `w` wide centred at (x, y), for the point (px, py) of its line `idx`, is
   * read as that line's: on its line, or off it (on its leader) with no other line nearer by a
   * label's height.
   */
  function tiedToLine(idx: number, x: number, y: number, px: number, py: number, w: number): boolean {
    const [x0, y0, x1, y1] = [x - w / 2, y - plain.h / 2, x + w / 2, y + plain.h / 2];
    const off = Math.abs(px - x) > w / 2 || Math.abs(py - y) > plain.h / 2;
    if (!off && segmentHitsBox(segs[idx], x0, y0, x1, y1)) return true;
    return ownLineNear(segs, lossSegs, idx, x0, y0, x1, y1, plain.h - 4 / k);
  }
  function* build(
    box: { w: number; h: number },
    want: (idx: number) => boolean,
    rings = classroom ? NEAR_RINGS : [1],
    rects = obstacles(g, k, valueChars, false),
    far = false,
    /** a leader may not cross a node's circle (the long leaders of the second search) */
    clearLeaders = false,
  ): Generator<void, { items: Item[]; ids: number[] }> {
    const margin = 2 / k;
    // The box may slide off-centre as long as its own line still runs well inside it (the opaque
    // background covers that part of the line); it prefers spots few other lines run under.
    const sx = box.w / 2 - 10 / k;
    const sy = box.h / 2 - 6 / k;
    const shifts: [number, number, number][] = [];
    for (const fy of [0, -1, 1])
      for (const fx of [0, -0.5, 0.5, -1, 1]) shifts.push([fx * sx, fy * sy, Math.abs(fx) * 4 + Math.abs(fy) * 4]);
    if (large) shifts.length = 1;
    // Just above or below its line, the box's edge against it (a short leader joins them).
    const ty = box.h / 2 + 3 / k;
    if (!large)
      for (const fy of [-1, 1])
        for (const fx of [0, -0.5, 0.5, -1, 1]) shifts.push([fx * sx, fy * ty, 20 + Math.abs(fx) * 4]);
    // Off the line, joined to it by a leader: only when nothing on it fits (a high cost, growing with the leader).
    // The third ring (a leader about a box wide) lets the densest presets keep every label in presentation mode; the
    // farther ones (LEADER_RINGS, a second search) let a network narrowed by a lesson keep most of its labels.
    if (!large) {
      for (const ring of rings) {
        for (let a = 0; a < 16; a++) {
          const ang = (a / 16) * 2 * Math.PI;
          const dx = Math.cos(ang) * ring * (box.w / 2 + 6 / k);
          const dy = Math.sin(ang) * ring * (box.h / 2 + 8 / k);
          shifts.push([dx, dy, 60 + ring * 40]);
        }
      }
    }
    const items: Item[] = [];
    const ids: number[] = [];
    for (let idx = 0; idx < segs.length; idx++) {
      const s = segs[idx];
      if (!s || !want(idx)) continue;
      yield;
      const cand: { x: number; y: number; px: number; py: number; cost: number }[] = [];
      first[idx].forEach((t, rank) => {
        if (rank % (classroom ? 2 : 4) !== 0) return;
        const p = pointAt(s, t);
        shifts.forEach(([dx, dy, off]) => {
          const x = p.x + dx;
          const y = p.y + dy;
          const x0 = x - box.w / 2;
          const y0 = y - box.h / 2;
          if (x0 < margin || y0 < margin || x0 + box.w > g.width - margin || y0 + box.h > g.labelBottom) return;
          if (hits(rects, x0, y0, x0 + box.w, y0 + box.h)) return;
          if (clearLeaders && off >= 60 && leaderHitsNode(g, x, y, p.x, p.y)) return;
          const under = large ? 0 : linesUnder(segs, idx, x0, y0, x0 + box.w, y0 + box.h);
          cand.push({ x, y, px: p.x, py: p.y, cost: rank + off + under * 12 });
        });
      });
      // Shown one fan at a time, a chip or a second spot may sit anywhere the diagram has room, on a
      // leader to the nearest point of its line: a spot every half box, dearer than any ring and
      // dearer the farther it is (so it is taken only where the rings found no room).
      if (far) {
        const len2 = (s.x2 - s.x1) ** 2 + (s.y2 - s.y1) ** 2;
        for (let y = margin + box.h / 2; y + box.h / 2 <= g.labelBottom; y += box.h / 2)
          for (let x = margin + box.w / 2; x + box.w / 2 <= g.width - margin; x += box.w / 4) {
            const x0 = x - box.w / 2;
            const y0 = y - box.h / 2;
            if (hits(rects, x0, y0, x0 + box.w, y0 + box.h)) continue;
            const t = len2 > 0 ? ((x - s.x1) * (s.x2 - s.x1) + (y - s.y1) * (s.y2 - s.y1)) / len2 : 0.5;
            const p = pointAt(s, Math.min(T_MAX, Math.max(T_MIN, t)));
            const reach = Math.hypot(x - p.x, y - p.y) * k;
            const under = linesUnder(segs, idx, x0, y0, x0 + box.w, y0 + box.h);
            cand.push({ x, y, px: p.x, py: p.y, cost: 400 + reach + under * 12 });
          }
      }
      cand.sort((a, b) => a.cost - b.cost);
      // Boxes a few units apart are the same choice: keep the cheapest of each, and at most MAX_CANDIDATES.
      const seen = new Set<number>();
      const q = 4 / k;
      const kept = cand.filter((c) => {
        const key = Math.round(c.x / q) * 100003 + Math.round(c.y / q);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      cand.length = 0;
      for (const c of kept) {
        if (cand.length >= MAX_CANDIDATES) break;
        // A bare number off its line (its plain box) only where no other line is much nearer than its
        // own; checked on the spots kept alone (it is dear). Its named box may sit anywhere.
        if (strict && box === plain && !tiedToLine(idx, c.x, c.y, c.px, c.py, box.w)) continue;
        cand.push(c);
      }
      items.push({
        xs: cand.map((c) => c.x),
        ys: cand.map((c) => c.y),
        pxs: cand.map((c) => c.px),
        pys: cand.map((c) => c.py),
        costs: cand.map((c) => c.cost),
        w: box.w,
      });
      ids.push(idx);
    }
    return { items, ids };
  }
  function* run(box: { w: number; h: number }, rings?: number[]) {
    // Named, a weight label takes its own (narrower) named box: weight names may be shorter than bias names.
    const weightBox = box === namedBox ? weightNamedBox : box;
    const clear = rings === LEADER_RINGS;
    const weights = yield* build(weightBox, (idx) => idx < g.weightCount, rings, undefined, false, clear);
    const biases = yield* build(box, (idx) => idx >= g.weightCount, rings, undefined, false, clear);
    const items = [...weights.items, ...biases.items];
    const ids = [...weights.ids, ...biases.ids];
    return { choice: large ? greedy(items, box.w, box.h) : yield* solve(items, box.h), items, ids };
  }

  /**
   * Whether a bare number off its line is kept to spots tied to its line (tiedToLine): true for
   * the second search alone. The first search leaves them free (the most crowded diagrams have no
   * other room: kept to the rule, by-hand-mlp's lesson hid 42 more values over its steps at
   * 1366×768); where it put one astray and names are on, a second search with the rule is kept if
   * it hides no more and names no fewer (Mazur's w₆ at the projector's size). Chips and second
   * spots do not keep to it (they show only for a hover, the current step or the selection).
   */
  let strict = false;
  function* search() {
    // Names on the labels ("w₅ = 0.4") where they fit: every label named if every named label fits;
    // else the named labels stand and those left out are placed, with their names where they find a
    // spot clear of the others, else without, if each finds one; else every label is placed without its name, and then each that has
    // room for its name where it is gets it.
    let named = (o.nameChars ?? 0) > 0;
    let box = named ? namedBox : plain;
    let result = yield* run(box);
    /** by item of `result`: the label's box is the named one */
    let itemNamed = result.ids.map(() => named);
    if (named && result.choice.some((c) => c < 0)) {
      named = false;
      box = plain;
      const left = new Set(result.ids.filter((_, a) => result.choice[a] < 0));
      // (tied to their lines, the plain spots may be farther: to the rings the named ones take)
      const spare = yield* build(
        plain,
        (idx) => left.has(idx),
        strict && classroom ? LEADER_RINGS : undefined,
        undefined,
        false,
        strict,
      );
      // Each label left out takes the first spot clear of the others for its named box (on a leader up
      // to six boxes long, through no node and no label), else for its plain one.
      const spareNamed = new Map<number, Item>();
      for (const [b, kind] of [
        [weightNamedBox, (idx: number) => idx < g.weightCount],
        [namedBox, (idx: number) => idx >= g.weightCount],
      ] as const) {
        const r = yield* build(
          b,
          (idx) => left.has(idx) && kind(idx),
          classroom ? LEADER_RINGS : undefined,
          undefined,
          false,
          true,
        );
        r.ids.forEach((idx, s) => spareNamed.set(idx, r.items[s]));
      }
      const taken: number[] = [];
      result.ids.forEach((_, a) => {
        const c = result.choice[a];
        if (c >= 0) taken.push(result.items[a].xs[c], result.items[a].ys[c], result.items[a].w, namedBox.h);
      });
      // a spot clear of the labels taken, its leader (if it has one) through none of them
      const firstClear = (it: Item): number => {
        for (let c = 0; c < it.xs.length; c++) {
          const lead = { x1: it.xs[c], y1: it.ys[c], x2: it.pxs[c], y2: it.pys[c] };
          let clear = true;
          for (let t = 0; t < taken.length && clear; t += 4) {
            const [x, y, w, h] = [taken[t], taken[t + 1], taken[t + 2] / 2, taken[t + 3] / 2];
            if (meets(taken, t, it.xs[c], it.ys[c], { w: it.w, h: plain.h })) clear = false;
            else if (segmentHitsBox(lead, x - w, y - h, x + w, y + h)) clear = false;
          }
          if (clear) return c;
        }
        return -1;
      };
      /** label index, the item (named or plain) and its candidate */
      const picks: [number, Item, number, boolean][] = [];
      for (let s = 0; s < spare.ids.length; s++) {
        const idx = spare.ids[s];
        const withName = spareNamed.get(idx);
        let it = withName ?? spare.items[s];
        let c = withName ? firstClear(withName) : -1;
        if (c < 0) {
          it = spare.items[s];
          c = firstClear(it);
        }
        if (c < 0) break;
        taken.push(it.xs[c], it.ys[c], it.w, plain.h);
        picks.push([idx, it, c, it === withName]);
      }
      if (picks.length === left.size) {
        const items = [...result.items];
        const choice = Int32Array.from(result.choice);
        for (const [idx, it, c, withItsName] of picks) {
          const a = result.ids.indexOf(idx);
          items[a] = it;
          choice[a] = c;
          itemNamed[a] = withItsName;
        }
        result = { ids: result.ids, items, choice };
      } else {
        // The search again, the labels left out in their plain boxes (tied to their lines) among the
        // named ones, which may move to make room; failing that, every label in its plain box.
        const mixed = [...result.items];
        spare.ids.forEach((idx, s) => (mixed[result.ids.indexOf(idx)] = spare.items[s]));
        const choice = large ? null : yield* solve(mixed, plain.h);
        if (choice && choice.every((c) => c >= 0)) {
          result = { ids: result.ids, items: mixed, choice };
          itemNamed = result.ids.map((idx) => !left.has(idx));
        } else {
          result = yield* run(box);
          itemNamed = result.ids.map(() => false);
        }
      }
    }
    if (classroom && !large && leftOut(result) > 0) {
      // Some labels found no room up to a box away: a search with longer leaders, kept if it hides fewer.
      const far = yield* run(box, LEADER_RINGS);
      if (leftOut(far) < leftOut(result)) {
        result = far;
        itemNamed = result.ids.map(() => named);
      }
    }
    return { named, box, result, itemNamed };
  }
  let { named, box, result, itemNamed } = yield* search();
  const astray = (r: typeof result, byName: boolean[]) =>
    r.ids.some((idx, a) => {
      const [it, c] = [r.items[a], r.choice[a]];
      return c >= 0 && !byName[a] && !tiedToLine(idx, it.xs[c], it.ys[c], it.pxs[c], it.pys[c], it.w);
    });
  // (only where every label found room: where some did not, the search with the rule was never kept
  // over by-hand-mlp's lesson and its sizes, and it doubled the search's time)
  if (!large && (o.nameChars ?? 0) > 0 && leftOut(result) === 0 && astray(result, itemNamed)) {
    strict = true;
    const tied = yield* search();
    strict = false;
    const names = (byName: boolean[]) => byName.filter(Boolean).length;
    const [hides, hidesTied] = [leftOut(result), leftOut(tied.result)];
    if (hidesTied < hides || (hidesTied === hides && names(tied.itemNamed) >= names(itemNamed)))
      ({ named, box, result, itemNamed } = tied);
  }
  let visibleCount = 0;
  const labelNamed = new Uint8Array(g.weightCount + g.biasCount);
  const labelNamedWidth = new Float64Array(g.weightCount + g.biasCount);
  /** the placed labels: label index, box centre and width */
  const placedIdx: number[] = [];
  const placedX: number[] = [];
  const placedY: number[] = [];
  const placedW: number[] = [];
  result.ids.forEach((idx, a) => {
    const c = result.choice[a];
    if (c < 0) return;
    const it = result.items[a];
    const x = it.xs[c];
    const w = it.w;
    anchor(idx, x, it.ys[c], it.pxs[c], it.pys[c]);
    if (idx < g.weightCount) edgeVisible[idx] = 1;
    else biasVisible[idx - g.weightCount] = 1;
    visibleCount++;
    placedIdx.push(idx);
    placedX.push(x);
    placedY.push(it.ys[c]);
    placedW.push(w);
    if (itemNamed[a]) {
      labelNamed[idx] = 1;
      labelNamedWidth[idx] = w;
    }
  });
  if (!named && (o.nameChars ?? 0) > 0 && !large) {
    // Not every named label fits: each placed label that has room for its name where it is gets
    // it. The named box is wider and holds the plain one (so its line, or its leader, meets it as
    // before); it may slide sideways, and must clear the obstacles, the border and the other labels.
    const rects = obstacles(g, k, valueChars, false);
    const margin = 2 / k;
    for (let a = 0; a < placedIdx.length; a++) {
      const idx = placedIdx[a];
      if (labelNamed[idx]) continue;
      yield;
      const y0 = placedY[a] - box.h / 2;
      // its own kind's named box: a weight's name may be shorter than the longest bias name
      const nw = idx < g.weightCount ? weightNamedBox.w : namedBox.w;
      const slide = (nw - box.w) / 2;
      let bestX = NaN;
      let bestUnder = Infinity;
      for (const f of [0, -0.5, 0.5, -1, 1]) {
        const x = placedX[a] + f * slide;
        const x0 = x - nw / 2;
        if (x0 < margin || x0 + nw > g.width - margin) continue;
        if (hits(rects, x0, y0, x0 + nw, y0 + box.h)) continue;
        let clear = true;
        for (let b = 0; b < placedIdx.length && clear; b++)
          if (b !== a && Math.abs(placedX[b] - x) < (placedW[b] + nw) / 2 && Math.abs(placedY[b] - placedY[a]) < box.h)
            clear = false;
        if (!clear) continue;
        const under = linesUnder(segs, idx, x0, y0, x0 + nw, y0 + box.h);
        if (under < bestUnder) [bestX, bestUnder] = [x, under];
      }
      if (Number.isNaN(bestX)) continue;
      labelNamed[idx] = 1;
      labelNamedWidth[idx] = nw;
      placedX[a] = bestX;
      placedW[a] = nw;
      if (idx < g.weightCount) edgeX[idx] = bestX;
      else biasX[idx - g.weightCount] = bestX;
    }
  }
  // A label left out shows on demand (hover, focus, the selection's fan-in and fan-out) with its
  // name: its spot is the first clear of every node, node text and placed label, and of the
  // spots of those left out before it; failing that, the first clear of nodes and node text.
  // The placed labels each node's fullest text would cover (the current step's node and the
  // selected one show it whatever the text mode): they give way while that node shows it.
  const nodeCovers = new Map<number, number[]>();
  /** by node index, the rectangles of its full text (below the circle, and z above it), as x0, y0, x1, y1 */
  const fullText = new Map<number, number[]>();
  if (nodeTextMode(g, k) !== 'full') {
    const lineH = TEXT.lineHeight / k;
    const textW = ((valueChars + 2) * TEXT.digitWidth) / k;
    const r = g.nodeRadius;
    for (let l = 0; l < g.sizes.length; l++) {
      const kind = l === 0 ? 'input' : l === g.depth ? 'output' : 'hidden';
      const below = nodeTextLines('full', kind) * lineH + 3 / k;
      const above = l > 0 ? lineH + 3 / k : 0;
      for (let j = 0; j < g.sizes[l]; j++) {
        const n = g.nodeOffset[l] + j;
        const x0 = g.nodeX[n] - textW / 2;
        const x1 = g.nodeX[n] + textW / 2;
        const y0 = g.nodeY[n] - r - above;
        const y1 = g.nodeY[n] + r + below;
        fullText.set(n, [x0, g.nodeY[n] + r - 1, x1, y1, ...(above > 0 ? [x0, y0, x1, g.nodeY[n] - r] : [])]);
        const under: number[] = [];
        placedIdx.forEach((idx, a) => {
          const cx = placedX[a];
          const cy = placedY[a];
          const half = placedW[a] / 2;
          const overlapsText = (ty0: number, ty1: number) =>
            cx + half > x0 && cx - half < x1 && cy + box.h / 2 > ty0 && cy - box.h / 2 < ty1;
          if (overlapsText(g.nodeY[n] + r - 1, y1) || (above > 0 && overlapsText(y0, g.nodeY[n] - r))) under.push(idx);
        });
        if (under.length > 0) nodeCovers.set(n, under);
      }
    }
  }
  const covers = new Map<number, number[]>();
  /** the chips (labels shown on demand, named), as x, y, w, h, and the label each names */
  const chips: number[] = [];
  const chipIds: number[] = [];
  if (visibleCount < total && !large) {
    const left = new Set<number>();
    result.ids.forEach((idx, a) => {
      if (result.choice[a] < 0) left.add(idx);
    });
    // Farther leaders than the placed labels get: a chip is shown one fan at a time.
    const chipRings = LEADER_RINGS;
    const spare = yield* build(
      namedBox,
      (idx) => left.has(idx),
      chipRings,
      obstacles(g, k, valueChars, true),
      classroom,
    );
    const plainRects = obstacles(g, k, valueChars, false);
    const taken: number[] = [];
    const placedIds = placedIdx;
    placedIdx.forEach((_, a) => taken.push(placedX[a], placedY[a], placedW[a], box.h));
    const placedEnd = taken.length;
    /** by chip, in the order of `taken` after the placed labels: the nodes its label joins */
    const chipEnds: number[][] = [];
    for (let a = 0; a < spare.ids.length; a++) {
      const idx = spare.ids[a];
      const it = spare.items[a];
      if (it.xs.length === 0) continue;
      yield;
      // Chips show a node's fan at a time (its fan-in, fan-out and bias, for the selection) or one
      // alone (hover, focus): those sharing a node with it show with it and must never overlap it.
      // The placed labels under a chip give way while it shows, other chips never show with it.
      // So, first of all, the fewest chips of its nodes under it; then the fewest placed labels;
      // then the fewest other chips; then the best candidate.
      const ends = labelEnds(g, idx);
      const score = (x: number, y: number): number => {
        let fan = 0;
        let placedUnder = 0;
        let others = 0;
        for (let t = 0; t < taken.length; t += 4) {
          if (!meets(taken, t, x, y, namedBox)) continue;
          if (t < placedEnd) placedUnder++;
          else if (chipEnds[(t - placedEnd) / 4].some((n) => ends.includes(n))) fan++;
          else others++;
        }
        return fan * 1e6 + placedUnder * 1e3 + Math.min(others, 999);
      };
      let pick = it;
      let c = -1;
      let best = Infinity;
      for (let d = 0; d < it.xs.length && best > 0; d++) {
        const v = score(it.xs[d], it.ys[d]);
        if (v < best) [best, c] = [v, d];
      }
      // Where every node's full text leaves no spot clear of the chips of its nodes (a narrow diagram
      // in presentation mode), the spots clear of the text each node shows at rest and of its own
      // nodes' full text (the selected node's, when it shows for the selection).
      if (best >= 1e6 && classroom) {
        const rects = [...plainRects];
        for (const n of ends) rects.push(...(fullText.get(n) ?? []));
        const own = (yield* build(namedBox, (i) => i === idx, chipRings, rects, true)).items[0];
        let ownBest = Infinity;
        let ownC = -1;
        for (let d = 0; d < own.xs.length && ownBest > 0; d++) {
          const v = score(own.xs[d], own.ys[d]);
          if (v < ownBest) [ownBest, ownC] = [v, d];
        }
        if (Math.floor(ownBest / 1e6) < Math.floor(best / 1e6)) [pick, c] = [own, ownC];
      }
      anchor(idx, pick.xs[c], pick.ys[c], pick.pxs[c], pick.pys[c]);
      const under: number[] = [];
      for (let t = 0; t < placedEnd; t += 4)
        if (meets(taken, t, pick.xs[c], pick.ys[c], namedBox)) under.push(placedIds[t / 4]);
      if (under.length > 0) covers.set(idx, under);
      taken.push(pick.xs[c], pick.ys[c], namedBox.w, namedBox.h);
      chipEnds.push(ends);
      chips.push(pick.xs[c], pick.ys[c], namedBox.w, namedBox.h);
      chipIds.push(idx);
    }
  }
  // A placed label that gives way may still have to show (the selection's fan-in and fan-out, the
  // current step's): it moves to a second spot, clear of every node's full text, placed label and
  // chip, and of the second spots found before it; farther leaders allowed, as for chips.
  const moves = new Map<number, LabelSpot>();
  const giving = new Set<number>();
  /** by label, the full text it must clear at its second spot: that of the nodes whose full text covers it */
  const texts = new Map<number, number[]>();
  /** by label, the nodes whose full text covers it */
  const coverNodes = new Map<number, number[]>();
  const moveCovers = new Map<number, number[]>();
  for (const [n, under] of nodeCovers)
    for (const u of under) {
      giving.add(u);
      coverNodes.set(u, [...(coverNodes.get(u) ?? []), n]);
      texts.set(u, [...(texts.get(u) ?? []), ...(fullText.get(n) ?? [])]);
    }
  for (const under of covers.values()) for (const u of under) giving.add(u);
  if (giving.size > 0 && !large) {
    // Each clears the text the placed labels clear, and the full text of the nodes that cover it.
    // Spots clear of every node's full text first (another node may be the current step's while
    // this one is selected); else of the text the placed labels clear and the covering nodes' full text.
    const rings = LEADER_RINGS;
    const everyText = yield* build(box, (i) => giving.has(i), rings, obstacles(g, k, valueChars, true));
    const plainRects = obstacles(g, k, valueChars, false);
    const ownText: { items: Item[]; ids: number[] } = { items: [], ids: [] };
    for (const idx of giving) {
      // Failing the rings, anywhere the diagram has room, on a leader (it shows for its nodes only).
      const one = yield* build(box, (i) => i === idx, rings, [...plainRects, ...(texts.get(idx) ?? [])], true);
      ownText.items.push(...one.items);
      ownText.ids.push(...one.ids);
    }
    const spots: number[] = [];
    const spotIds = placedIdx;
    placedIdx.forEach((_, a) => spots.push(placedX[a], placedY[a], placedW[a], box.h));
    spots.push(...chips);
    /** by box of `spots` after the placed labels: the label of the chip or second spot */
    const spotLabels = [...chipIds];
    /** The placed labels a box at (x, y) overlaps, or null if it overlaps a chip, a second spot or a label that must show with `self`. */
    const under = (
      self: number,
      x: number,
      y: number,
      keep: (idx: number) => boolean,
      shows: (idx: number) => boolean = () => true,
    ): number[] | null => {
      const out: number[] = [];
      for (let t = 0; t < spots.length; t += 4) {
        const placedIdx = t < spotIds.length * 4 ? spotIds[t / 4] : -1;
        if (placedIdx === self) continue;
        const other = (t - spotIds.length * 4) / 4;
        if (other >= 0 && !shows(spotLabels[other])) continue;
        if (meets(spots, t, x, y, box)) {
          if (placedIdx < 0 || keep(placedIdx)) return null;
          out.push(placedIdx);
        }
      }
      return out;
    };
    // First clear of every placed label; failing that, the spot covering fewest placed labels other
    // than those that show with it (the fan-in and fan-out of the nodes that cover it): those give
    // way while it sits at its second spot.
    for (const [alt, pass] of [
      [everyText, 0],
      [everyText, 1],
      [ownText, 0],
      [ownText, 1],
      // Last, clear only of the chips and second spots of its own nodes (the others show one fan at a time).
      [ownText, 2],
    ] as const) {
      for (let a = 0; a < alt.ids.length; a++) {
        const idx = alt.ids[a];
        if (moves.has(idx)) continue;
        yield;
        const it = alt.items[a];
        // It shows for its own nodes (source, destination) or a node whose text covers it: the labels
        // of their fans show with it and may not give way to it.
        const nodes = [...(coverNodes.get(idx) ?? []), ...labelEnds(g, idx)];
        const ofNodes = (v: number) => labelEnds(g, v).some((n) => nodes.includes(n));
        const keep = pass === 0 ? () => true : ofNodes;
        const shows = pass === 2 ? ofNodes : () => true;
        let best = -1;
        let bestUnder: number[] = [];
        for (let d = 0; d < it.xs.length; d++) {
          const u = under(idx, it.xs[d], it.ys[d], keep, shows);
          if (u === null || (best >= 0 && u.length >= bestUnder.length)) continue;
          best = d;
          bestUnder = u;
          if (u.length === 0) break;
        }
        if (best < 0) continue;
        moves.set(idx, { x: it.xs[best], y: it.ys[best], px: it.pxs[best], py: it.pys[best] });
        if (bestUnder.length > 0) moveCovers.set(idx, bestUnder);
        spots.push(it.xs[best], it.ys[best], box.w, box.h);
        spotLabels.push(idx);
      }
    }
    // A label under a second spot gives way, unless it must show itself (the current step's, the
    // selected or highlighted one): then it too takes a second spot, so that it never sits under the
    // label that moved onto it. Clear of every chip and second spot, and of the placed labels that
    // show with the labels that moved onto it (their nodes' fans); those it covers give way in turn.
    const ontoNodes = new Map<number, number[]>();
    for (const [idx, us] of moveCovers)
      for (const u of us) if (!moves.has(u)) ontoNodes.set(u, [...(ontoNodes.get(u) ?? []), ...labelEnds(g, idx)]);
    if (ontoNodes.size > 0) {
      // Clear of every node's full text if it can, else of the text shown at rest and the full text of its nodes.
      const everyRects = obstacles(g, k, valueChars, true);
      for (const idx of ontoNodes.keys()) {
        yield;
        const nodes = [...(ontoNodes.get(idx) ?? []), ...labelEnds(g, idx)];
        const keep = (v: number) => labelEnds(g, v).some((n) => nodes.includes(n));
        // Chips and second spots show for the selection: only those of its nodes show with it (and
        // the other labels that must show where a label moved onto them).
        const shows = (v: number) => ontoNodes.has(v) || labelEnds(g, v).some((n) => nodes.includes(n));
        const ownRects = [...plainRects];
        for (const n of nodes) ownRects.push(...(fullText.get(n) ?? []));
        let best = -1;
        let bestUnder: number[] = [];
        let it: Item | null = null;
        for (const rects of [everyRects, ownRects]) {
          const cand = (yield* build(box, (i) => i === idx, rings, rects, true)).items[0];
          for (let d = 0; d < cand.xs.length; d++) {
            const u = under(idx, cand.xs[d], cand.ys[d], keep, shows);
            if (u === null || (best >= 0 && u.length >= bestUnder.length)) continue;
            [best, bestUnder, it] = [d, u, cand];
            if (u.length === 0) break;
          }
          if (best >= 0 && bestUnder.length === 0) break;
        }
        if (best < 0 || !it) continue;
        moves.set(idx, { x: it.xs[best], y: it.ys[best], px: it.pxs[best], py: it.pys[best] });
        if (bestUnder.length > 0) moveCovers.set(idx, bestUnder);
        spots.push(it.xs[best], it.ys[best], box.w, box.h);
        spotLabels.push(idx);
      }
    }
  }
  return {
    mode: visibleCount === total ? 'all' : 'thinned',
    named,
    labelNamed,
    labelNamedWidth,
    density,
    boxWidth: box.w,
    boxHeight: box.h,
    edgeX,
    edgeY,
    edgePX,
    edgePY,
    edgeVisible,
    biasX,
    biasY,
    biasPX,
    biasPY,
    biasVisible,
    visibleCount,
    covers,
    nodeCovers,
    moves,
    moveCovers,
    total,
  };
}
