import type { Page } from '@playwright/test';
import { choosePreset, node, openApp, setPresentation } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { measureLabels } from './helpers/label-metrics.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * The diagram with a lesson open (the lesson column narrows it) and the lesson's step on a
 * node, or a node selected mid-backward-pass: the selected and current nodes show their full
 * text (a, δ, target, z), the loss node its value, and the selection's fan-in labels show with
 * their names. None of it may run into another node's text or circle, and no label (placed, or
 * shown on demand for the selection) may cover a node's text. Where the narrower diagram cannot
 * draw every label, the note says how many are hidden.
 */

interface Size {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly presentation: boolean;
}

const SIZES: readonly Size[] = [
  { name: 'laptop 1366x768', width: 1366, height: 768, presentation: false },
  { name: 'projector 1920x1080', width: 1920, height: 1080, presentation: true },
];

async function expectClear(page: Page, what: string): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const m = await measureLabels(page);
  expect(m.params, `${what}: the network has parameters`).toBeGreaterThan(0);
  expect(m.textOverlaps, `${what}: node text overlapping another node's text or circle`).toEqual([]);
  expect(m.nodeOverlaps, `${what}: labels overlapping a node, node text, header or the legend`).toEqual([]);
  expect(m.overlaps, `${what}: labels overlapping labels`).toEqual([]);
  expect(m.struck, `${what}: labels an edge runs through`).toEqual([]);
  expect(m.leadersOver, `${what}: leaders drawn over a node, its text, a header or a label`).toEqual([]);
  // What is not drawn is said, with its count: the labels the layout could not place. A label
  // shown on demand for the selection, or the full text (a, δ, target, z) of the current or the
  // selected node, may cover placed ones (they give way while it shows): then more placed labels
  // are missing than the note counts; else exactly as many.
  const missing = m.params - m.placed;
  if (missing === 0) {
    expect(m.hiddenNote, `${what}: no note when every label is drawn`).toBe('');
    return;
  }
  const said = new RegExp(`^(\\d+) of ${m.params} value labels hidden`).exec(m.hiddenNote);
  expect(said !== null || m.hiddenNote === '', `${what}: the note on hidden labels ("${m.hiddenNote}")`).toBe(true);
  const count = said ? Number(said[1]) : 0;
  expect(count, `${what}: the note counts no more than are missing`).toBeLessThanOrEqual(missing);
  const full = await page
    .locator('.bp-node.bp-current, .bp-node[aria-pressed="true"], [data-sel="loss"][aria-pressed="true"]')
    .count();
  if (m.onDemand === 0 && full === 0) expect(count, `${what}: labels the note says are hidden`).toBe(missing);
  console.log(
    `${what}: ${count} of ${m.params} hidden for room, ${missing - count} giving way to ${m.onDemand} shown on demand`,
  );
}

const CASES: readonly { lesson: string; steps: readonly number[] }[] = [
  { lesson: 'by-hand-mlp', steps: [3, 4, 5, 6, 8] },
  { lesson: 'mazur', steps: [5, 6, 11] },
  { lesson: 'numpy-341', steps: [3, 5] },
];

for (const size of SIZES) {
  test.describe(`node text and labels with a lesson open, ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    // Several lesson steps per test, each a fresh page and a label search (in slices): a loaded CI machine needs time.
    test.setTimeout(180_000);

    for (const { lesson, steps } of CASES) {
      test(`${lesson}, steps ${steps.join(', ')}: no text or label on another`, async ({ page }) => {
        for (const step of steps) {
          await page.goto('about:blank');
          await openApp(page, lessonLink(builtInLesson(lesson), step));
          await setPresentation(page, size.presentation);
          await expect(page.getByTestId('lesson-count')).toHaveText(new RegExp(`^step ${step} of `));
          await expectClear(page, `${lesson} step ${step} at ${size.name}`);
        }
      });
    }

    test('by-hand-mlp without a lesson, an output selected mid-backward-pass', async ({ page }) => {
      await openApp(page);
      await choosePreset(page, 'by-hand-mlp');
      await setPresentation(page, size.presentation);
      await page.locator('body').press('Home');
      for (let s = 0; s < 22; s++) await page.locator('body').press('ArrowRight');
      await expect(page.getByTestId('step-caption')).toHaveText(/^22\//);
      await node(page, '3:1').click();
      await expect(page.locator('[data-sel="node:3:1"][aria-pressed="true"]')).toHaveCount(1);
      await expectClear(page, `by-hand-mlp, y₂ selected at step 22, ${size.name}`);
    });
  });
}

/**
 * Opening a lesson changes the network and narrows the diagram (the lesson column) in one go: the
 * label search waits for the diagram's final size and runs once, at that size (it ran at the full
 * width in the opening task, then again at the lesson's width). The diagram's data-labels says
 * "waiting" until a search starts, "placing" while it runs, "placed"; the page records each value
 * with the diagram's size (its viewBox) at that moment.
 */
test.describe('label search when a lesson opens', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  const RECORD = `
    window.__labelStates = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target;
        if (r.attributeName === 'data-labels' && el.closest('[data-testid="diagram"]'))
          window.__labelStates.push([el.getAttribute('data-labels'), el.getAttribute('viewBox')]);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-labels'] });
  `;

  async function searchedSizes(page: Page): Promise<{ searched: string[]; final: string }> {
    await measureLabels(page);
    return page.evaluate(() => {
      const states = (window as unknown as { __labelStates: [string, string][] }).__labelStates;
      const svg = document.querySelector('[data-testid="diagram"] svg');
      return {
        searched: states.filter(([v]) => v === 'placing').map(([, box]) => box),
        final: svg?.getAttribute('viewBox') ?? '',
      };
    });
  }

  test("by-hand-mlp's lesson from a #lesson= link: searched once, at the lesson's diagram size", async ({ page }) => {
    await page.addInitScript(RECORD);
    await openApp(page, lessonLink(builtInLesson('by-hand-mlp'), 1));
    await expect(page.getByTestId('lesson-count')).toHaveText(/^step 1 of /);
    const { searched, final } = await searchedSizes(page);
    expect(searched).toEqual([final]);
  });

  test("by-hand-mlp's lesson from the preset menu: searched once, at the lesson's diagram size", async ({ page }) => {
    await page.addInitScript(RECORD);
    await openApp(page);
    await measureLabels(page);
    await page.evaluate(() => {
      (window as unknown as { __labelStates: unknown[] }).__labelStates = [];
    });
    await page.getByTestId('preset-menu').selectOption('lesson:by-hand-mlp');
    await expect(page.getByTestId('lesson-count')).toHaveText(/^step 1 of /);
    const { searched, final } = await searchedSizes(page);
    expect(searched).toEqual([final]);
  });
});
