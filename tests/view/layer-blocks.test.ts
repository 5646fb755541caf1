import { describe, expect, it } from 'vitest';
import { cellAt, heatmapPixels, heatmapSize, isDrawable, maxAbs } from '../../src/view/layer-blocks.ts';

describe('the drawable size', () => {
  it('draws nodes and edges up to 10,000 weights and 600 nodes, blocks beyond', () => {
    expect(isDrawable({ weightCount: 1040, nodeCount: 81 })).toBe(true);
    expect(isDrawable({ weightCount: 10_000, nodeCount: 600 })).toBe(true);
    expect(isDrawable({ weightCount: 10_001, nodeCount: 20 })).toBe(false);
    expect(isDrawable({ weightCount: 100, nodeCount: 601 })).toBe(false);
  });
});

describe('a weight matrix as a heatmap', () => {
  it('is one pixel a cell when it fits, scaled down evenly when not', () => {
    expect(heatmapSize(4, 3, 160)).toEqual({ width: 3, height: 4 });
    expect(heatmapSize(997, 2, 160)).toEqual({ width: 1, height: 160 });
    expect(heatmapSize(320, 160, 160)).toEqual({ width: 80, height: 160 });
  });

  it('colours a cell blue when positive, orange when negative, opaque in proportion to |w|', () => {
    // 2 × 2 at offset 1: [[0.5, −1], [0, 0.25]]
    const w = new Float64Array([9, 0.5, -1, 0, 0.25]);
    expect(maxAbs(w, 1, 4)).toBe(1);
    const px = heatmapPixels(w, 1, 2, 2, 2, 2, 1);
    expect(Array.from(px.subarray(0, 4))).toEqual([37, 99, 235, 128]);
    expect(Array.from(px.subarray(4, 8))).toEqual([234, 88, 12, 255]);
    expect(px[11]).toBe(0);
    expect(Array.from(px.subarray(12, 16))).toEqual([37, 99, 235, 64]);
  });

  it('shows the cell of largest |w| among those a pixel covers, with its sign', () => {
    // 1 × 4 into 1 × 2: [0.1, −0.3 | 0.2, 0.15]
    const w = new Float64Array([0.1, -0.3, 0.2, 0.15]);
    const px = heatmapPixels(w, 0, 1, 4, 2, 1, 0.3);
    expect(Array.from(px.subarray(0, 4))).toEqual([234, 88, 12, 255]);
    expect(Array.from(px.subarray(4, 8))).toEqual([37, 99, 235, 170]);
  });

  it('finds the cell under a point', () => {
    expect(cellAt(0, 0, 997, 997, 160, 160)).toEqual({ j: 0, i: 0 });
    expect(cellAt(159.9, 159.9, 997, 997, 160, 160)).toEqual({ j: 996, i: 996 });
    expect(cellAt(1.5, 0.5, 2, 3, 3, 2)).toEqual({ j: 0, i: 1 });
  });
});
