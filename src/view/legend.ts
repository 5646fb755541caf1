import { TEXT } from './network-layout.ts';
import type { LegendModel } from './scales.ts';
import { lockPath, SVG_NS } from './svg.ts';

export interface LegendItem {
  readonly key: string;
  readonly kind: 'line' | 'mark';
  readonly label: string;
  readonly className: string;
  readonly dash: string | null;
  readonly width: number;
  /** left of the swatch and baseline of the text, relative to the legend's origin */
  readonly x: number;
  readonly y: number;
}

const SWATCH = 22;
const GAP = 14;
const ROW = 16;

/** The legend's items flowed into rows no wider than `maxWidth`. */
export function legendLayout(model: LegendModel, maxWidth: number): { items: LegendItem[]; height: number } {
  const entries = [
    ...model.signs.map((s) => ({ ...s, kind: 'line' as const })),
    ...model.widths.map((s) => ({ ...s, kind: 'line' as const })),
    ...model.marks.map((m) => ({ ...m, kind: 'mark' as const, dash: null, width: 0 })),
  ];
  const items: LegendItem[] = [];
  let x = 0;
  let y = ROW - 4;
  for (const e of entries) {
    const w = SWATCH + 4 + [...e.label].length * TEXT.charWidth * 0.9;
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += ROW;
    }
    items.push({
      key: e.key,
      kind: e.kind,
      label: e.label,
      className: e.className,
      dash: e.dash,
      width: e.width,
      x,
      y,
    });
    x += w + GAP;
  }
  return { items, height: y + 4 };
}

/** Replaces the legend group's content (called only when the width scale's domain or the size changes). */
export function renderLegend(group: SVGGElement, items: readonly LegendItem[], height: number): void {
  group.replaceChildren();
  let right = 0;
  for (const it of items) right = Math.max(right, it.x + SWATCH + 4 + [...it.label].length * TEXT.charWidth * 0.9);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('class', 'bp-legend-bg');
  bg.setAttribute('x', '-4');
  bg.setAttribute('y', '-2');
  bg.setAttribute('width', String(right + 8));
  bg.setAttribute('height', String(height + 4));
  group.appendChild(bg);
  for (const it of items) {
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', `bp-legend-item ${it.className}`);
    g.setAttribute('data-legend', it.key);
    if (it.kind === 'line') {
      const line = document.createElementNS(SVG_NS, 'line');
      line.setAttribute('class', 'bp-legend-line');
      line.setAttribute('x1', String(it.x));
      line.setAttribute('x2', String(it.x + SWATCH));
      line.setAttribute('y1', String(it.y - 4));
      line.setAttribute('y2', String(it.y - 4));
      line.setAttribute('stroke-width', String(it.width));
      if (it.dash) line.setAttribute('stroke-dasharray', it.dash);
      g.appendChild(line);
    } else if (it.key === 'frozen') {
      const lock = document.createElementNS(SVG_NS, 'path');
      lock.setAttribute('class', 'bp-lock');
      lock.setAttribute('d', lockPath(it.x + SWATCH / 2, it.y - 4, 11));
      g.appendChild(lock);
    } else {
      const mark = document.createElementNS(SVG_NS, 'circle');
      mark.setAttribute('class', 'bp-legend-mark');
      mark.setAttribute('cx', String(it.x + SWATCH / 2));
      mark.setAttribute('cy', String(it.y - 4));
      mark.setAttribute('r', '5');
      g.appendChild(mark);
    }
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(it.x + SWATCH + 4));
    text.setAttribute('y', String(it.y));
    text.textContent = it.label;
    g.appendChild(text);
    group.appendChild(g);
  }
}
