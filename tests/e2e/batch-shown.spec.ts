import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, openApp } from './helpers/app.ts';
import { coreOutput, preset } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * A point of another batch clicked in the Data tab shows that batch everywhere: the Matrices
 * tab's numbers and the Landscape's loss are those of the batch shown, as the math panel's.
 */

/** Opens the playground preset's Data tab and clicks a training point of a later batch (10 samples a step). */
async function pickAnotherBatch(page: Page): Promise<{ index: number; batch: number }> {
  await openApp(page);
  await choosePreset(page, 'playground');
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('data-point').first()).toBeVisible();
  const found = await page.evaluate(() => {
    for (const el of document.querySelectorAll<SVGGraphicsElement>('[data-testid="data-point"][data-set="train"]')) {
      const index = Number(el.dataset.index);
      if (index < 20) continue;
      const b = el.getBoundingClientRect();
      const x = b.left + b.width / 2;
      const y = b.top + b.height / 2;
      if (document.elementFromPoint(x, y) === el) return { index, x, y };
    }
    return null;
  });
  expect(found).not.toBeNull();
  await page.mouse.click(found!.x, found!.y);
  await expect(page.getByTestId('data-selected')).toHaveAttribute('data-index', String(found!.index));
  const batch = Math.floor(found!.index / 10);
  await expect(page.getByTestId('batch-range')).toContainText(
    `batch: samples ${batch * 10 + 1}–${batch * 10 + 10} of 100`,
  );
  return { index: found!.index, batch };
}

test('the Matrices tab shows the batch picked in the Data tab: its sample’s inputs and output', async ({ page }) => {
  const { index, batch } = await pickAnotherBatch(page);
  await page.keyboard.press('End');
  await page.getByTestId('tab-matrix').click();
  const panel = page.getByTestId('matrix-panel');
  await expect(panel).toContainText(`samples ${batch * 10 + 1}–${batch * 10 + 10}`);
  const s = preset('playground');
  const x = s.data[index].x;
  const cell = (key: string, quantity: string) =>
    panel.locator(`[data-key="${key}"][data-quantity="${quantity}"]`).first();
  await expect(cell('node:0:0', 'a')).toHaveAttribute('data-value', String(x[0]));
  await expect(cell('node:0:1', 'a')).toHaveAttribute('data-value', String(x[1]));
  const yHat = Number(await cell('node:3:0', 'a').getAttribute('data-value'));
  expect(Math.abs(yHat - coreOutput(s, x)[0])).toBeLessThan(1e-12);
  // the batch's gradient, as the diagram shows it for the batch shown
  const grad = await page.locator('[data-edge="0:0:0"]').first().getAttribute('data-grad');
  await expect(cell('edge:0:0:0', 'dLdw')).toHaveAttribute('data-value', grad!);
});

test('the Landscape tab’s loss is over the batch picked in the Data tab, and says so', async ({ page }) => {
  const { batch } = await pickAnotherBatch(page);
  await page.getByTestId('tab-landscape').click();
  await expect(page.getByTestId('landscape-summary')).toContainText(
    `L over samples ${batch * 10 + 1}–${batch * 10 + 10} (the batch picked in the Data tab; the next step trains samples 1–10)`,
    { timeout: 15_000 },
  );
});

test('the J(θ) slope plot is along the batch picked in the Data tab: its slope is the gradient the diagram shows', async ({
  page,
}) => {
  await pickAnotherBatch(page);
  await page.keyboard.press('End');
  await clickEdge(page, '0:0:0');
  await page.getByTestId('tab-landscape').click();
  const grad = await page.locator('[data-edge="0:0:0"]').first().getAttribute('data-grad');
  const plot = page.getByTestId('slope-plot');
  await expect(plot).toHaveAttribute('data-param', 'w:0');
  await expect(plot).toHaveAttribute('data-slope', grad!);
  await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  // the curve at θ is the loss of the batch shown
  expect(Number(await plot.getAttribute('data-curve-at-theta'))).toBeCloseTo(
    Number(await plot.getAttribute('data-loss')),
    12,
  );
});
