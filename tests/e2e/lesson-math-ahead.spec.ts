import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { clickEdge, node, openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * In a lesson the math panel runs no further than the diagram: a number the diagram still
 * blanks at the step position is not in the panel either, unless the step itself shows it
 * (its text's values, its compare rows, its ask once answered). Outside a lesson a student who
 * clicks ahead still sees the numbers, with the note that says when they come.
 */

interface StepDoc {
  text: string;
  view?: { pos?: number; sel?: string; panel?: string };
  ask?: { of: string };
  compare?: { of: string }[];
}
interface LessonDoc {
  steps: StepDoc[];
}

const BUILT_IN = ['walkthrough', 'little-network', 'numpy-341', 'by-hand-mlp', 'tanh-221', 'mazur'];

/** The values the diagram's elements carry, by reference, and which of them it shows ("not yet computed" where not). */
interface DiagramValues {
  /** every number the diagram blanks, by the lesson's reference name (dLdz:node:1:0, gradient:edge:0:0:0, loss) */
  blanked: Map<string, number>;
  /** every number it shows */
  known: Map<string, number>;
}

async function diagramValues(page: Page): Promise<DiagramValues> {
  const rows = await page.evaluate(() => {
    const out: [ref: string, value: string | null, known: boolean][] = [];
    const label = (el: Element) => el.getAttribute('aria-label') ?? '';
    for (const g of Array.from(document.querySelectorAll('[data-node]'))) {
      const key = g.getAttribute('data-node');
      const aria = label(g);
      const deltaKnown = !/(δ = ∂L\/∂z|gradient \S+) not yet computed/.test(aria);
      out.push([`dLdz:node:${key}`, g.getAttribute('data-dldz'), deltaKnown]);
      out.push([`dLda:node:${key}`, g.getAttribute('data-dlda'), deltaKnown]);
      if (!aria.startsWith('input ')) {
        // "node h₁: z = …, a = …, δ = ∂L/∂z = …" (view/aria.ts)
        out.push([`z:node:${key}`, g.getAttribute('data-z'), !/: z not yet computed/.test(aria)]);
        out.push([`a:node:${key}`, g.getAttribute('data-a'), !/, a not yet computed/.test(aria)]);
      }
    }
    for (const g of Array.from(document.querySelectorAll('[data-edge]')))
      out.push([
        `gradient:edge:${g.getAttribute('data-edge')}`,
        g.getAttribute('data-grad'),
        !/not yet computed/.test(label(g)),
      ]);
    for (const g of Array.from(document.querySelectorAll('[data-bias]')))
      out.push([
        `gradient:bias:${g.getAttribute('data-bias')}`,
        g.getAttribute('data-grad'),
        !/not yet computed/.test(label(g)),
      ]);
    const loss = document.querySelector('[data-loss]');
    if (loss) out.push(['loss', loss.getAttribute('data-loss'), !/not yet computed/.test(label(loss))]);
    return out;
  });
  const blanked = new Map<string, number>();
  const known = new Map<string, number>();
  for (const [ref, value, isKnown] of rows) if (value !== null) (isKnown ? known : blanked).set(ref, Number(value));
  return { blanked, known };
}

/** The quantities a step shows itself: its text's {{…}} (in math too), its compare rows, its ask. */
function stepRefs(step: StepDoc): Set<string> {
  const refs = new Set([...step.text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1].trim()));
  for (const c of step.compare ?? []) refs.add(c.of);
  if (step.ask) refs.add(step.ask.of);
  return refs;
}

/** The numbers the math panel's lines arrive at (data-value), once it has caught up with the selection. */
async function panelValues(page: Page): Promise<number[]> {
  const panel = page.getByTestId('math-panel');
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  return panel
    .locator('.math-line[data-value]')
    .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('data-value'))));
}

