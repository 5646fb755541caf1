import type { Page } from '@playwright/test';
import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * A compare of a 17-digit printed number (seed 002's final predictions) beside the app's: too
 * long for its column, each number breaks over lines. They used to break at different digits
 * (the printed "0.0046750 | 677092425 | 4" beside the app's "0.0046750 | 67709242 | 55"), which
 * reads as two different numbers; they break at the same digit, so that the lines can be read
 * against each other, digit under digit.
 */

/** For each number of the row, the character offsets where its second and later lines start. */
async function lineStarts(page: Page, testId: string): Promise<number[]> {
  return page
    .getByTestId('lesson-compare')
    .first()
    .getByTestId(testId)
    .evaluate((el) => {
      const chars: { top: number; left: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode())
        for (let i = 0; i < (n.textContent ?? '').length; i++) {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getBoundingClientRect();
          chars.push({ top: r.top, left: r.left });
        }
      const starts: number[] = [];
      for (let i = 1; i < chars.length; i++) if (chars[i].top > chars[i - 1].top + 2) starts.push(i);
      return starts;
    });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`a long printed number and the app's break at the same digits (numpy-341 steps 9 and 12 at ${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const doc = builtInLesson<{ steps: unknown[] }>('numpy-341');
    for (const k of [9, 12]) {
      await openApp(page, lessonLink(doc, k));
      await expect(page.getByTestId('lesson-count')).toHaveText(`step ${k} of ${doc.steps.length}`);
      const printed = await lineStarts(page, 'lesson-compare-printed');
      const app = await lineStarts(page, 'lesson-compare-app');
      // (the case: the numbers do not fit on one line)
      expect(printed.length, `step ${k}: the printed number breaks`).toBeGreaterThan(0);
      const common = Math.min(printed.length, app.length);
      expect(app.slice(0, common), `step ${k}`).toEqual(printed.slice(0, common));
      // and the app's number is no shorter, so its lines are no fewer
      expect(app.length).toBeGreaterThanOrEqual(printed.length);
    }
  });
}
