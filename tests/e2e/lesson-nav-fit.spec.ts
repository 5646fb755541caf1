import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * The lesson's previous / next row on a laptop-sized screen in presentation mode (a teacher's
 * laptop mirrored to a projector at 1366×768): each control on one line and inside the lesson
 * column. The 20 px type broke "‹ Previous" and "Next ›" over two lines and pushed the close
 * button past the column's edge.
 */
for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`lesson navigation fits its column in presentation mode at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, lessonLink(builtInLesson('mazur'), 5));
    await expect(page.getByTestId('lesson-count')).toHaveText(/^step 5 of /);
    await page.locator('body').press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    const problems = await page.evaluate(() => {
      const column = document.querySelector('[data-testid="lesson-panel"]')!.getBoundingClientRect();
      const out: string[] = [];
      for (const id of ['lesson-previous', 'lesson-count', 'lesson-next', 'lesson-close']) {
        const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
        const r = el.getBoundingClientRect();
        // the lines its drawn text is set on: the distinct tops of its text's boxes (text in a
        // visually hidden box, 1 px wide, is for screen readers)
        const tops = new Set<number>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t !== null; t = walker.nextNode()) {
          if (t.parentElement!.getBoundingClientRect().width <= 1) continue;
          const range = document.createRange();
          range.selectNodeContents(t);
          for (const b of Array.from(range.getClientRects())) if (b.width > 0) tops.add(Math.round(b.top));
        }
        if (tops.size > 1) out.push(`${id} on ${tops.size} lines`);
        if (r.left < column.left - 0.5 || r.right > column.right + 0.5)
          out.push(`${id} [${r.left}, ${r.right}] outside the column [${column.left}, ${column.right}]`);
      }
      return out;
    });
    expect(problems).toEqual([]);
    // the buttons keep their names for screen readers however they are drawn
    await expect(page.getByTestId('lesson-previous')).toHaveAccessibleName(/Previous/);
    await expect(page.getByTestId('lesson-next')).toHaveAccessibleName(/Next/);
  });
}
