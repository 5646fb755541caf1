import type { Page } from '@playwright/test';
import { choosePreset, node, openApp, readCaption, stepForward } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * a of a softmax node needs z of every node of its layer, so the layer computes its vector z
 * first, then softmax of it, as the by-hand exercise does (seed 003). The step plan used to go
 * node by node, z then a, and the diagram showed y₁'s and y₂'s softmax (0.4955) while z of y₃
 * was still to come.
 */

/** Which of by-hand-mlp's three softmax outputs show their z and their a (the node's accessible name says "not yet computed"). */
async function outputsShown(page: Page): Promise<{ z: boolean[]; a: boolean[] }> {
  const labels = await Promise.all([0, 1, 2].map((j) => node(page, `3:${j}`).getAttribute('aria-label')));
  return {
    z: labels.map((l) => !/: z not yet computed/.test(l ?? '')),
    a: labels.map((l) => !/, a not yet computed/.test(l ?? '')),
  };
}

test("by-hand-mlp's softmax layer: every z, then every a; the caption says so", async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'by-hand-mlp');
  // layers 1 and 2 (four and two ReLU nodes): z then a of each node, 12 events
  for (let k = 0; k < 12; k++) await stepForward(page);
  await expect.poll(() => outputsShown(page)).toEqual({ z: [false, false, false], a: [false, false, false] });
  // the vector z of the output layer, then softmax of it
  const expected = [
    { z: [true, false, false], a: [false, false, false] },
    { z: [true, true, false], a: [false, false, false] },
    { z: [true, true, true], a: [false, false, false] },
    { z: [true, true, true], a: [true, false, false] },
    { z: [true, true, true], a: [true, true, false] },
    { z: [true, true, true], a: [true, true, true] },
  ];
  for (const [k, shown] of expected.entries()) {
    const caption = await stepForward(page);
    expect(caption.position).toBe(13 + k);
    await expect.poll(() => outputsShown(page), `at position ${caption.position}`).toEqual(shown);
    if (k === 0) expect(caption.text).toContain('Next: z of y₂');
    if (k === 2) expect(caption.text).toContain('Next: a of y₁ = softmax of the layer’s z');
  }
  expect((await readCaption(page)).text).toContain('Next: Loss');
});

test("by-hand-mlp's lesson, step 2 (z₂ and z₃): every z of the output layer shows and none of its softmax", async ({
  page,
}) => {
  await openApp(page, lessonLink(builtInLesson('by-hand-mlp'), 2));
  await expect(page.getByTestId('lesson-count')).toHaveText(/^step 2 of/);
  await expect.poll(() => outputsShown(page)).toEqual({ z: [true, true, true], a: [false, false, false] });
});
