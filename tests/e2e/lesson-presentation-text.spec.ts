import { readdirSync } from 'node:fs';
import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson } from './helpers/lessons.ts';

/**
 * A lesson's text is read on the projector too: where it sends the student to a control that
 * presentation mode hides (numpy-341 step 9: "Train → N…, 9999"), it says how to reach it there.
 * The hidden controls are read from the page: the toolbar groups and buttons shown on the laptop
 * and hidden in presentation mode, by the name they show (a group's label, else its text).
 */

interface Lesson {
  readonly steps: readonly { readonly text: string }[];
}

const LESSONS = readdirSync(new URL('../../src/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

test('lesson texts that name a control presentation mode hides say how to reach it there', async ({ page }) => {
  await openApp(page);
  const controls = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('.toolbar > *, .toolbar button, [data-testid="add-sample"]'))
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().split(/\s+/)[0])
        .filter((name) => /^[A-Z][a-z]+$/.test(name)),
    );
  const laptop = new Set(await controls());
  expect(laptop.has('Train'), `the laptop shows the Train controls (${[...laptop].join(', ')})`).toBe(true);
  await page.locator('body').press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
  const shown = new Set(await controls());
  const hidden = [...laptop].filter((name) => !shown.has(name));
  expect(hidden, 'presentation mode hides the Train controls').toContain('Train');

  const unreachable: string[] = [];
  for (const id of LESSONS) {
    builtInLesson<Lesson>(id).steps.forEach((step, k) => {
      for (const name of hidden)
        if (new RegExp(`\\b${name}\\b`).test(step.text) && !/presentation mode/.test(step.text))
          unreachable.push(`${id} step ${k + 1}: "${name}"`);
    });
  }
  expect(unreachable, `controls hidden in presentation mode (${hidden.join(', ')})`).toEqual([]);
});
