import { parseUserNumber } from '../../src/core/format-number.ts';
import type { Page } from '@playwright/test';
import { choosePreset, nestedWeights, openApp, readDiagram } from './helpers/app.ts';
import { shareHash } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';
import { oracleCase, TRAINING_REL } from './helpers/oracle.ts';

/**
 * Training from the toolbar on numpy-341 (seed 002): the loss chart's summary, the loss
 * falling, the diagram's weights moving, and 10,000 steps landing on the oracle's loss and
 * weights to 1e-9 relative.
 */

const ORACLE = oracleCase('seed002_numpy_341_sigmoid.json');
const TRAINING = ORACLE.expected.training!;
const SIZES = ORACLE.network.layer_sizes;

function expectRelClose(actual: number, expected: number, what: string): void {
  const diff = Math.abs(actual - expected);
  expect(
    diff <= TRAINING_REL * Math.abs(expected),
    `${what}: got ${actual}, expected ${expected} (rel ${diff / Math.abs(expected)})`,
  ).toBe(true);
}

/**
 * Clicks a train button and waits until the run is over (Stop gone, buttons enabled again, the
 * summary at `steps`) and the samples table has caught up with it: the panels beside the
 * diagram follow a run's end in a task after the frame that shows it, so the batch loss
 * changes a frame later than the summary.
 */
async function train(page: Page, steps: number, timeout: number): Promise<void> {
  const batchLoss = page.getByTestId('batch-loss');
  const before = await batchLoss.getAttribute('data-value');
  await page.getByTestId(`train-${steps}`).click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(new RegExp(`^${steps} steps, L = `), { timeout });
  await expect(page.getByTestId('train-stop')).toHaveCount(0);
  await expect(page.getByTestId(`train-${steps}`)).toBeEnabled();
  if (before !== null) await expect(batchLoss).not.toHaveAttribute('data-value', before);
}

/** The loss in the summary text ("100 steps, L = 0.03547"). */
async function summaryLoss(page: Page): Promise<number> {
  const text = (await page.getByTestId('loss-chart-summary').textContent()) ?? '';
  const m = /L = (\S+)$/.exec(text);
  if (!m) throw new Error(`no loss in "${text}"`);
  // As the user would type it back: 5.401×10⁻⁵ reads as 5.401e-5.
  return parseUserNumber(m[1]) ?? NaN;
}

test('train 100 steps: the chart says 100 steps, the loss fell and the weights moved', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'numpy-341');
  await expect(page.getByTestId('loss-chart-summary')).not.toContainText('steps');
  const before = await readDiagram(page);
  const loss0 = Number(await page.getByTestId('batch-loss').getAttribute('data-value'));
  expect(Math.abs(loss0 - ORACLE.expected.loss) <= 1e-12).toBe(true);

  await train(page, 100, 10_000);
  const after = await readDiagram(page);
  const loss100 = Number(await page.getByTestId('batch-loss').getAttribute('data-value'));
  expect(loss100, 'the loss decreased').toBeLessThan(loss0);
  expectRelClose(loss100, TRAINING.loss_history['100'], 'batch loss after 100 steps');
  const shown = await summaryLoss(page);
  expect(Math.abs(shown - loss100) / loss100, `summary ${shown} ≈ ${loss100}`).toBeLessThan(1e-3);
  expect(shown).toBeLessThan(loss0);
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('aria-label', /100 training steps/);

  const w0 = nestedWeights(before, SIZES, 'weight').flat(2);
  const w1 = nestedWeights(after, SIZES, 'weight').flat(2);
  expect(
    w1.every((w, k) => w !== w0[k]),
    'every data-weight changed',
  ).toBe(true);
});

