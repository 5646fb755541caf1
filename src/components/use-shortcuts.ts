import { useEffect, useRef } from 'react';
import { parseSelectionKey, selectionKey, type Selection } from '../core/selection.ts';
import type { AppStore } from '../store/app-actions.ts';
import { editSelection } from './edit-selection.ts';
import {
  isEditable,
  matchShortcut,
  networkOrder,
  nextInOrder,
  type ShortcutAction,
  type TargetKind,
} from './shortcuts.ts';
import { useAppStoreApi } from './use-app-store.ts';
import { nextTheme, togglePresentation } from './use-theme.ts';

export interface ShortcutOptions {
  /** the `?` key: open the help */
  onHelp(): void;
  /** before the editor opens: make sure the math panel (where it lives) is shown */
  onEdit(): void;
  /** a dialog is open: it handles its own keys, and no shortcut fires */
  dialogOpen: boolean;
}

const BUTTONS =
  'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="link"], [role="menuitem"], [role="tab"], [role="option"]';

/** What has the focus, as far as shortcuts care (see TargetKind). */
export function targetKind(target: EventTarget | null): TargetKind {
  if (!(target instanceof Element)) return 'other';
  if (target instanceof HTMLElement && target.isContentEditable) return 'text';
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'text';
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return 'slider';
    return ['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file'].includes(target.type)
      ? 'button'
      : 'text';
  }
  if (target.closest(BUTTONS)) return 'button';
  // A region that scrolls sideways (a wide equation), reached with the keyboard: the arrows
  // scroll it. Focused by a click (on a term), the arrows still step.
  if (
    target instanceof HTMLElement &&
    target.tabIndex >= 0 &&
    target.matches(':focus-visible') &&
    target.scrollWidth > target.clientWidth &&
    getComputedStyle(target).overflowX !== 'visible'
  )
    return 'slider';
  return 'other';
}

/** The diagram's focusable element of a selection. */
function diagramElement(sel: Selection): HTMLElement | SVGElement | null {
  return document.querySelector<SVGElement>(`.bp-net [data-sel="${selectionKey(sel)}"][tabindex]`);
}

/** The selection of the diagram element that has the focus, if one has. */
function focusedDiagramSelection(): Selection | null {
  const el = document.activeElement;
  if (!(el instanceof Element) || !el.closest('.bp-net') || !el.hasAttribute('tabindex')) return null;
  const key = el.getAttribute('data-sel');
  return key === null ? null : parseSelectionKey(key);
}

/**
 * Focuses the diagram: its selected element, or else its first (an input node). The Tab
 * order goes on from there through the network.
 */
export function focusDiagram(store: AppStore): void {
  const sel = store.getState().selection;
  const el = (sel && diagramElement(sel)) ?? document.querySelector<SVGElement>('.bp-net [data-sel][tabindex]');
  el?.focus();
}

/** Runs a shortcut's action; false when it had nothing to do (the key then keeps its default). */
function run(action: ShortcutAction, store: AppStore, options: ShortcutOptions): boolean {
  const s = store.getState();
  const plan = store.selectors.plan(s);
  switch (action) {
    case 'step-forward':
      s.stepForward();
      return true;
    case 'step-back':
      s.stepBack();
      return true;
    case 'start':
      s.jumpToPhase('forward');
      return true;
    case 'end':
      s.jumpToPhase('end');
      return true;
    case 'phase-forward':
      s.jumpToPhase('forward');
      return true;
    case 'phase-loss':
      s.jumpToPhase('loss');
      return true;
    case 'phase-backward':
      s.jumpToPhase('backward');
      return true;
    case 'phase-update':
      s.jumpToPhase('update');
      return true;
    case 'play-pause':
      s.setPlaying(!s.playing);
      return true;
    case 'next-iteration':
      if (s.position < plan.events.length) return false;
      s.nextIteration();
      return true;
    case 'select-next':
    case 'select-previous': {
      const { model } = store.selectors.compiled(s);
      const focused = focusedDiagramSelection();
      const next = nextInOrder(
        networkOrder(model.sizes, model.hasBias),
        focused ?? s.selection,
        action === 'select-next' ? 1 : -1,
      );
      s.select(next);
      // The focus travels with the selection when it was on the diagram, so Enter edits what is selected.
      if (focused && next) diagramElement(next)?.focus();
      return true;
    }
    case 'edit': {
      const sel = focusedDiagramSelection() ?? s.selection;
      if (sel === null || !isEditable(sel, store.selectors.compiled(s).model.depth)) return false;
      options.onEdit();
      editSelection(store, sel);
      return true;
    }
    case 'clear-selection':
      if (s.selection === null) return false;
      s.select(null);
      return true;
    case 'help':
      options.onHelp();
      return true;
    case 'presentation':
      togglePresentation(store);
      return true;
    case 'theme':
      s.setTheme(nextTheme(s.theme));
      return true;
    case 'lesson-next':
      if (s.lesson === null) return false;
      s.lessonNext();
      return true;
    case 'lesson-previous':
      if (s.lesson === null) return false;
      s.lessonPrevious();
      return true;
  }
}

/**
 * The lesson's keyboard shortcuts (the table in shortcuts.ts), on the window. Nothing fires
 * while typing in a field, inside a dialog, or where the focused control owns the key
 * (Space and Enter press a focused button; arrows move a focused slider). Undo and redo are
 * another hook's.
 */
export function useShortcuts(options: ShortcutOptions): void {
  const store = useAppStoreApi();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || latest.current.dialogOpen) return;
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return;
      const action = matchShortcut(e, targetKind(e.target));
      if (action === null) return;
      if (run(action, store, latest.current)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
