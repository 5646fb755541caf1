/**
 * Pure geometry of the network diagram: one column per layer (input left, output right),
 * the loss node at the far right, each column centred vertically, and per layer with
 * biases a small bias node ("1") in a row above the columns, linked to every node it
 * feeds. Coordinates are in the SVG's user units (the container's pixels at zoom 1).
 * Indices follow the core: node `nodeOffset[l] + j`, weight `weightOffset[l] + j·sizes[l] + i`,
 * bias `biasOffset[l] + j` (bias block l feeds layer l+1).
 */

export interface LayoutInput {
  /** nodes per layer, input first */
  readonly sizes: readonly number[];
  /** per weight block l: whether layer l+1 has biases */
  readonly hasBias: readonly boolean[];
  readonly width: number;
  readonly height: number;
  /** room kept free at the bottom for the legend */
  readonly legendHeight?: number;
  /**
   * The size of a value label (labelBox at zoom 1): given it, the columns are spaced by how many
   * labels each block between them holds, so a dense block gets the room its labels need.
   */
  readonly labelBox?: { readonly w: number; readonly h: number };
}

export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** How much text a node carries: name, z, a, δ, target ('full'); a only ('compact'); none until hovered ('minimal'). */
export type NodeTextMode = 'full' | 'compact' | 'minimal';

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly sizes: readonly number[];
  readonly hasBias: readonly boolean[];
  readonly nodeOffset: readonly number[];
  readonly weightOffset: readonly number[];
  readonly biasOffset: readonly number[];
  readonly nodeCount: number;
  readonly weightCount: number;
  readonly biasCount: number;
  readonly columnX: readonly number[];
  /** horizontal distance between neighbouring columns: the smallest of `gaps` */
  readonly gapX: number;
  /** per weight block l: the horizontal distance from column l to column l+1 */
  readonly gaps: readonly number[];
  /** vertical distance between neighbouring nodes of a column */
  readonly spacing: number;
  readonly nodeRadius: number;
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  readonly loss: Circle;
  /** per weight block l: the bias node of layer l+1, or null */
  readonly biasNodes: readonly (Circle | null)[];
  /** baseline of the layer headers */
  readonly headerY: number;
  /** the lowest y a label may reach: the top of the legend's room */
  readonly labelBottom: number;
}

/** Font metrics the geometry assumes (network.css uses the same sizes). */
export const TEXT = { fontSize: 11, charWidth: 6.3, digitWidth: 7, symbolWidth: 11.5, lineHeight: 12.5 } as const;

const MAX_SPACING = 150;
const LOSS_COLUMN = 0.55;
/** The loss column's share when the blocks' labels need the room: its links carry no label. */
const LOSS_COLUMN_LABELLED = 0.3;
const HEADER = 22;
const BIAS_ROW = 34;
const TEXT_BELOW = 40;
/** Below the last row when nodes show one line of text: its height, clearance, and a margin. */
const TEXT_BELOW_COMPACT = 22;
/** Right of the loss node when labels need the width: its radius and half its "L = 0.4312". */
const MARGIN_RIGHT_LABELLED = 44;
const MARGIN_LEFT = 40;
const MARGIN_RIGHT = 56;

function offsets(sizes: readonly number[]): { nodeOffset: number[]; weightOffset: number[]; biasOffset: number[] } {
  const nodeOffset = [0];
  const weightOffset = [0];
  const biasOffset = [0];
  for (let l = 0; l < sizes.length; l++) nodeOffset.push(nodeOffset[l] + sizes[l]);
  for (let l = 0; l + 1 < sizes.length; l++) {
    weightOffset.push(weightOffset[l] + sizes[l + 1] * sizes[l]);
    biasOffset.push(biasOffset[l] + sizes[l + 1]);
  }
  return { nodeOffset, weightOffset, biasOffset };
}

/** Positions of every node, bias node and the loss node for a network in a width × height box. */
export function computeLayout(input: LayoutInput): NetworkLayout {
  if (!input.labelBox) return layoutWith(input, TEXT_BELOW, MARGIN_RIGHT);
  // Room for the labels: a node showing one line of text (compact) needs less below the last row,
  // and the loss node less to its right than a layout without labels leaves.
  const compact = layoutWith(input, TEXT_BELOW_COMPACT, MARGIN_RIGHT_LABELLED);
  return nodeTextMode(compact) === 'full' ? layoutWith(input, TEXT_BELOW, MARGIN_RIGHT_LABELLED) : compact;
}

