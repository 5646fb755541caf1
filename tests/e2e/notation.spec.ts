import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, edge, node, openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * The notation switch renames every unlabelled element, on the diagram (visible names and
 * aria-labels) and in the math panel (title and typeset formulas); a scenario's own labels
 * win, so tanh-221 keeps its bracketed names whatever the switch says.
 */

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens the settings (which take the math panel's place), picks `notation` there and closes them again. */
async function chooseNotation(page: Page, notation: string, before?: string): Promise<void> {
  await page.getByTestId('settings-toggle').click();
  const select = page.getByTestId('settings').getByLabel('Notation');
  if (before !== undefined) await expect(select).toHaveValue(before);
  await select.selectOption(notation);
  await page.getByTestId('settings-toggle').click();
  await expect(page.getByTestId('math-panel')).toBeVisible();
}

async function expectWeightNamed(page: Page, key: string, name: string): Promise<void> {
  await expect(edge(page, key)).toHaveAttribute('aria-label', new RegExp(`^weight ${escapeRe(name)} = `));
  await expect(page.getByTestId('derivation-title')).toHaveText(new RegExp(`^Weight ${escapeRe(name)}(:|$)`));
}

test.describe('notation switch', () => {
  test('renames the diagram and the formulas of numpy-341, which has no labels', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'numpy-341');
    await clickEdge(page, '0:1:2');
    await expectWeightNamed(page, '0:1:2', 'w₂₃⁽¹⁾');
    await expect(node(page, '1:0')).toHaveAttribute('aria-label', /^node h₁⁽¹⁾:/);

    const cases: [string, string, RegExp, string][] = [
      // notation, weight name, hidden node 1:0, a TeX fragment of the typeset panel
      ['letters', 'CE', /^node D:/, 'CE'],
      ['net-out', 'w₆', /^node h₁:/, 'w6'],
      ['bracketed', 'w[1]₃₂', /^node a\[1\]₁:/, 'w32[1]'],
      ['indices', 'w₂₃⁽¹⁾', /^node h₁⁽¹⁾:/, 'w23(1)'],
    ];
    for (const [notation, name, hidden, typeset] of cases) {
      await chooseNotation(page, notation);
      await expectWeightNamed(page, '0:1:2', name);
      await expect(node(page, '1:0')).toHaveAttribute('aria-label', hidden);
      await expect(edge(page, '0:1:2')).toHaveAttribute('aria-pressed', 'true');
      // The typeset term linked to the edge reads as the name: KaTeX runs sub- then superscripts on after the base.
      const term = page.getByTestId('math-panel').locator('.katex-html [data-key="edge:0:1:2"]').first();
      await expect
        .poll(async () => ((await term.textContent()) ?? '').replace(/\u200b/g, ''), { message: `typeset ${notation}` })
        .toBe(typeset);
    }
  });

  test('keeps the choice across a reload, and a preset’s own labels win', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'numpy-341');
    await chooseNotation(page, 'letters', 'indices');
    await page.reload();
    await page.getByTestId('settings-toggle').click();
    await expect(page.getByTestId('settings').getByLabel('Notation')).toHaveValue('letters');
    await page.getByTestId('settings-toggle').click();
    await expect(node(page, '0:0')).toHaveAttribute('aria-label', /^input A = /);

    await choosePreset(page, 'tanh-221');
    await clickEdge(page, '1:0:0');
    await expectWeightNamed(page, '1:0:0', 'w[2]₁₁');
    await chooseNotation(page, 'indices', 'letters');
    await expectWeightNamed(page, '1:0:0', 'w[2]₁₁');
  });
});
