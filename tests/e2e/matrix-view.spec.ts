import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, edge, openApp, readCaption, readDiagram } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * The matrix view: the worksheet's [W | b]·[a | 1] = z and outer products, with the
 * diagram's own numbers, following the step position and linked to the diagram both ways.
 */

function panel(page: Page) {
  return page.getByTestId('matrix-panel');
}

/** The data-value of the cell for `key` that shows `quantity`. */
async function cellValue(page: Page, key: string, quantity: string): Promise<number> {
  const cell = panel(page).locator(`[data-key="${key}"][data-quantity="${quantity}"]`).first();
  const value = await cell.getAttribute('data-value');
  expect(value, `${quantity} of ${key} should be shown`).not.toBeNull();
  return Number(value);
}

async function openMatrices(page: Page, end: boolean): Promise<void> {
  await openApp(page);
  await choosePreset(page, 'by-hand-mlp');
  if (end) {
    const { total } = await readCaption(page);
    await page.getByTestId('scrubber').fill(String(total));
    await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${total}/${total}`));
  }
  await page.getByTestId('tab-matrix').click();
  await expect(panel(page).locator('[data-quantity="weight"]').first()).toBeVisible();
}

test('at the end of the iteration the matrices show the diagram’s numbers', async ({ page }) => {
  await openMatrices(page, true);
  const diagram = await readDiagram(page);
  for (const key of ['0:1:2', '1:0:3', '2:2:1']) {
    expect(await cellValue(page, `edge:${key}`, 'weight')).toBe(diagram.edges[key].weight);
    expect(await cellValue(page, `edge:${key}`, 'dLdw')).toBe(diagram.edges[key].grad);
  }
  for (const key of ['0:0', '2:1']) {
    expect(await cellValue(page, `bias:${key}`, 'bias')).toBe(diagram.biases[key].value);
    expect(await cellValue(page, `bias:${key}`, 'dLdb')).toBe(diagram.biases[key].grad);
  }
  for (const key of ['1:2', '3:0']) {
    expect(await cellValue(page, `node:${key}`, 'z')).toBe(diagram.nodes[key].z);
    expect(await cellValue(page, `node:${key}`, 'a')).toBe(diagram.nodes[key].a);
    expect(await cellValue(page, `node:${key}`, 'dLdz')).toBe(diagram.nodes[key].dldz);
  }
  // The worksheet's z₁ = [−1, 3, 5, 3] as typeset.
  const z1 = await panel(page).locator('[data-quantity="z"][data-key^="node:1:"]').allTextContents();
  expect(z1.map((t) => t.replace(/−/g, '-')).join(' ')).toBe('-1 3 5 3');
});

test('at the start only parameters and inputs are shown; the rest are blanks', async ({ page }) => {
  await openMatrices(page, false);
  await expect(panel(page).locator('[data-quantity="weight"][data-value]')).toHaveCount(4 * 3 + 2 * 4 + 3 * 2);
  await expect(panel(page).locator('[data-quantity="z"][data-value]')).toHaveCount(0);
  await expect(panel(page).locator('[data-quantity="dLdw"][data-value]')).toHaveCount(0);
  await expect(panel(page).locator('[data-quantity="dLdw"]')).toHaveCount(4 * 3 + 2 * 4 + 3 * 2);
});

test('a cell selects its edge on the diagram, and the diagram’s selection lights its cells', async ({ page }) => {
  await openMatrices(page, true);
  const cell = panel(page).locator('[data-key="edge:1:0:2"][data-quantity="weight"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  await expect(edge(page, '1:0:2')).toHaveAttribute('aria-pressed', 'true');
  await expect(cell).toHaveClass(/cell-selected/);

  await clickEdge(page, '0:3:1');
  await expect(edge(page, '1:0:2')).toHaveAttribute('aria-pressed', 'false');
  const lit = panel(page).locator('[data-key="edge:0:3:1"]');
  await expect(lit).toHaveCount(2);
  for (const el of await lit.all()) await expect(el).toHaveClass(/cell-selected/);
  await expect(panel(page).locator('.cell-selected')).toHaveCount(2);
});

test('every cell takes a click at its centre (KaTeX’s layout boxes do not swallow the lower rows)', async ({
  page,
}) => {
  await openMatrices(page, true);
  const missed = await panel(page).evaluate((root) => {
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll('[data-key][data-quantity]'))) {
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit?.closest('[data-key]') !== el)
        out.push(`${el.getAttribute('data-key')} ${el.getAttribute('data-quantity')}`);
    }
    return out;
  });
  expect(missed).toEqual([]);
  const bottom = panel(page).locator('[data-key="edge:1:1:2"][data-quantity="dLdw"]');
  await bottom.click();
  await expect(edge(page, '1:1:2')).toHaveAttribute('aria-pressed', 'true');
});
