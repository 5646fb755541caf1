import type { Page } from '@playwright/test';
import { clickEdge, menuWidths, openApp, typeInto } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';
import { oracleCase } from './helpers/oracle.ts';

/**
 * The lesson player's defects seen in the step screenshots: a printed number cut short rather
 * than rounded (the walkthrough's 0.999), the digits an ask reveals, the name an ask asks
 * for, the notice an opened lesson leaves, and the preset menu on a lesson's own scenario.
 */

interface LessonDoc {
  title: string;
  scenario: unknown;
  steps: { title?: string; text: string; scenario?: { title?: string }; ask?: { of: string; digits?: number } }[];
}

function lessonDoc(id: string): LessonDoc {
  return builtInLesson<LessonDoc>(id);
}

async function atStep(page: Page, doc: LessonDoc, k: number): Promise<void> {
  await expect(page.getByTestId('lesson-count')).toHaveText(`step ${k} of ${doc.steps.length}`);
}

const walkthrough = lessonDoc('walkthrough');
const mazur = lessonDoc('mazur');

test("a printed number cut short rather than rounded agrees to its digits, and says so (the walkthrough's F = 0.999 for σ(12) = 0.99999)", async ({
  page,
}) => {
  await openApp(page, lessonLink(walkthrough, 4));
  await atStep(page, walkthrough, 4);
  const row = page.getByTestId('lesson-compare').first();
  await expect(row).toHaveAttribute('data-printed', '0.999');
  const app = Number(await row.getAttribute('data-app'));
  expect(app).toBeCloseTo(1 / (1 + Math.exp(-12)), 14);
  const verdict = row.getByTestId('lesson-compare-verdict');
  await expect(verdict).toHaveText('✓ cut short');
  await expect(verdict).toHaveAttribute(
    'title',
    /cut short rather than rounded: rounded to 3 digits, the app's value is 1\.00/,
  );
  await expect(row.locator('mark')).toHaveCount(0);
  // step 6: the same 0.999 is cut short; the 1000 that follows from it really differs
  await openApp(page, lessonLink(walkthrough, 6));
  await atStep(page, walkthrough, 6);
  const rows = page.getByTestId('lesson-compare');
  await expect(rows.nth(0).getByTestId('lesson-compare-verdict')).toHaveText('✓ cut short');
  await expect(rows.nth(2)).toHaveAttribute('data-printed', '1000');
  await expect(rows.nth(2).getByTestId('lesson-compare-verdict')).toHaveText('≠ 1st');
});

test('an ask reveals its value to the digits asked, trailing zeros kept (Mazur step 3: out_h1 = 0.593270)', async ({
  page,
}) => {
  expect(mazur.steps[2].ask).toEqual({ of: 'a:node:1:0', digits: 6 });
  const outH1 = oracleCase('mazur_222_fixed_bias.json').expected.forward_backward.samples[0].a[1][0];
  expect(outH1.toPrecision(6)).toBe('0.593270');
  await openApp(page, lessonLink(mazur, 3));
  await atStep(page, mazur, 3);
  await page.getByTestId('lesson-ask-reveal').click();
  await expect(page.getByTestId('lesson-ask-value')).toHaveText('0.593270');
  // the walkthrough's ∂CE/∂EF = 5.99996 to 3 digits is 6.00; the app's longer value is said beside it
  await openApp(page, lessonLink(walkthrough, 8));
  await atStep(page, walkthrough, 8);
  await page.getByTestId('lesson-ask-reveal').click();
  await expect(page.getByTestId('lesson-ask-value')).toHaveText('6.00');
  await expect(page.getByTestId('lesson-ask')).toContainText('5.99996');
});

test("an ask asks in the step's own words, naming the app's name only as the app's (walkthrough step 8: ∂CE/∂EF, the app's ∂L/∂EF)", async ({
  page,
}) => {
  const step = walkthrough.steps[7];
  expect(step.title).toContain('∂CE/∂EF');
  await openApp(page, lessonLink(walkthrough, 8));
  await atStep(page, walkthrough, 8);
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Your turn: ∂CE/∂EF');
  await expect(page.getByTestId('lesson-ask-question')).toHaveText('Your answer, to 3 significant digits');
  await expect(page.getByTestId('lesson-ask-app-name')).toHaveText('∂L/∂EF');
  await expect(page.getByTestId('lesson-ask')).toContainText("the app's ∂L/∂EF");
  await expect(page.getByTestId('lesson-ask')).not.toContainText('Your turn: ∂L/∂EF');
});

