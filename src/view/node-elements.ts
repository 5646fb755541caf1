import type { Selection } from '../core/selection.ts';
import { lossAriaLabel, nodeAriaLabel } from './aria.ts';
import { contextFlags, FLAG, FORCE_LABEL, syncClasses, type BaseRecord, type RenderContext } from './element-state.ts';
import { BLANK, formatKnown, formatNumber } from './format.ts';
import { textWidth } from './label-placement.ts';
import { nameFontSize, TEXT } from './network-layout.ts';
import type { LossView, NodeView } from './network-view-model.ts';
import { setTooltip, svgChild } from './svg.ts';

/**
 * Nodes and the loss node: a focusable group (circle and name) in the drawing, and their
 * value text in the overlay (below the circle: a, δ, target; above it: z), scaled by 1/k
 * so it keeps its screen size under zoom.
 */

/** Classes of the elements whose state classes a draw writes (element-state.ts), besides those. */
const NODE_TEXT_CLASS = 'bp-node-text';
const LOSS_CLASS = 'bp-loss';
const LOSS_TEXT_CLASS = 'bp-node-text bp-loss-text';

interface NodeText {
  readonly below: SVGGElement;
  readonly above: SVGGElement;
  /** below: a, δ, target; above: z */
  readonly lines: readonly [SVGTextElement, SVGTextElement, SVGTextElement, SVGTextElement];
  /** each line's box of the background colour, sized to its text */
  readonly backs: readonly [SVGRectElement, SVGRectElement, SVGRectElement, SVGRectElement];
  readonly texts: [string, string, string, string];
  stamp: number;
  scrub: boolean;
}

export interface NodeRecord extends BaseRecord {
  readonly key: string;
  /** the group's classes besides those of its state: bp-node and its kind, as created */
  readonly cls: string;
  readonly circle: SVGCircleElement;
  readonly nameText: SVGTextElement;
  readonly text: NodeText;
  init: boolean;
  name: string;
  z: number;
  a: number;
  dLdz: number;
  dLda: number;
  selected: boolean;
  ariaKey: string;
}

function createText(layer: SVGGElement, selKey: string): NodeText {
  const below = svgChild(layer, 'g', NODE_TEXT_CLASS);
  below.setAttribute('data-sel', selKey);
  below.setAttribute('aria-hidden', 'true');
  const above = svgChild(layer, 'g', 'bp-node-text bp-node-text-above');
  above.setAttribute('aria-hidden', 'true');
  const h = TEXT.lineHeight;
  // the boxes before the text: every box paints before any line's glyphs (a line's halo alone
  // let an edge show between its glyphs, and a wider one cut into the line above)
  const backs = [
    backFor(below, h - 1),
    backFor(below, 2 * h - 1),
    backFor(below, 3 * h - 1),
    backFor(above, -4),
  ] as const;
  const make = (parent: SVGGElement, cls: string, y: number) => {
    const t = svgChild(parent, 'text', cls);
    t.setAttribute('y', String(y));
    return t;
  };
  const a = make(below, 'bp-text-a', h - 1);
  const d = make(below, 'bp-text-delta', 2 * h - 1);
  const y = make(below, 'bp-text-target', 3 * h - 1);
  const z = make(above, 'bp-text-z', -4);
  return { below, above, lines: [a, d, y, z], backs, texts: ['', '', '', ''], stamp: -1, scrub: false };
}

/** The box of the background colour behind a line of overlay text at `baseline` (empty until the line has text). */
function backFor(parent: SVGGElement, baseline: number): SVGRectElement {
  const r = svgChild(parent, 'rect', 'bp-text-back');
  r.setAttribute('y', String(baseline - TEXT.fontSize * 0.8));
  r.setAttribute('height', String(TEXT.lineHeight));
  r.setAttribute('width', '0');
  return r;
}

