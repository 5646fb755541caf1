import type { Page } from '@playwright/test';
import { node, openApp, readDiagram } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * The display precision (view menu): 4, 6 or 9 significant digits, or full. A value is
 * never rounded into a rounder number it is not: the walkthrough's F for the first sample,
 * σ(12) = 0.99999386, never shows as 1 on the diagram, in the samples table or in the math
 * panel; the setting survives a reload; hovering a number gives its full value.
 */

const F = 1 / (1 + Math.exp(-12)); // 0.9999938558253978

async function toEnd(page: Page): Promise<void> {
  await page.getByTestId('math-panel').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-caption')).toHaveText(/^(\d+)\/\1/);
}

/** The a-line under node F and the samples table's prediction of sample 1. */
async function shownF(page: Page): Promise<{ diagram: string; table: string }> {
  const d = await readDiagram(page);
  const table = (await page.getByTestId('sample-row-0').locator('td.num').first().textContent()) ?? '';
  return { diagram: d.nodeText['2:0'].a, table };
}

test('0.99999386 never shows as 1: diagram, samples table and math panel, at 4 digits and at 6', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('precision')).toHaveValue('4');
  await toEnd(page);
  const d = await readDiagram(page);
  expect(d.nodes['2:0'].a).toBeCloseTo(F, 12);
  let shown = await shownF(page);
  expect(shown.diagram).toMatch(/(^| )0\.99999$/);
  expect(shown.table).toBe('0.99999');

  await node(page, '2:0').click();
  await expect(node(page, '2:0')).toHaveAttribute('aria-pressed', 'true');
  const math = page.getByTestId('math-panel').locator('.katex-html');
  await expect(math.first()).toBeVisible();
  const mathText = (await math.allTextContents()).join(' ');
  // F = σ(z_F) = 1/(1 + e^{−12}) = 0.99999, never "= 1".
  expect(mathText).toMatch(/e−12\S*=0\.99999(?!\d)/);
  expect(mathText).not.toMatch(/e−12\S*=1(?![\d.])/);

  await page.getByTestId('precision').selectOption('6');
  shown = await shownF(page);
  expect(shown.diagram).toMatch(/(^| )0\.999994$/);
  expect(shown.table).toBe('0.999994');
  await expect(page.getByTestId('math-panel')).toContainText('0.999994');

  await page.getByTestId('precision').selectOption('full');
  shown = await shownF(page);
  expect(shown.diagram).toMatch(new RegExp(`(^| )${String(F).replace('.', '\\.')}$`));
});

test('the precision is saved with the session and comes back on reload', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('precision').selectOption('9');
  await toEnd(page);
  expect((await shownF(page)).table).toBe('0.999993856');
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('backprop-lab:session') ?? '{}').precision))
    .toBe(9);
  await page.reload();
  await expect(page.getByTestId('precision')).toHaveValue('9');
  expect((await shownF(page)).table).toBe('0.999993856');
  expect((await shownF(page)).diagram).toMatch(/(^| )0\.999993856$/);
});

test('hovering or focusing a number gives its full value', async ({ page }) => {
  await openApp(page);
  await toEnd(page);
  // The samples table: a title and an accessible description with every digit.
  const cell = page.getByTestId('sample-row-0').locator('td.num').first().locator('span');
  await expect(cell).toHaveAttribute('title', String(F));
  await expect(cell).toHaveAttribute('aria-description', `full value ${String(F)}`);
  // The diagram: the node's tooltip (its <title>, also its accessible description) has the full value.
  const title = await node(page, '2:0').locator('title').textContent();
  expect(title).toContain(`a = ${String(F)}`);
  // An editable number: its title and accessible name carry the full value.
  await page.getByTestId('precision').selectOption('4');
  const input = page.getByTestId('x-0-0');
  await expect(input).toHaveAttribute('title', /^1 \(click to edit\)$/);
});
