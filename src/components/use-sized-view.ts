import { useEffect, useRef, type RefObject } from 'react';

/** A view drawn into one element that follows the element's size. */
export interface SizedView {
  resize(width: number, height: number): void;
  destroy(): void;
}

/**
 * The view `create` draws into `ref`'s element, created on mount, resized with the element
 * and destroyed on unmount. `create` must be a stable function (a view factory).
 */
export function useSizedView<E extends Element, V extends SizedView>(
  ref: RefObject<E | null>,
  create: (element: E) => V,
): RefObject<V | null> {
  const view = useRef<V | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const v = create(element);
    view.current = v;
    const observer = new ResizeObserver(([entry]) => v.resize(entry.contentRect.width, entry.contentRect.height));
    observer.observe(element);
    return () => {
      observer.disconnect();
      v.destroy();
      view.current = null;
    };
  }, [ref, create]);
  return view;
}
