import { clickEdge, node, openApp, typeInto } from './helpers/app.ts';
import { preset, shareHash } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/** Defects found trying the app as a teacher would, in front of a class (issue 9, item 4). */

test('▶ plays: the play button shows the one plain triangle, step forward a triangle against a bar', async ({ page }) => {
  await openApp(page);
  const d = async (testId: string) => page.getByTestId(testId).locator('svg path').getAttribute('d');
  const play = (await d('play')) ?? '';
  const forward = (await d('step-forward')) ?? '';
  // One closed subpath, a triangle: three points.
  expect(play.match(/z/gi)?.length, 'play is one shape').toBe(1);
  expect(play.match(/[lL]/g)?.length ?? 0, 'play is a triangle').toBeGreaterThanOrEqual(1);
  expect(forward, 'step forward looks unlike play').not.toBe(play);
  expect(forward.match(/z/gi)?.length, 'step forward: a triangle and a bar').toBe(2);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAccessibleName('Pause');
});

test('focus returns to the number edited after Enter or Escape: samples table and parameter editor', async ({ page }) => {
  await openApp(page);
  await typeInto(page, 'x-0-0', '2');
  await expect(page.getByTestId('x-0-0')).toBeFocused();
  await expect(page.getByTestId('x-0-0')).toHaveText('2');
  await typeInto(page, 'x-0-0', '5', 'Escape');
  await expect(page.getByTestId('x-0-0')).toBeFocused();
  await expect(page.getByTestId('x-0-0')).toHaveText('2');

  await clickEdge(page, '0:0:0');
  await typeInto(page, 'edit-weight', '0.5');
  await expect(page.getByTestId('edit-weight')).toBeFocused();
  await typeInto(page, 'edit-weight', '0.7', 'Escape');
  await expect(page.getByTestId('edit-weight')).toBeFocused();
  // Escape in the field cancels the edit only: the selection stays.
  await expect(page.locator('[data-edge="0:0:0"]')).toHaveAttribute('aria-pressed', 'true');
});

test('headings never case-transform math: δ stays δ in the math and matrix panels', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('math-panel').focus();
  await page.keyboard.press('End');
  await node(page, '1:0').click();
  const headings = page.getByTestId('math-panel').locator('h3');
  await expect(headings.first()).toBeVisible();
  const pairs = await headings.evaluateAll((els) => els.map((h) => [h.textContent ?? '', (h as HTMLElement).innerText]));
  expect(pairs.some(([text]) => /δ|∂/.test(text)), 'some heading has math in it').toBe(true);
  // innerText is the text as rendered, after text-transform.
  for (const [text, rendered] of pairs) expect(rendered.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
});

test('a lesson link locks what it opens: no worksheet switch, no preset menu, End does not show the answers', async ({ page }) => {
  await openApp(page, `${shareHash(preset('mazur'))}&worksheet=1&hide=worksheet,presets`);
  await expect(page.getByTestId('worksheet-panel')).toBeVisible();
  await expect(page.getByTestId('worksheet-toggle')).toHaveCount(0);
  await expect(page.getByTestId('preset-menu')).toHaveCount(0);
  await page.getByTestId('file-menu-button').click();
  await expect(page.getByTestId('import-button')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('math-panel').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-caption')).toHaveText(/^0\//);
  // Revealing goes on, one blank at a time.
  await page.getByTestId('worksheet-reveal').click();
  await expect(page.getByTestId('step-caption')).toHaveText(/^1\//);
});
