import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * The page works on a network past the drawable size: it says how it draws it (layer blocks),
 * the opening is over, it steps, selects a weight from a heatmap (the math panel derives it)
 * and, unless `train` is false, trains a step.
 */
export async function expectWorkingBlocks(page: Page, weights: string, train = true): Promise<void> {
  const note = page.getByTestId('layer-blocks-note');
  await expect(note).toBeVisible({ timeout: 60_000 });
  await expect(note).toContainText(`This network has ${weights} weights`);
  await expect(note).toContainText('too many to draw node by node');
  await expect(page.getByTestId('opening')).toHaveCount(0);
  // step
  await expect(page.getByTestId('step-caption')).toContainText(/^0\//);
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('step-caption')).toContainText(/^1\//);
  // select a weight from the heatmap: the cell under the click (a pixel covers a few cells of a big matrix)
  const canvas = page.locator('.layer-heatmap canvas').first();
  await canvas.click({ position: { x: 1, y: 1 } });
  await expect(canvas).toHaveAttribute('data-selected', /^\d+:\d+$/);
  await expect(page.getByTestId('math-panel')).toContainText('∂L', { timeout: 30_000 });
  await expect(page.getByTestId('train-1')).toBeEnabled();
  if (!train) return;
  await page.getByTestId('train-1').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1 steps, L = /, { timeout: 60_000 });
  await expect(page.getByTestId('train-stop')).toHaveCount(0);
}
