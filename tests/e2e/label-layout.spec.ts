import type { Page } from '@playwright/test';
import { initWeights, mulberry32 } from '../../src/core/init.ts';
import { choosePreset, openApp } from './helpers/app.ts';
import { parse, PRESET_IDS, shareHash } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';
import { measureLabels } from './helpers/label-metrics.ts';

/**
 * Issue 9's "every number drawn, none struck through, legible on a projector": for every
 * preset and a few seeded random classroom networks (20–40 parameters), at the end of an
 * iteration (every value, gradient and update known), at 1366×768 and in presentation mode
 * at 1366×768 and 1920×1080, every weight's and bias's label is drawn, none overlaps another
 * label or a node, no other edge runs through a label's text, and the text is large enough.
 */

interface Size {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly presentation: boolean;
  readonly minPx: number;
}

const SIZES: readonly Size[] = [
  { name: 'laptop 1366x768', width: 1366, height: 768, presentation: false, minPx: 11 },
  // A projector of 1366×768 gets the same share of the screen as 18 px at 1080 lines.
  { name: 'presentation 1366x768', width: 1366, height: 768, presentation: true, minPx: (18 * 768) / 1080 },
  { name: 'projector 1920x1080', width: 1920, height: 1080, presentation: true, minPx: 18 },
];

/** A seeded random network of 20 to 40 parameters: 2 to 4 layers of 1 to 5 nodes, mixed activations, biases on some layers. */
function randomNetwork(seed: number): unknown {
  const draw = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(draw() * xs.length)];
  for (;;) {
    const depth = 2 + Math.floor(draw() * 3);
    const sizes = Array.from({ length: depth + 1 }, () => 1 + Math.floor(draw() * 5));
    const bias = sizes.slice(1).map(() => draw() < 0.7);
    let params = 0;
    for (let l = 0; l < depth; l++) params += sizes[l] * sizes[l + 1] + (bias[l] ? sizes[l + 1] : 0);
    if (params < 20 || params > 40) continue;
    const layers: unknown[] = [{ size: sizes[0] }];
    for (let l = 1; l <= depth; l++) {
      layers.push({
        size: sizes[l],
        activation: { type: l === depth ? 'sigmoid' : pick(['tanh', 'relu', 'sigmoid']) },
        bias: bias[l - 1],
      });
    }
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    const doc = {
      format: 'backprop-scenario/1',
      title: `random ${sizes.join('-')} (seed ${seed})`,
      layers,
      weights: initWeights({ type: 'xavier', seed }, sizes).map((m) => m.map((row) => row.map(round))),
      biases: sizes
        .slice(1)
        .map((n, l) =>
          bias[l] ? Array.from({ length: n }, () => round(draw() - 0.5)) : Array.from({ length: n }, () => 0),
        ),
      loss: 'mse',
      reduction: 'mean',
      data: [0, 1].map(() => ({
        x: Array.from({ length: sizes[0] }, () => round(2 * draw() - 1)),
        y: Array.from({ length: sizes[depth] }, () => round(draw())),
      })),
      optimizer: { type: 'sgd', learningRate: 0.5 },
    };
    parse(doc);
    return doc;
  }
}

async function toEnd(page: Page): Promise<void> {
  await page.locator('body').press('End');
  await expect(page.getByTestId('step-caption')).toHaveText(/^(\d+)\/\1\b/);
}

async function setPresentation(page: Page, on: boolean): Promise<void> {
  if (!on) return;
  await page.locator('body').press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
}

async function expectReadable(page: Page, what: string, size: Size): Promise<void> {
  // Let the resize observer and a frame settle after a mode or viewport change.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const m = await measureLabels(page);
  expect(m.params, `${what}: the network has parameters`).toBeGreaterThan(0);
  expect(m.overlaps, `${what}: labels overlapping labels`).toEqual([]);
  expect(m.nodeOverlaps, `${what}: labels overlapping a node, node text, header or the legend`).toEqual([]);
  expect(m.struck, `${what}: labels an edge runs through`).toEqual([]);
  expect(m.leadersOver, `${what}: leaders drawn over a node, its text, a header or a label`).toEqual([]);
  expect(m.minFontPx, `${what}: smallest label text (px)`).toBeGreaterThanOrEqual(size.minPx - 0.01);
  expect(m.missing, `${what}: labels not drawn (${m.drawn} of ${m.params} drawn)`).toEqual([]);
  await expect(page.getByTestId('hidden-labels')).toHaveCount(0);
}

for (const size of SIZES) {
  test.describe(`label layout, ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const id of PRESET_IDS) {
      test(`${id}: every label drawn, no overlap, none struck, readable`, async ({ page }) => {
        await openApp(page);
        await choosePreset(page, id);
        await setPresentation(page, size.presentation);
        await toEnd(page);
        await expectReadable(page, `${id} at ${size.name}`, size);
      });
    }

    for (const seed of [3, 17, 42]) {
      test(`random network of 20-40 parameters (seed ${seed})`, async ({ page }) => {
        const doc = randomNetwork(seed);
        await openApp(page, shareHash(doc));
        await setPresentation(page, size.presentation);
        await toEnd(page);
        await expectReadable(page, `${(doc as { title: string }).title} at ${size.name}`, size);
      });
    }
  });
}

test.describe('diagram text size', () => {
  const labelPx = (page: Page) =>
    page
      .locator('.bp-label .bp-label-value')
      .first()
      .evaluate((t) => {
        const el = t as SVGTextElement;
        return (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height) / el.getBBox().height;
      });

  test('A+ and A− (by keyboard too) change the size of the diagram text; the size is kept on reload', async ({
    page,
  }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    const start = await labelPx(page);
    expect(start).toBeGreaterThanOrEqual(11 - 0.01);
    await page.getByTestId('text-larger').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => labelPx(page)).toBeGreaterThan(start * 1.1);
    const larger = await labelPx(page);
    const m = await measureLabels(page);
    expect(m.overlaps).toEqual([]);
    expect(m.struck).toEqual([]);
    await page.waitForTimeout(600);
    await page.reload();
    await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
    await expect.poll(() => labelPx(page)).toBeCloseTo(larger, 1);
    await page.getByTestId('text-smaller').click();
    await expect.poll(() => labelPx(page)).toBeCloseTo(start, 1);
  });

  test('presentation mode makes the diagram text larger than the laptop layout', async ({ page }) => {
    await openApp(page);
    const laptop = await labelPx(page);
    await page.locator('body').press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    await expect.poll(() => labelPx(page)).toBeGreaterThan(laptop * 1.1);
  });
});
