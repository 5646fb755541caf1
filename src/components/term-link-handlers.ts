import type { MouseEvent } from 'react';
import { parseSelectionKey, selectionKey, type Selection } from '../core/selection.ts';

/** The key of the linked term (`data-key`, as \htmlData writes it) an event happened in, or null. */
function keyOf(target: EventTarget): string | null {
  return target instanceof Element ? (target.closest('[data-key]')?.getAttribute('data-key') ?? null) : null;
}

/**
 * The mouse handlers of a panel whose typeset terms name diagram elements: hovering a term
 * lights its element (store hover), clicking selects it.
 */
export function termLinkHandlers(
  hover: Selection | null,
  setHover: (s: Selection | null) => void,
  select: (s: Selection) => void,
) {
  const hoverKey = hover === null ? null : selectionKey(hover);
  return {
    onMouseOver(e: MouseEvent) {
      const key = keyOf(e.target);
      if (key !== hoverKey) setHover(key === null ? null : parseSelectionKey(key));
    },
    onMouseLeave() {
      setHover(null);
    },
    onClick(e: MouseEvent) {
      const key = keyOf(e.target);
      const sel = key === null ? null : parseSelectionKey(key);
      if (sel) select(sel);
    },
  };
}
