import type { Page } from '@playwright/test';
import { compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { createWorkspace } from '../../src/core/workspace.ts';
import { generateDataset } from '../../src/core/datasets/generate-dataset.ts';
import { formatValue } from '../../src/core/format-number.ts';
import { createTrainer } from '../../src/core/train.ts';
import { trainWithHistories } from '../../src/core/train-histories.ts';
import { choosePreset, clickEdge, openApp, typeInto } from './helpers/app.ts';
import { coreOutput, preset } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

const SESSION_KEY = 'backprop-lab:session';

/**
 * The Data tab: the network's output behind the samples, selecting, adding and removing
 * points, the test loss, CSV import. Expected numbers come from the core run here, on the
 * scenario, and colours from the README's rule, not from the view's code.
 */

async function openData(page: Page, id = 'playground'): Promise<void> {
  await openApp(page);
  await choosePreset(page, id);
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('data-plot')).toBeVisible();
  await expect(page.getByTestId('data-point').first()).toBeVisible();
}

interface Heatmap {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  res: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

async function readHeatmap(page: Page): Promise<Heatmap> {
  const c = page.getByTestId('data-heatmap');
  const n = async (k: string) => Number(await c.getAttribute(`data-${k}`));
  return {
    x0: await n('x0'),
    x1: await n('x1'),
    y0: await n('y0'),
    y1: await n('y1'),
    res: await n('res'),
    left: await n('left'),
    top: await n('top'),
    width: await n('width'),
    height: await n('height'),
  };
}

/**
 * The heatmap's RGBA under the point (x, y) of the plane, in CSS pixels from the plane's top
 * left: read from the canvas's pixel that the browser shows there, whatever the canvas's own
 * resolution and place.
 */
function heatPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.getByTestId('data-heatmap').evaluate(
    (el, [px, py]) => {
      const canvas = el as HTMLCanvasElement;
      const plane = document.querySelector('[data-testid="data-plane"]')!.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      const cx = Math.floor(((plane.left + px - box.left) * canvas.width) / box.width);
      const cy = Math.floor(((plane.top + py - box.top) * canvas.height) / box.height);
      return Array.from(canvas.getContext('2d')!.getImageData(cx, cy, 1, 1).data);
    },
    [x, y],
  );
}

/** The README's rule for one tanh output: class 1 (blue) when ŷ ≥ 0, class 0 (orange) below; white mixed 60 % toward it at |ŷ| = 1. */
function expectedColour(y: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, (y + 1) / 2));
  const cls = t >= 0.5 ? [31, 100, 200] : [230, 115, 0];
  const f = 0.6 * Math.abs(2 * t - 1);
  return [0, 1, 2].map((k) => Math.round(255 + (cls[k] - 255) * f)) as [number, number, number];
}

test('the heatmap’s colour at sampled pixels is the core’s output at those inputs', async ({ page }) => {
  await openData(page);
  const h = await readHeatmap(page);
  expect(h.res).toBe(64);
  const s = preset('playground');
  let checked = 0;
  for (const [r, c] of [
    [0, 0],
    [5, 60],
    [20, 33],
    [32, 32],
    [40, 7],
    [63, 63],
    [50, 45],
  ]) {
    const px = h.left + ((c + 0.5) * h.width) / h.res;
    const py = h.top + ((r + 0.5) * h.height) / h.res;
    const rgba = await heatPixel(page, px, py);
    const u = h.x0 + ((c + 0.5) * (h.x1 - h.x0)) / h.res;
    const v = h.y1 - ((r + 0.5) * (h.y1 - h.y0)) / h.res;
    const [y] = coreOutput(s, [u, v]);
    const want = expectedColour(y);
    for (let k = 0; k < 3; k++)
      expect(Math.abs(rgba[k] - want[k]), `cell (${r}, ${c}) channel ${k}`).toBeLessThanOrEqual(1);
    checked++;
  }
  expect(checked).toBe(7);
});

