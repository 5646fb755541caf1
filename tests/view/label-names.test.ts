import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, valueCharsFor } from '../../src/view/label-placement.ts';
import { computeLayout, type NetworkLayout } from '../../src/view/network-layout.ts';

/**
 * Names on the placed labels ("b₁ (h₂) = 0.35"): the laptop layout names every label; a narrower
 * diagram (presentation mode with a lesson open) where not every named label fits still names
 * each label that has room for its name, instead of dropping every name.
 */

const valueChars = valueCharsFor(4);
// Mazur's 2-2-2 with biases; its longest name, "b₁ (h₂)", is 7 characters.
const mazur = (width: number, height: number) =>
  computeLayout({
    sizes: [2, 2, 2],
    hasBias: [true, true],
    width,
    height,
    legendHeight: 40,
    labelBox: labelBox(valueChars),
  });
const options = { nameChars: 7, valueChars };

/** The boxes drawn for the placed labels: a named one as wide as the named box, the others the plain box. */
function drawnBoxes(g: NetworkLayout, p: ReturnType<typeof placeLabels>) {
  const out: { idx: number; x0: number; y0: number; x1: number; y1: number }[] = [];
  const add = (idx: number, x: number, y: number) => {
    const w = p.labelNamed[idx] ? p.namedWidth : p.boxWidth;
    out.push({ idx, x0: x - w / 2, y0: y - p.boxHeight / 2, x1: x + w / 2, y1: y + p.boxHeight / 2 });
  };
  p.edgeVisible.forEach((v, i) => v && add(i, p.edgeX[i], p.edgeY[i]));
  p.biasVisible.forEach((v, b) => v && add(g.weightCount + b, p.biasX[b], p.biasY[b]));
  return out;
}

describe('names on the placed labels', () => {
  it('names every label where every named label fits (the laptop layout with a lesson open)', () => {
    const p = placeLabels(mazur(615, 449), options);
    expect(p.named).toBe(true);
    expect(Array.from(p.labelNamed)).toEqual(Array(12).fill(1));
  });

  it('names each label with room for its name where not all fit (presentation mode with a lesson open)', () => {
    const g = mazur(538, 419);
    const p = placeLabels(g, options);
    expect(p.visibleCount).toBe(12);
    expect(p.named).toBe(false);
    const named = Array.from(p.labelNamed).filter((v) => v === 1).length;
    expect(named).toBeGreaterThanOrEqual(6);
    const boxes = drawnBoxes(g, p);
    for (const a of boxes) {
      expect(a.x0).toBeGreaterThanOrEqual(0);
      expect(a.x1).toBeLessThanOrEqual(g.width);
      for (const b of boxes)
        if (a !== b)
          expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${a.idx} and ${b.idx}`).toBe(false);
      // a named label still covers its plain box: its own line (or leader) meets it as before
    }
  });
});
