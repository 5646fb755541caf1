import { SVG_NS } from './svg.ts';
import { xmlText } from './xml-text.ts';

/**
 * Presentation properties an SVG drawing depends on. Inherited ones are written where they
 * differ from the parent's; the others where they differ from an unstyled element's.
 */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-numeric',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'shape-rendering',
] as const;
const OWN = [
  'display',
  'opacity',
  'vector-effect',
  'text-decoration-line',
  'text-decoration-style',
  'alignment-baseline',
] as const;
/** Attributes of the live diagram that mean nothing in a file. */
const DROPPED_ATTRIBUTES = ['tabindex', 'style'];

/** A standalone SVG document and its size in CSS pixels. */
export interface SvgExport {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

function channel(x: string): number {
  return Math.round(Math.min(1, Math.max(0, Number(x))) * 255);
}

/**
 * CSS colour functions a standalone SVG viewer may not know, as rgb()/rgba(): browsers
 * compute color-mix() to `color(srgb r g b / a)`. Other values pass unchanged.
 */
export function portableColor(value: string): string {
  return value.replace(
    /color\(srgb\s+([-\d.e]+)\s+([-\d.e]+)\s+([-\d.e]+)(?:\s*\/\s*([\d.e]+%?))?\s*\)/g,
    (_m, r: string, g: string, b: string, a?: string) => {
      const rgb = `${channel(r)}, ${channel(g)}, ${channel(b)}`;
      if (a === undefined) return `rgb(${rgb})`;
      const alpha = a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a);
      return alpha >= 1 ? `rgb(${rgb})` : `rgba(${rgb}, ${alpha})`;
    },
  );
}

/** The first non-transparent background behind an element, or white. */
function backgroundBehind(el: Element): string {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e && view; e = e.parentElement) {
    const bg = view.getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return portableColor(bg);
  }
  return '#ffffff';
}

/** The element's attribute values and own text nodes without what XML 1.0 cannot hold (xml-text.ts). */
function cleanText(el: Element): void {
  for (const attr of Array.from(el.attributes)) {
    const clean = xmlText(attr.value);
    if (clean !== attr.value) attr.value = clean;
  }
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType !== 1 && node.nodeValue !== null) {
      const clean = xmlText(node.nodeValue);
      if (clean !== node.nodeValue) node.nodeValue = clean;
    }
  }
}

type Values = Readonly<Record<string, string>>;

/**
 * The non-inherited values of an unstyled element of each tag, measured once in a scratch
 * svg (attached, so that the browser computes styles) and removed again.
 */
function defaultsOf(doc: Document, tags: ReadonlySet<string>): Map<string, Values> {
  const view = doc.defaultView!;
  const scratch = doc.createElementNS(SVG_NS, 'svg');
  scratch.setAttribute('aria-hidden', 'true');
  scratch.setAttribute('width', '0');
  scratch.setAttribute('height', '0');
  doc.body.appendChild(scratch);
  const out = new Map<string, Values>();
  for (const tag of tags) {
    const computed = view.getComputedStyle(
      tag === 'svg' ? scratch : scratch.appendChild(doc.createElementNS(SVG_NS, tag)),
    );
    out.set(tag, Object.fromEntries(OWN.map((p) => [p, computed.getPropertyValue(p)])));
  }
  scratch.remove();
  return out;
}

function styleText(
  computed: CSSStyleDeclaration,
  parent: CSSStyleDeclaration | null,
  defaults: Values | undefined,
): string {
  const parts: string[] = [];
  for (const p of INHERITED) {
    const value = computed.getPropertyValue(p);
    if (value && (parent === null || value !== parent.getPropertyValue(p))) parts.push(`${p}: ${portableColor(value)}`);
  }
  for (const p of OWN) {
    const value = computed.getPropertyValue(p);
    if (value && value !== (defaults?.[p] ?? '')) parts.push(`${p}: ${portableColor(value)}`);
  }
  return parts.join('; ');
}

/**
 * The diagram as a standalone SVG file that opens in a browser or a drawing program: the
 * live svg cloned, each element's computed presentation written inline (no stylesheet, no
 * custom properties), `xmlns`, the current viewBox and zoom, the on-screen size in CSS
 * pixels, and the page's background behind it. The live svg is not changed.
 */
export function exportSvg(svg: SVGSVGElement, title?: string): SvgExport {
  const doc = svg.ownerDocument;
  const view = doc.defaultView!;
  const box = svg.getBoundingClientRect();
  const width = box.width || Number(svg.getAttribute('width')) || 0;
  const height = box.height || Number(svg.getAttribute('height')) || 0;
  const clone = svg.cloneNode(true) as SVGSVGElement;

  const live = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const defaults = defaultsOf(doc, new Set(live.map((el) => el.localName)));
  const computedOf = new Map<Element, CSSStyleDeclaration>();
  live.forEach((el, k) => {
    const copy = copies[k];
    const computed = view.getComputedStyle(el);
    computedOf.set(el, computed);
    const parent = el === svg || el.parentElement === null ? null : (computedOf.get(el.parentElement) ?? null);
    const style = styleText(computed, parent, defaults.get(el.localName));
    for (const name of DROPPED_ATTRIBUTES) copy.removeAttribute(name);
    if (style) copy.setAttribute('style', style);
    cleanText(copy);
  });

  // As a namespace declaration (not a plain attribute), so that a serializer never writes it twice.
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const [vx, vy, vw, vh] = (clone.getAttribute('viewBox') ?? '').split(/[\s,]+/);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [
    ['x', vx],
    ['y', vy],
    ['width', vw],
    ['height', vh],
    ['fill', backgroundBehind(svg)],
  ])
    bg.setAttribute(name, value);
  clone.insertBefore(bg, clone.firstChild);
  if (title) {
    const t = doc.createElementNS(SVG_NS, 'title');
    t.textContent = xmlText(title);
    clone.insertBefore(t, clone.firstChild);
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}

/**
 * An SVG document drawn into an offscreen canvas at `scale` times its CSS size, as a PNG:
 * the diagram at 2× for a slide or a handout, sharp on a high-density screen.
 */
export async function svgToPng(svg: SvgExport, scale = 2): Promise<Blob> {
  const w = Math.round(svg.width * scale);
  const h = Math.round(svg.height * scale);
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image(w, h);
    img.src = url;
    await img.decode();
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(w, h);
      canvas.getContext('2d')!.drawImage(img, 0, 0, w, h);
      return await canvas.convertToBlob({ type: 'image/png' });
    }
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.getContext('2d')!.drawImage(img, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