test('after a training run, the heatmap is back at 64 × 64 cells and its colours are the trained network’s, by the core', async ({
  page,
}) => {
  await openData(page);
  await page.getByTestId('train-100').click();
  await expect(page.getByTestId('loss-chart-summary')).toContainText('100 steps');
  // the run's frames draw a coarser grid; the frame at rest draws the full one
  await expect(page.getByTestId('data-heatmap')).toHaveAttribute('data-res', '64');
  const h = await readHeatmap(page);
  const s = preset('playground');
  const tr = createTrainer(compileScenario(s));
  trainWithHistories(tr, 100);
  const trained = (x: number[]) => {
    const c = compileScenario({ ...s, data: [{ x, y: [0] }], testData: undefined, batchSize: undefined });
    const ws = createWorkspace(c.model, 1);
    forward(c.model, tr.params, c.data, 0, 1, ws);
    return ws.a[c.model.nodeOffset[c.model.depth]];
  };
  for (const [r, c] of [
    [3, 3],
    [31, 40],
    [60, 12],
    [45, 58],
  ]) {
    const want = expectedColour(
      trained([h.x0 + ((c + 0.5) * (h.x1 - h.x0)) / 64, h.y1 - ((r + 0.5) * (h.y1 - h.y0)) / 64]),
    );
    await expect
      .poll(async () => {
        const got = await heatPixel(page, h.left + ((c + 0.5) * h.width) / 64, h.top + ((r + 0.5) * h.height) / 64);
        return Math.max(...[0, 1, 2].map((k) => Math.abs(got[k] - want[k])));
      }, `cell (${r}, ${c})`)
      .toBeLessThanOrEqual(1);
  }
});

test('the heatmap follows a bias edited on the diagram, live', async ({ page }) => {
  await openData(page);
  const h = await readHeatmap(page);
  const [r, c] = [10, 12];
  const pixel = () => heatPixel(page, h.left + ((c + 0.5) * h.width) / h.res, h.top + ((r + 0.5) * h.height) / h.res);
  const before = await pixel();
  // the output's bias set to 2 on the diagram while the Data tab shows
  await page.locator('.bp-label[data-sel="bias:2:0"]').dblclick();
  const input = page.getByTestId('diagram-edit');
  await expect(input).toBeFocused();
  await input.fill('2');
  await input.press('Enter');
  await expect.poll(pixel).not.toEqual(before);
  const s = preset('playground');
  s.biases[2] = [2];
  const u = h.x0 + ((c + 0.5) * (h.x1 - h.x0)) / h.res;
  const v = h.y1 - ((r + 0.5) * (h.y1 - h.y0)) / h.res;
  const want = expectedColour(coreOutput(s, [u, v])[0]);
  const got = await pixel();
  for (let k = 0; k < 3; k++) expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(1);
});

/** A training point of the current batch that no other point covers: its index and centre. */
async function clearPoint(
  page: Page,
  maxIndex: number,
  minIndex = 1,
): Promise<{ index: number; x: number; y: number }> {
  const found = await page.evaluate(
    ([min, max]) => {
      for (const el of document.querySelectorAll<SVGGraphicsElement>('[data-testid="data-point"][data-set="train"]')) {
        const index = Number(el.dataset.index);
        if (index >= max || index < min) continue;
        const b = el.getBoundingClientRect();
        const x = b.left + b.width / 2;
        const y = b.top + b.height / 2;
        if (document.elementFromPoint(x, y) === el) return { index, x, y };
      }
      return null;
    },
    [minIndex, maxIndex],
  );
  expect(found).not.toBeNull();
  return found!;
}

