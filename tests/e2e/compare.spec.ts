import type { Page } from '@playwright/test';
import { compileScenario } from '../../src/core/compile.ts';
import type { Optimizer } from '../../src/core/scenario.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { choosePreset, openApp, typeInto } from './helpers/app.ts';
import { preset } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * The Compare tab: two to four optimizers trained from the same start; one loss curve per
 * run on the chart and one path per run over the landscape, each run's final loss the
 * core's for that optimizer.
 */

const curves = (page: Page) => page.getByTestId('compare-chart').locator('.bp-chart-line');
const runs = (page: Page) => page.getByTestId('compare-panel').locator('.compare-run');

async function expectRunCount(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('compare-panel')).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  await expect(runs(page)).toHaveCount(n);
  await expect(curves(page)).toHaveCount(n);
  await expect(page.getByTestId('compare-chart')).toHaveAttribute(
    'aria-label',
    new RegExp(
      `^${['A', 'B', 'C', 'D']
        .slice(0, n)
        .map((l) => `${l}: loss over`)
        .join('.*; ')}`,
    ),
  );
  const plot = page.getByTestId('landscape-plot');
  await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  await expect(plot).toHaveAttribute('data-paths', String(n));
}

/** The core's loss over the data set after `steps` steps of `optimizer` from the preset's start. */
function coreFinalLoss(id: string, optimizer: Optimizer, steps: number): number {
  const history = train(createTrainer({ ...compileScenario(preset(id)), optimizer }), steps);
  return history[steps];
}

test('the comparison overlays one curve and one path per run, two to four runs', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('tab-compare').click();
  // by default: the scenario's SGD beside momentum and Adam
  await expectRunCount(page, 3);
  await expect(runs(page).nth(0)).toHaveAttribute('data-optimizer', 'sgd');
  await expect(runs(page).nth(1)).toHaveAttribute('data-optimizer', 'momentum');
  await expect(runs(page).nth(2)).toHaveAttribute('data-optimizer', 'adam');
  await expect(curves(page).nth(1)).toHaveAttribute('stroke-dasharray', '7 4');

  await page.getByTestId('compare-add').click();
  await expectRunCount(page, 4);
  await expect(page.getByTestId('compare-add')).toBeDisabled();

  await page.getByTestId('compare-remove-1').click();
  await page.getByTestId('compare-remove-1').click();
  await expectRunCount(page, 2);
  await expect(page.getByTestId('compare-remove-0')).toBeDisabled();
});

test('each run’s final loss is the core’s for its optimizer and learning rate', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('compare-steps').selectOption('200');
  // run B: plain SGD at a smaller learning rate
  await page.getByTestId('compare-type-1').selectOption('sgd');
  await typeInto(page, 'compare-1-learningRate', '0.05');
  await expectRunCount(page, 3);
  const expected: Optimizer[] = [
    { type: 'sgd', learningRate: 0.5 },
    { type: 'sgd', learningRate: 0.05 },
    { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  ];
  for (const [k, o] of expected.entries()) {
    const shown = Number(await runs(page).nth(k).getAttribute('data-final-loss'));
    const core = coreFinalLoss('mazur', o, 200);
    // Math.pow (Adam's bias correction) may differ by an ulp between Chromium's V8 and Node's,
    // so the browser's number is held to the oracle's long-run tolerance, not to the bit
    expect(Math.abs(shown - core), `run ${k}: ${shown} vs ${core}`).toBeLessThanOrEqual(1e-12 * core);
    expect(shown).not.toBe(
      Number(
        await runs(page)
          .nth((k + 1) % 3)
          .getAttribute('data-final-loss'),
      ),
    );
  }
  await expect(page.getByTestId('compare-result-1')).toContainText('L = ');
});

test('a learning rate that is not allowed is refused with a message naming the run, and nothing changes', async ({
  page,
}) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('tab-compare').click();
  await expect(page.getByTestId('compare-panel')).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  const before = await runs(page).nth(2).getAttribute('data-final-loss');
  expect(Number(before)).toBeGreaterThan(0);
  const input = await typeInto(page, 'compare-2-learningRate', '-3');
  await expect(page.getByTestId('notice')).toContainText('Comparison: not possible; nothing was changed.');
  await expect(page.getByTestId('notice')).toContainText('run C: learningRate: expected a number > 0, got -3');
  await expect(runs(page).nth(2)).toHaveAttribute('data-final-loss', before!);
  // the field stays open with what was typed, and text that is not a number is refused where it was typed
  await expect(input).toHaveValue('-3');
  await input.fill('fast');
  await input.press('Enter');
  await expect(page.getByTestId('compare-panel')).toContainText('“fast” is not a number');
  await expect(runs(page).nth(2)).toHaveAttribute('data-final-loss', before!);
});

test('a diverging run says so and “Use” makes a run’s optimizer the scenario’s, undoably', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'little-network');
  await page.getByTestId('tab-compare').click();
  await typeInto(page, 'compare-1-learningRate', '1e10');
  await expect(page.getByTestId('compare-result-1')).toContainText(/not finite from step \d+/);
  await page.getByTestId('compare-adopt-2').click();
  await expect(runs(page).nth(2)).toContainText('current');
  await page.keyboard.press('Control+z');
  await expect(runs(page).nth(0)).toContainText('current');
});

test('training with the Landscape tab closed still leaves its path there', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'landscape-local-minimum');
  await page.getByTestId('train-100').click();
  await expect(page.getByTestId('train-stop')).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('tab-landscape').click();
  const plot = page.getByTestId('landscape-plot');
  await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  await expect(plot).toHaveAttribute('data-paths', '1');
  expect(Number(await plot.getAttribute('data-path-points'))).toBeGreaterThanOrEqual(2);
});

test('the two parameters picked on the Landscape tab stay picked on the Compare tab', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('tab-landscape').click();
  await page.getByTestId('landscape-p1').selectOption('w:5');
  await page.getByTestId('landscape-p2').selectOption('w:7');
  await page.getByTestId('tab-compare').click();
  await expect(page.getByTestId('landscape-p1')).toHaveValue('w:5');
  await expect(page.getByTestId('landscape-p2')).toHaveValue('w:7');
  const plot = page.getByTestId('landscape-plot');
  await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  await expect(plot).toHaveAttribute('data-p1', 'w:5');
});
