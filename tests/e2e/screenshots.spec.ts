import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, openApp, pointOn, stepForward } from './helpers/app.ts';
import { preset, shareHash } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Screenshots of the main states, for a person to look at: test-results/screenshots/*.png
 * (the folder is gitignored, and Playwright empties test-results/ at the start of a run).
 */

const DIR = 'test-results/screenshots';

async function shoot(page: Page, name: string): Promise<void> {
  // No caret blinking or hover left over from the last click.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${DIR}/${name}.png`, animations: 'disabled', caret: 'hide' });
}

test.describe('screenshots', () => {
  test('1366×768: start, mid-backward, by-hand-mlp end, after training', async ({ page }) => {
    await openApp(page);
    await page.mouse.move(1, 1);
    await shoot(page, '01-default-start-1366x768');

    // Mazur, a few steps into the backward pass, w5 selected and hovered.
    await choosePreset(page, 'mazur');
    await page.getByTestId('phase-backward').click();
    for (let k = 0; k < 4; k++) await stepForward(page);
    await clickEdge(page, '1:0:0');
    await expect(page.getByTestId('derivation-title')).toContainText('w₅');
    const p = await pointOn(page, 'edge:1:0:0');
    await page.mouse.move(p.x, p.y);
    await expect(page.locator('.math-panel .term-highlight').first()).toBeVisible();
    await shoot(page, '02-mazur-mid-backward-w5-selected-1366x768');

    await choosePreset(page, 'by-hand-mlp');
    await page.getByRole('button', { name: 'Jump to the end of the iteration' }).click();
    await page.mouse.move(1, 1);
    await shoot(page, '03-by-hand-mlp-end-1366x768');
    await clickEdge(page, '2:1:1');
    await page.mouse.move(1, 1);
    await shoot(page, '04-by-hand-mlp-end-edge-selected-1366x768');

    await choosePreset(page, 'numpy-341');
    await page.getByTestId('train-1000').click();
    await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1000 steps/);
    await page.mouse.move(1, 1);
    await shoot(page, '05-numpy-341-after-training-1366x768');
  });

  test('broken share link', async ({ page }) => {
    const h = shareHash(preset('mazur'));
    await openApp(page, h.slice(0, Math.floor(h.length / 2)));
    await expect(page.getByTestId('notice')).toBeVisible();
    await page.mouse.move(1, 1);
    await shoot(page, '06-broken-share-link-1366x768');
  });

  test('1024×768 and 1920×1080', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openApp(page);
    await choosePreset(page, 'by-hand-mlp');
    await page.getByTestId('phase-backward').click();
    for (let k = 0; k < 6; k++) await stepForward(page);
    await clickEdge(page, '2:0:1');
    await page.mouse.move(1, 1);
    await shoot(page, '07-by-hand-mlp-mid-backward-1024x768');

    await choosePreset(page, 'walkthrough');
    await page.mouse.move(1, 1);
    await shoot(page, '08-walkthrough-start-1024x768');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await choosePreset(page, 'mazur');
    await page.getByTestId('phase-update').click();
    await clickEdge(page, '0:0:0');
    await page.mouse.move(1, 1);
    await shoot(page, '09-mazur-update-w1-selected-1920x1080');

    await choosePreset(page, 'numpy-341');
    await page.getByTestId('phase-backward').click();
    await page.mouse.move(1, 1);
    await shoot(page, '10-numpy-341-backward-1920x1080');
  });
});