test('clicking a point selects its sample for the diagram and the math', async ({ page }) => {
  await openData(page);
  const p = await clearPoint(page, 10);
  expect(p.index).toBeGreaterThanOrEqual(0);
  await page.mouse.click(p.x, p.y);
  await expect(page.getByTestId(`sample-row-${p.index}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('data-selected')).toHaveAttribute('data-index', String(p.index));
  // the diagram's input nodes show that sample's inputs
  const s = preset('playground');
  await expect(page.getByTestId('sample-row-' + p.index)).toContainText(String(s.data[p.index].x[0]).slice(0, 5));
});

test('clicking a point outside the current batch shows that sample’s batch, its sample selected, and Next iteration trains the step’s own batch', async ({
  page,
}) => {
  await openData(page);
  const table = page.getByTestId('batch-range');
  await expect(table).toContainText('batch: samples 1–10 of 100');
  // a training point of another batch (the playground preset takes 10 samples a step)
  const p = await clearPoint(page, 100, 20);
  const batch = Math.floor(p.index / 10);
  await page.mouse.click(p.x, p.y);
  await expect(page.getByTestId(`sample-row-${p.index}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('data-selected')).toHaveAttribute('data-index', String(p.index));
  await expect(table).toContainText(`batch: samples ${batch * 10 + 1}–${batch * 10 + 10} of 100`);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  // the diagram's inputs are that sample's inputs, and its output the core's ŷ for it
  const s = preset('playground');
  const x = s.data[p.index].x;
  await expect(page.locator('.bp-node[data-node="0:0"]')).toHaveAttribute('data-a', String(x[0]));
  await expect(page.locator('.bp-node[data-node="0:1"]')).toHaveAttribute('data-a', String(x[1]));
  await page.keyboard.press('End');
  const yHat = Number(await page.locator('.bp-node[data-node="3:0"]').getAttribute('data-a'));
  expect(Math.abs(yHat - coreOutput(s, x)[0])).toBeLessThan(1e-12);
  // the spec's order stands: step 0 trains samples 1–10, so step 1's batch is samples 11–20
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await expect(table).toContainText('batch: samples 11–20 of 100');
});

test('adding a point by a click adds a sample; undo removes it; remove mode removes one', async ({ page }) => {
  await openData(page);
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
  await page.getByTestId('data-mode-add').check();
  await page.getByTestId('data-class-0').check();
  const h = await readHeatmap(page);
  const box = (await page.getByTestId('data-plane').boundingBox())!;
  // near the top left corner of the plane, where there is no point
  const px = h.left + h.width * 0.04;
  const py = h.top + h.height * 0.04;
  await page.mouse.click(box.x + px, box.y + py);
  await expect(page.getByTestId('data-counts')).toHaveText('101 training samples, 100 test');
  const added = page.locator('[data-testid="data-point"][data-set="train"][data-index="100"]');
  await expect(added).toHaveAttribute('data-class', '0');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
  await expect(added).toHaveCount(0);
  await page.getByTestId('data-mode-remove').check();
  await page.locator('[data-testid="data-point"][data-set="test"][data-index="0"]').click({ force: true });
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 99 test');
});

test('a generator replaces data and testData with its points, as one undoable edit', async ({ page }) => {
  await openData(page);
  await page.getByTestId('data-generator').locator('summary').click();
  await page.getByTestId('gen-type').selectOption('xor');
  await page.getByTestId('gen-count').fill('60');
  await page.getByTestId('gen-seed').fill('3');
  await page.getByTestId('gen-test').fill('0.25');
  await page.getByTestId('gen-run').click();
  await expect(page.getByTestId('data-counts')).toHaveText('45 training samples, 15 test');
  await expect(page.getByTestId('data-point')).toHaveCount(60);
  // the same settings, through the core: the first training sample's inputs in the table
  const g = generateDataset({ generator: 'xor', count: 60, noise: 0, seed: 3, testFraction: 0.25, targets: 'sign' });
  expect(g.ok).toBe(true);
  if (!g.ok) return;
  await expect(page.getByTestId('sample-row-0')).toContainText(formatValue(g.value.data[0].x[0], 4));
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
  // a bad setting is named and changes nothing
  await page.getByTestId('gen-noise').fill('2');
  await page.getByTestId('gen-run').click();
  await expect(page.getByTestId('notice')).toContainText('noise: expected a number in [0, 1], got 2');
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
});

test('data from a generator makes the scenario the user’s own in the preset menu; training does not; undo and choosing the preset bring it back', async ({
  page,
}) => {
  await openData(page);
  const menu = page.getByTestId('preset-menu');
  const shown = menu.locator('option:checked');
  // training changes the parameters, not the preset's problem: the menu still names it
  await page.getByTestId('train-10').click();
  await expect(page.getByTestId('loss-chart-summary')).toContainText(/^10 steps/);
  await expect(menu).toHaveValue('playground');
  await expect(shown).toHaveText('Playground circle');
  await page.getByTestId('data-generator').locator('summary').click();
  await page.getByTestId('gen-type').selectOption('gaussians');
  await page.getByTestId('gen-run').click();
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
  await expect(menu).toHaveValue('');
  await expect(shown).toHaveText('Your scenario');
  await expect(menu).toHaveAttribute('title', /Playground/);
  // undo: the preset's data again, and its name
  await page.getByTestId('undo').click();
  await expect(menu).toHaveValue('playground');
  await expect(shown).toHaveText('Playground circle');
  // redo, then the preset chosen again from the menu loads it (the same value was no change before)
  await page.getByTestId('redo').click();
  await expect(menu).toHaveValue('');
  await choosePreset(page, 'playground');
  await expect(page.getByTestId('loss-chart-summary')).toHaveText('not trained yet');
  await expect(shown).toHaveText('Playground circle');
});

test('sine on a 2-input network: the generator says the input layer becomes 1 node, and Generate does it in one undoable edit', async ({
  page,
}) => {
  await openData(page);
  await page.getByTestId('data-generator').locator('summary').click();
  const hint = page.getByTestId('gen-hint');
  await expect(hint).toHaveCount(0);
  await page.getByTestId('gen-type').selectOption('sine');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Sine has 1 input; this network has 2');
  await page.getByTestId('gen-count').fill('40');
  await page.getByTestId('gen-test').fill('0.25');
  await page.getByTestId('gen-run').click();
  await expect(page.getByTestId('data-counts')).toHaveText('30 training samples, 10 test');
  // the network now has one input, and the Data tab draws its output as a curve over it
  await expect(page.locator('[data-node="0:1"]')).toHaveCount(0);
  await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
  await expect(page.getByTestId('data-curve')).toHaveCount(1);
  await expect(hint).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('input layer now has 1 node');
  // the same settings, through the core: the first training sample's input in the table
  const g = generateDataset({ generator: 'sine', count: 40, noise: 0, seed: 1, testFraction: 0.25 });
  expect(g.ok).toBe(true);
  if (!g.ok) return;
  await expect(page.getByTestId('sample-row-0')).toContainText(formatValue(g.value.data[0].x[0], 4));
  // one undo: the two inputs and the circle data back
  await page.getByTestId('undo').click();
  await expect(page.locator('[data-node="0:1"]')).toHaveCount(1);
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
});

test('at 1366×768, the plot stays in view while the generator is scrolled into view under it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openData(page);
  await page.getByTestId('data-generator').locator('summary').click();
  const run = page.getByTestId('gen-run');
  await run.scrollIntoViewIfNeeded();
  const panel = (await page.getByTestId('data-panel').boundingBox())!;
  // the panel did scroll: the generator was below its fold
  expect(await page.getByTestId('data-panel').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const plane = (await page.getByTestId('data-plane').boundingBox())!;
  const h = await readHeatmap(page);
  // the whole plot (the heatmap's square) within the panel's visible box
  const top = plane.y + h.top;
  const bottom = plane.y + h.top + h.height;
  expect(top).toBeGreaterThanOrEqual(panel.y - 0.5);
  expect(bottom).toBeLessThanOrEqual(panel.y + panel.height + 0.5);
  expect(bottom).toBeLessThanOrEqual(768);
  // and the Generate button is not under it: a click there reaches the button
  const b = (await run.boundingBox())!;
  expect(b.y).toBeGreaterThanOrEqual(bottom - 0.5);
  expect(b.y + b.height).toBeLessThanOrEqual(panel.y + panel.height + 0.5);
  const hit = await page.evaluate(
    ([x, y]) => (document.elementFromPoint(x, y) as HTMLElement | null)?.dataset.testid ?? null,
    [b.x + b.width / 2, b.y + b.height / 2],
  );
  expect(hit).toBe('gen-run');
  // generating redraws the plot the teacher is looking at
  await page.getByTestId('gen-type').selectOption('xor');
  await run.click();
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
  const after = (await page.getByTestId('data-plane').boundingBox())!;
  expect(after.y + h.top).toBeGreaterThanOrEqual(panel.y - 0.5);
});

/** Whether the element is whole inside the Data panel's visible box, and a click at its centre reaches it (nothing, such as the plot, over it). */
function reachable(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const panel = document.querySelector('[data-testid="data-panel"]')!.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    const inside = b.top >= panel.top - 0.5 && b.bottom <= panel.bottom + 0.5 && b.bottom <= window.innerHeight;
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return inside && hit !== null && (hit === el || el.contains(hit));
  });
}

