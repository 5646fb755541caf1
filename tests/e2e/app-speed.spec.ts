import type { Page } from '@playwright/test';
import { choosePreset, openApp } from './helpers/app.ts';
import { denseDoc, nearMillion, stack16, widest32 } from '../../bench/app-networks.ts';
import { parse, preset, shareHash, trace } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';
import { expectWorkingBlocks } from './helpers/layer-blocks.ts';

/**
 * The app keeps up with its core: a run trains off the page's thread and the page shows it as
 * it goes; Stop ends it on a step boundary; a run is one undo entry with its whole record.
 * (Behaviour only: the timings are `npm run bench`'s.)
 */

async function summarySteps(page: Page): Promise<number> {
  const text = (await page.getByTestId('loss-chart-summary').textContent()) ?? '';
  return Number(/^(\d+) steps/.exec(text)?.[1] ?? NaN);
}

const relClose = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b);

/** The edge's data-weight comes to the core's weight (polled: it is written in the tasks after a run's last frame). */
async function expectWeight(page: Page, edge: string, weight: number): Promise<void> {
  await expect
    .poll(async () => {
      const w = Number(await page.locator(`[data-edge="${edge}"]`).getAttribute('data-weight'));
      return relClose(w, weight, 1e-9) ? 'the core’s weight' : `w ${edge} ${w} vs the core's ${weight}`;
    })
    .toBe('the core’s weight');
}

test('training 1,000 steps of a 16-16-16-16-16-1 network finishes on the core’s loss and weights', async ({ page }) => {
  const doc = stack16();
  await openApp(page, shareHash(doc));
  await page.getByTestId('train-1000').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1000 steps, L = /, { timeout: 30_000 });
  await expect(page.getByTestId('train-stop')).toHaveCount(0);
  const core = trace(parse(doc), 1000).training!;
  // the samples table follows a run's end in a task after the frame that shows it
  await expect
    .poll(async () => {
      const loss = Number(await page.getByTestId('batch-loss').getAttribute('data-value'));
      return relClose(loss, core.loss, 1e-9) ? 'the core’s loss' : `loss ${loss} vs the core's ${core.loss}`;
    })
    .toBe('the core’s loss');
  // the diagram's data-* numbers catch up in the tasks after the frame that shows the run's end
  await expectWeight(page, '4:0:15', core.weights[4][0][15]);
  // the chart holds every step's loss: 1,001 values
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('aria-label', /1000 training steps/);
});

/** What the diagram draws of a run's numbers (at 1366×768 all its value labels are hidden for room): node values, edge widths. */
function drawnNumbers(): string {
  const svg = document.querySelector('[data-testid="diagram"] svg')!;
  const texts = [...svg.querySelectorAll('.bp-node-texts text')].map((t) => t.textContent);
  const widths = [...svg.querySelectorAll('line[stroke-width]')].map((l) => l.getAttribute('stroke-width'));
  return [...texts, ...widths].join('|');
}

test('while 16-16-16-16-16-1 trains, the diagram draws fewer reports than the chart shows, and the frame that ends the run shows it whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const doc = stack16();
  await openApp(page, shareHash(doc));
  await page.addScriptTag({ content: `window.drawnNumbers = ${drawnNumbers.toString()}` });
  await page.getByTestId('train-10000').click();
  // in the page: the tasks that changed the chart's summary or the diagram, and what the diagram
  // drew in the first frame whose summary shows the run's end
  const seen = await page.evaluate(
    () =>
      new Promise<{ chart: number; diagram: number; atEnd: string }>((resolve) => {
        const summary = document.querySelector('[data-testid="loss-chart-summary"]')!;
        const svg = document.querySelector('[data-testid="diagram"] svg')!;
        const counts = { chart: 0, diagram: 0 };
        const watch = (el: Element, key: 'chart' | 'diagram') => {
          const observer = new MutationObserver(() => counts[key]++);
          observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: key === 'diagram' });
          return observer;
        };
        const observers = [watch(summary, 'chart'), watch(svg, 'diagram')];
        const poll = () => {
          if (!/^10000 steps/.test(summary.textContent ?? '')) {
            requestAnimationFrame(poll);
            return;
          }
          for (const o of observers) o.disconnect();
          resolve({ ...counts, atEnd: (window as unknown as { drawnNumbers(): string }).drawnNumbers() });
        };
        poll();
      }),
  );
  expect(seen.chart).toBeGreaterThanOrEqual(4);
  expect(seen.diagram).toBeLessThanOrEqual(seen.chart / 2);
  // whatever the diagram skipped, the run's end frame drew: what it shows is what the page shows
  // once the run's last numbers (the data-* attributes, written after that frame) have caught up
  await expectWeight(page, '4:0:15', trace(parse(doc), 10000).training!.weights[4][0][15]);
  const settled = await page.evaluate(drawnNumbers);
  expect(seen.atEnd).toBe(settled);
  expect(settled.split('|').filter((x) => x !== '').length).toBeGreaterThan(1000);
});

