import type { Selection } from '../core/selection.ts';
import { selectionKey } from '../core/selection.ts';

/**
 * The keyboard shortcuts of a lesson, as one table: the help dialog lists it and the
 * shortcut hook matches key presses against it. Pure: no DOM, no store.
 */

export type ShortcutAction =
  | 'step-forward'
  | 'step-back'
  | 'start'
  | 'end'
  | 'phase-forward'
  | 'phase-loss'
  | 'phase-backward'
  | 'phase-update'
  | 'play-pause'
  | 'next-iteration'
  | 'select-next'
  | 'select-previous'
  | 'edit'
  | 'clear-selection'
  | 'help'
  | 'presentation'
  | 'theme'
  | 'lesson-next'
  | 'lesson-previous';

/**
 * What has the keyboard focus, as far as shortcuts care: a field one types into (no
 * shortcut fires), a slider or a region that scrolls sideways (arrows, Home and End move
 * it), a button or checkbox (Space and Enter press it), or anything else.
 */
export type TargetKind = 'text' | 'slider' | 'button' | 'other';

export interface Chord {
  /** KeyboardEvent.key; a letter matches either case */
  readonly key: string;
  /** Ctrl (or ⌘ on a Mac) held */
  readonly ctrl?: boolean;
  /** Shift held; left out, either */
  readonly shift?: boolean;
  /** where the key belongs to the focused control instead */
  readonly nativeOn?: readonly TargetKind[];
}

export type ShortcutGroup = 'Stepping' | 'Lesson' | 'Selection and editing' | 'Undo' | 'View';
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  'Stepping',
  'Lesson',
  'Selection and editing',
  'Undo',
  'View',
];

export interface Shortcut {
  readonly keys: readonly Chord[];
  readonly description: string;
  readonly group: ShortcutGroup;
  /** null: listed in the help only; the browser or another part of the app handles the key */
  readonly action: ShortcutAction | null;
}

const ON_SLIDER: readonly TargetKind[] = ['slider'];
const ON_BUTTON: readonly TargetKind[] = ['button'];

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: [{ key: 'ArrowRight', nativeOn: ON_SLIDER }],
    description: 'Step forward',
    group: 'Stepping',
    action: 'step-forward',
  },
  {
    keys: [{ key: 'ArrowLeft', nativeOn: ON_SLIDER }],
    description: 'Step back',
    group: 'Stepping',
    action: 'step-back',
  },
  {
    keys: [{ key: ' ', nativeOn: ON_BUTTON }],
    description: 'Play or pause (when the focus is not on a button)',
    group: 'Stepping',
    action: 'play-pause',
  },
  { keys: [{ key: '1' }], description: 'Jump to the forward pass', group: 'Stepping', action: 'phase-forward' },
  { keys: [{ key: '2' }], description: 'Jump to the loss', group: 'Stepping', action: 'phase-loss' },
  { keys: [{ key: '3' }], description: 'Jump to the backward pass', group: 'Stepping', action: 'phase-backward' },
  { keys: [{ key: '4' }], description: 'Jump to the update', group: 'Stepping', action: 'phase-update' },
  {
    keys: [{ key: 'Home', nativeOn: ON_SLIDER }],
    description: 'Back to the start of the iteration',
    group: 'Stepping',
    action: 'start',
  },
  {
    keys: [{ key: 'End', nativeOn: ON_SLIDER }],
    description: 'Jump to the end of the iteration',
    group: 'Stepping',
    action: 'end',
  },
  {
    keys: [{ key: 'n' }],
    description: 'Next iteration (once this one is complete)',
    group: 'Stepping',
    action: 'next-iteration',
  },

  // PageDown and PageUp: what a presenter's clicker sends, and no other shortcut's key.
  {
    keys: [{ key: 'PageDown' }],
    description: 'Next step of the lesson (once its question is answered)',
    group: 'Lesson',
    action: 'lesson-next',
  },
  { keys: [{ key: 'PageUp' }], description: 'Previous step of the lesson', group: 'Lesson', action: 'lesson-previous' },

  {
    keys: [{ key: 'Tab' }, { key: 'Tab', shift: true }],
    description: 'Move the focus; on the diagram, node by node and edge by edge through the network',
    group: 'Selection and editing',
    action: null,
  },
  {
    keys: [{ key: ']' }],
    description: 'Select the next node, edge or bias in network order',
    group: 'Selection and editing',
    action: 'select-next',
  },
  {
    keys: [{ key: '[' }],
    description: 'Select the previous node, edge or bias',
    group: 'Selection and editing',
    action: 'select-previous',
  },
  {
    keys: [{ key: 'Enter', nativeOn: ON_BUTTON }, { key: 'e' }],
    description: 'Edit the selected weight, bias, input or target',
    group: 'Selection and editing',
    action: 'edit',
  },
  {
    keys: [{ key: 'Escape' }],
    description: 'Clear the selection; close a dialog',
    group: 'Selection and editing',
    action: 'clear-selection',
  },

  { keys: [{ key: 'z', ctrl: true, shift: false }], description: 'Undo', group: 'Undo', action: null },
  {
    keys: [
      { key: 'z', ctrl: true, shift: true },
      { key: 'y', ctrl: true, shift: false },
    ],
    description: 'Redo',
    group: 'Undo',
    action: null,
  },

  { keys: [{ key: '?' }], description: 'Show these shortcuts', group: 'View', action: 'help' },
  {
    keys: [{ key: 'p' }],
    description: 'Presentation mode on or off (large type, full screen)',
    group: 'View',
    action: 'presentation',
  },
  { keys: [{ key: 't' }], description: 'Colour theme: system, light, dark', group: 'View', action: 'theme' },
];

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  /** KeyboardEvent.code: the physical key */
  readonly code?: string;
}