test('at 1366×768, opening the generator shows its controls and Generate button under the plot, whichever generator is chosen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openData(page);
  await page.getByTestId('data-generator').locator('summary').click();
  for (const g of ['circle', 'xor', 'gaussians', 'spiral', 'plane', 'sine']) {
    await page.getByTestId('gen-type').selectOption(g);
    for (const id of ['gen-type', 'gen-count', 'gen-noise', 'gen-seed', 'gen-test', 'gen-run'])
      await expect.poll(() => reachable(page, id), `${g}: ${id}`).toBe(true);
    // the plot is still whole in view above them
    const panel = (await page.getByTestId('data-panel').boundingBox())!;
    const plane = (await page.getByTestId('data-plane').boundingBox())!;
    const h = await readHeatmap(page);
    expect(plane.y + h.top, g).toBeGreaterThanOrEqual(panel.y - 0.5);
  }
});

test('a CSV import with an error names its row and column and changes nothing; a valid one replaces the data', async ({
  page,
}) => {
  await openData(page);
  const file = page.getByTestId('data-csv-file');
  await file.setInputFiles({
    name: 'points.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('set,x1,x2,y1\ntrain,0.5,0.5,1\ntrain,abc,0.25,-1\n'),
  });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('points.csv: not imported; nothing was changed.');
  await expect(notice).toContainText('row 3, column 2 (x1)');
  await expect(page.getByTestId('data-counts')).toHaveText('100 training samples, 100 test');
  await file.setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('set,x1,x2,y1\ntrain,0.5,0.5,1\ntrain,-0.5,0.25,-1\ntest,0,0,1\n'),
  });
  await expect(page.getByTestId('data-counts')).toHaveText('2 training samples, 1 test');
  await expect(page.getByTestId('data-point')).toHaveCount(3);
});

