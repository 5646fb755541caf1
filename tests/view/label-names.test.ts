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

/** No two boxes overlap, and each lies inside the diagram. */
function expectApart(g: NetworkLayout, boxes: ReturnType<typeof drawnBoxes>) {
  for (const a of boxes) {
    expect(a.x0).toBeGreaterThanOrEqual(0);
    expect(a.x1).toBeLessThanOrEqual(g.width);
    for (const b of boxes)
      if (a !== b)
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${a.idx} and ${b.idx}`).toBe(false);
  }
}

/** The boxes drawn for the placed labels: a named one as wide as the named box, the others the plain box. */
function drawnBoxes(g: NetworkLayout, p: ReturnType<typeof placeLabels>) {
  const out: { idx: number; x0: number; y0: number; x1: number; y1: number }[] = [];
  const add = (idx: number, x: number, y: number) => {
    const w = p.labelNamed[idx] ? p.labelNamedWidth[idx] : p.boxWidth;
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
    expectApart(g, drawnBoxes(g, p));
  });

  // Mazur's weights are "w₁" … "w₈" (2 characters), its biases "b₁ (h₁)" (7): a weight's named box
  // is the weight name's, not the longest bias name's. In presentation mode at 1920×1080 with the
  // lesson open (538×419 layout units) the weight labels the lesson names (w₁ … w₈) keep their names:
  // with every box as wide as "b₁ (h₁) = 0.35", only three of the eight did ("0.15" alone for w₁).
  it("names Mazur's weight labels with their own names' room at the projector's size", () => {
    const g = mazur(538, 419);
    const p = placeLabels(g, { ...options, weightNameChars: 2 });
    expect(p.visibleCount).toBe(12);
    const namedWeights = Array.from(p.labelNamed.slice(0, g.weightCount)).filter((v) => v === 1).length;
    expect(namedWeights).toBeGreaterThanOrEqual(7);
    const biases = Array.from(p.labelNamed.slice(g.weightCount)).filter((v) => v === 1).length;
    expect(biases, 'the bias labels keep theirs').toBe(4);
    expect(p.labelNamedWidth[0], "a weight's named box is narrower than a bias's").toBeLessThan(
      p.labelNamedWidth[g.weightCount],
    );
    expectApart(g, drawnBoxes(g, p));
  });
});
