import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Opening a lesson from the preset menu (issue 9: the panel visible sooner, no long task). The
 * lesson panel's chunk is fetched while the page is idle, so the panel shows in the commit that
 * opens the lesson: never its empty placeholder (React's retry of a suspended part waited
 * behind the math panel's typesetting, about a second on by-hand-mlp's lesson).
 */
test('a lesson chosen in the preset menu shows its panel at once, without the loading placeholder', async ({
  page,
}) => {
  await openApp(page);
  // fetched at the page's idle time, before any lesson is chosen
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => /\/LessonPanel-[^/]*\.js$/.test(e.name)),
      ),
    )
    .toBe(true);
  // …with the chunks it imports (KaTeX's is the largest), evaluated: the file's arrival is not the
  // panel's (in CI, under load, the lesson was chosen between the two and the placeholder showed)
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2000 })));
  await page.evaluate(() => {
    const w = window as unknown as { placeholderSeen: boolean };
    w.placeholderSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.lesson-panel[aria-busy="true"]')) w.placeholderSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('preset-menu').selectOption('lesson:by-hand-mlp');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByTestId('lesson-count')).toHaveText(/^step 1 of \d+$/);
  expect(await page.evaluate(() => (window as unknown as { placeholderSeen: boolean }).placeholderSeen)).toBe(false);
  // the math panel shows the step's derivation as far as the diagram has come (the rest is kept
  // blank until its step), each line fitted to the panel
  await expect(page.getByTestId('derivation-title')).toBeVisible();
  await expect(page.getByTestId('math-withheld').first()).toBeVisible();
  const lines = page.locator('[data-testid="math-panel"] .math-tex');
  expect(await lines.count()).toBeGreaterThanOrEqual(2);
  for (const box of await lines.all()) {
    const { scroll, client, tab } = await box.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      tab: el.getAttribute('tabindex'),
    }));
    // fits, or scrolls and can be reached from the keyboard to scroll it
    expect(scroll <= client || tab === '0').toBe(true);
  }
});
