import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson } from './helpers/lessons.ts';

/**
 * Every step of every built-in lesson, walked with "next" as a student walks it, on the three
 * screens a lesson is shown on: a laptop (1366×768), the projector (1920×1080, presentation
 * mode) and a laptop mirrored to a projector (1366×768, presentation mode). No step's text,
 * ask or printed numbers run past the lesson column: in presentation mode on the laptop's
 * screen Mazur's compare tables ran 53 to 100 px past it (the app's number cut at the
 * column's edge), by-hand-mlp's 28 to 37, numpy-341's 8, and inline equations glued to their
 * punctuation (Mazur step 5's net_o1 = w5 out_h1 + w6 out_h2 + b2) up to 90. Nor does anything
 * make the page taller than the screen.
 */

interface LessonDoc {
  readonly steps: readonly { readonly ask?: unknown; readonly compare?: readonly unknown[] }[];
}

const LESSONS = readdirSync(new URL('../../src/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

const SCREENS = [
  { name: '1366×768', width: 1366, height: 768, presentation: false },
  { name: '1920×1080 presentation', width: 1920, height: 1080, presentation: true },
  { name: '1366×768 presentation', width: 1366, height: 768, presentation: true },
] as const;

/**
 * What in the step's scroller runs past the column, with how far: the compare table past its
 * content's right edge (the edge of the text above it), the text past the padding left of the
 * scroll bar (a subscript at a line's end may hang a pixel or two into it, as type does).
 */
function pastTheColumn(page: Page): Promise<string[]> {
  return page.getByTestId('lesson-scroll').evaluate((scroller) => {
    const s = scroller as HTMLElement;
    const inner = s.getBoundingClientRect().left + s.clientLeft + s.clientWidth;
    const content = inner - parseFloat(getComputedStyle(s).paddingRight);
    const found: string[] = [];
    // a display line is its own box, shrunk to the column's width: none has anything to scroll to
    for (const line of Array.from(s.querySelectorAll('.lesson-math-display'))) {
      const hidden = line.scrollWidth - line.clientWidth;
      if (hidden > 1) found.push(`display line “${(line.textContent ?? '').slice(0, 30)}” scrolls ${hidden} px`);
    }
    const past = (selector: string, right: number) => {
      for (const el of Array.from(s.querySelectorAll(selector))) {
        if (el.closest('.lesson-math-display') !== null) continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > right + 0.5)
          found.push(`“${(el.textContent ?? '').slice(0, 30)}” by ${(box.right - right).toFixed(1)} px`);
      }
    };
    past('.lesson-compare, .lesson-compare td, .lesson-compare th, .lesson-compare mark', content);
    past('.lesson-text .katex, .lesson-text span, .lesson-ask *', inner);
    return found.slice(0, 2);
  });
}

for (const screen of SCREENS)
  test.describe(screen.name, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    for (const id of LESSONS) {
      test(`${id}: no step's text, ask or printed numbers run past the lesson column`, async ({ page }) => {
        test.setTimeout(60_000);
        const doc = builtInLesson<LessonDoc>(id);
        await openApp(page);
        if (screen.presentation) {
          await page.locator('body').press('p');
          await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
        }
        await page.getByTestId('preset-menu').selectOption(`lesson:${id}`);
        const past: string[] = [];
        let compared = 0;
        for (let k = 1; k <= doc.steps.length; k++) {
          const step = doc.steps[k - 1];
          await expect(page.getByTestId('lesson-count')).toHaveText(`step ${k} of ${doc.steps.length}`);
          await expect(page.getByTestId('lesson-text')).toBeVisible();
          await expect(page.getByTestId('lesson-compare')).toHaveCount(step.compare?.length ?? 0);
          compared += step.compare?.length ?? 0;
          // measured in the type it is drawn in (a step can ask for a KaTeX face not loaded yet)
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          for (const o of await pastTheColumn(page)) past.push(`step ${k}: ${o}`);
          // nor below the screen: the page itself never scrolls (the compare table's visually hidden
          // headers, placed against the page rather than the step's scroller, let it scroll 163 px)
          const below = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
          if (below > 0) past.push(`step ${k}: the page scrolls ${below} px`);
          if (step.ask !== undefined)
            // (a click can land while the step's lines are still being fitted and move under it)
            await expect(async () => {
              if ((await page.getByTestId('lesson-ask').getAttribute('data-answered')) !== 'yes')
                await page.getByTestId('lesson-ask-reveal').click({ timeout: 2000 });
              await expect(page.getByTestId('lesson-ask')).toHaveAttribute('data-answered', 'yes', { timeout: 1000 });
            }).toPass();
          if (k < doc.steps.length) await page.getByTestId('lesson-next').click();
        }
        expect(past).toEqual([]);
        // (the case: the walk met printed numbers, where the lesson has them)
        expect(compared).toBe(doc.steps.reduce((n, s) => n + (s.compare?.length ?? 0), 0));
      });
    }
  });