test('opening a lesson leaves no banner over the lesson column; a notice with an undo hint stays, closable', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('preset-menu').selectOption('lesson:walkthrough');
  await atStep(page, walkthrough, 1);
  // the lesson's column is the confirmation: the notice is only announced, and takes no room
  await expect(page.getByTestId('notice')).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Opened the lesson' })).toHaveCount(1);
  const steps = await page.locator('.step-controls').boundingBox();
  const panel = await page.getByTestId('lesson-panel').boundingBox();
  expect(panel!.y - (steps!.y + steps!.height), 'room between the step controls and the lesson column').toBeLessThan(2);

  // a lesson link opened over a saved session sets the session aside: that notice, with its undo hint, shows
  await page.waitForFunction(() => window.localStorage.getItem('backprop-lab:session') !== null);
  await page.goto('about:blank');
  await page.goto(`/${lessonLink(mazur, 2)}`);
  await atStep(page, mazur, 2);
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Undo (Ctrl+Z) brings it back');
  await notice.getByRole('button', { name: 'Dismiss the message' }).click();
  await expect(notice).toHaveCount(0);
});

test("the preset menu names the lesson's scenario on steps that bring one, and the user's own once it is edited", async ({
  page,
}) => {
  const menu = page.getByTestId('preset-menu');
  const shown = () => menu.locator('option:checked');
  // the walkthrough's own scenario (a document, not a preset)
  const ownTitle = (walkthrough.scenario as { title: string }).title;
  await openApp(page, lessonLink(walkthrough, 1));
  await atStep(page, walkthrough, 1);
  await expect(shown()).toHaveText(ownTitle);
  // Mazur's step 12 brings its own scenario
  await openApp(page, lessonLink(mazur, 12));
  await atStep(page, mazur, 12);
  await expect(shown()).toHaveText(mazur.steps[11].scenario!.title!);
  await expect(menu).toHaveAttribute('title', /Mazur's example, step by step/);
  // back on a preset step, the preset's name
  await page.getByTestId('lesson-previous').click();
  await atStep(page, mazur, 11);
  await expect(menu).toHaveValue('mazur');
  // a weight edited: the scenario is the user's own
  await page.getByTestId('lesson-next').click();
  await atStep(page, mazur, 12);
  await clickEdge(page, '1:0:0');
  await typeInto(page, 'edit-weight', '0.625');
  await expect(shown()).toHaveText('Your scenario');
});

for (const width of [1366, 1024]) {
  test(`a lesson's scenario name shows whole in the preset menu at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 768 });
    const menu = page.getByTestId('preset-menu');
    const steps: [LessonDoc, number][] = [
      [walkthrough, 1],
      ...[12, 13, 17].map((k): [LessonDoc, number] => [mazur, k]),
    ];
    for (const id of ['numpy-341', 'tanh-221']) {
      const doc = lessonDoc(id);
      steps.push([doc, doc.steps.findIndex((s) => s.scenario !== undefined) + 1]);
    }
    for (const [doc, k] of steps) {
      await openApp(page, lessonLink(doc, k));
      await atStep(page, doc, k);
      const expected = k === 1 ? (doc.scenario as { title: string }).title : doc.steps[k - 1].scenario!.title!;
      await expect(menu.locator('option:checked')).toHaveText(expected);
      // a copy of the menu, free to take the width its selected name needs, is no wider than the menu
      const [shown, needed] = await menuWidths(menu);
      expect(shown, `"${expected}"`).toBeGreaterThanOrEqual(needed - 0.5);
    }
  });
}

/**
 * by-hand-mlp, tanh-221 and little-network as their step screenshots showed them: on the
 * projector (1920×1080, presentation mode) the sub- and superscripts of an inline fraction
 * (∂L/∂z₃ written as \frac) were 12 px and the hidden-controls note 12 px, where the step's
 * text is 20; and the little network's updated scenario had a name the preset menu cut short.
 */
test.describe('lesson screenshots: by-hand-mlp, tanh-221, little-network', () => {
  /** The texts drawn in the lesson column at a font size under `below` px, with their size. */
  async function smallTexts(page: Page, below: number): Promise<string[]> {
    return page.getByTestId('lesson-panel').evaluate((panel, min) => {
      const found: string[] = [];
      const walk = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n !== null; n = walk.nextNode()) {
        const el = n.parentElement;
        // KaTeX's struts are zero-width spaces; its MathML copy is for screen readers only
        if (el === null || !/[^\s\u200b]/.test(n.textContent ?? '') || el.closest('.katex-mathml') !== null) continue;
        if (el.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < min) found.push(`“${(n.textContent ?? '').trim().slice(0, 20)}” at ${size.toFixed(1)} px`);
      }
      return found;
    }, below);
  }

  for (const id of ['by-hand-mlp', 'tanh-221', 'little-network']) {
    test(`${id}: on the projector no text of the lesson column is under 14 px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1920, height: 1080 });
      const doc = lessonDoc(id);
      const small: string[] = [];
      for (let k = 1; k <= doc.steps.length; k++) {
        await openApp(page, lessonLink(doc, k));
        await atStep(page, doc, k);
        if ((await page.locator('html').getAttribute('data-presentation')) !== 'true')
          await page.getByTestId('presentation-toggle').click();
        await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
        await expect(page.getByTestId('lesson-text')).toBeVisible();
        for (const s of await smallTexts(page, 14)) small.push(`step ${k}: ${s}`);
      }
      expect(small).toEqual([]);
    });
  }

  for (const width of [1366, 1024]) {
    test(`the little network's updated scenario has a name the preset menu shows whole at ${width} px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 768 });
      const doc = lessonDoc('little-network');
      const k = doc.steps.findIndex((s) => s.scenario !== undefined) + 1;
      expect(k).toBeGreaterThan(0);
      await openApp(page, lessonLink(doc, k));
      await atStep(page, doc, k);
      const menu = page.getByTestId('preset-menu');
      await expect(menu.locator('option:checked')).toHaveText(doc.steps[k - 1].scenario!.title!);
      const [shown, needed] = await menuWidths(menu);
      expect(shown).toBeGreaterThanOrEqual(needed - 0.5);
    });
  }
});

/** The name the diagram gives an edge (its label's text before " = "), and a node's. */
async function diagramNames(page: Page, edgeKey: string): Promise<{ weight: string; from: string; to: string }> {
  const [l, j, i] = edgeKey.split(':').map(Number);
  const label = (await page.locator(`.bp-label[data-sel="edge:${edgeKey}"] .bp-label-value`).textContent()) ?? '';
  const nodeName = async (key: string) =>
    ((await page.locator(`[data-node="${key}"] .bp-node-name`).textContent()) ?? '').trim();
  return {
    weight: label.split(' = ')[0].trim(),
    from: await nodeName(`${l}:${i}`),
    to: await nodeName(`${l + 1}:${j}`),
  };
}

test("numpy-341: the tutorial's wij[0][1] (0-based, row = input) is named as the diagram names it, and so is each printed weight", async ({
  page,
}) => {
  const doc = lessonDoc('numpy-341');
  await openApp(page, lessonLink(doc, 1));
  await atStep(page, doc, 1);
  // wij[0][1]: from input 0 to hidden unit 1, the diagram's edge 0:1:0 (destination first)
  const names = await diagramNames(page, '0:1:0');
  expect(names.weight).not.toBe('');
  const text = page.getByTestId('lesson-text');
  for (const name of [names.weight, names.from, names.to]) await expect(text).toContainText(name);
  // each printed weight's row names the diagram's weight beside the code's index
  const rows = page.getByTestId('lesson-compare');
  const missing: string[] = [];
  for (let r = 0; r < (await rows.count()); r++) {
    const of = (await rows.nth(r).getAttribute('data-of')) ?? '';
    if (!of.startsWith('value:edge:')) continue;
    const { weight } = await diagramNames(page, of.slice('value:edge:'.length));
    const label = (await rows.nth(r).locator('th').textContent()) ?? '';
    if (!label.includes(weight)) missing.push(`${label} (${weight})`);
  }
  expect(missing).toEqual([]);
});

test("mazur step 7: the second factor Mazur prints (∂out_o1/∂net_o1 = 0.186815602) is where the text says, on the math panel's own line", async ({
  page,
}) => {
  const published = (
    oracleCase('mazur_222_fixed_bias.json') as unknown as {
      tutorial_published: { values: { quantity: string; exact: number }[] };
    }
  ).tutorial_published.values.find((v) => v.quantity === 'dout_o1/dnet_o1')!.exact;
  const k = mazur.steps.findIndex((s) => s.text.includes('0.186815602')) + 1;
  expect(k).toBeGreaterThan(0);
  await openApp(page, lessonLink(mazur, k));
  await atStep(page, mazur, k);
  const text = page.getByTestId('lesson-text');
  await expect(text).toContainText("math panel's next line");
  await expect(text).not.toContainText('does not show');
  // the panel shows that factor evaluated, at the app's 4 digits
  await expect(page.getByTestId('math-panel')).toContainText(`= ${published.toPrecision(4)}`);
});
