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
      if (name === 'createImageData') return (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
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
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ctx) as unknown as HTMLCanvasElement['getContext']);
    const c = compileScenario(loadPreset('landscape-local-minimum')!);
    const grid = lossGrid(c, c.params, { kind: 'w', index: 0 }, { kind: 'w', index: 1 }, gridWindow(-0.5, -0.2, 'fixed', 3), 16);
    const canvas = document.createElement('canvas');
    const view = createLandscapeView(canvas);
    expect(canvas.getAttribute('aria-label')).toBe('Loss landscape: computing');
    view.resize(400, 300);
    view.update({ grid, xLabel: 'θ₁', yLabel: 'θ₂', point: [-0.5, -0.2], gradient: [0.3, -0.4], after: [-0.53, -0.16], path: [-0.5, -0.2, -1, -0.5, -1.7, -0.9] });
    expect(canvas.getAttribute('aria-label')).toMatch(/^Loss over θ₁ and θ₂, 16 by 16 points, from /);
    expect(calls.filter((k) => k === 'putImageData(3)')).toHaveLength(1);
    expect(calls.filter((k) => k === 'drawImage(5)')).toHaveLength(1);
    expect(calls.filter((k) => k === 'lineTo(2)').length).toBeGreaterThan(40);
    // the image is painted once per grid, not per redraw
    view.update({ grid, xLabel: 'θ₁', yLabel: 'θ₂', point: [-0.4, -0.2], gradient: [0.3, -0.4], after: null, path: [] });
    expect(calls.filter((k) => k === 'putImageData(3)')).toHaveLength(1);
    view.destroy();
    expect(canvas.classList.contains('bp-landscape')).toBe(false);
  });
});
