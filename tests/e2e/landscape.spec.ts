import type { Page } from '@playwright/test';
import { batchRange, cloneParams, compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import { createWorkspace } from '../../src/core/workspace.ts';
import { choosePreset, clickEdge, openApp } from './helpers/app.ts';
import { preset } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * The Landscape tab: it computes the grid in slices and shows it; the numbers behind the
 * picture (data attributes of the plot) equal the core's loss at the same parameters.
 */

interface Sample {
  row: number;
  col: number;
  x: number;
  y: number;
  loss: number;
}

interface GridAttrs {
  p1: string;
  p2: string;
  step: number;
  nx: number;
  x0: number;
  dx: number;
  y0: number;
  dy: number;
  samples: Sample[];
}

async function readGrid(page: Page): Promise<GridAttrs> {
  const plot = page.getByTestId('landscape-plot');
  await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  const a = async (name: string) => (await plot.getAttribute(name)) ?? '';
  return {
    p1: await a('data-p1'),
    p2: await a('data-p2'),
    step: Number(await a('data-step')),
    nx: Number(await a('data-nx')),
    x0: Number(await a('data-x0')),
    dx: Number(await a('data-dx')),
    y0: Number(await a('data-y0')),
    dy: Number(await a('data-dy')),
    samples: JSON.parse(await a('data-samples')) as Sample[],
  };
}

/** The core's loss of the scenario's batch `step` with the two parameters set to (x, y). */
function coreLoss(id: string, weights: ((w: number[][][]) => void) | null, g: GridAttrs, x: number, y: number): number {
  const s = preset(id);
  if (weights) weights(s.weights);
  const c = compileScenario(s);
  const p = cloneParams(c.params);
  const set = (key: string, v: number) => {
    const [kind, index] = key.split(':');
    (kind === 'w' ? p.w : p.b)[Number(index)] = v;
  };
  set(g.p1, x);
  set(g.p2, y);
  const { start, count } = batchRange(c.data.count, c.batchSize, g.step);
  return forward(c.model, p, c.data, start, count, createWorkspace(c.model, count));
}

function expectCoreNumbers(id: string, g: GridAttrs): void {
  expect(g.samples.length).toBeGreaterThanOrEqual(4);
  for (const s of g.samples) {
    expect(s.x).toBeCloseTo(g.x0 + s.col * g.dx, 12);
    expect(s.y).toBeCloseTo(g.y0 + s.row * g.dy, 12);
    expect(s.loss).toBe(coreLoss(id, null, g, s.x, s.y));
  }
}

test('the Landscape tab shows the core’s loss over the two picked parameters', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-landscape').click();
  await expect(page.getByTestId('landscape-panel')).toBeVisible();
  const g = await readGrid(page);
  // nothing selected: the first two weights, ±1 around them, 64 × 64
  expect([g.p1, g.p2, g.nx]).toEqual(['w:0', 'w:1', 64]);
  expect(g.x0).toBeCloseTo(1 - 1, 12);
  expect(g.dx).toBeCloseTo(2 / 63, 12);
  expectCoreNumbers('walkthrough', g);
  await expect(page.getByTestId('landscape-summary')).toContainText('L over samples 1–6 at (1, 1) = 0.9038');

  // selecting an edge makes it θ₁ and the next weight θ₂
  await clickEdge(page, '1:0:1');
  await expect(page.getByTestId('landscape-p1')).toHaveValue('w:7');
  const g2 = await readGrid(page);
  expect([g2.p1, g2.p2]).toEqual(['w:7', 'w:0']);
  expectCoreNumbers('walkthrough', g2);
});

test('the local-minimum preset: θ₁ and θ₂ by default, range ±3; numbers equal the core; training leaves a path', async ({
  page,
}) => {
  await openApp(page);
  await choosePreset(page, 'landscape-local-minimum');
  await page.getByTestId('tab-landscape').click();
  await expect(page.getByTestId('landscape-p1').locator('option:checked')).toHaveText('θ₁');
  await expect(page.getByTestId('landscape-p2').locator('option:checked')).toHaveText('θ₂');
  await page.getByTestId('landscape-range').selectOption('3');
  await page.getByTestId('landscape-resolution').selectOption('32');
  const g = await readGrid(page);
  expect(g.nx).toBe(32);
  expect(g.x0).toBeCloseTo(-0.5 - 3, 12);
  expectCoreNumbers('landscape-local-minimum', g);
  await expect(page.getByTestId('landscape-plot').locator('canvas')).toHaveAttribute(
    'aria-label',
    /Loss over θ₁ and θ₂, 32 by 32 points/,
  );

  await page.getByTestId('train-1000').click();
  await expect(page.getByTestId('train-stop')).toHaveCount(0, { timeout: 10_000 });
  const path = Number(await page.getByTestId('landscape-plot').getAttribute('data-path-points'));
  expect(path).toBeGreaterThanOrEqual(2);
  // the grid follows the weights: recentred on the trained θ₁ (in the local basin, θ₁ < 0)
  const after = await readGrid(page);
  expect(after.x0 + 3).toBeLessThan(-1);
});
