import type { Precision } from '../core/format-number.ts';
import type { Selection } from '../core/selection.ts';
import { biasAriaLabel, edgeAriaLabel } from './aria.ts';
import {
  contextFlags,
  FLAG,
  FORCE_LABEL,
  signFlag,
  syncClasses,
  type BaseRecord,
  type RenderContext,
} from './element-state.ts';
import { BLANK, formatNumber } from './format.ts';
import { PAD_X, textWidth } from './label-placement.ts';
import { biasSegment, edgeSegment, TEXT, type Segment } from './network-layout.ts';
import type { BiasView, EdgeView } from './network-view-model.ts';
import { lockPath, setTooltip, svgChild } from './svg.ts';

/**
 * Edges and bias links: a focusable group holding a wide halo line (hit area, focus and
 * highlight glow) and the visible line; the value label lives in the overlay and is created
 * the first time it is shown. Updates compare against the last values written and touch
 * only what changed.
 */

interface ParamLabel {
  readonly g: SVGGElement;
  /** the opaque background: no line runs through the text */
  readonly bg: SVGRectElement;
  /**
   * From the label to its line, when the label sits off it: in the leader layer, beneath nodes,
   * their text and the labels (network-view.ts), with the label's transform.
   */
  readonly leader: SVGLineElement;
  /** the label sits off its line: its leader shows with it */
  off: boolean;
  box: string;
  readonly value: SVGTextElement;
  readonly grad: SVGTextElement;
  lock: SVGPathElement | null;
  flags: number;
  valueText: string;
  gradText: string;
  transform: string;
  top: boolean;
}

export interface ParamRecord extends BaseRecord {
  readonly kind: 'edge' | 'bias';
  readonly key: string;
  readonly halo: SVGLineElement;
  readonly line: SVGLineElement;
  /** a thin band along the segment: gives a horizontal or vertical edge a box with area, as tools and tests measure visibility */
  readonly band: SVGPolygonElement;
  label: ParamLabel | null;
  shown: boolean;
  labelStamp: number;
  strokeWidth: number;
  // last values written, to diff against
  init: boolean;
  /** the accessible name at full precision: the tooltip of the element and its label */
  tooltip: string;
  /** the precision the accessible name was written at */
  precision: Precision | null;
  /** the accessible name and tooltip are behind the values (a drag deferred them) */
  namesStale: boolean;
  name: string;
  value: number;
  after: number;
  grad: number;
  gradKnown: boolean;
  updated: boolean;
  frozen: boolean;
  current: boolean;
  selected: boolean;
  /** frozen and selected as the accessible name last said (it may wait while values stream) */
  namedFrozen: boolean;
  namedSelected: boolean;
}

type Param = EdgeView | BiasView;

/** The classes of a parameter's group and of its label, besides those of its state (element-state.ts). */
const EDGE_CLASS = 'bp-edge';
const BIAS_CLASS = 'bp-bias';
const EDGE_LABEL_CLASS = 'bp-label bp-edge-label';
const BIAS_LABEL_CLASS = 'bp-label bp-bias-label';
/** State classes of a parameter's group that no style reads: they catch up with its names after a stream. */
const NAMED_FLAGS = FLAG.updated | FLAG.blank;

function isEdge(p: Param): p is EdgeView {
  return 'weight' in p;
}

/** The selection a parameter's element stands for. */
export function paramSelection(p: Param): Selection {
  return isEdge(p) ? { kind: 'edge', l: p.l, j: p.j, i: p.i } : { kind: 'bias', l: p.l, j: p.j };
}

/** Creates the focusable group of an edge or bias link inside `parent`. */
export function createParamRecord(g: SVGGElement, p: Param, selKey: string): ParamRecord {
  const edge = isEdge(p);
  g.setAttribute('class', edge ? EDGE_CLASS : BIAS_CLASS);
  g.setAttribute(edge ? 'data-edge' : 'data-bias', p.key);
  g.setAttribute('data-sel', selKey);
  g.setAttribute('tabindex', '0');
  g.setAttribute('role', 'button');
  g.setAttribute('aria-pressed', 'false');
  const halo = svgChild(g, 'line', 'bp-halo');
  const line = svgChild(g, 'line', 'bp-line');
  const band = svgChild(g, 'polygon', 'bp-band');
  return {
    kind: edge ? 'edge' : 'bias',
    key: p.key,
    selKey,
    sel: paramSelection(p),
    g,
    halo,
    line,
    band,
    idx: 0,
    flags: 0,
    geom: -1,
    aria: '',
    tooltip: '',
    precision: null,
    namesStale: false,
    label: null,
    shown: false,
    labelStamp: -1,
    strokeWidth: -1,
    init: false,
    name: '',
    value: NaN,
    after: NaN,
    grad: NaN,
    gradKnown: false,
    updated: false,
    frozen: false,
    current: false,
    selected: false,
    namedFrozen: false,
    namedSelected: false,
  };
}