function layoutWith(input: LayoutInput, textBelow: number, marginRight: number): NetworkLayout {
  const sizes = input.sizes.map((n) => Math.max(0, Math.floor(n)));
  const depth = Math.max(0, sizes.length - 1);
  const hasBias = sizes.slice(1).map((_, l) => input.hasBias[l] === true);
  const width = Math.max(1, input.width);
  const height = Math.max(1, input.height);
  const { nodeOffset, weightOffset, biasOffset } = offsets(sizes);
  const anyBias = hasBias.some(Boolean);
  const top = HEADER + (anyBias ? BIAS_ROW : 0);
  const bottom = height - (input.legendHeight ?? 30) - textBelow;
  const availH = Math.max(10, bottom - top);
  const maxSize = Math.max(1, ...sizes);
  const spacing = Math.min(MAX_SPACING, availH / maxSize);
  const inner = width - MARGIN_LEFT - marginRight;
  const uniform = Math.max(8, inner / (depth + LOSS_COLUMN));
  const labelRoom = height - (input.legendHeight ?? 30) - HEADER;
  const gaps = input.labelBox
    ? columnGaps(sizes, hasBias, inner, labelRoom, clamp(spacing * 0.3, 3, 24), input.labelBox)
    : sizes.slice(1).map(() => uniform);
  const gapX = depth > 0 ? Math.min(...gaps) : uniform;
  const lossGap = depth > 0 ? Math.max(8, inner - gaps.reduce((a, b) => a + b, 0)) : uniform * LOSS_COLUMN;
  const nodeRadius = fitRadius(clamp(Math.min(spacing * 0.3, gapX * 0.14), 3, 24), sizes, spacing, !!input.labelBox);
  const cy = top + availH / 2;
  const columnX: number[] = [MARGIN_LEFT];
  for (let l = 0; l < depth; l++) columnX.push(columnX[l] + gaps[l]);
  const nodeCount = nodeOffset[sizes.length];
  const nodeX = new Float64Array(nodeCount);
  const nodeY = new Float64Array(nodeCount);
  for (let l = 0; l < sizes.length; l++) {
    for (let j = 0; j < sizes[l]; j++) {
      nodeX[nodeOffset[l] + j] = columnX[l];
      nodeY[nodeOffset[l] + j] = cy + (j - (sizes[l] - 1) / 2) * spacing;
    }
  }
  const lossX = columnX[depth] + lossGap;
  const loss: Circle = { x: lossX, y: cy, r: nodeRadius };
  const biasR = Math.max(3, nodeRadius * 0.55);
  const biasNodes = hasBias.map((on, l) =>
    on ? { x: columnX[l + 1] - gaps[l] * 0.45, y: HEADER + biasR + 4, r: biasR } : null,
  );
  return {
    width,
    height,
    depth,
    sizes,
    hasBias,
    nodeOffset,
    weightOffset,
    biasOffset,
    nodeCount,
    weightCount: weightOffset[depth],
    biasCount: biasOffset[depth],
    columnX,
    gapX,
    gaps,
    spacing,
    nodeRadius,
    nodeX,
    nodeY,
    loss,
    biasNodes,
    headerY: HEADER - 8,
    labelBottom: height - (input.legendHeight ?? 30),
  };
}

/**
 * The distance between neighbouring columns when labels are to be drawn: each block gets at least
 * the room its labels need packed in the height there is (with slack for their lines' angles),
 * the loss column its share of a uniform split, and the width there is goes to the blocks in
 * proportion to those needs (more or less than they need, alike).
 */
function columnGaps(
  sizes: readonly number[],
  hasBias: readonly boolean[],
  inner: number,
  labelRoom: number,
  r: number,
  box: { readonly w: number; readonly h: number },
): number[] {
  const depth = sizes.length - 1;
  const uniform = inner / (depth + LOSS_COLUMN);
  // Two neighbouring columns' texts (a node's value, a layer's header) side by side: what any
  // block needs, however few labels it has.
  const floor = 0.75 * box.w + 2 * r + 16;
  const need: number[] = [];
  for (let l = 0; l < depth; l++) {
    const labels = sizes[l] * sizes[l + 1] + (hasBias[l] ? sizes[l + 1] : 0);
    const packed = (labels * box.w * box.h) / Math.max(box.h, labelRoom);
    need.push(Math.max(0.75 * box.w, LABEL_SLACK * packed) + 2 * r + 16);
  }
  // The loss node's value and the output's full text side by side: a label box's width apart at least.
  const lossGap = Math.max(uniform * LOSS_COLUMN_LABELLED, 2 * r + 16, box.w + 16);
  const room = inner - lossGap;
  const total = need.reduce((a, b) => a + b, 0);
  // every block needs at least the floor (its need is the floor's terms with the labels' room)
  const floorsTotal = depth * floor;
  // With less room than the labels need, each block keeps its texts' room first and shares the
  // rest in proportion to what it needs beyond that: scaled alike, 16-16-16-16-16-1's last block
  // (17 labels beside three of 272) was 15 px wide, its headers and values on each other.
  if (room < total && room > floorsTotal)
    return need.map((n) => floor + ((room - floorsTotal) * (n - floor)) / (total - floorsTotal));
  return need.map((n) => Math.max(8, (n * room) / total));
}

/** The least node radius the text's room may shrink a circle to. */
const MIN_TEXT_RADIUS = 8;

/**
 * In a labelled layout, a node's circle leaves room between neighbours for the fullest text of
 * the node above (a, δ and target, shown in full for the current step's node and the selected
 * one): the radius shrinks, down to MIN_TEXT_RADIUS, until that text clears the next circle.
 */