test('Stop stops on a step boundary, and undo rewinds the run as one entry with its landscape path', async ({
  page,
}) => {
  // big enough that 10,000 steps take far longer than the test waits
  test.setTimeout(120_000);
  const doc = denseDoc([8, 64, 64, 4], 256);
  await openApp(page, shareHash(doc));
  await page.getByTestId('tab-landscape').click();
  await page.getByTestId('landscape-resolution').selectOption('32');
  await expect(page.getByTestId('landscape-plot')).toHaveAttribute('data-path-points', '0', { timeout: 30_000 });
  const w0 = Number(await page.locator('[data-edge="2:3:63"]').getAttribute('data-weight'));
  await page.getByTestId('train-10000').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^[1-9]\d* steps/, { timeout: 30_000 });
  // the page answers while it trains: the summary moves on, past the run's second path point (a path
  // of 128 points over 10,000 steps keeps one every 79 steps; a Stop before it left the path one point)
  const seen = await summarySteps(page);
  await expect.poll(() => summarySteps(page), { timeout: 30_000 }).toBeGreaterThan(Math.max(seen, 2 * 79));
  await page.getByTestId('train-stop').click();
  await expect(page.getByTestId('train-stop')).toHaveCount(0);
  await expect(page.getByTestId('train-10000')).toBeEnabled();
  const steps = await summarySteps(page);
  expect(steps).toBeGreaterThan(0);
  expect(steps).toBeLessThan(10000);
  // nothing moves after Stop
  await page.waitForTimeout(300);
  expect(await summarySteps(page)).toBe(steps);
  // the parameters shown are those after exactly `steps` steps of the core
  const core = trace(parse(doc), steps).training!;
  await expectWeight(page, '2:3:63', core.weights[2][3][63]);
  // the samples table follows a run's end in a task after the frame that shows it
  await expect
    .poll(async () => {
      const loss = Number(await page.getByTestId('batch-loss').getAttribute('data-value'));
      return relClose(loss, core.loss, 1e-9) ? 'the core’s loss' : `loss ${loss} vs the core's ${core.loss}`;
    })
    .toBe('the core’s loss');
  await expect
    .poll(async () => Number(await page.getByTestId('landscape-plot').getAttribute('data-path-points')), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(2);

  // one undo: the weights, the chart and the landscape's path all go back
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('loss-chart-summary')).not.toContainText('steps');
  expect(Number(await page.locator('[data-edge="2:3:63"]').getAttribute('data-weight'))).toBe(w0);
  await expect(page.getByTestId('landscape-plot')).toHaveAttribute('data-path-points', '0', { timeout: 30_000 });
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(new RegExp(`^${steps} steps`));
  await expect
    .poll(async () => Number(await page.getByTestId('landscape-plot').getAttribute('data-path-points')), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(2);
});

test('short runs on numpy-341 (trained in the click’s task once the page has timed its steps) land on the core’s loss and weights, one undo entry each', async ({
  page,
}) => {
  await openApp(page);
  await choosePreset(page, 'numpy-341');
  // the page times the network's steps at idle: give it that idle
  await page.waitForTimeout(500);
  const w0 = await page.locator('[data-edge="1:0:2"]').getAttribute('data-weight');
  await page.getByTestId('train-1000').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1000 steps, L = /, { timeout: 30_000 });
  await expect(page.getByTestId('train-stop')).toHaveCount(0);
  await page.getByTestId('train-100').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1100 steps, L = /, { timeout: 30_000 });
  const core = trace(preset('numpy-341'), 1100).training!;
  await expect
    .poll(async () => {
      const loss = Number(await page.getByTestId('batch-loss').getAttribute('data-value'));
      return relClose(loss, core.loss, 1e-9) ? 'the core’s loss' : `loss ${loss} vs the core's ${core.loss}`;
    })
    .toBe('the core’s loss');
  await expectWeight(page, '1:0:2', core.weights[1][0][2]);
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('aria-label', /1100 training steps/);
  // each run is one undo entry
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1000 steps, L = /);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('loss-chart-summary')).not.toContainText('steps');
  await expect(page.locator('[data-edge="1:0:2"]')).toHaveAttribute('data-weight', w0!);
});