function segmentOf(p: Param, ctx: RenderContext): Segment {
  return isEdge(p) ? edgeSegment(ctx.layout, p.l, p.j, p.i) : biasSegment(ctx.layout, p.l, p.j);
}

function setLine(el: SVGLineElement, s: Segment): void {
  el.setAttribute('x1', String(s.x1));
  el.setAttribute('y1', String(s.y1));
  el.setAttribute('x2', String(s.x2));
  el.setAttribute('y2', String(s.y2));
}

/** The corners of a band `half` wide either side of the segment. */
function setBand(el: SVGPolygonElement, s: Segment, half: number): void {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len = Math.hypot(dx, dy) || 1;
  const nx = (-dy / len) * half;
  const ny = (dx / len) * half;
  el.setAttribute(
    'points',
    `${s.x1 + nx},${s.y1 + ny} ${s.x2 + nx},${s.y2 + ny} ${s.x2 - nx},${s.y2 - ny} ${s.x1 - nx},${s.y1 - ny}`,
  );
}

function createLabel(rec: ParamRecord, ctx: RenderContext): ParamLabel {
  const g = svgChild(ctx.labelLayer, 'g', rec.kind === 'edge' ? EDGE_LABEL_CLASS : BIAS_LABEL_CLASS);
  g.setAttribute('data-sel', rec.selKey);
  g.setAttribute('aria-hidden', 'true');
  const leader = svgChild(ctx.leaderLayer, 'line', 'bp-leader');
  leader.setAttribute('data-sel', rec.selKey);
  leader.setAttribute('display', 'none');
  const bg = svgChild(g, 'rect', 'bp-label-bg');
  if (rec.tooltip) setTooltip(g, rec.tooltip);
  const value = svgChild(g, 'text', 'bp-label-value');
  value.setAttribute('y', '-3');
  const grad = svgChild(g, 'text', 'bp-label-grad');
  grad.setAttribute('y', String(TEXT.lineHeight - 2));
  return {
    g,
    bg,
    leader,
    off: false,
    box: '',
    value,
    grad,
    lock: null,
    flags: 0,
    valueText: '',
    gradText: '',
    transform: '',
    top: false,
  };
}

/** Brings an edge's or bias's element up to date with its view. */
export function updateParam(rec: ParamRecord, p: Param, ctx: RenderContext): void {
  const g = rec.g;
  const value = isEdge(p) ? p.weight : (p as BiasView).value;
  const after = isEdge(p) ? p.weightAfter : (p as BiasView).valueAfter;
  const first = !rec.init;
  if (first || rec.selected !== p.selected) g.setAttribute('aria-pressed', String(p.selected));
  if (first || rec.frozen !== p.frozen) g.toggleAttribute('data-frozen', p.frozen);
  rec.selected = p.selected;
  rec.frozen = p.frozen;
  if (rec.geom !== ctx.geom) {
    const s = segmentOf(p, ctx);
    setLine(rec.halo, s);
    setBand(rec.band, s, 2);
    setLine(rec.line, s);
    rec.geom = ctx.geom;
  }
  const shownValue = p.updated ? after : value;
  const w = ctx.width(shownValue);
  if (w !== rec.strokeWidth) {
    rec.line.setAttribute('stroke-width', String(w));
    rec.strokeWidth = w;
  }
  const flags =
    signFlag(shownValue) |
    (p.current ? FLAG.current : 0) |
    (p.selected ? FLAG.selected : 0) |
    (p.frozen ? FLAG.frozen : 0) |
    (p.updated ? FLAG.updated : 0) |
    (p.gradKnown ? 0 : FLAG.blank) |
    (p.selected && ctx.scrubbable ? FLAG.scrub : 0) |
    contextFlags(ctx, rec.selKey);
  // The group's updated and blank classes have no style of their own (its label shows them, by
  // its own classes): while values stream they wait with the names, so a run's start, which marks
  // every parameter updated and known, writes no class on a group whose line looks the same.
  const groupFlags = ctx.deferNames && !first ? (flags & ~NAMED_FLAGS) | (rec.flags & NAMED_FLAGS) : flags;
  syncClasses(g, rec.kind === 'edge' ? EDGE_CLASS : BIAS_CLASS, rec.flags, groupFlags);
  rec.flags = groupFlags;
  // The numbers in data-* and the names wait while values stream (a drag, a run's reports): a
  // frame writes only what is drawn; they catch up when the stream rests or ends.
  if (first || !ctx.deferNames) writeNumbersAndNames(rec, p, ctx, value, after);
  else rec.namesStale = true;
  updateLabel(rec, p, ctx, shownValue, flags);
}

