// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gridWindow, lossGrid } from '../../src/core/landscape.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createLandscapeView } from '../../src/view/landscape-view.ts';

/** A 2D context that records the calls the view makes (jsdom has no canvas). */
function fakeContext() {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(target, name: string) {
      if (name in target) return target[name];
      if (name === 'createImageData')
        return (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
      return (...args: unknown[]) => calls.push(`${name}(${args.length})`);
    },
    set(target, name: string, value) {
      target[name] = value;
      return true;
    },
  });
  return { ctx, calls };
}

describe('landscape view', () => {
  afterEach(() => vi.restoreAllMocks());

  it('draws the map, contours, arrow, step and path, and names what it shows', () => {
    const { ctx, calls } = fakeContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      (() => ctx) as unknown as HTMLCanvasElement['getContext'],
    );
    const c = compileScenario(loadPreset('landscape-local-minimum')!);
    const grid = lossGrid(
      c,
      c.params,
      { kind: 'w', index: 0 },
      { kind: 'w', index: 1 },
      gridWindow(-0.5, -0.2, 'fixed', 3),
      16,
    );
    const canvas = document.createElement('canvas');
    const view = createLandscapeView(canvas);
    expect(canvas.getAttribute('aria-label')).toBe('Loss landscape: computing');
    view.resize(400, 300);
    view.update({
      grid,
      xLabel: 'θ₁',
      yLabel: 'θ₂',
      point: [-0.5, -0.2],
      gradient: [0.3, -0.4],
      after: [-0.53, -0.16],
      paths: [{ points: [-0.5, -0.2, -1, -0.5, -1.7, -0.9], color: '#ffffff' }],
    });
    expect(canvas.getAttribute('aria-label')).toMatch(/^Loss over θ₁ and θ₂, 16 by 16 points, from /);
    expect(calls.filter((k) => k === 'putImageData(3)')).toHaveLength(1);
    expect(calls.filter((k) => k === 'drawImage(5)')).toHaveLength(1);
    expect(calls.filter((k) => k === 'lineTo(2)').length).toBeGreaterThan(40);
    // the image is painted once per grid, not per redraw
    view.update({
      grid,
      xLabel: 'θ₁',
      yLabel: 'θ₂',
      point: [-0.4, -0.2],
      gradient: [0.3, -0.4],
      after: null,
      paths: [],
    });
    expect(calls.filter((k) => k === 'putImageData(3)')).toHaveLength(1);
    view.destroy();
    expect(canvas.classList.contains('bp-landscape')).toBe(false);
  });

  it('draws each run’s path in its style with its letter at its end, and leaves out −∇ when not given', () => {
    const { ctx, calls } = fakeContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      (() => ctx) as unknown as HTMLCanvasElement['getContext'],
    );
    const c = compileScenario(loadPreset('landscape-local-minimum')!);
    const grid = lossGrid(
      c,
      c.params,
      { kind: 'w', index: 0 },
      { kind: 'w', index: 1 },
      gridWindow(-0.5, -0.2, 'fixed', 3),
      8,
    );
    const view = createLandscapeView(document.createElement('canvas'));
    view.resize(400, 300);
    const strokes: string[] = [];
    const texts: string[] = [];
    const record = ctx as unknown as Record<string, unknown>;
    record.stroke = () => strokes.push(String(record.strokeStyle));
    record.fillText = (t: string) => texts.push(t);
    const base = { grid, xLabel: 'θ₁', yLabel: 'θ₂', point: [-0.5, -0.2] as const, gradient: null, after: null };
    view.update({ ...base, paths: [] });
    const without = strokes.length;
    strokes.length = 0;
    texts.length = 0;
    view.update({
      ...base,
      paths: [
        { points: [-0.5, -0.2, -1, -0.5], color: '#e69f00', label: 'A' },
        { points: [-0.5, -0.2, 0, 0.3, 0.2, 0.5], color: '#56b4e9', dash: [7, 4], label: 'B' },
        { points: [-0.5, -0.2], color: '#cc79a7', label: 'C' },
      ],
    });
    // two drawn runs (C has one point only): a halo and a line each, and an end dot
    expect(strokes.length - without).toBe(6);
    expect(strokes).toContain('#e69f00');
    expect(strokes).toContain('#56b4e9');
    expect(strokes).not.toContain('#cc79a7');
    expect(texts.filter((t) => /^[A-D]$/.test(t))).toEqual(['A', 'B']);
    expect(calls).toContain('setLineDash(1)');
    // −∇ is not drawn when the gradient is not given: no arrow head
    expect(calls.filter((k) => k === 'closePath(0)')).toHaveLength(0);
  });
});
