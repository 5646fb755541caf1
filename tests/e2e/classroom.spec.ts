import { clickEdge, node, openApp, typeInto } from './helpers/app.ts';
import { preset, shareHash } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/** Defects found trying the app as a teacher would, in front of a class (issue 9, item 4). */

test('▶ plays: the play button shows the one plain triangle, step forward a triangle against a bar', async ({
  page,
}) => {
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

test('focus returns to the number edited after Enter or Escape: samples table and parameter editor', async ({
  page,
}) => {
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
  const pairs = await headings.evaluateAll((els) =>
    els.map((h) => [h.textContent ?? '', (h as HTMLElement).innerText]),
  );
  expect(
    pairs.some(([text]) => /δ|∂/.test(text)),
    'some heading has math in it',
  ).toBe(true);
  // innerText is the text as rendered, after text-transform.
  for (const [text, rendered] of pairs)
    expect(rendered.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
});

test('a lesson link locks what it opens: no worksheet switch, no preset menu, End does not show the answers', async ({
  page,
}) => {
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

test("printing: a large diagram, no screen highlight, and no question asked twice (Mazur's two b₁)", async ({
  page,
}) => {
  await openApp(page, shareHash(preset('mazur')));
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByTestId('worksheet-toggle').click();
  await page.getByTestId('math-panel').focus();
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  for (const kind of ['print-worksheet', 'print-answers']) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId(kind).click();
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet).toBeVisible();
    const questions = await sheet.locator('.print-what').allTextContents();
    expect(new Set(questions).size, `${kind}: every question once`).toBe(questions.length);
    expect(questions).toContain('∂L/∂b₁ (into h₂)');
    const box = await page.getByTestId('diagram').boundingBox();
    expect(box?.height ?? 0, `${kind}: a large diagram`).toBeGreaterThan(600);
    // No highlight of the screen is printed: the halos of the current step and the selection are transparent, no ring is in the accent colour.
    const marks = await page.evaluate(() => {
      const probe = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      probe.style.stroke = 'var(--bp-accent)';
      document.querySelector('[data-testid="diagram"] svg')?.appendChild(probe);
      const accent = getComputedStyle(probe).stroke;
      probe.remove();
      const strokes = (sel: string) =>
        Array.from(document.querySelectorAll(sel)).map((el) => getComputedStyle(el).stroke);
      return {
        accent,
        halos: strokes(':is(.bp-current, .bp-selected) > .bp-halo'),
        rings: strokes(':is(.bp-current, .bp-selected) > :is(.bp-node-circle, .bp-loss-circle)'),
      };
    });
    expect(marks.accent).toMatch(/^rgb/);
    // The answer key shows the iteration done: its last step (an update) is the current one, marked on screen.
    if (kind === 'print-answers') expect(marks.halos.length, 'the last step is marked on screen').toBeGreaterThan(0);
    for (const stroke of marks.halos)
      expect(stroke, `${kind}: no highlight halo`).toMatch(/^(transparent|rgba\(0, 0, 0, 0\)|none)$/);
    for (const stroke of marks.rings) expect(stroke, `${kind}: no current-step ring`).not.toBe(marks.accent);
  }
});
