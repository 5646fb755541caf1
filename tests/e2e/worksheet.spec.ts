import type { Page } from '@playwright/test';
import { compileScenario } from '../../src/core/compile.ts';
import { formatValue } from '../../src/core/format-number.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { eventValue } from '../../src/core/worksheet.ts';
import { describeEvent } from '../../src/view/describe-event.ts';
import { BLANK, choosePreset, openApp, readCaption, readDiagram } from './helpers/app.ts';
import { preset } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Worksheet mode: the student types each value before the step shows it. Right answers
 * (to the diagram's 4 significant digits) step forward and count; wrong ones count as a try
 * and leave the position alone. The teacher prints the blanks and the answer key.
 */

const mazur = preset('mazur');
const compiled = compileScenario(mazur);
const plan = buildStepPlan(compiled.model, compiled.trainable);
const iteration = runIteration(compiled);
/** The core's value of event k, for the first sample, as the app displays it. */
const shown = (k: number) => formatValue(eventValue(compiled.model, iteration, plan.events[k], 0));

async function openWorksheet(page: Page): Promise<void> {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('worksheet-toggle').click();
  await expect(page.getByTestId('worksheet-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('worksheet-panel')).toBeVisible();
}

async function answer(page: Page, text: string): Promise<void> {
  await page.getByTestId('worksheet-input').fill(text);
  await page.getByTestId('worksheet-input').press('Enter');
}

async function expectPosition(page: Page, position: number): Promise<void> {
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${position}/${plan.events.length}`));
}

test.describe('worksheet mode', () => {
  test('right answers step forward and count, at the displayed precision or with more digits', async ({ page }) => {
    await openWorksheet(page);
    await expectPosition(page, 0);
    await expect(page.getByTestId('worksheet-tally')).toHaveText('0/0 right');
    for (let k = 0; k < 6; k++) {
      await expect(page.getByTestId('worksheet-prompt')).toHaveText(describeEvent(mazur, plan.events[k]));
      // The even blanks get the value as displayed; the odd ones the full double.
      const full = String(eventValue(compiled.model, iteration, plan.events[k], 0));
      await answer(page, k % 2 === 0 ? shown(k) : full);
      await expectPosition(page, k + 1);
      await expect(page.getByTestId('worksheet-tally')).toHaveText(`${k + 1}/${k + 1} right`);
      await expect(page.getByTestId('worksheet-feedback')).toHaveAttribute('data-kind', 'right');
      await expect(page.getByTestId('worksheet-feedback')).toContainText(shown(k));
      await expect(page.getByTestId('worksheet-input')).toHaveValue('');
    }
    // The diagram now shows what the student computed: h₁'s a is Mazur's out_h1.
    const d = await readDiagram(page);
    expect(d.nodeText['1:0'].a).toContain('0.5933');
    expect(shown(1)).toBe('0.5933');
  });

  test('a wrong answer is refused, counted, and may be tried again or revealed', async ({ page }) => {
    await openWorksheet(page);
    await answer(page, '0.3776'); // net_h1 is 0.3775
    await expect(page.getByTestId('worksheet-feedback')).toHaveAttribute('data-kind', 'wrong');
    await expect(page.getByTestId('worksheet-feedback')).toContainText('Not quite');
    await expectPosition(page, 0);
    await expect(page.getByTestId('worksheet-tally')).toHaveText('0/1 right');
    // Not a number: said so, and not counted as a try.
    await answer(page, 'abc');
    await expect(page.getByTestId('worksheet-feedback')).toHaveAttribute('data-kind', 'unreadable');
    await expect(page.getByTestId('worksheet-tally')).toHaveText('0/1 right');
    await expectPosition(page, 0);
    // The hint gives the formula without numbers.
    await page.getByTestId('worksheet-hint-toggle').click();
    await expect(page.getByTestId('worksheet-hint')).toHaveText('z of h₁ = w₁·i₁ + w₂·i₂ + b₁');
    await answer(page, shown(0));
    await expectPosition(page, 1);
    await expect(page.getByTestId('worksheet-tally')).toHaveText('1/2 right');
    await expect(page.getByTestId('worksheet-hint')).toHaveCount(0);
    // Reveal shows the value and moves on without counting.
    await page.getByTestId('worksheet-reveal').click();
    await expectPosition(page, 2);
    await expect(page.getByTestId('worksheet-feedback')).toHaveAttribute('data-kind', 'revealed');
    await expect(page.getByTestId('worksheet-feedback')).toContainText(shown(1));
    await expect(page.getByTestId('worksheet-tally')).toHaveText('1/2 right');
  });

  test('prints the worksheet with blanks and the answer key with every value, without the chrome', async ({ page }) => {
    await openWorksheet(page);
    await page.evaluate(() => {
      window.print = () => {};
    });
    await answer(page, shown(0));
    await expectPosition(page, 1);
    const total = plan.events.length;

    await page.getByTestId('print-worksheet').click();
    await expect(page.locator('html')).toHaveAttribute('data-print', 'worksheet');
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet).toBeVisible();
    await expect(sheet.locator('h2')).toContainText('Worksheet');
    await expect(sheet.locator('li')).toHaveCount(total);
    await expect(sheet.getByTestId('print-blank').first()).toBeVisible();
    await expect(sheet.getByTestId('print-answer').first()).toBeHidden();
    await expect(page.locator('header.toolbar')).toBeHidden();
    await expect(page.locator('.step-controls')).toBeHidden();
    await expect(page.getByTestId('worksheet-panel')).toBeHidden();
    await expect(page.getByTestId('diagram')).toBeVisible();
    // The diagram is at the start: every computed value is a blank.
    expect((await readCaption(page)).position).toBe(0);
    let d = await readDiagram(page);
    expect(d.nodeText['1:0'].a).toContain(BLANK);
    expect(d.loss.text).toContain(BLANK);

    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('print-answers').click();
    await expect(page.locator('html')).toHaveAttribute('data-print', 'answers');
    await page.emulateMedia({ media: 'print' });
    await expect(sheet).toBeVisible();
    await expect(sheet.locator('h2')).toContainText('Answer key');
    await expect(sheet.getByTestId('print-blank').first()).toBeHidden();
    const answers = sheet.getByTestId('print-answer');
    await expect(answers.first()).toBeVisible();
    await expect(answers).toHaveText(plan.events.map((_, k) => `= ${shown(k)}`));
    await expect(page.locator('header.toolbar')).toBeHidden();
    expect((await readCaption(page)).position).toBe(total);
    d = await readDiagram(page);
    expect(d.nodeText['1:0'].a).not.toContain(BLANK);
    expect(d.loss.text).toContain(shown(plan.lossAt));

    // Back on screen the sheet is hidden.
    await page.emulateMedia({ media: 'screen' });
    await expect(sheet).toBeHidden();
  });
});

test('the worked math beside the diagram is hidden while the worksheet is on, and back when it is off', async ({
  page,
}) => {
  await openWorksheet(page);
  await expect(page.getByTestId('math-panel')).toBeHidden();
  await page.getByTestId('worksheet-toggle').click();
  await expect(page.getByTestId('worksheet-panel')).toHaveCount(0);
  await expect(page.getByTestId('math-panel')).toBeVisible();
});
