import type { Precision } from '../core/format-number.ts';
import type { Selection } from '../core/selection.ts';
import type { LabelPlacement } from './label-placement.ts';
import type { NetworkLayout, NodeTextMode } from './network-layout.ts';
import type { WidthScale } from './scales.ts';
import { signOf } from './scales.ts';

/**
 * State flags of a diagram element, each mirrored by one class. The view computes an
 * element's flags on every update and touches classList only for the bits that changed.
 */
export const FLAG = {
  current: 1,
  selected: 2,
  frozen: 4,
  updated: 8,
  highlighted: 16,
  blank: 32,
  pos: 64,
  neg: 128,
  zero: 256,
  nan: 512,
  hovered: 1024,
  scrub: 2048,
  focused: 4096,
} as const;

const FLAG_CLASSES: readonly (readonly [number, string])[] = [
  [FLAG.current, 'bp-current'],
  [FLAG.selected, 'bp-selected'],
  [FLAG.frozen, 'bp-frozen'],
  [FLAG.updated, 'bp-updated'],
  [FLAG.highlighted, 'bp-highlighted'],
  [FLAG.blank, 'bp-blank'],
  [FLAG.pos, 'bp-pos'],
  [FLAG.neg, 'bp-neg'],
  [FLAG.zero, 'bp-zero'],
  [FLAG.nan, 'bp-nan'],
  [FLAG.hovered, 'bp-hovered'],
  [FLAG.scrub, 'bp-scrubbable'],
  [FLAG.focused, 'bp-focused'],
];

/** Flags that force a hidden label to show. */
export const FORCE_LABEL = FLAG.current | FLAG.selected | FLAG.highlighted | FLAG.hovered | FLAG.focused;

/** Each base class string's class attribute per flag set, built once: a draw looks them up. */
const classCache = new Map<string, Map<number, string>>();

/** The class attribute of an element with classes `base` and state `flags`: the base, then one class per flag. */
export function classFor(base: string, flags: number): string {
  let byFlags = classCache.get(base);
  if (byFlags === undefined) classCache.set(base, (byFlags = new Map()));
  let cls = byFlags.get(flags);
  if (cls === undefined) {
    cls = base;
    for (const [bit, name] of FLAG_CLASSES) if (flags & bit) cls += ` ${name}`;
    byFlags.set(flags, cls);
  }
  return cls;
}

/**
 * Writes an element's classes when its flags changed: one write of the whole attribute,
 * however many flags changed (a run's start marks 1,040 edges updated and known at once:
 * a toggle per flag was twice the DOM writes and style invalidations).
 */
export function syncClasses(el: Element, base: string, prev: number, next: number): void {
  if (prev !== next) el.setAttribute('class', classFor(base, next));
}

/** The sign bit of a value. */
export function signFlag(x: number): number {
  switch (signOf(x)) {
    case 'pos':
      return FLAG.pos;
    case 'neg':
      return FLAG.neg;
    case 'zero':
      return FLAG.zero;
    default:
      return FLAG.nan;
  }
}

/** Everything an element's update needs besides its own view model. */
export interface RenderContext {
  readonly layout: NetworkLayout;
  /** bumped whenever the layout changes: elements re-write their geometry when theirs differs */
  readonly geom: number;
  readonly placement: LabelPlacement;
  /** bumped whenever label anchors or the zoom change */
  readonly labels: number;
  /** zoom factor; overlay text is scaled by 1/k to keep its screen size */
  readonly k: number;
  readonly textMode: NodeTextMode;
  readonly width: WidthScale;
  readonly hoverKey: string | null;
  readonly focusKey: string | null;
  readonly highlight: ReadonlySet<string>;
  readonly scrubbable: boolean;
  readonly showZ: boolean;
  /** the selected node, whose fan-in and fan-out labels show even where the placement hid them */
  readonly selectedNode: { readonly l: number; readonly j: number } | null;
  /** placed labels giving way to a label shown on demand for the selection or the current step (label index: weights, then biases) */
  readonly covered: ReadonlySet<number>;
  /** significant digits of every number drawn */
  readonly precision: Precision;
  /**
   * A drag is under way: accessible names and tooltips (full-precision text nobody reads mid-drag)
   * wait, and catch up when the drag rests or ends; the numbers drawn never wait.
   */
  readonly deferNames: boolean;
  /** overlay groups: labels placed by the layout, and labels forced on top of them */
  readonly labelLayer: SVGGElement;
  readonly topLayer: SVGGElement;
  /** the labels' leaders, beneath everything else drawn: nodes, their text, headers and labels hide them */
  readonly leaderLayer: SVGGElement;
}

/** The transient flags of an element from the context: hovered, focused, highlighted. */
export function contextFlags(ctx: RenderContext, selKey: string): number {
  return (
    (ctx.hoverKey === selKey ? FLAG.hovered : 0) |
    (ctx.focusKey === selKey ? FLAG.focused : 0) |
    (ctx.highlight.has(selKey) ? FLAG.highlighted : 0)
  );
}

/** Common fields of every element record. */
export interface BaseRecord {
  readonly selKey: string;
  readonly sel: Selection;
  readonly g: SVGGElement;
  /** position of its view in the model's array, for refreshing it alone */
  idx: number;
  flags: number;
  geom: number;
  aria: string;
}