test('dragging a point moves its sample, and undo puts it back in one step', async ({ page }) => {
  await openData(page);
  const p = await clearPoint(page, 100);
  const before = await page
    .locator(`[data-testid="data-point"][data-set="train"][data-index="${p.index}"]`)
    .getAttribute('transform');
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + 10, p.y + 5, { steps: 3 });
  await page.mouse.move(p.x + 30, p.y + 20, { steps: 3 });
  await page.mouse.up();
  const moved = page.locator(`[data-testid="data-point"][data-set="train"][data-index="${p.index}"]`);
  await expect(moved).not.toHaveAttribute('transform', before ?? '');
  await page.getByTestId('undo').click();
  await expect(moved).toHaveAttribute('transform', before ?? '');
});

test('with testData, training draws the test loss beside the training loss, and the table lists test samples apart', async ({
  page,
}) => {
  await openData(page);
  await expect(page.getByTestId('test-samples')).toContainText('Test samples (100)');
  await expect(page.getByTestId('loss-legend')).toHaveCount(0);
  await page.getByTestId('train-10').click();
  await expect(page.getByTestId('loss-chart-summary')).toContainText('10 steps');
  const lines = page.locator('[data-testid="loss-chart"] .bp-chart-line');
  await expect(lines).toHaveCount(2);
  await expect(page.getByTestId('loss-legend')).toBeVisible();
  const h = trainWithHistories(createTrainer(compileScenario(preset('playground'))), 10);
  await expect(page.getByTestId('loss-chart-summary')).toContainText(`test L = ${formatValue(h.testLoss![10], 4)}`);
  await expect(page.getByTestId('data-test-loss')).toContainText(formatValue(h.testLoss![10], 4));
  // without test data there is one line
  await page.getByTestId('preset-menu').selectOption('mazur');
  await page.getByTestId('train-10').click();
  await expect(page.getByTestId('loss-chart-summary')).toContainText('10 steps');
  await expect(lines).toHaveCount(1);
  await expect(page.getByTestId('test-samples')).toHaveCount(0);
});