/** Sizes a line's box to its text, centred as the text is. */
function fitBack(back: SVGRectElement, text: string): void {
  const w = text === '' ? 0 : textWidth(text) + 4;
  back.setAttribute('x', String(-w / 2));
  back.setAttribute('width', String(w));
}

function setLines(t: NodeText, a: string, d: string, y: string, z: string): void {
  const next = [a, d, y, z];
  for (let n = 0; n < 4; n++) {
    if (t.texts[n] !== next[n]) {
      t.lines[n].textContent = next[n];
      fitBack(t.backs[n], next[n]);
      t.texts[n] = next[n];
    }
  }
}

function placeText(t: NodeText, x: number, y: number, r: number, ctx: RenderContext): void {
  if (t.stamp === ctx.labels) return;
  const s = 1 / ctx.k;
  t.below.setAttribute('transform', `translate(${x},${y + r}) scale(${s})`);
  t.above.setAttribute('transform', `translate(${x},${y - r}) scale(${s})`);
  t.stamp = ctx.labels;
}

/** Creates the focusable group of node (l, j), and its text in `textLayer`. */
export function createNodeRecord(g: SVGGElement, n: NodeView, selKey: string, textLayer: SVGGElement): NodeRecord {
  const cls = `bp-node bp-${n.kind}`;
  g.setAttribute('class', cls);
  g.setAttribute('data-node', n.key);
  g.setAttribute('data-sel', selKey);
  g.setAttribute('tabindex', '0');
  g.setAttribute('role', 'button');
  g.setAttribute('aria-pressed', 'false');
  const circle = svgChild(g, 'circle', 'bp-node-circle');
  const nameText = svgChild(g, 'text', 'bp-node-name');
  nameText.setAttribute('dy', '0.35em');
  const sel: Selection = { kind: 'node', l: n.l, j: n.j };
  return {
    key: n.key,
    cls,
    selKey,
    sel,
    g,
    circle,
    nameText,
    text: createText(textLayer, selKey),
    idx: 0,
    flags: 0,
    geom: -1,
    aria: '',
    init: false,
    name: '',
    z: NaN,
    a: NaN,
    dLdz: NaN,
    dLda: NaN,
    selected: false,
    ariaKey: '',
  };
}

/** Removes a node's overlay text along with its group. */
export function removeNodeRecord(rec: NodeRecord): void {
  rec.text.below.remove();
  rec.text.above.remove();
}

