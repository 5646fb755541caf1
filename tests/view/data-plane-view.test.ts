// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planePoints, planeWindow } from '../../src/view/data-plane-model.ts';
import { createDataPlaneView, type DataPlaneData, type DataPlaneView } from '../../src/view/data-plane-view.ts';

const tanh = { kind: 'classes', classes: 2, lo: -1, hi: 1, probabilities: false } as const;
const data = [
  { x: [0.5, 0.5], y: [1] },
  { x: [-0.5, -0.5], y: [-1] },
];
const res = 8;
const win = planeWindow(
  data.map((d) => d.x),
  0,
  1,
  res,
);
const points = planePoints(data, [], 0, 1, tanh, -1);

function frame(fill: number, selected: number): DataPlaneData {
  return {
    kind: 'plane',
    window: win,
    pixels: new Uint8ClampedArray(res * res * 4).fill(fill),
    curves: [],
    points,
    selected,
    xLabel: 'x₁',
    yLabel: 'x₂',
    mode: 'select',
  };
}

describe('data plane view (DOM)', () => {
  let view: DataPlaneView | null = null;
  // jsdom draws nothing: the view's placing of the canvas and its SVG are what is tested here
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    view?.destroy();
    view = null;
    document.body.replaceChildren();
  });

  it('holds the heatmap at one canvas pixel per cell, stretched over the plot’s box', () => {
    const root = document.createElement('div');
    document.body.append(root);
    view = createDataPlaneView(root, { select() {}, remove() {}, add() {}, drag() {} });
    view.resize(400, 300);
    view.update(frame(200, 0));
    const canvas = root.querySelector<HTMLCanvasElement>('[data-testid="data-heatmap"]')!;
    expect([canvas.width, canvas.height]).toEqual([res, res]);
    const d = canvas.dataset;
    expect(canvas.style.left).toBe(`${d.left}px`);
    expect(canvas.style.top).toBe(`${d.top}px`);
    expect(canvas.style.width).toBe(`${d.width}px`);
    expect(canvas.style.height).toBe(`${d.height}px`);
    expect(Number(d.width)).toBeGreaterThan(100);
    expect(canvas.hidden).toBe(false);
  });

  it('changes nothing of the SVG but the selected mark on a training frame', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    view = createDataPlaneView(root, { select() {}, remove() {}, add() {}, drag() {} });
    view.resize(400, 300);
    view.update(frame(200, 0));
    const svg = root.querySelector('svg')!;
    const changed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.closest('.bp-data-rings') || r.attributeName === 'class') continue;
        changed.push(`${el.tagName}[${r.attributeName ?? r.type}]`);
      }
    });
    observer.observe(svg, { attributes: true, childList: true, subtree: true });
    view.update(frame(100, 1));
    await Promise.resolve();
    observer.disconnect();
    expect(changed).toEqual([]);
    expect(root.querySelector('.bp-selected')?.getAttribute('data-index')).toBe('1');
  });
});
