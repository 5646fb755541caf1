import type { Page } from '@playwright/test';
import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * The "↓ more below" cue of a step longer than the lesson column: it used to float over the
 * column's last visible lines (a printed number's label under it, at 1366×768 and in
 * presentation mode alike). It has a strip of its own below the step, so it hides nothing the
 * student is reading.
 */

/** The parts of the step the cue covers: each line of text, display math, compare row and the ask, as far as it is visible in its column. */
async function coveredByCue(page: Page): Promise<string[]> {
  return page.getByTestId('lesson-panel').evaluate((panel) => {
    const cue = panel.querySelector('[data-testid="lesson-more"]')!.getBoundingClientRect();
    /** the part of `r` left visible by the element's clipping ancestors (the column's scroller) */
    const visible = (el: Element, r: DOMRect) => {
      let { left, top, right, bottom } = r;
      for (let a = el.parentElement; a !== null; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      return { left, top, right, bottom };
    };
    const hits: string[] = [];
    const check = (el: Element, rects: DOMRect[]) => {
      for (const r of rects) {
        const v = visible(el, r);
        if (v.right - v.left < 1 || v.bottom - v.top < 1) continue;
        if (v.left < cue.right && cue.left < v.right && v.top < cue.bottom && cue.top < v.bottom) {
          hits.push((el.textContent ?? '').slice(0, 40));
          return;
        }
      }
    };
    for (const p of Array.from(panel.querySelectorAll('.lesson-text p'))) {
      const range = document.createRange();
      range.selectNodeContents(p);
      check(p, Array.from(range.getClientRects()));
    }
    for (const el of Array.from(panel.querySelectorAll('.lesson-text .katex-display, .lesson-compare tr, .lesson-ask')))
      check(el, [el.getBoundingClientRect()]);
    return hits;
  });
}

for (const { id, k, size, presentation } of [
  { id: 'walkthrough', k: 6, size: { width: 1366, height: 768 }, presentation: false },
  { id: 'little-network', k: 5, size: { width: 1920, height: 1080 }, presentation: true },
  { id: 'mazur', k: 1, size: { width: 1920, height: 1080 }, presentation: true },
]) {
  test(`"more below" covers none of the step's text or printed numbers (${id} step ${k} at ${size.width}×${size.height}${presentation ? ', presentation mode' : ''})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const doc = builtInLesson<{ steps: unknown[] }>(id);
    await openApp(page, lessonLink(doc, k));
    await expect(page.getByTestId('lesson-count')).toHaveText(`step ${k} of ${doc.steps.length}`);
    if (presentation) {
      await page.getByTestId('presentation-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    }
    // the step is longer than the column: the cue is there (else this tests nothing)
    await expect(page.getByTestId('lesson-more')).toBeVisible();
    await expect(page.getByTestId('lesson-compare').last()).not.toBeInViewport({ ratio: 1 });
    await expect.poll(() => coveredByCue(page)).toEqual([]);
  });
}