/** Brings a node's element and text up to date with its view. */
export function updateNode(rec: NodeRecord, n: NodeView, ctx: RenderContext): void {
  const g = rec.g;
  const first = !rec.init;
  if (first || !Object.is(rec.z, n.z)) g.setAttribute('data-z', String(n.z));
  if (first || !Object.is(rec.a, n.a)) g.setAttribute('data-a', String(n.a));
  if (first || !Object.is(rec.dLdz, n.dLdz)) g.setAttribute('data-dldz', String(n.dLdz));
  if (first || !Object.is(rec.dLda, n.dLda)) g.setAttribute('data-dlda', String(n.dLda));
  if (first || rec.selected !== n.selected) g.setAttribute('aria-pressed', String(n.selected));
  const { layout } = ctx;
  const at = layout.nodeOffset[n.l] + n.j;
  const x = layout.nodeX[at];
  const y = layout.nodeY[at];
  const r = layout.nodeRadius;
  if (rec.geom !== ctx.geom || rec.name !== n.name) {
    g.setAttribute('transform', `translate(${x},${y})`);
    rec.circle.setAttribute('r', String(r));
    rec.nameText.textContent = n.name;
    rec.nameText.setAttribute('font-size', String(nameFontSize(r, n.name)));
    rec.geom = ctx.geom;
    rec.text.stamp = -1;
  }
  const scrub = n.kind === 'input' && n.selected && ctx.scrubbable;
  const flags =
    (n.current ? FLAG.current : 0) |
    (n.selected ? FLAG.selected : 0) |
    (n.aKnown ? 0 : FLAG.blank) |
    (scrub ? FLAG.scrub : 0) |
    contextFlags(ctx, rec.selKey);
  syncClasses(g, rec.cls, rec.flags, flags);
  syncClasses(rec.text.below, NODE_TEXT_CLASS, rec.flags, flags);
  if ((rec.flags ^ flags) & FLAG.scrub) rec.text.below.toggleAttribute('data-scrub', scrub);
  rec.flags = flags;
  // The accessible name depends on every number shown; a cheap key avoids re-formatting it.
  const ariaKey = `${ctx.precision}|${n.name}|${n.z}|${n.a}|${n.dLdz}|${n.dLda}|${n.target}|${+n.zKnown}${+n.aKnown}${+n.deltaKnown}${+n.current}${+n.selected}`;
  if (ariaKey !== rec.ariaKey && !ctx.deferNames) {
    const aria = nodeAriaLabel(n, ctx.precision);
    if (aria !== rec.aria) {
      g.setAttribute('aria-label', aria);
      setTooltip(g, nodeAriaLabel(n, 'full'));
    }
    rec.aria = aria;
    rec.ariaKey = ariaKey;
  }
  rec.init = true;
  rec.name = n.name;
  rec.z = n.z;
  rec.a = n.a;
  rec.dLdz = n.dLdz;
  rec.dLda = n.dLda;
  rec.selected = n.selected;

  const mode = flags & FORCE_LABEL ? 'full' : ctx.textMode;
  placeText(rec.text, x, y, r, ctx);
  if (mode === 'minimal') {
    setLines(rec.text, '', '', '', '');
    return;
  }
  const aLine =
    mode === 'compact'
      ? formatKnown(n.a, n.aKnown, ctx.precision)
      : `${n.kind === 'input' ? 'x' : 'a'} = ${formatKnown(n.a, n.aKnown, ctx.precision)}`;
  const full = mode === 'full';
  const dLine = full && n.kind !== 'input' ? `δ = ${formatKnown(n.dLdz, n.deltaKnown, ctx.precision)}` : '';
  const yLine = full && n.target !== null ? `${n.targetName ?? 'y'} = ${formatNumber(n.target, ctx.precision)}` : '';
  // The z a step has just computed is shown even with "show z" off: a step never changes nothing but the ring.
  const zLine =
    (full || n.currentPart === 'z') && (ctx.showZ || n.currentPart === 'z') && n.kind !== 'input'
      ? `z = ${formatKnown(n.z, n.zKnown, ctx.precision)}`
      : '';
  setLines(rec.text, aLine, dLine, yLine, zLine);
}

export interface LossRecord extends BaseRecord {
  readonly circle: SVGCircleElement;
  readonly valueText: SVGTextElement;
  readonly valueBack: SVGRectElement;
  readonly textGroup: SVGGElement;
  value: number;
  text: string;
  textStamp: number;
  /** where the value text's transform was last written (its x, in layout units) */
  textX: number;
  ariaKey: string;
}

/** Creates the loss node's focusable group, and its value text in `textLayer`. */
export function createLossRecord(g: SVGGElement, textLayer: SVGGElement): LossRecord {
  g.setAttribute('class', LOSS_CLASS);
  g.setAttribute('data-loss', '');
  g.setAttribute('data-sel', 'loss');
  g.setAttribute('tabindex', '0');
  g.setAttribute('role', 'button');
  g.setAttribute('aria-pressed', 'false');
  const circle = svgChild(g, 'circle', 'bp-loss-circle');
  const name = svgChild(g, 'text', 'bp-node-name');
  name.setAttribute('dy', '0.35em');
  name.textContent = 'L';
  const textGroup = svgChild(textLayer, 'g', LOSS_TEXT_CLASS);
  textGroup.setAttribute('data-sel', 'loss');
  textGroup.setAttribute('aria-hidden', 'true');
  const valueBack = backFor(textGroup, TEXT.lineHeight - 1);
  const valueText = svgChild(textGroup, 'text', 'bp-text-a');
  valueText.setAttribute('y', String(TEXT.lineHeight - 1));
  return {
    selKey: 'loss',
    sel: { kind: 'loss' },
    g,
    circle,
    valueText,
    valueBack,
    textGroup,
    idx: 0,
    flags: 0,
    geom: -1,
    aria: '',
    value: NaN,
    text: '',
    textStamp: -1,
    textX: NaN,
    ariaKey: '',
  };
}