/** The parameter's numbers as data-* attributes, its accessible name and its tooltip, where they changed. */
function writeNumbersAndNames(rec: ParamRecord, p: Param, ctx: RenderContext, value: number, after: number): void {
  const g = rec.g;
  const edge = rec.kind === 'edge';
  const first = !rec.init;
  let ariaStale =
    first ||
    rec.namesStale ||
    rec.precision !== ctx.precision ||
    rec.name !== p.name ||
    rec.updated !== p.updated ||
    rec.gradKnown !== p.gradKnown ||
    rec.namedFrozen !== p.frozen ||
    rec.current !== p.current ||
    rec.namedSelected !== p.selected;
  if (first || !Object.is(rec.value, value)) {
    g.setAttribute(edge ? 'data-weight' : 'data-value', String(value));
    ariaStale = true;
  }
  // The value after the step is written once this parameter's update is done (not before).
  if (p.updated && (first || !rec.updated || !Object.is(rec.after, after))) {
    g.setAttribute(edge ? 'data-weight-after' : 'data-value-after', String(after));
    ariaStale = true;
  } else if (!p.updated && rec.updated) {
    g.removeAttribute(edge ? 'data-weight-after' : 'data-value-after');
  }
  if (first || !Object.is(rec.grad, p.grad)) {
    g.setAttribute('data-grad', String(p.grad));
    ariaStale = ariaStale || p.gradKnown;
  }
  if (ariaStale) {
    rec.precision = ctx.precision;
    const aria = isEdge(p) ? edgeAriaLabel(p, ctx.precision) : biasAriaLabel(p as BiasView, ctx.precision);
    if (aria !== rec.aria) {
      g.setAttribute('aria-label', aria);
      rec.aria = aria;
      rec.tooltip = isEdge(p) ? edgeAriaLabel(p, 'full') : biasAriaLabel(p as BiasView, 'full');
      setTooltip(g, rec.tooltip);
      if (rec.label) setTooltip(rec.label.g, rec.tooltip);
    }
  }
  rec.namesStale = false;
  rec.init = true;
  rec.name = p.name;
  rec.value = value;
  rec.after = after;
  rec.grad = p.grad;
  rec.gradKnown = p.gradKnown;
  rec.updated = p.updated;
  rec.namedFrozen = p.frozen;
  rec.current = p.current;
  rec.namedSelected = p.selected;
}