for (const [width, height, presenting] of [
  [1920, 1080, true],
  [1366, 768, false],
  [1024, 768, false],
] as const) {
  test(`at ${width}×${height}${presenting ? ' in presentation mode' : ''}, the loss chart's legend and its controls lie inside the chart and the viewport`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openData(page);
    await page.getByTestId('train-100').click();
    await expect(page.getByTestId('loss-chart-summary')).toContainText(/^100 steps.*test L =/);
    if (presenting) {
      await page.getByTestId('presentation-toggle').click();
      await expect(page.getByTestId('presentation-toggle')).toHaveAttribute('aria-pressed', 'true');
    }
    const chart = page.locator('section.loss-chart');
    const legend = page.getByTestId('loss-legend');
    await expect(legend).toContainText('test');
    // the chart's head, its legend and whatever control it shows, each whole within the chart's box and the window
    await expect
      .poll(() =>
        chart.evaluate((section) => {
          const box = section.getBoundingClientRect();
          const head = section.querySelector('.panel-head')!;
          const out = [...head.children]
            .filter((el) => el.getBoundingClientRect().width > 0)
            .filter((el) => {
              const b = el.getBoundingClientRect();
              return b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.right > window.innerWidth + 0.5;
            })
            .map((el) => el.textContent);
          return { out, overflow: head.scrollWidth - head.clientWidth };
        }),
      )
      .toEqual({ out: [], overflow: 0 });
  });
}

test('an L2 rate set in Settings shows the penalty as its own term of the loss and of a weight’s gradient', async ({
  page,
}) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('settings-toggle').click();
  await typeInto(page, 'setting-l2', '0.1');
  await page.getByRole('button', { name: 'Close the settings' }).click();
  await page.keyboard.press('End');
  await page.locator('[data-loss]').first().click();
  const math = page.getByTestId('math-panel');
  await expect(math.getByRole('heading', { name: 'Plus the weight penalty' })).toBeVisible();
  await clickEdge(page, '0:0:0');
  await expect(math.getByRole('heading', { name: 'With the weight penalty' })).toBeVisible();
  // undo takes the rate away again
  await page.getByTestId('undo').click();
  await expect(math.getByRole('heading', { name: 'With the weight penalty' })).toHaveCount(0);
});

test('a reload keeps the test loss curve beside the training loss', async ({ page }) => {
  await openData(page);
  // the preset's address, written 250 ms after it was chosen
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#scenario=/);
  const hashBefore = await page.evaluate(() => window.location.hash);
  await page.getByTestId('train-10').click();
  const summary = page.getByTestId('loss-chart-summary');
  await expect(summary).toContainText('10 steps');
  const lines = page.locator('[data-testid="loss-chart"] .bp-chart-line');
  await expect(lines).toHaveCount(2);
  const text = await summary.textContent();
  expect(text).toContain('test L = ');
  // saved as the user works (debounced), and the address shows the trained scenario (250 ms
  // after the run), then reloaded: a reload issued while the address is being rewritten can
  // load the address from before the run, which opens as a link and sets the session aside
  await expect
    .poll(() =>
      page.evaluate(
        ([key, before]) => {
          const saved = window.localStorage.getItem(key);
          const losses =
            saved === null ? 0 : ((JSON.parse(saved) as { testLossHistory?: unknown[] }).testLossHistory?.length ?? 0);
          return `${losses} test losses saved, ${window.location.hash === before ? 'the address before the run' : 'the address after it'}`;
        },
        [SESSION_KEY, hashBefore] as const,
      ),
    )
    .toBe('11 test losses saved, the address after it');
  await page.reload();
  await expect(page.getByTestId('app')).toBeVisible();
  await expect(lines).toHaveCount(2);
  await expect(summary).toHaveText(text!);
  await expect(page.getByTestId('loss-legend')).toBeVisible();
});

/** a of node j of layer l for one input, by the core's forward pass. */
function coreActivation(s: Scenario, x: number[], l: number, j: number): number {
  const c = compileScenario({ ...s, data: [{ x, y: s.data[0].y }], testData: undefined, batchSize: undefined });
  const ws = createWorkspace(c.model, 1);
  forward(c.model, c.params, c.data, 0, 1, ws);
  return ws.a[c.model.nodeOffset[l] + j];
}