/** Brings the loss node up to date. */
export function updateLoss(rec: LossRecord, loss: LossView, lossFunction: string, ctx: RenderContext): void {
  const g = rec.g;
  if (rec.geom !== ctx.geom) {
    const { x, y, r } = ctx.layout.loss;
    g.setAttribute('transform', `translate(${x},${y})`);
    rec.circle.setAttribute('r', String(r));
    (g.lastChild as SVGTextElement).setAttribute('font-size', String(nameFontSize(r, 'L')));
    rec.geom = ctx.geom;
    rec.textStamp = -1;
  }
  const text = `L = ${loss.known ? formatNumber(loss.value, ctx.precision) : BLANK}`;
  if (rec.textStamp !== ctx.labels || text !== rec.text) {
    const { x, y, r } = ctx.layout.loss;
    // centred under the node, but never past the diagram's right edge: the layout leaves room for
    // "L = 0.4312", and a loss such as "L = 7.306×10⁻¹⁰" is wider (its last digits were cut off)
    const over = x + (textWidth(text) / 2 + 2) / ctx.k - ctx.layout.width;
    const at = over > 0 ? x - over : x;
    // a drag changes the value every frame, its place seldom: the transform is written when it moves
    if (rec.textStamp !== ctx.labels || at !== rec.textX)
      rec.textGroup.setAttribute('transform', `translate(${at},${y + r}) scale(${1 / ctx.k})`);
    rec.textX = at;
    rec.textStamp = ctx.labels;
  }
  if (!Object.is(rec.value, loss.value)) {
    g.setAttribute('data-loss', String(loss.value));
    rec.value = loss.value;
  }
  const flags =
    (loss.current ? FLAG.current : 0) |
    (loss.selected ? FLAG.selected : 0) |
    (loss.known ? 0 : FLAG.blank) |
    contextFlags(ctx, 'loss');
  if ((rec.flags ^ flags) & FLAG.selected) g.setAttribute('aria-pressed', String(loss.selected));
  syncClasses(g, LOSS_CLASS, rec.flags, flags);
  syncClasses(rec.textGroup, LOSS_TEXT_CLASS, rec.flags, flags);
  rec.flags = flags;
  if (text !== rec.text) {
    rec.valueText.textContent = text;
    fitBack(rec.valueBack, text);
    rec.text = text;
  }
  const ariaKey = `${ctx.precision}|${loss.value}|${loss.sampleValue}|${+loss.known}${+loss.current}${+loss.selected}|${lossFunction}`;
  if (ariaKey !== rec.ariaKey && !ctx.deferNames) {
    rec.aria = lossAriaLabel(loss, lossFunction, ctx.precision);
    g.setAttribute('aria-label', rec.aria);
    // each output's term of the sample's loss, as the tutorials add them (Mazur's E_o1 + E_o2)
    const terms =
      loss.known && loss.terms.length > 0
        ? `\nthe sample's loss, output by output: ${loss.terms.map((t) => `l(${t.name})`).join(' + ')} = ${loss.terms
            .map((t) => formatNumber(t.value, 'full'))
            .join(' + ')} = ${formatNumber(loss.sampleValue, 'full')}`
        : '';
    setTooltip(g, lossAriaLabel(loss, lossFunction, 'full') + terms);
    rec.ariaKey = ariaKey;
  }
}
