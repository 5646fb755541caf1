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

/**
 * The "Hidden by the lesson: …" note under the step is in the step's scroll box: when it is
 * under the fold, even by part of a line, the cue says so, and scrolling down shows it whole
 * (by-hand-mlp's step 12 at 1366×768 cut it mid-line with no cue, which measured the step's
 * text and printed numbers only).
 */
async function noteState(page: Page): Promise<{ whole: boolean; cue: boolean }> {
  return page.getByTestId('lesson-panel').evaluate((panel) => {
    const box = panel.querySelector('[data-testid="lesson-scroll"]')!.getBoundingClientRect();
    const note = panel.querySelector('[data-testid="lesson-hidden"]')!.getBoundingClientRect();
    // (a scroll position is whole pixels: scrolled to the end, a box's last 0.6 px can stay under its edge)
    return {
      whole: note.top >= box.top - 1 && note.bottom <= box.bottom + 1,
      cue: panel.querySelector('[data-testid="lesson-more"]') !== null,
    };
  });
}

for (const { k, size, presentation } of [
  { k: 12, size: { width: 1366, height: 768 }, presentation: false },
  { k: 6, size: { width: 1366, height: 768 }, presentation: false },
  { k: 12, size: { width: 1920, height: 1080 }, presentation: true },
  { k: 6, size: { width: 1920, height: 1080 }, presentation: true },
]) {
  test(`the hidden-controls note is never cut without the cue, and shows whole once scrolled (by-hand-mlp step ${k} at ${size.width}×${size.height}${presentation ? ', presentation mode' : ''})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const doc = builtInLesson<{ steps: unknown[] }>('by-hand-mlp');
    await openApp(page, lessonLink(doc, k));
    await expect(page.getByTestId('lesson-count')).toHaveText(`step ${k} of ${doc.steps.length}`);
    if (presentation) {
      await page.getByTestId('presentation-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    }
    await expect(page.getByTestId('lesson-hidden')).toHaveText('Hidden by the lesson: architecture editor.');
    // the step laid out with its fonts (KaTeX's change the height of its math)
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    // whole in view, or the cue says there is more below
    await expect.poll(async () => Object.values(await noteState(page)).some(Boolean)).toBe(true);
    if ((await noteState(page)).cue) await page.getByTestId('lesson-more').click();
    await expect.poll(() => noteState(page)).toEqual({ whole: true, cue: false });
  });
}

/**
 * The cue goes again once the step fits: its strip takes room from the step's box, and that
 * room counted as overflow, so a step that fitted without the strip (but not with it) kept the
 * cue for good. Seen on Mazur's step 14: a notice over the app shortened the column, the cue
 * showed, and when the notice went the cue stayed and cut the ask's buttons in half. Here the
 * column is given a height (as the notice's going gives it one), short, then just tall enough.
 */
async function setColumnHeight(page: Page, px: number): Promise<void> {
  await page.evaluate((h) => {
    let style = document.getElementById('column-height');
    if (style === null) {
      style = document.createElement('style');
      style.id = 'column-height';
      document.head.append(style);
    }
    style.textContent = `[data-testid="lesson-panel"] { height: ${h}px !important; }`;
  }, px);
}

test('the cue goes when the step fits again (mazur step 14, its column made taller)', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const doc = builtInLesson<{ steps: unknown[] }>('mazur');
  await openApp(page, lessonLink(doc, 14));
  await expect(page.getByTestId('lesson-count')).toHaveText(`step 14 of ${doc.steps.length}`);
  await page.evaluate(() => document.fonts.ready);
  await setColumnHeight(page, 300);
  await expect(page.getByTestId('lesson-more')).toBeVisible();
  // the step's height, and the column's height that holds it with 15 px to spare without the cue's strip
  const { content, box, strip, column } = await page.getByTestId('lesson-panel').evaluate((panel) => {
    const scroll = panel.querySelector('[data-testid="lesson-scroll"]')!;
    const cue = panel.querySelector('[data-testid="lesson-more"]')!.getBoundingClientRect();
    return {
      content: scroll.scrollHeight,
      box: scroll.clientHeight,
      strip: cue.bottom - scroll.getBoundingClientRect().bottom,
      column: panel.getBoundingClientRect().height,
    };
  });
  expect(strip).toBeGreaterThan(15); // else a 15 px spare would not show the defect
  await setColumnHeight(page, column + (content - (box + strip)) + 15);
  await expect(page.getByTestId('lesson-more')).toHaveCount(0);
  // and the step is whole in its box, the ask's buttons too
  await expect(page.getByTestId('lesson-ask').locator('button').last()).toBeInViewport({ ratio: 1 });
  expect(await page.getByTestId('lesson-scroll').evaluate((s) => s.scrollHeight <= s.clientHeight + 1)).toBe(true);
});
