import { describe, expect, it } from 'vitest';
import {
  edgeCandidates,
  labelDensity,
  labelModeFor,
  labelBox,
  placeLabels,
  textWidth,
  valueCharsFor,
} from '../../src/view/label-placement.ts';
import {
  biasSegment,
  computeLayout,
  edgeSegment,
  minNodeDistance,
  nameFontSize,
  nodeTextMode,
  type NetworkLayout,
} from '../../src/view/network-layout.ts';
import { legendLayout } from '../../src/view/legend.ts';
import { createWidthScale, legendModel } from '../../src/view/scales.ts';

const stack = (layers: number, size: number, bias = true) =>
  computeLayout({ sizes: Array(layers).fill(size), hasBias: Array(layers - 1).fill(bias), width: 1200, height: 700 });

function* nodes(g: NetworkLayout) {
  for (let l = 0; l < g.sizes.length; l++)
    for (let j = 0; j < g.sizes[l]; j++)
      yield { l, j, x: g.nodeX[g.nodeOffset[l] + j], y: g.nodeY[g.nodeOffset[l] + j] };
}

describe('network layout', () => {
  it('puts layers in columns from left to right and the loss node right of the outputs', () => {
    const g = computeLayout({ sizes: [3, 2, 1], hasBias: [false, false], width: 800, height: 500 });
    expect(g.columnX[0]).toBeLessThan(g.columnX[1]);
    expect(g.columnX[1]).toBeLessThan(g.columnX[2]);
    expect(g.loss.x).toBeGreaterThan(g.columnX[2]);
    expect(g.loss.x + g.loss.r).toBeLessThanOrEqual(800);
    for (const n of nodes(g)) expect(n.x).toBe(g.columnX[n.l]);
    expect(g.biasNodes).toEqual([null, null]);
  });

  it('centres every column on the same line, nodes in order top to bottom', () => {
    const g = computeLayout({ sizes: [3, 2, 1], hasBias: [true, true], width: 800, height: 500 });
    const mid = (l: number) => {
      const ys = Array.from({ length: g.sizes[l] }, (_, j) => g.nodeY[g.nodeOffset[l] + j]);
      for (let j = 1; j < ys.length; j++) expect(ys[j]).toBeGreaterThan(ys[j - 1]);
      return (ys[0] + ys[ys.length - 1]) / 2;
    };
    expect(mid(0)).toBeCloseTo(mid(1), 9);
    expect(mid(1)).toBeCloseTo(mid(2), 9);
    expect(g.loss.y).toBeCloseTo(mid(2), 9);
  });

  it('keeps 8 layers of 16 nodes apart, inside the box, with room for the bias row', () => {
    const g = stack(8, 16);
    expect(minNodeDistance(g)).toBeGreaterThan(2 * g.nodeRadius + 4);
    const all = [...nodes(g)];
    expect(all).toHaveLength(128);
    for (const a of all) {
      expect(a.x - g.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(a.x + g.nodeRadius).toBeLessThanOrEqual(g.width);
      expect(a.y - g.nodeRadius).toBeGreaterThan(0);
      expect(a.y + g.nodeRadius).toBeLessThan(g.height);
    }
    for (let p = 0; p < all.length; p++) {
      for (let q = p + 1; q < all.length; q++) {
        expect(Math.hypot(all[p].x - all[q].x, all[p].y - all[q].y)).toBeGreaterThanOrEqual(2 * g.nodeRadius);
      }
    }
    for (const b of g.biasNodes) {
      expect(b).not.toBeNull();
      const top = Math.min(...all.map((n) => n.y)) - g.nodeRadius;
      expect(b!.y + b!.r).toBeLessThan(top);
    }
  });

  it('trims edges to the node rims and runs bias links from the bias node to their node', () => {
    const g = computeLayout({ sizes: [2, 2], hasBias: [true], width: 600, height: 400 });
    const s = edgeSegment(g, 0, 1, 0);
    const from = { x: g.nodeX[0], y: g.nodeY[0] };
    const to = { x: g.nodeX[g.nodeOffset[1] + 1], y: g.nodeY[g.nodeOffset[1] + 1] };
    expect(Math.hypot(s.x1 - from.x, s.y1 - from.y)).toBeCloseTo(g.nodeRadius, 9);
    expect(Math.hypot(s.x2 - to.x, s.y2 - to.y)).toBeCloseTo(g.nodeRadius, 9);
    const b = biasSegment(g, 0, 1);
    const bn = g.biasNodes[0]!;
    expect(Math.hypot(b.x1 - bn.x, b.y1 - bn.y)).toBeCloseTo(bn.r, 9);
    expect(Math.hypot(b.x2 - to.x, b.y2 - to.y)).toBeCloseTo(g.nodeRadius, 9);
    // a bias link is not vertical, so the links of one layer fan out instead of overlapping
    expect(Math.abs(b.x2 - b.x1)).toBeGreaterThan(1);
  });

  it('shows less node text as the columns get crowded, and more when zoomed in', () => {
    expect(nodeTextMode(computeLayout({ sizes: [3, 2, 1], hasBias: [false, false], width: 800, height: 500 }))).toBe(
      'full',
    );
    const dense = stack(8, 16);
    expect(nodeTextMode(dense)).not.toBe('full');
    expect(nodeTextMode(dense, 8)).toBe('full');
    expect(nameFontSize(20, 'A')).toBeGreaterThan(nameFontSize(20, 'h₁⁽¹⁾'));
    expect(nameFontSize(4, 'w')).toBeLessThanOrEqual(4.4);
  });
});

describe('edge label placement', () => {
  const boxesOverlap = (p: ReturnType<typeof placeLabels>, xs: number[][]) => {
    for (let a = 0; a < xs.length; a++) {
      for (let b = a + 1; b < xs.length; b++) {
        const [x1, y1] = xs[a];
        const [x2, y2] = xs[b];
        if (Math.abs(x1 - x2) < p.boxWidth && Math.abs(y1 - y2) < p.boxHeight) return true;
      }
    }
    return false;
  };
  const visibleAnchors = (p: ReturnType<typeof placeLabels>) => {
    const out: number[][] = [];
    p.edgeVisible.forEach((v, k) => v && out.push([p.edgeX[k], p.edgeY[k]]));
    p.biasVisible.forEach((v, k) => v && out.push([p.biasX[k], p.biasY[k]]));
    return out;
  };

  it('staggers the labels of the edges into one node along their lines', () => {
    const ts = [0, 1, 2].map((i) => edgeCandidates(i, 3)[0]);
    expect(new Set(ts).size).toBe(3);
    for (const t of ts) expect(t).toBeGreaterThan(0.1);
    for (const t of ts) expect(t).toBeLessThan(0.9);
  });

  it('draws every label of a small network, with names, and none overlap', () => {
    const g = computeLayout({ sizes: [2, 2, 2], hasBias: [true, true], width: 900, height: 600 });
    const p = placeLabels(g, { nameChars: 2 });
    expect(p.mode).toBe('all');
    expect(p.named).toBe(true);
    expect(p.visibleCount).toBe(8 + 4);
    expect(boxesOverlap(p, visibleAnchors(p))).toBe(false);
  });

  it('thins out or moves labels to hover as the network gets crowded', () => {
    const small = computeLayout({ sizes: [3, 2, 1], hasBias: [false, false], width: 800, height: 500 });
    const mid = computeLayout({ sizes: [6, 6, 6], hasBias: [true, true], width: 700, height: 450 });
    const dense = stack(8, 16);
    const d = [small, mid, dense].map((g) => labelDensity(g, labelBox(8)));
    expect(d[0]).toBeLessThan(d[1]);
    expect(d[1]).toBeLessThan(d[2]);
    expect(labelModeFor(d[0])).toBe('all');
    expect(labelModeFor(d[2])).toBe('hover');
    const pDense = placeLabels(dense);
    expect(pDense.mode).toBe('hover');
    expect(pDense.visibleCount).toBe(0);
    const pMid = placeLabels(mid);
    expect(pMid.visibleCount).toBeLessThanOrEqual(36 + 12);
    expect(boxesOverlap(pMid, visibleAnchors(pMid))).toBe(false);
  });

  it('shows labels of a dense network once zoomed in far enough, still without overlap', () => {
    const dense = stack(8, 16);
    const zoomed = placeLabels(dense, { zoom: 6 });
    expect(zoomed.mode).not.toBe('hover');
    expect(zoomed.visibleCount).toBeGreaterThan(100);
    expect(boxesOverlap(zoomed, visibleAnchors(zoomed))).toBe(false);
  });

  const overlapsNode = (g: ReturnType<typeof computeLayout>, p: ReturnType<typeof placeLabels>) => {
    for (const [x, y] of visibleAnchors(p)) {
      for (let n = 0; n < g.nodeCount; n++) {
        if (
          Math.abs(g.nodeX[n] - x) < p.boxWidth / 2 + g.nodeRadius &&
          Math.abs(g.nodeY[n] - y) < p.boxHeight / 2 + g.nodeRadius
        )
          return true;
      }
    }
    return false;
  };

  it('draws every label of the classroom presets at laptop size (the smaller ones at 9 significant digits too), clear of each other and of the nodes', () => {
    const shapes: [number[], boolean[], number[]][] = [
      [
        [2, 2, 2],
        [true, true],
        [4, 9],
      ],
      [
        [3, 2, 1],
        [false, false],
        [4, 9],
      ],
      [
        [1, 1, 2, 1],
        [false, false, false],
        [4, 9],
      ],
      [[3, 4, 1], [false, false], [4]],
    ];
    for (const [sizes, hasBias, precisions] of shapes) {
      const g = computeLayout({ sizes, hasBias, width: 900, height: 440 });
      for (const digits of precisions) {
        const p = placeLabels(g, { valueChars: valueCharsFor(digits) });
        const total = g.weightCount + hasBias.reduce((n, b, l) => n + (b ? sizes[l + 1] : 0), 0);
        expect(p.visibleCount, `${sizes.join('-')} at ${digits} digits`).toBe(total);
        expect(p.mode).toBe('all');
        expect(boxesOverlap(p, visibleAnchors(p))).toBe(false);
        expect(overlapsNode(g, p)).toBe(false);
      }
    }
  });

  it('takes the text width budget as an input: 9 significant digits make wider boxes, and a wider text fits its box', () => {
    const g = computeLayout({ sizes: [2, 2, 2], hasBias: [true, true], width: 900, height: 440 });
    const four = placeLabels(g, { valueChars: valueCharsFor(4) });
    const nine = placeLabels(g, { valueChars: valueCharsFor(9) });
    expect(nine.boxWidth).toBeGreaterThan(four.boxWidth);
    // "→ −0.274811083" and "∇ −0.274811083" (14 characters) fit the 9-digit box with its padding.
    expect(textWidth('→ −0.274811083')).toBeLessThanOrEqual(nine.boxWidth - 6);
    expect(textWidth('∇ −0.007061')).toBeLessThanOrEqual(four.boxWidth - 6);
    expect(textWidth('∇ −3.979e−5')).toBeLessThanOrEqual(four.boxWidth - 6);
  });

  it('depends on the shape, size, zoom and text budget only: the same inputs give the same places (labels never jump on an edit)', () => {
    const g = computeLayout({ sizes: [3, 4, 2, 3], hasBias: [true, true, true], width: 900, height: 440 });
    const a = placeLabels(g, { valueChars: 11 });
    const b = placeLabels(
      computeLayout({ sizes: [3, 4, 2, 3], hasBias: [true, true, true], width: 900, height: 440 }),
      { valueChars: 11 },
    );
    expect(Array.from(b.edgeX)).toEqual(Array.from(a.edgeX));
    expect(Array.from(b.biasY)).toEqual(Array.from(a.biasY));
    expect(Array.from(b.edgeVisible)).toEqual(Array.from(a.edgeVisible));
    expect(boxesOverlap(a, visibleAnchors(a))).toBe(false);
    expect(overlapsNode(g, a)).toBe(false);
    expect(a.total).toBe(35);
  });

  it('spaces the columns by the labels each block holds when told the label size, inside the box', () => {
    const plain = computeLayout({ sizes: [2, 4, 4, 1], hasBias: [true, true, true], width: 800, height: 390 });
    expect(new Set(plain.gaps.map((x) => x.toFixed(6))).size).toBe(1);
    const g = computeLayout({
      sizes: [2, 4, 4, 1],
      hasBias: [true, true, true],
      width: 800,
      height: 390,
      labelBox: labelBox(valueCharsFor(4)),
    });
    // 12, 20 and 5 labels between the columns
    expect(g.gaps[1]).toBeGreaterThan(g.gaps[0]);
    expect(g.gaps[0]).toBeGreaterThan(g.gaps[2]);
    expect(g.gapX).toBe(Math.min(...g.gaps));
    for (let l = 0; l < g.depth; l++) expect(g.columnX[l + 1] - g.columnX[l]).toBeCloseTo(g.gaps[l], 9);
    expect(g.loss.x).toBeGreaterThan(g.columnX[g.depth] + 2 * g.loss.r);
    expect(g.loss.x + g.loss.r).toBeLessThan(800);
  });

  /**
   * The diagram's room in layout units, as the browser gives it (tests/e2e/label-layout.spec.ts):
   * 1366×768 laptop; presentation at 1366×768 and 1920×1080 (the text scaled up, so fewer units).
   * A network opened from a link gets a notice above the diagram, so less height.
   */
  const ROOMS = [
    { name: 'laptop', width: 901.5625, height: 449, linked: 406 },
    { name: 'presentation 1366x768', width: 798.2654, height: 388.4644, linked: 348.3423 },
    { name: 'projector 1920x1080', width: 797.8724, height: 419.1076, linked: 387.2726 },
  ];
  const placed = (sizes: number[], hasBias: boolean[], width: number, height: number) => {
    // the legend's room as the view measures it
    const legendHeight = legendLayout(legendModel(createWidthScale(1)), width - 16).height + 8;
    const g = computeLayout({ sizes, hasBias, width, height, legendHeight, labelBox: labelBox(valueCharsFor(4)) });
    return { g, p: placeLabels(g, { valueChars: valueCharsFor(4) }) };
  };
  const CLASSROOM: [string, number[], boolean[], boolean][] = [
    ['walkthrough', [3, 2, 1], [false, false], false],
    ['little-network', [1, 1, 2, 1], [false, false, false], false],
    ['numpy-341', [3, 4, 1], [false, false], false],
    ['by-hand-mlp', [3, 4, 2, 3], [true, true, true], false],
    ['tanh-221', [2, 2, 1], [false, false], false],
    ['mazur', [2, 2, 2], [true, true], false],
    ['playground', [2, 4, 4, 1], [true, true, true], false],
    ['playground-xor', [2, 4, 1], [true, true], false],
    ['random seed 3', [1, 3, 1, 4, 3], [true, true, true, true], true],
    ['random seed 17', [1, 3, 1, 1, 4], [true, true, true, true], true],
    ['random seed 42', [3, 5, 1], [true, true], true],
  ];

  it('draws every label of the classroom networks up to 40 parameters at the diagram sizes of a laptop, a presentation and a projector, none overlapping and each tied to its line', () => {
    for (const room of ROOMS) {
      for (const [name, sizes, hasBias, linked] of CLASSROOM) {
        const what = `${name} in ${room.name}`;
        const { g, p } = placed(sizes, hasBias, room.width, linked ? room.linked : room.height);
        expect(p.visibleCount, what).toBe(p.total);
        expect(boxesOverlap(p, visibleAnchors(p)), what).toBe(false);
        expect(overlapsNode(g, p), what).toBe(false);
        // Tied to its line: the point it stands for is inside its box, or a short leader away.
        const tie = (x: number, y: number, px: number, py: number) =>
          Math.max(0, Math.abs(px - x) - p.boxWidth / 2) ** 2 + Math.max(0, Math.abs(py - y) - p.boxHeight / 2) ** 2;
        p.edgeVisible.forEach((v, k) => {
          if (v)
            expect(Math.sqrt(tie(p.edgeX[k], p.edgeY[k], p.edgePX[k], p.edgePY[k])), what).toBeLessThan(p.boxWidth);
        });
        p.biasVisible.forEach((v, k) => {
          if (v)
            expect(Math.sqrt(tie(p.biasX[k], p.biasY[k], p.biasPX[k], p.biasPY[k])), what).toBeLessThan(p.boxWidth);
        });
      }
    }
  });

  it('gives every label an anchor on its line, even when it is not drawn', () => {
    const g = stack(3, 16);
    const p = placeLabels(g);
    for (let l = 0; l < g.depth; l++) {
      for (let j = 0; j < g.sizes[l + 1]; j++) {
        for (let i = 0; i < g.sizes[l]; i++) {
          const k = g.weightOffset[l] + j * g.sizes[l] + i;
          const s = edgeSegment(g, l, j, i);
          const cross = (p.edgePX[k] - s.x1) * (s.y2 - s.y1) - (p.edgePY[k] - s.y1) * (s.x2 - s.x1);
          expect(Math.abs(cross) / Math.hypot(s.x2 - s.x1, s.y2 - s.y1)).toBeLessThan(1e-6);
        }
      }
    }
  });
});

describe('the loss column header', () => {
  it('stays inside the right edge and drops a line instead of running into the output header', async () => {
    const { lossHeaderPlacement } = await import('../../src/view/decor.ts');
    const { computeLayout, TEXT } = await import('../../src/view/network-layout.ts');
    const layout = computeLayout({ sizes: [3, 4, 2, 3], hasBias: [true, true, true], width: 660, height: 420 });
    const text = 'loss · cross-entropy';
    const at = lossHeaderPlacement(layout, text, 'softmax + b');
    expect(at.x + (text.length * TEXT.charWidth) / 2).toBeLessThanOrEqual(layout.width);
    expect(at.drop).toBe(true);
    const roomy = computeLayout({ sizes: [2, 2, 2], hasBias: [true, true], width: 1400, height: 600 });
    expect(lossHeaderPlacement(roomy, 'loss · ½ SSE', 'σ + b')).toEqual({ x: roomy.loss.x, drop: false });
  });
});