/** The README's rule for a neuron's picture of a tanh node: orange below 0, blue above, white mixed all the way toward it at |a| = 1. */
function pictureColour(a: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, (a + 1) / 2));
  const cls = t >= 0.5 ? [31, 100, 200] : [230, 115, 0];
  const f = Math.abs(2 * t - 1);
  return [0, 1, 2].map((k) => Math.round(255 + (cls[k] - 255) * f)) as [number, number, number];
}

test('each hidden and output neuron’s picture on the diagram is its activation over the plane, by the core', async ({
  page,
}) => {
  await openData(page);
  const pictures = page.getByTestId('neuron-picture');
  await expect(pictures).toHaveCount(0);
  await page.getByTestId('neuron-pictures-toggle').check();
  // 4 + 4 hidden nodes and the output, none for the inputs
  await expect(pictures).toHaveCount(9);
  const h = await readHeatmap(page);
  const s = preset('playground');
  for (const [l, j] of [
    [1, 0],
    [2, 3],
    [3, 0],
  ]) {
    const pic = page.locator(`[data-testid="neuron-picture"][data-node="${l}:${j}"]`);
    // the same plane as the heatmap behind the points
    for (const k of ['x0', 'x1', 'y0', 'y1', 'res'] as const)
      expect(Number(await pic.getAttribute(`data-${k}`)), k).toBe(h[k]);
    for (const [r, c] of [
      [0, 0],
      [9, 50],
      [31, 31],
      [47, 12],
      [63, 63],
    ]) {
      const rgba = await pic.evaluate(
        (el, [x, y]) => Array.from((el as HTMLCanvasElement).getContext('2d')!.getImageData(x, y, 1, 1).data),
        [c, r],
      );
      const u = h.x0 + ((c + 0.5) * (h.x1 - h.x0)) / h.res;
      const v = h.y1 - ((r + 0.5) * (h.y1 - h.y0)) / h.res;
      const want = pictureColour(coreActivation(s, [u, v], l, j));
      for (let k = 0; k < 3; k++)
        expect(Math.abs(rgba[k] - want[k]), `node ${l}:${j} cell (${r}, ${c}) channel ${k}`).toBeLessThanOrEqual(1);
    }
  }
  // each picture covers its node's circle, also after a new layout (presentation mode)
  const covers = async () => {
    const boxes = await page.locator('.bp-node[data-node="2:1"]').evaluate((g) =>
      [g.querySelector('circle')!, g.querySelector('[data-testid="neuron-picture"]')!].map((e) => {
        const b = e.getBoundingClientRect();
        return [b.x, b.y, b.width, b.height];
      }),
    );
    for (let k = 0; k < 4; k++) expect(Math.abs(boxes[0][k] - boxes[1][k]), `box ${k}`).toBeLessThan(2);
  };
  await covers();
  await page.getByTestId('presentation-toggle').click();
  await expect(page.getByTestId('presentation-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await page.locator('.bp-node[data-node="2:1"] circle').boundingBox())?.width)
    .toBeGreaterThan(0);
  await covers();
  await page.getByTestId('presentation-toggle').click();
  await covers();
  // hovering a node enlarges its picture; it goes when the pointer leaves
  const large = page.getByTestId('neuron-picture-large');
  await page.locator('.bp-node[data-node="2:1"] circle').hover();
  await expect(large).toBeVisible();
  await expect(large).toHaveAttribute('data-node', '2:1');
  await page.mouse.move(2, 2);
  await expect(large).toBeHidden();
  // the setting is kept with the session, and the pictures follow a training run
  const before = await page
    .locator('[data-testid="neuron-picture"][data-node="3:0"]')
    .evaluate((el) => Array.from((el as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 64, 64).data).join());
  await page.getByTestId('train-100').click();
  await expect(page.getByTestId('loss-chart-summary')).toContainText('100 steps');
  const after = await page
    .locator('[data-testid="neuron-picture"][data-node="3:0"]')
    .evaluate((el) => Array.from((el as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 64, 64).data).join());
  expect(after).not.toBe(before);
  await page.reload();
  await expect(page.getByTestId('app')).toBeVisible();
  await expect(pictures).toHaveCount(9);
  // off again: the diagram's nodes as they were
  await page.getByTestId('tab-data').click();
  await page.getByTestId('neuron-pictures-toggle').uncheck();
  await expect(pictures).toHaveCount(0);
});

test('neuron pictures follow the Data tab’s plane for 3 inputs (others held) and are curves for 1 input', async ({
  page,
}) => {
  await openData(page, 'numpy-341');
  const pictures = page.getByTestId('neuron-picture');
  await page.getByTestId('neuron-pictures-toggle').check();
  // 4 hidden nodes and the output
  await expect(pictures).toHaveCount(5);
  const s = preset('numpy-341');
  const sigmoidColour = (a: number) => {
    const t = Math.max(0, Math.min(1, a));
    const cls = t >= 0.5 ? [31, 100, 200] : [230, 115, 0];
    const f = Math.abs(2 * t - 1);
    return [0, 1, 2].map((k) => Math.round(255 + (cls[k] - 255) * f));
  };
  /** node l:j's picture against the core, with `toX(u, v)` the input of the cell across u, up v. */
  const agrees = async (l: number, j: number, toX: (u: number, v: number) => number[]) => {
    const pic = page.locator(`[data-testid="neuron-picture"][data-node="${l}:${j}"]`);
    await expect(pic).toHaveAttribute('data-kind', 'plane');
    const got = await pic.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.dataset;
      return {
        w: [d.x0, d.x1, d.y0, d.y1, d.res].map(Number),
        px: Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data),
      };
    });
    const [x0, x1, y0, y1, res] = got.w;
    for (const [r, c] of [
      [0, 0],
      [10, 50],
      [32, 32],
      [63, 5],
    ]) {
      const u = x0 + ((c + 0.5) * (x1 - x0)) / res;
      const v = y1 - ((r + 0.5) * (y1 - y0)) / res;
      const want = sigmoidColour(coreActivation(s, toX(u, v), l, j));
      for (let k = 0; k < 3; k++)
        expect(
          Math.abs(got.px[(r * res + c) * 4 + k] - want[k]),
          `node ${l}:${j} cell (${r}, ${c})`,
        ).toBeLessThanOrEqual(1);
    }
  };
  // sample 1 is selected: x₃ is held at its value
  const held = s.data[0].x;
  await agrees(1, 2, (u, v) => [u, v, held[2]]);
  await agrees(2, 0, (u, v) => [u, v, held[2]]);
  const large = page.getByTestId('neuron-picture-large');
  await page.locator('.bp-node[data-node="1:2"] circle').hover();
  await expect(large).toBeVisible();
  await expect(large).toContainText(`= ${formatValue(held[2])} held`);
  await page.mouse.move(2, 2);
  // up: the third input instead; the second is held now
  await page.getByTestId('data-axis-y').selectOption('2');
  await expect
    .poll(() =>
      page.locator('[data-testid="neuron-picture"][data-node="1:2"]').evaluate((el) => (el as HTMLElement).dataset.y1),
    )
    .not.toBe(undefined);
  await agrees(1, 2, (u, v) => [u, held[1], v]);
  await page.locator('.bp-node[data-node="1:2"] circle').hover();
  await expect(large).toContainText(`= ${formatValue(held[1])} held`);
  await page.mouse.move(2, 2);

  // one input: a curve in each circle
  // (the 3-input network's axes are kept: the Data tab must not fail on the new network)
  await choosePreset(page, 'little-network');
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('neuron-pictures-toggle')).toBeChecked();
  await expect(pictures).toHaveCount(4);
  for (const key of ['1:0', '2:0', '2:1', '3:0']) {
    const pic = page.locator(`[data-testid="neuron-picture"][data-node="${key}"]`);
    await expect(pic).toHaveAttribute('data-kind', 'curve');
    // the curve is drawn: some of its pixels are the line's blue
    const blue = await pic.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 0; k < d.length; k += 4) if (d[k] < 80 && d[k + 2] > 150) n++;
      return n;
    });
    expect(blue, `node ${key}`).toBeGreaterThan(20);
  }
  await page.locator('.bp-node[data-node="2:1"] circle').hover();
  await expect(large).toBeVisible();
  await expect(large).toHaveAttribute('data-kind', 'curve');
  await expect(large).toContainText('its activation over');
});