function updateLabel(rec: ParamRecord, p: Param, ctx: RenderContext, shownValue: number, flags: number): void {
  const pl = ctx.placement;
  const placed = rec.kind === 'edge' ? pl.edgeVisible[p.index] === 1 : pl.biasVisible[p.index] === 1;
  const labelIdx = rec.kind === 'edge' ? p.index : pl.edgeX.length + p.index;
  const covered = ctx.covered.has(labelIdx);
  const show = (placed && !covered) || (flags & FORCE_LABEL) !== 0 || related(p, ctx);
  if (!show) {
    if (rec.shown && rec.label) {
      rec.label.g.setAttribute('display', 'none');
      if (rec.label.off) rec.label.leader.setAttribute('display', 'none');
    }
    rec.shown = false;
    return;
  }
  const label = rec.label ?? (rec.label = createLabel(rec, ctx));
  if (!rec.shown) {
    label.g.removeAttribute('display');
    if (label.off) label.leader.removeAttribute('display');
    rec.shown = true;
  }
  if (label.top !== !placed) {
    (placed ? ctx.labelLayer : ctx.topLayer).appendChild(label.g);
    label.top = !placed;
  }
  // A placed label that must show where it is to give way takes its second spot.
  const move = placed && covered ? pl.moves.get(labelIdx) : undefined;
  const x = move ? move.x : rec.kind === 'edge' ? pl.edgeX[p.index] : pl.biasX[p.index];
  const y = move ? move.y : rec.kind === 'edge' ? pl.edgeY[p.index] : pl.biasY[p.index];
  const stamp = ctx.labels * 2 + (move ? 1 : 0);
  if (rec.labelStamp !== stamp) {
    const t = `translate(${x},${y}) scale(${1 / ctx.k})`;
    if (t !== label.transform) {
      label.g.setAttribute('transform', t);
      label.leader.setAttribute('transform', t);
      label.transform = t;
    }
    rec.labelStamp = stamp;
  }
  const arrow = p.updated ? '→ ' : '';
  const num = formatNumber(shownValue, ctx.precision);
  // A placed label keeps to its box (named where the placement found room for its name; at its
  // second spot, where every label is named, as that spot's box is); one shown on demand carries its name.
  const named = placed && (move ? pl.named : pl.labelNamed[labelIdx] === 1);
  const valueText = named || !placed ? `${p.name} ${p.updated ? '→' : '='} ${num}` : arrow + num;
  if (valueText !== label.valueText) {
    label.value.textContent = valueText;
    label.valueText = valueText;
    if (label.lock) positionLock(label);
  }
  const gradText = `∇ ${p.gradKnown ? formatNumber(p.grad, ctx.precision) : BLANK}`;
  if (gradText !== label.gradText) {
    label.grad.textContent = gradText;
    label.gradText = gradText;
  }
  // Box and leader in the label's own units (screen pixels): the placement's box times k.
  const w = Math.max(
    (named && !move ? pl.labelNamedWidth[labelIdx] : pl.boxWidth) * ctx.k,
    Math.max(textWidth(label.valueText), textWidth(label.gradText)) + 2 * PAD_X,
  );
  const h = pl.boxHeight * ctx.k;
  const px = ((move ? move.px : rec.kind === 'edge' ? pl.edgePX[p.index] : pl.biasPX[p.index]) - x) * ctx.k;
  const py = ((move ? move.py : rec.kind === 'edge' ? pl.edgePY[p.index] : pl.biasPY[p.index]) - y) * ctx.k;
  const off = Math.abs(px) > w / 2 || Math.abs(py) > h / 2;
  const box = `${w}|${h}|${off ? `${px}|${py}` : ''}`;
  if (box !== label.box) {
    label.bg.setAttribute('x', String(-w / 2));
    label.bg.setAttribute('y', String(-h / 2 - 0.5));
    label.bg.setAttribute('width', String(w));
    label.bg.setAttribute('height', String(h));
    if (off) {
      label.leader.setAttribute('x1', String(Math.max(-w / 2, Math.min(w / 2, px))));
      label.leader.setAttribute('y1', String(Math.max(-h / 2, Math.min(h / 2, py))));
      label.leader.setAttribute('x2', String(px));
      label.leader.setAttribute('y2', String(py));
      if (!label.off) label.leader.removeAttribute('display');
    } else if (label.off) {
      label.leader.setAttribute('display', 'none');
    }
    label.off = off;
    label.box = box;
  }
  if (p.frozen && !label.lock) {
    label.lock = svgChild(label.g, 'path', 'bp-lock');
    positionLock(label);
  } else if (!p.frozen && label.lock) {
    label.lock.remove();
    label.lock = null;
  }
  syncClasses(label.g, rec.kind === 'edge' ? EDGE_LABEL_CLASS : BIAS_LABEL_CLASS, label.flags, flags);
  if ((label.flags ^ flags) & FLAG.scrub) label.g.toggleAttribute('data-scrub', (flags & FLAG.scrub) !== 0);
  label.flags = flags;
}

/** Removes a parameter's label and its leader (both live outside the parameter's group). */
export function removeLabel(rec: ParamRecord): void {
  rec.label?.g.remove();
  rec.label?.leader.remove();
}

/** The parameter is on the fan-in or fan-out of the selected node: its label shows even when the placement hid it. */
/** Whether a parameter's label shows for the selected node (its fan-in and fan-out). */
export function related(p: Param, ctx: Pick<RenderContext, 'selectedNode'>): boolean {
  const n = ctx.selectedNode;
  if (!n) return false;
  if (p.l + 1 === n.l && p.j === n.j) return true;
  return isEdge(p) && p.l === n.l && p.i === n.j;
}

function positionLock(label: ParamLabel): void {
  if (!label.lock) return;
  const half = ([...label.valueText].length * TEXT.charWidth) / 2;
  label.lock.setAttribute('d', lockPath(-half - 7, -7, 9));
}