test('walkthrough step 3: the math panel holds back E’s backward pass, as the diagram does, and goes there', async ({
  page,
}) => {
  const doc = builtInLesson<LessonDoc>('walkthrough');
  // walkthrough.json steps[2].view: { "pos": 4, "sel": "node:1:1" } (E, in the forward pass)
  expect(doc.steps[2].view).toEqual({ pos: 4, sel: 'node:1:1' });
  await openApp(page, lessonLink(doc, 3));
  await expect(page.getByTestId('derivation-title')).toContainText('E');
  await expect(node(page, '1:1')).toHaveAttribute('aria-label', /δ = ∂L\/∂z not yet computed/);
  const delta = Number(await node(page, '1:1').getAttribute('data-dldz'));
  const dLda = Number(await node(page, '1:1').getAttribute('data-dlda'));

  const values = await panelValues(page);
  expect(values.length, 'the forward lines (z and a of E) show').toBeGreaterThanOrEqual(2);
  expect(values).not.toContain(delta);
  expect(values).not.toContain(dLda);
  const backward = page.locator('[data-testid="math-panel"] section[aria-label^="Backward"]');
  await expect(backward).toHaveCount(2);
  await expect(backward.locator('.math-line')).toHaveCount(0);
  // each says what is ahead and how to reach it
  const withheld = backward.getByTestId('math-withheld');
  await expect(withheld).toHaveCount(2);
  await expect(withheld.first()).toContainText(/^Blank until step \d+, as on the diagram\./);
  const go = withheld.first().getByTestId('math-withheld-go');
  const step = Number((await go.textContent())!.replace(/\D+/g, ''));
  expect(step).toBeGreaterThan(4);
  await go.click();
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${step}/`));
  // there the diagram shows E's δ, and the panel its lines
  await expect(node(page, '1:1')).not.toHaveAttribute('aria-label', /not yet computed/);
  await expect(page.getByTestId('math-withheld')).toHaveCount(0);
  await expect.poll(() => panelValues(page)).toContain(delta);
});

test('walkthrough step 3: the derivation exported as LaTeX withholds the lines the math panel withholds, with its notes', async ({
  page,
}) => {
  await openApp(page, lessonLink(builtInLesson('walkthrough'), 3));
  await expect(page.getByTestId('derivation-title')).toContainText('E');
  const shownLines = (await panelValues(page)).length;
  const notes = await page.getByTestId('math-withheld').locator('span').allTextContents();
  expect(notes.length, 'the panel withholds E’s backward lines').toBe(2);
  const dldz = Number(await node(page, '1:1').getAttribute('data-dldz'));

  await page.getByTestId('file-menu-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-tex').click();
  const tex = readFileSync((await (await downloading).path())!, 'utf8');
  // the same equations as the panel's lines, each withheld run written as the panel's note
  const equations = tex.split('\\[').length - 1;
  expect(equations, 'equations in the export').toBe(
    await page.locator('[data-testid="math-panel"] .math-line').count(),
  );
  expect(shownLines).toBeLessThanOrEqual(equations);
  for (const note of notes) expect(tex).toContain(note);
  expect(tex).toContain('\\subsection*{Backward');
  // E's δ is nowhere in it (the panel writes it to 4 significant digits)
  expect(tex).not.toContain(Math.abs(dldz).toPrecision(4).replace(/0+$/, ''));
});

test('outside a lesson, a node clicked ahead of the step still shows its backward numbers, with the note', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('preset-menu').selectOption('mazur');
  await clickEdge(page, '1:0:0');
  await expect(page.getByTestId('math-ahead')).toContainText('Ahead of the step');
  const grad = Number(await page.locator('[data-edge="1:0:0"]').getAttribute('data-grad'));
  await expect.poll(() => panelValues(page)).toContain(grad);
  await expect(page.getByTestId('math-withheld')).toHaveCount(0);
});

test.describe('every built-in lesson: no step’s math shows a number its diagram still blanks', () => {
  for (const id of BUILT_IN) {
    test(id, async ({ page }) => {
      test.setTimeout(90_000);
      const doc = builtInLesson<LessonDoc>(id);
      await openApp(page);
      await page.getByTestId('preset-menu').selectOption(`lesson:${id}`);
      let pos = 0;
      let panel = 'math';
      let checked = 0;
      for (const [k, step] of doc.steps.entries()) {
        pos = step.view?.pos ?? pos;
        panel = step.view?.panel ?? panel;
        await expect(page.getByTestId('lesson-count')).toHaveText(`step ${k + 1} of ${doc.steps.length}`);
        await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${pos}/`));
        // the step's own panel is up (a step that opens the matrices left the math panel a moment
        // after its count and caption showed: the check found its title, then no panel)
        await expect(page.getByTestId(`tab-${panel}`)).toHaveAttribute('aria-selected', 'true');
        // an unanswered ask covers the panel; given up, its value is the step's own
        if (step.ask !== undefined) await page.getByTestId('lesson-ask-reveal').click();
        await expect(page.getByTestId('ask-cover')).toHaveCount(0);
        if (panel === 'math' && (await page.getByTestId('derivation-title').count()) > 0) {
          const shown = await panelValues(page);
          const { blanked, known } = await diagramValues(page);
          // A number the diagram shows (on another element that has the same value) or the step shows itself may be there.
          const allowed = new Set(known.values());
          for (const ref of stepRefs(step)) {
            const value = blanked.get(ref) ?? known.get(ref);
            if (value !== undefined) allowed.add(value);
          }
          for (const [ref, value] of blanked) {
            if (allowed.has(value)) continue;
            expect(
              shown,
              `${id} step ${k + 1} (position ${pos}): ${ref} = ${value} is blank on the diagram`,
            ).not.toContain(value);
          }
          checked++;
        }
        if (k < doc.steps.length - 1) await page.getByTestId('lesson-next').click();
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
