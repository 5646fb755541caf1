/** What the panels use and jsdom lacks: ResizeObserver (views sized to their box) and document.fonts (TeX refit when KaTeX's fonts load). */
export function installJsdomShims(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
}
