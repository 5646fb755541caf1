export const SVG_NS = 'http://www.w3.org/2000/svg';

/** A new SVG element appended to `parent`, with a class. */
export function svgChild<K extends keyof SVGElementTagNameMap>(
  parent: Element,
  tag: K,
  className?: string,
): SVGElementTagNameMap[K] {
  const el = parent.ownerDocument.createElementNS(SVG_NS, tag);
  if (className) el.setAttribute('class', className);
  parent.appendChild(el);
  return el;
}

/** Sets an attribute only when its value differs from the last one written (kept by the caller). */
export function setIfChanged(el: Element, name: string, value: string, last: string | undefined): string {
  if (value !== last) el.setAttribute(name, value);
  return value;
}

/** Sets a text node's content only when it differs. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** A small padlock, centred at (x, y), about s units tall: the mark of a frozen parameter. */
export function lockPath(x: number, y: number, s = 9): string {
  const w = s * 0.8;
  const h = s * 0.55;
  const left = x - w / 2;
  const top = y - s / 2 + s * 0.45;
  const r = w * 0.32;
  return `M${left},${top}h${w}v${h}h${-w}Z` + `M${x - r},${top}v${-s * 0.15}a${r},${r} 0 0 1 ${2 * r},0v${s * 0.15}`;
}

/**
 * Sets the <title> of `el` (the browser's tooltip on hover) to `text`, creating it once:
 * the diagram's numbers show their full value this way, whatever the display precision.
 */
export function setTooltip(el: Element, text: string): void {
  let title = el.firstElementChild;
  if (title === null || title.tagName !== 'title') {
    title = el.ownerDocument.createElementNS(SVG_NS, 'title');
    el.insertBefore(title, el.firstChild);
  }
  if (title.textContent !== text) title.textContent = text;
}