test('a share link of 32 layers of 176 opens a working page that says how it draws the network', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/${shareHash(widest32())}`);
  await expectWorkingBlocks(page, '960,256');
  // no node-and-edge diagram was drawn
  await expect(page.locator('[data-edge]')).toHaveCount(0);
});

test('importing a file of nearly a million parameters leaves a working page', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(nearMillion())),
  });
  await expectWorkingBlocks(page, '997,000');
  await expect(page.locator('[data-edge]')).toHaveCount(0);
});

/**
 * Stops the page's clock (Playwright's fake timers): an opening hands the thread back between
 * its slices through a timer, so it waits at its first slice until the clock moves, and can be
 * watched and cancelled on any machine however fast (a behaviour test, not a timing one).
 */
async function stopClock(page: Page): Promise<void> {
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
}

test('opening a million-parameter file shows its progress, the page answers meanwhile, and Cancel keeps what was shown', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('step-caption')).toContainText(/^1\//);
  const edges = await page.locator('[data-edge]').count();
  await stopClock(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(nearMillion())),
  });
  const opening = page.getByTestId('opening');
  await expect(opening).toBeVisible({ timeout: 30_000 });
  await expect(opening).toContainText('Opening "big.json" (998,995 parameters):');
  await expect(page.getByTestId('opening-progress')).toBeVisible();
  await expect(page.getByTestId('opening-percent')).toHaveText(/^\d+%$/);
  // training waits for it: the scenario it would train is about to be replaced
  await expect(page.getByTestId('train-1')).toBeDisabled();
  // the page answers a click while it opens: the previous scenario steps on
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('step-caption')).toContainText(/^2\//);
  await expect(opening).toBeVisible();
  await page.getByTestId('opening-cancel').click();
  await expect(opening).toHaveCount(0);
  await expect(page.getByTestId('train-1')).toBeEnabled();
  // nothing changed once the clock moves on: the same scenario, at the same step, and the big one never comes
  await page.clock.runFor(5000);
  await page.clock.resume();
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('layer-blocks-note')).toHaveCount(0);
  await expect(page.locator('[data-edge]')).toHaveCount(edges);
  await expect(page.getByTestId('step-caption')).toContainText(/^2\//);
});

test('a share link of a million parameters opens with its progress; Cancel shows the default preset and drops the link', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await stopClock(page);
  await page.goto(`/${shareHash(widest32())}`);
  const opening = page.getByTestId('opening');
  await expect(opening).toBeVisible({ timeout: 60_000 });
  await expect(opening).toContainText('Opening the link “32 layers of 176” (965,712 parameters):');
  // the page is there meanwhile, with the default preset
  await expect(page.locator('[data-node="0:0"]')).toHaveCount(1, { timeout: 60_000 });
  await page.getByTestId('opening-cancel').click();
  await expect(opening).toHaveCount(0);
  await page.clock.runFor(5000);
  await page.clock.resume();
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('layer-blocks-note')).toHaveCount(0);
  expect(new URL(page.url()).hash).not.toContain('scenario=');
});

test('a layer block shows one of its neurons node by node, with its weights in and out, and Back returns', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/${shareHash(widest32())}`);
  await expect(page.getByTestId('layer-blocks-note')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('layer-blocks-note')).toContainText(
    'Click a layer to see one of its neurons node by node',
  );
  await page.locator('.layer-block[data-layer="3"]').click();
  const focus = page.getByTestId('neuron-focus');
  await expect(focus).toBeVisible();
  await expect(page.getByTestId('layer-blocks')).toBeHidden();
  await expect(page.getByTestId('focus-note')).toContainText(
    'Neuron 1 of layer 3, node by node: its 176 input weights from layer 2 and its 176 output weights to layer 4',
  );
  await expect(focus.locator('line[data-focus-edge]')).toHaveCount(352);
  // the weights drawn are the network's: the fan-in edge from node 5 of layer 2 carries weights[2][0][5]
  const title = await focus.locator('line[data-focus-edge="2:0:5"] title').textContent();
  expect(Number(title?.replace('w = ', ''))).toBe(parse(widest32()).weights[2][0][5]);
  // an edge selects its weight: the math panel shows it, and the edge is marked
  await focus.locator('line[data-focus-edge="3:7:0"]').dispatchEvent('click');
  await expect(focus.locator('line[data-focus-edge="3:7:0"]')).toHaveClass(/selected/);
  await expect(page.getByTestId('math-panel')).toContainText('∂L', { timeout: 30_000 });
  // another neuron
  await page.getByTestId('focus-neuron').fill('5');
  await page.getByTestId('focus-neuron').press('Enter');
  await expect(page.getByTestId('focus-note')).toContainText('Neuron 5 of layer 3');
  await expect(focus.locator('line[data-focus-edge="2:4:0"]')).toHaveCount(1);
  // the output layer has no weights out
  await page.getByTestId('focus-back').click();
  await expect(focus).toBeHidden();
  await expect(page.locator('.layer-blocks-row')).toBeVisible();
  await page.locator('.layer-block[data-layer="31"]').click();
  await expect(page.getByTestId('focus-note')).toContainText(
    'Neuron 1 of the output layer, node by node: its 176 input weights from layer 30 (the output: no weights out of it)',
  );
  await page.getByTestId('focus-back').click();
  await expect(page.getByTestId('layer-blocks-note')).toBeVisible();
});
