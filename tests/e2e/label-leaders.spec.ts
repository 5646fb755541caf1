import { openApp, setPresentation } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { measureLabels } from './helpers/label-metrics.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * Issue 10: a value label placed off its edge is tied to it by a dashed leader. In the crowded
 * diagrams of the built-in lessons (the lesson column narrows it; presentation mode enlarges
 * it) a leader often has to pass a node: it may never strike through a node's circle, its name
 * or its text (a, δ, target, z), a header or another label. It passes beneath them, and they
 * hide it (label-metrics.ts's leadersOver). Every step of every built-in lesson, on a laptop
 * and on a projector.
 */

const LESSONS = ['by-hand-mlp', 'little-network', 'mazur', 'numpy-341', 'tanh-221', 'walkthrough'] as const;

const SIZES = [
  { name: 'laptop 1366x768', width: 1366, height: 768, presentation: false },
  { name: 'projector 1920x1080', width: 1920, height: 1080, presentation: true },
] as const;

for (const size of SIZES) {
  test.describe(`leaders and labels with a lesson open, ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    // Every step a label search (in slices) where the step changes the network: a loaded CI machine needs time.
    test.setTimeout(120_000);

    for (const lesson of LESSONS) {
      test(`${lesson}: no leader strikes through a node, its text, a header or a label`, async ({ page }) => {
        const doc = builtInLesson<{ steps: unknown[] }>(lesson);
        const steps = doc.steps.length;
        await openApp(page, lessonLink(doc, 1));
        await setPresentation(page, size.presentation);
        let leaders = 0;
        for (let step = 1; step <= steps; step++) {
          // the step's link, opened in the address bar (a hashchange: no reload)
          if (step > 1) await page.evaluate((hash) => (window.location.hash = hash), lessonLink(doc, step));
          await expect(page.getByTestId('lesson-count')).toHaveText(new RegExp(`^step ${step} of `));
          const m = await measureLabels(page);
          leaders += m.leaders;
          expect(m.leadersOver, `${lesson} step ${step} at ${size.name}: leaders drawn over`).toEqual([]);
          // and, as the label layout specs check at their chosen steps, at every step: no label over
          // a node, its text, a header or the legend, over another label, or struck by an edge
          expect(m.nodeOverlaps, `${lesson} step ${step} at ${size.name}: labels over nodes or text`).toEqual([]);
          expect(m.overlaps, `${lesson} step ${step} at ${size.name}: labels over labels`).toEqual([]);
          expect(m.struck, `${lesson} step ${step} at ${size.name}: labels an edge runs through`).toEqual([]);
        }
        console.log(`${lesson} at ${size.name}: ${leaders} leaders drawn over ${steps} steps`);
      });
    }
  });
}