test("train 10,000 steps lands on the oracle's loss and weights", async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await choosePreset(page, 'numpy-341');
  const started = Date.now();
  await train(page, 10000, 45_000);
  test.info().annotations.push({ type: 'timing', description: `10,000 steps in ${Date.now() - started} ms` });

  const loss = Number(await page.getByTestId('batch-loss').getAttribute('data-value'));
  expectRelClose(loss, TRAINING.loss_after, 'batch loss after 10,000 steps');
  const shown = await summaryLoss(page);
  expect(
    Math.abs(shown - TRAINING.loss_after) / TRAINING.loss_after,
    `summary ${shown} ≈ ${TRAINING.loss_after}`,
  ).toBeLessThan(1e-3);
  const d = await readDiagram(page);
  const w = nestedWeights(d, SIZES, 'weight');
  TRAINING.weights_after.forEach((m, l) =>
    m.forEach((row, j) => row.forEach((v, i) => expectRelClose(w[l][j][i], v, `weight ${l}:${j}:${i}`))),
  );
  // ŷ of every sample in the data table.
  const outputs = (ORACLE.expected.training as unknown as { outputs_after: number[][] }).outputs_after;
  for (let s = 0; s < outputs.length; s++) {
    const yhat = Number(await page.getByTestId(`sample-row-${s}`).locator('td.num').first().getAttribute('data-value'));
    expectRelClose(yhat, outputs[s][0], `ŷ of sample ${s + 1}`);
  }
});

test("N… trains exactly the steps typed: seed 002's 9,999 updates in one action land on the oracle's loss; bad text is named", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openApp(page);
  await choosePreset(page, 'numpy-341');
  await page.getByTestId('train-n').click();
  const input = page.getByTestId('train-n-input');
  await expect(input).toBeFocused();
  for (const [typed, why] of [
    ['abc', '“abc” is not a number of steps.'],
    ['2.5', '“2.5” is not a whole number of steps.'],
    ['0', '“0”: train at least 1 step.'],
  ]) {
    await input.fill(typed);
    await input.press('Enter');
    await expect(page.getByTestId('train-n-error')).toHaveText(why);
  }
  // nothing was trained
  await expect(page.getByTestId('loss-chart-summary')).not.toContainText('steps');
  await input.fill('9,999');
  await input.press('Enter');
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^9999 steps, L = /, { timeout: 45_000 });
  await expect(page.getByTestId('train-stop')).toHaveCount(0);
  // the samples table follows a run's end in a task after the frame that shows it
  const expected = TRAINING.loss_history['9999'];
  await expect
    .poll(async () => {
      const loss = Number(await page.getByTestId('batch-loss').getAttribute('data-value'));
      return Math.abs(loss - expected) <= TRAINING_REL * Math.abs(expected)
        ? 'the oracle’s loss'
        : `loss ${loss} vs the oracle's ${expected}`;
    })
    .toBe('the oracle’s loss');
  // the popover closed
  await expect(page.getByTestId('train-n-input')).toHaveCount(0);
});

/** A network big enough that 10,000 steps take many seconds, so that Stop lands mid-run: 8-64-64-4 on 128 samples. */
function heavyScenario(): unknown {
  const data = Array.from({ length: 128 }, (_, s) => ({
    x: Array.from({ length: 8 }, (_, i) => Math.sin(s * 0.37 + i)),
    y: Array.from({ length: 4 }, (_, k) => ((s + k) % 3 === 0 ? 1 : 0)),
  }));
  return {
    format: 'backprop-scenario/1',
    title: 'Heavy',
    layers: [
      { size: 8 },
      { size: 64, activation: 'tanh', bias: true },
      { size: 64, activation: 'relu', bias: true },
      { size: 4, activation: 'sigmoid', bias: true },
    ],
    init: { type: 'xavier', seed: 7 },
    loss: 'mse',
    data,
    optimizer: { type: 'sgd', learningRate: 0.01 },
  };
}

test('Stop interrupts a run, and training continues from there', async ({ page }) => {
  await openApp(page, shareHash(heavyScenario()));
  await page.getByTestId('train-10000').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^[1-9]\d* steps/);
  await page.getByTestId('train-stop').click();
  await expect(page.getByTestId('train-stop')).toHaveCount(0);
  await expect(page.getByTestId('train-10000')).toBeEnabled();
  const text = (await page.getByTestId('loss-chart-summary').textContent()) ?? '';
  const steps = Number(/^(\d+) steps/.exec(text)?.[1] ?? NaN);
  expect(steps).toBeGreaterThan(0);
  expect(steps).toBeLessThan(10000);
  await page.getByTestId('train-1').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(new RegExp(`^${steps + 1} steps`));
});
