import { choosePreset, openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Editing a weight on the diagram itself (issue 9): a click on a weight's label selects it, a
 * click on the selected label (or a double click) opens an input over it; Enter commits,
 * Escape cancels, something that is not a number is refused where it was typed, and focus
 * goes back to the element edited, never to <body>.
 */

const label = (key: string) => `.bp-label[data-sel="${key}"]`;

test.describe('click-to-edit on the diagram', () => {
  test('click selects, a second click edits in place; Enter commits and focus returns to the edge', async ({
    page,
  }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await page.locator('body').press('End');
    const edge = page.locator('[data-edge="0:0:0"]');
    const before = Number(await edge.getAttribute('data-weight'));
    await page.locator(label('edge:0:0:0')).click();
    await expect(edge).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('diagram-edit')).toHaveCount(0);
    await page.locator(label('edge:0:0:0')).click();
    const input = page.getByTestId('diagram-edit');
    await expect(input).toBeFocused();
    await expect(input).toHaveValue(String(before));
    await input.fill('not a number');
    await input.press('Enter');
    await expect(page.getByRole('alert')).toContainText('is not a number');
    await expect(input).toBeVisible();
    await expect(edge).toHaveAttribute('data-weight', String(before));
    await input.fill('0.625');
    await input.press('Enter');
    await expect(input).toHaveCount(0);
    await expect(edge).toHaveAttribute('data-weight', '0.625');
    await expect(edge).toBeFocused();
  });

  test('a double click edits a bias; Escape cancels and focus returns to the bias', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    const bias = page.locator('[data-bias="0:0"]');
    const before = await bias.getAttribute('data-value');
    await page.locator(label('bias:0:0')).dblclick();
    const input = page.getByTestId('diagram-edit');
    await expect(input).toBeFocused();
    await input.fill('7');
    await input.press('Escape');
    await expect(input).toHaveCount(0);
    await expect(bias).toHaveAttribute('data-value', before ?? '');
    await expect(bias).toBeFocused();
  });
});
