import type { Page } from '@playwright/test';
import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { measureLabels } from './helpers/label-metrics.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * Names on the diagram's labels ("w₂ = 0.2", "b₁ (h₂) = 0.35") with a lesson open: the laptop
 * layout names every placed label of Mazur's and the walkthrough's networks; presentation mode
 * (a narrower diagram in layout units) used to drop every name as soon as one named label did not
 * fit. Now each placed label with room for its name keeps it (a weight's box as wide as weight
 * names need, not the longest bias name), and every label says its name on hover (its tooltip).
 */

const SIZES = [
  { name: 'laptop 1366x768', width: 1366, height: 768, presentation: false },
  { name: 'presentation 1366x768', width: 1366, height: 768, presentation: true },
  { name: 'presentation 1920x1080', width: 1920, height: 1080, presentation: true },
] as const;

/** The placed labels (not those shown on demand): whether each shows its parameter's name, and its tooltip. */
async function placedLabels(page: Page): Promise<{ sel: string; text: string; tooltip: string }[]> {
  await measureLabels(page);
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.bp-labels .bp-label'))
      .filter((g) => g.getAttribute('display') !== 'none')
      .map((g) => ({
        sel: g.getAttribute('data-sel') ?? '',
        text: g.querySelector('.bp-label-value')?.textContent ?? '',
        tooltip: g.querySelector('title')?.textContent ?? '',
      })),
  );
}

for (const size of SIZES) {
  test.describe(`label names with a lesson open, ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const lesson of ['mazur', 'walkthrough']) {
      test(`${lesson}: placed labels keep their names where they have room`, async ({ page }) => {
        await openApp(page, lessonLink(builtInLesson(lesson), 1));
        if (size.presentation) {
          await page.locator('body').press('p');
          await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
        }
        await expect(page.getByTestId('lesson-count')).toHaveText(/^step 1 of /);
        const labels = await placedLabels(page);
        expect(labels.length).toBeGreaterThan(0);
        // The tooltip names it: "weight w₂ = 0.2, gradient …", "bias b₁ (h₂) = 0.35, …".
        const names = labels.map((l) => ({ ...l, name: /^(?:weight|bias) (.+?) = /.exec(l.tooltip)?.[1] ?? '' }));
        for (const l of names) expect(l.name, `${l.sel}: a tooltip naming it ("${l.tooltip}")`).not.toBe('');
        const named = names.filter((l) => l.text.startsWith(`${l.name} `));
        console.log(`${lesson} at ${size.name}: ${named.length} of ${labels.length} placed labels named`);
        if (!size.presentation) expect(named.length, 'the laptop layout names every placed label').toBe(labels.length);
        else expect(named.length, 'placed labels named in presentation mode').toBeGreaterThan(0);
        // On the projector, Mazur's weights (which the lesson calls w₁ … w₈) keep their names: a
        // weight's box holds "w₁ = 0.15", not the longest bias name "b₁ (h₁)" (a bare "0.15" was left).
        if (lesson === 'mazur' && size.width === 1920) {
          const weights = names.filter((l) => l.sel.startsWith('edge:'));
          expect(weights.length, 'every weight label placed').toBe(8);
          expect(weights.filter((l) => named.includes(l)).length, 'weight labels named').toBeGreaterThanOrEqual(7);
        }
      });
    }
  });
}
