import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { clickEdge, openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * axe-core on the main screens: no serious or critical violation (names, roles, contrast,
 * keyboard access to scrolling regions, ARIA on the diagram's SVG buttons...). Moderate and
 * minor findings are printed in the message of a failure but do not fail it.
 */

async function expectAccessible(page: Page, screen: string): Promise<void> {
  // The math panel typesets after a selection; KaTeX's fonts change the widths once they arrive.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const describe = (v: (typeof violations)[number]) =>
    `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
      .join('\n')}`;
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => v.id),
    `${screen}:\n${violations.map(describe).join('\n')}`,
  ).toEqual([]);
}

test.describe('accessibility (axe-core)', () => {
  // axe walks the whole DOM (hundreds of SVG elements) several times per test.
  test.describe.configure({ timeout: 90_000 });

  test('the default preset at the start', async ({ page }) => {
    await openApp(page);
    await expectAccessible(page, 'default preset at the start');
  });

  test('an edge selected, its derivation in the math panel, mid-backward', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('phase-backward').click();
    await clickEdge(page, '1:0:0');
    await expect(page.getByTestId('derivation-title')).toBeVisible();
    await expect(page.getByTestId('edit-weight')).toBeVisible();
    await expectAccessible(page, 'edge selected');
    // The editor open, too.
    await page.getByTestId('edit-weight').click();
    await expect(page.getByTestId('edit-weight-input')).toBeFocused();
    await expectAccessible(page, 'weight editor open');
  });

  test('the settings open', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('settings-toggle').click();
    await expect(page.getByTestId('settings')).toBeVisible();
    await expectAccessible(page, 'settings');
  });

  test('the Landscape and Compare tabs', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('tab-landscape').click();
    await expect(page.getByTestId('landscape-plot')).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    await expectAccessible(page, 'landscape tab');
    await page.getByTestId('tab-compare').click();
    await expect(page.getByTestId('landscape-plot')).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    await expectAccessible(page, 'compare tab');
  });

  test('the Data tab', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('preset-menu').selectOption('playground');
    await page.getByTestId('tab-data').click();
    await expect(page.getByTestId('data-point').first()).toBeVisible();
    await page.getByTestId('data-mode-add').check();
    await page.getByTestId('data-generator').locator('summary').click();
    await expectAccessible(page, 'data tab');
  });

  test('the shortcut help open', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'shortcut help');
  });

  test('presentation mode, light and dark', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('End');
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    await expect(page.getByTestId('derivation-title')).toBeVisible();
    await expectAccessible(page, 'presentation, light');
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page, 'presentation, dark');
  });

  test('dark theme: start, an edge selected, the settings, the help', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page, 'dark, start');
    await page.getByTestId('phase-update').click();
    await clickEdge(page, '0:0:0');
    await expect(page.getByTestId('derivation-title')).toBeVisible();
    await expectAccessible(page, 'dark, edge selected');
    await page.getByTestId('settings-toggle').click();
    await expectAccessible(page, 'dark, settings');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'dark, help');
  });

  test('a notice and a refused edit', async ({ page }) => {
    await openApp(page);
    await clickEdge(page, '0:0:0');
    await page.getByTestId('edit-weight').click();
    await page.getByTestId('edit-weight-input').fill('abc');
    await page.getByTestId('edit-weight-input').press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    await expectAccessible(page, 'refused edit');
  });
});