/** The physical key of a chord's character on a US layout: "KeyN", "Digit3", "BracketRight". */
function usCode(key: string): string | null {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return key === ']' ? 'BracketRight' : key === '[' ? 'BracketLeft' : null;
}

function sameKey(c: Chord, ev: KeyInput): boolean {
  if (c.key.length !== 1 || ev.key.length !== 1) return c.key === ev.key;
  if (c.key.toLowerCase() === ev.key.toLowerCase()) return true;
  // A layout that types something else there (Cyrillic, Greek, ü…): the physical key.
  return !/^[\x20-\x7e]$/.test(ev.key) && ev.code !== undefined && ev.code === usCode(c.key);
}

/** True when a key press is this chord (the focus aside). */
export function chordMatches(c: Chord, ev: KeyInput): boolean {
  if (!sameKey(c, ev) || ev.altKey) return false;
  if ((ev.ctrlKey || ev.metaKey) !== (c.ctrl ?? false)) return false;
  return c.shift === undefined || c.shift === ev.shiftKey;
}

/** The action of a key press with the focus on `target`, or null: none, or the focused control's own. */
export function matchShortcut(
  ev: KeyInput,
  target: TargetKind,
  table: readonly Shortcut[] = SHORTCUTS,
): ShortcutAction | null {
  if (target === 'text') return null;
  for (const s of table) {
    const chord = s.keys.find((c) => chordMatches(c, ev));
    if (!chord) continue;
    if (chord.nativeOn?.includes(target)) return null;
    return s.action;
  }
  return null;
}

const KEY_LABELS: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ' ': 'Space',
  Escape: 'Esc',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
};

/** How the help writes a chord: "Ctrl+Shift+Z", "→", "Space", "N". */
export function chordLabel(c: Chord): string {
  const key = KEY_LABELS[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  return `${c.ctrl ? 'Ctrl+' : ''}${c.shift ? 'Shift+' : ''}${key}`;
}

/** The first key of an action, for a button's title ("Step forward (→)"). */
export function shortcutLabel(action: ShortcutAction, table: readonly Shortcut[] = SHORTCUTS): string | null {
  const s = table.find((x) => x.action === action);
  return s ? chordLabel(s.keys[0]) : null;
}

/**
 * Every selectable element of a network in the diagram's document order, which is its Tab
 * order: the input nodes; then per layer the weights into it (by node j, then source i), its
 * bias links and its nodes; the loss last. `sizes[l]` is the size of layer l and
 * `hasBias[l]` whether layer l + 1 has biases.
 */
export function networkOrder(sizes: ArrayLike<number>, hasBias: ArrayLike<number | boolean>): Selection[] {
  const order: Selection[] = [];
  for (let j = 0; j < sizes[0]; j++) order.push({ kind: 'node', l: 0, j });
  for (let l = 0; l + 1 < sizes.length; l++) {
    for (let j = 0; j < sizes[l + 1]; j++) for (let i = 0; i < sizes[l]; i++) order.push({ kind: 'edge', l, j, i });
    if (hasBias[l]) for (let j = 0; j < sizes[l + 1]; j++) order.push({ kind: 'bias', l, j });
    for (let j = 0; j < sizes[l + 1]; j++) order.push({ kind: 'node', l: l + 1, j });
  }
  order.push({ kind: 'loss' });
  return order;
}

/** The element after (step 1) or before (step −1) `current` in `order`, wrapping around; from nothing, the first or the last. */
export function nextInOrder(order: readonly Selection[], current: Selection | null, step: 1 | -1): Selection | null {
  if (order.length === 0) return null;
  const key = current === null ? null : selectionKey(current);
  const at = key === null ? -1 : order.findIndex((s) => selectionKey(s) === key);
  if (at < 0) return step === 1 ? order[0] : order[order.length - 1];
  return order[(at + step + order.length) % order.length];
}

/** True for what the math panel's editor can change: a weight, a bias, an input x (layer 0) or a target y (the output layer). */
export function isEditable(sel: Selection | null, depth: number): boolean {
  if (sel === null || sel.kind === 'loss') return false;
  return sel.kind !== 'node' || sel.l === 0 || sel.l === depth;
}
