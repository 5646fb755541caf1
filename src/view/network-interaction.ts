import type { Selection } from '../core/selection.ts';

/**
 * Pointer and keyboard handling of the diagram, delegated from the svg: every interactive
 * element (and its label) carries `data-sel` with its selection key, so one listener per
 * event type serves any number of elements, and nothing is bound per element.
 */

/** What the diagram reports: user intent only, never a change it made itself. */
export interface NetworkViewCallbacks {
  /** a click or Enter/Space on an element; null for a click on empty space or Escape */
  onSelect(sel: Selection | null): void;
  /** the pointer entered an element (null: it left every element) */
  onHover?(sel: Selection | null): void;
  /**
   * A horizontal drag on the value label of the selected weight or bias, or of the selected
   * input node: delta is the horizontal distance in screen pixels since the drag started
   * (0 at 'start'); the app maps it to a value (e.g. start value + delta × step).
   */
  onScrub?(sel: Selection, delta: number, phase: 'start' | 'move' | 'end'): void;
  /** after the labels are placed: how many of the parameters' labels are drawn, of how many */
  onLabels?(shown: number, total: number): void;
  /** Enter on the already selected element, a click on its label, or a double-click on an element: open an editor */
  onEdit?(sel: Selection, via: 'pointer' | 'keyboard'): void;
}

export interface InteractionTarget {
  readonly selKey: string;
  readonly sel: Selection;
}

/** What the view exposes to the handlers. */
export interface InteractionHost {
  find(selKey: string): InteractionTarget | null;
  isSelected(target: InteractionTarget): boolean;
  /** the pointer is over this element now (null: over none) */
  setHover(target: InteractionTarget | null): void;
  /** keyboard focus is on this element now (null: on none) */
  setFocus(target: InteractionTarget | null): void;
}

/** Attaches the handlers; returns the function that detaches them. */
export function attachInteraction(
  svg: SVGSVGElement,
  callbacks: NetworkViewCallbacks,
  host: InteractionHost,
): () => void {
  let hovered: string | null = null;
  let scrub: { target: InteractionTarget; x: number; id: number; moved: boolean; el: Element } | null = null;
  let swallowClick = false;

  function targetAt(node: EventTarget | null): InteractionTarget | null {
    const t = node as Element | null;
    if (!t || typeof t.closest !== 'function') return null;
    const el = t.closest('[data-sel]');
    if (!el || !svg.contains(el)) return null;
    return host.find(el.getAttribute('data-sel') as string);
  }

  function hover(target: InteractionTarget | null): void {
    const key = target ? target.selKey : null;
    if (key === hovered) return;
    hovered = key;
    host.setHover(target);
    callbacks.onHover?.(target ? target.sel : null);
  }

  function onClick(ev: MouseEvent): void {
    if (swallowClick) {
      swallowClick = false;
      return;
    }
    const target = targetAt(ev.target);
    // A click on the label of what is already selected edits it (the README's "edit a value by clicking it").
    const t = ev.target as Element | null;
    const onLabel = t && typeof t.closest === 'function' ? t.closest('.bp-label') : null;
    if (target && onLabel && callbacks.onEdit && host.isSelected(target)) {
      callbacks.onEdit(target.sel, 'pointer');
      return;
    }
    callbacks.onSelect(target ? target.sel : null);
  }

  function onDblClick(ev: MouseEvent): void {
    const target = targetAt(ev.target);
    if (target && callbacks.onEdit) {
      ev.preventDefault();
      callbacks.onEdit(target.sel, 'pointer');
    }
  }

  function onKeyDown(ev: KeyboardEvent): void {
    if (ev.key === 'Escape') {
      callbacks.onSelect(null);
      return;
    }
    if (ev.key !== 'Enter' && ev.key !== ' ' && ev.key !== 'Spacebar') return;
    const t = ev.target as Element | null;
    if (!t || typeof t.hasAttribute !== 'function' || !t.hasAttribute('tabindex')) return;
    const target = targetAt(t);
    if (!target) return;
    ev.preventDefault();
    if (ev.key === 'Enter' && callbacks.onEdit && host.isSelected(target)) callbacks.onEdit(target.sel, 'keyboard');
    else callbacks.onSelect(target.sel);
  }

  function onPointerOver(ev: PointerEvent): void {
    if (!scrub) hover(targetAt(ev.target));
  }

  function onPointerLeave(): void {
    if (!scrub) hover(null);
  }

  function onFocusIn(ev: FocusEvent): void {
    host.setFocus(targetAt(ev.target));
  }

  function onFocusOut(): void {
    host.setFocus(null);
  }

  function onPointerDown(ev: PointerEvent): void {
    const t = ev.target as Element | null;
    const el = t && typeof t.closest === 'function' ? t.closest('[data-scrub]') : null;
    if (!el || !callbacks.onScrub) return;
    const target = targetAt(el);
    if (!target) return;
    // Keeps the zoom behaviour (which listens to the mouse events that follow) out of it.
    ev.preventDefault();
    ev.stopPropagation();
    (el as Element & { setPointerCapture?: (id: number) => void }).setPointerCapture?.(ev.pointerId);
    scrub = { target, x: ev.clientX, id: ev.pointerId, moved: false, el };
    callbacks.onScrub(target.sel, 0, 'start');
  }

  function onPointerMove(ev: PointerEvent): void {
    if (!scrub || ev.pointerId !== scrub.id) return;
    const dx = ev.clientX - scrub.x;
    if (dx !== 0) scrub.moved = true;
    callbacks.onScrub?.(scrub.target.sel, dx, 'move');
  }

  function onPointerUp(ev: PointerEvent): void {
    if (!scrub || ev.pointerId !== scrub.id) return;
    const s = scrub;
    scrub = null;
    (s.el as Element & { releasePointerCapture?: (id: number) => void }).releasePointerCapture?.(ev.pointerId);
    swallowClick = s.moved;
    callbacks.onScrub?.(s.target.sel, ev.clientX - s.x, 'end');
  }

  const listeners: [string, EventListener][] = [
    ['click', onClick as EventListener],
    ['dblclick', onDblClick as EventListener],
    ['keydown', onKeyDown as EventListener],
    ['pointerover', onPointerOver as EventListener],
    ['pointerleave', onPointerLeave as EventListener],
    ['focusin', onFocusIn as EventListener],
    ['focusout', onFocusOut as EventListener],
    ['pointerdown', onPointerDown as EventListener],
    ['pointermove', onPointerMove as EventListener],
    ['pointerup', onPointerUp as EventListener],
    ['pointercancel', onPointerUp as EventListener],
  ];
  for (const [type, fn] of listeners) svg.addEventListener(type, fn);
  return () => {
    for (const [type, fn] of listeners) svg.removeEventListener(type, fn);
  };
}
