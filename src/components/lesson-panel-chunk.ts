import { lazy, type ComponentType } from 'react';

/**
 * The lesson panel's chunk (it typesets with KaTeX: not part of the initial bundle), fetched
 * while the page is idle so that opening a lesson shows it at once. Through React.lazy alone,
 * the panel suspended on every first opening even with the chunk at hand, and React's retry
 * of a suspended part waits behind any deferred render under way: opening by-hand-mlp's
 * lesson, the math panel's typesetting held the lesson panel back by about a second.
 */
type Panel = ComponentType;

let loaded: Panel | null = null;
let loading: Promise<Panel> | null = null;

/** Loads the panel's chunk (once); resolves to the panel. */
export function loadLessonPanel(): Promise<Panel> {
  loading ??= import('./LessonPanel.tsx').then((m) => (loaded = m.LessonPanel));
  return loading;
}

/** The panel for a lesson being opened: the component itself once its chunk is loaded, else a lazy one that loads it. */
export function lessonPanelComponent(): Panel {
  return loaded ?? LazyLessonPanel;
}

const LazyLessonPanel = lazy(() => loadLessonPanel().then((panel) => ({ default: panel })));

/** Loads the chunk at the page's next idle moment; returns its cancellation. */
export function preloadLessonPanelWhenIdle(): () => void {
  if (loading !== null) return () => {};
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => void loadLessonPanel(), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => void loadLessonPanel(), 1000);
  return () => clearTimeout(id);
}