function fitRadius(r: number, sizes: readonly number[], spacing: number, labelled: boolean): number {
  if (!labelled) return r;
  const depth = sizes.length - 1;
  let lines = 0;
  for (let l = 0; l <= depth; l++)
    if (sizes[l] > 1)
      lines = Math.max(lines, nodeTextLines('full', l === 0 ? 'input' : l === depth ? 'output' : 'hidden'));
  if (lines === 0) return r;
  const fit = (spacing - lines * TEXT.lineHeight - 5) / 2;
  return fit >= r ? r : Math.max(Math.min(r, MIN_TEXT_RADIUS), fit);
}

/** How much more room than a perfect packing a block's labels get: their lines fix where they can go. */
const LABEL_SLACK = 2;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** The segment between two circles, trimmed to their rims so a line never paints over a node. */
export function trimmed(x1: number, y1: number, r1: number, x2: number, y2: number, r2: number): Segment {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  return { x1: x1 + ux * r1, y1: y1 + uy * r1, x2: x2 - ux * r2, y2: y2 - uy * r2 };
}

/** The line of weight (l, j, i): from node i of layer l to node j of layer l+1. */
export function edgeSegment(g: NetworkLayout, l: number, j: number, i: number): Segment {
  const a = g.nodeOffset[l] + i;
  const b = g.nodeOffset[l + 1] + j;
  return trimmed(g.nodeX[a], g.nodeY[a], g.nodeRadius, g.nodeX[b], g.nodeY[b], g.nodeRadius);
}

/** The link of bias (l, j): from the bias node of block l to node j of layer l+1 (a point segment when the layer has none). */
export function biasSegment(g: NetworkLayout, l: number, j: number): Segment {
  const b = g.nodeOffset[l + 1] + j;
  const bn = g.biasNodes[l];
  if (!bn) return { x1: g.nodeX[b], y1: g.nodeY[b], x2: g.nodeX[b], y2: g.nodeY[b] };
  return trimmed(bn.x, bn.y, bn.r, g.nodeX[b], g.nodeY[b], g.nodeRadius);
}

/** The link from output node j to the loss node. */
export function lossSegment(g: NetworkLayout, j: number): Segment {
  const b = g.nodeOffset[g.depth] + j;
  return trimmed(g.nodeX[b], g.nodeY[b], g.nodeRadius, g.loss.x, g.loss.y, g.loss.r);
}

/** The point a fraction t along a segment. */
export function pointAt(s: Segment, t: number): { x: number; y: number } {
  return { x: s.x1 + (s.x2 - s.x1) * t, y: s.y1 + (s.y2 - s.y1) * t };
}

/**
 * How much text fits beside each node at zoom k (labels keep their screen size while the
 * drawing scales): the free room between neighbouring circles, in screen pixels, decides.
 */
export function nodeTextMode(g: NetworkLayout, k = 1): NodeTextMode {
  const free = (g.spacing - 2 * g.nodeRadius) * k;
  const single = g.sizes.every((n) => n <= 1);
  if (single || free >= 4 * TEXT.lineHeight) return 'full';
  if (free >= TEXT.lineHeight + 2) return 'compact';
  return 'minimal';
}

/** How many text lines a node carries below its circle in a text mode. */
export function nodeTextLines(mode: NodeTextMode, kind: 'input' | 'hidden' | 'output'): number {
  if (mode === 'minimal') return 0;
  if (mode === 'compact') return 1;
  return kind === 'output' ? 3 : kind === 'hidden' ? 2 : 1;
}

/** The font size of a node's name inside its circle: as large as fits, at most the label size. */
export function nameFontSize(r: number, name: string): number {
  const chars = Math.max(1, [...name].length);
  return Math.min(TEXT.fontSize, (1.7 * r) / (chars * 0.62), r * 1.1);
}

/** The widest stroke for an edge: thinner when the columns are tight. */
export function maxEdgeWidth(g: NetworkLayout): number {
  return Math.round(clamp(g.spacing / 10, 2.5, 7) * 4) / 4;
}

/** Stroke opacity of edges: lighter as a block holds more edges, so crossings stay readable. */
export function edgeOpacity(g: NetworkLayout): number {
  let most = 0;
  for (let l = 0; l < g.depth; l++) most = Math.max(most, g.sizes[l] * g.sizes[l + 1]);
  return most <= 12 ? 1 : clamp(Math.sqrt(12 / most), 0.35, 1);
}

/** The smallest distance between the centres of two nodes (Infinity with fewer than two). */
export function minNodeDistance(g: NetworkLayout): number {
  let best = Infinity;
  for (let l = 0; l < g.sizes.length; l++) {
    if (g.sizes[l] > 1) best = Math.min(best, g.spacing);
    if (l > 0 && g.sizes[l] > 0 && g.sizes[l - 1] > 0) best = Math.min(best, g.columnX[l] - g.columnX[l - 1]);
  }
  return best;
}
