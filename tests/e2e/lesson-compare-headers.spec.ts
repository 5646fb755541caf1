import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * A step's compare table in the lesson column at 1366×768 (and on the projector, 1920×1080 in
 * presentation mode): each column header on one line (the
 * headers broke over two lines: "printed / elsewhere" beside Mazur's nine-digit numbers, "the /
 * app" beside long labels, "from its / rounded ŷ" in by-hand-mlp), and the table inside the column.
 */

const CASES = [
  { lesson: 'mazur', step: 13 },
  { lesson: 'mazur', step: 17 },
  { lesson: 'by-hand-mlp', step: 3 },
  { lesson: 'by-hand-mlp', step: 8 },
  { lesson: 'walkthrough', step: 1 },
  { lesson: 'little-network', step: 9 },
  { lesson: 'numpy-341', step: 9 },
] as const;

const SIZES = [
  { name: '1366×768', width: 1366, height: 768, presentation: false },
  { name: '1920×1080 presentation', width: 1920, height: 1080, presentation: true },
] as const;

for (const size of SIZES)
  test.describe(size.name, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const { lesson, step } of CASES) {
      test(`${lesson} step ${step}: the compare table's headers are one line each and the table fits its column`, async ({
        page,
      }) => {
        await openApp(page, lessonLink(builtInLesson(lesson), step));
        await expect(page.getByTestId('lesson-count')).toHaveText(new RegExp(`^step ${step} of `));
        if (size.presentation) {
          await page.getByTestId('presentation-toggle').click();
          await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
        }
        const table = page.locator('.lesson-compare');
        await expect(table.getByTestId('lesson-compare').first()).toBeVisible();
        const heads = await table.locator('thead th').evaluateAll((ths) =>
          ths
            .filter((th) => (th.textContent ?? '').trim() !== '' && th.querySelector('.visually-hidden') === null)
            .map((th) => {
              const range = document.createRange();
              range.selectNodeContents(th);
              const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
              return { text: (th.textContent ?? '').trim(), lines: tops.size };
            }),
        );
        expect(heads.length).toBeGreaterThanOrEqual(2);
        for (const h of heads) expect(h.lines, `"${h.text}" on one line`).toBe(1);
        const over = await table.evaluate(
          (t) => t.getBoundingClientRect().right - (t.parentElement as HTMLElement).getBoundingClientRect().right,
        );
        expect(over, 'the table stays inside the lesson column').toBeLessThanOrEqual(0.5);
      });
    }
  });
