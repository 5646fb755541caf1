import { useLayoutEffect } from 'react';
import type { Theme } from '../store/app-state.ts';
import type { AppStore } from '../store/app-actions.ts';
import { useAppStore } from './use-app-store.ts';

/**
 * The colour theme and presentation mode live in the store; the CSS reads them from
 * attributes on <html>: data-theme="light" | "dark" (the choice "system" resolved through
 * prefers-color-scheme, and followed while it changes) and data-presentation="true".
 * Set before the first paint, so a dark page does not flash light.
 */
export function useTheme(): void {
  const { theme, presentation } = useAppStore((s) => ({ theme: s.theme, presentation: s.presentation }));

  useLayoutEffect(() => {
    const root = document.documentElement;
    const dark = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    const apply = () => {
      root.dataset.theme = theme === 'system' ? (dark?.matches ? 'dark' : 'light') : theme;
    };
    apply();
    if (theme !== 'system' || dark === null) return;
    dark.addEventListener('change', apply);
    return () => dark.removeEventListener('change', apply);
  }, [theme]);

  useLayoutEffect(() => {
    const root = document.documentElement;
    if (presentation) root.dataset.presentation = 'true';
    else delete root.dataset.presentation;
  }, [presentation]);
}

/** The system's colour scheme is dark (prefers-color-scheme), false where it cannot be asked. */
export function systemIsDark(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
  );
}

/**
 * The theme the toggle (T) goes to: always the opposite of what the page shows now, so every
 * press changes something visible ("system" on a light system goes to dark, not to light).
 */
export function nextTheme(theme: Theme, systemDark = systemIsDark()): Theme {
  const shown = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
  return shown === 'dark' ? 'light' : 'dark';
}

/**
 * Presentation mode on or off, from a user gesture (a click or the P key: browsers grant
 * full screen only then). Turning it on asks for full screen where the browser allows it;
 * turning it off leaves full screen. Leaving full screen by other means (Escape, F11, the
 * browser's own controls) keeps presentation mode on: large type and high contrast still
 * help on a projector in a window, and the mode never flips behind the teacher's back.
 */
export function togglePresentation(store: AppStore): void {
  const on = !store.getState().presentation;
  store.getState().setPresentation(on);
  const doc = document;
  if (on) {
    if (
      doc.fullscreenEnabled &&
      !doc.fullscreenElement &&
      typeof doc.documentElement.requestFullscreen === 'function'
    ) {
      doc.documentElement.requestFullscreen().catch(() => undefined);
    }
  } else if (doc.fullscreenElement && typeof doc.exitFullscreen === 'function') {
    doc.exitFullscreen().catch(() => undefined);
  }
}
