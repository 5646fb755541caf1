import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { choosePreset, openApp, readCaption } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Authoring a lesson in the app (issue 10, item 2): steps added from what the app shows, text
 * with a live preview, an ask and a compare picked on the diagram, reorder and delete, an
 * invalid draft refused with path-named errors and kept, the draft kept over a reload, tried
 * as a student, and its link opening the same steps in a fresh page.
 */

const label = (key: string) => `.bp-label[data-sel="${key}"]`;

async function openEditor(page: Page): Promise<void> {
  await page.getByTestId('file-menu-button').click();
  await page.getByTestId('lesson-editor-open').click();
  await expect(page.getByTestId('lesson-editor')).toBeVisible();
}

async function stepNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('lesson-editor-steps')
    .locator('.lesson-editor-step-name')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/(ask|compare)+$/, '').trim()));
}

async function forward(page: Page, n: number): Promise<void> {
  for (let k = 0; k < n; k++) await page.getByTestId('step-forward').click();
}

/** Writes the three-step Mazur lesson of the "Done when" through the editor. */
async function authorThreeSteps(page: Page): Promise<void> {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await openEditor(page);
  await page.getByTestId('lesson-editor-title').fill('Mazur, my way');

  // 1: the start, with a live value in the text
  await page.getByTestId('lesson-editor-add').click();
  await page.getByTestId('lesson-editor-step-title').fill('The forward pass');
  await page.getByTestId('lesson-editor-text').fill('The output o₁ is {{a:node:2:0}}, and **bold** too.');
  const preview = page.getByTestId('lesson-editor-preview');
  await expect(preview.getByTestId('lesson-ref')).toHaveAttribute('data-ref', 'a:node:2:0');
  await expect(preview.locator('strong')).toHaveText('bold');

  // 2: five events on, an ask picked on the diagram
  await forward(page, 5);
  await page.getByTestId('lesson-editor-add').click();
  await page.getByTestId('lesson-editor-step-title').fill('Your turn');
  await page.getByTestId('lesson-editor-text').fill('Multiply the three factors.');
  await page.getByTestId('lesson-editor-pick-ask').click();
  await expect(page.getByTestId('lesson-editor-picking')).toBeVisible();
  await page.locator(label('edge:1:0:0')).click();
  await expect(page.getByTestId('lesson-editor-ask-of')).toHaveValue('gradient:edge:1:0:0');
  await expect(page.getByTestId('lesson-editor-ask-digits')).toHaveValue('4');

  // 3: a compare picked on the diagram, the printed number typed in
  await forward(page, 2);
  await page.getByTestId('lesson-editor-add').click();
  await page.getByTestId('lesson-editor-step-title').fill('The output, as printed');
  await page.getByTestId('lesson-editor-text').fill('Mazur prints the output.');
  await page.getByTestId('lesson-editor-pick-compare').click();
  await page.locator('[data-node="2:0"]').click();
  await expect(page.getByTestId('lesson-editor-compare-of')).toHaveValue('a:node:2:0');
  await page.getByTestId('lesson-editor-compare-label').fill('Mazur prints');
  await page.getByTestId('lesson-editor-compare-value').fill('0.75136507');
  await expect(page.getByTestId('lesson-editor-problems')).toHaveCount(0);
  expect(await stepNames(page)).toEqual(['1. The forward pass', '2. Your turn', '3. The output, as printed']);
}

test.describe('authoring a lesson', () => {
  test('a three-step lesson (an ask and a compare picked on the diagram): its link opens the same steps in a fresh page', async ({
    page,
    browser,
  }) => {
    await authorThreeSteps(page);
    await page.getByTestId('lesson-editor-copy-link').click();
    const link = await page.getByTestId('lesson-editor-link').inputValue();
    expect(link).toMatch(/#lesson=.+&step=1$/);

    // the link holds exactly the steps written
    const payload = /#lesson=([^&]+)/.exec(link)?.[1] ?? '';
    const doc = JSON.parse(LZString.decompressFromEncodedURIComponent(payload)) as {
      title: string;
      scenario: unknown;
      steps: {
        title?: string;
        text: string;
        view?: { pos?: number; sel?: string };
        ask?: unknown;
        compare?: unknown;
      }[];
    };
    expect(doc.title).toBe('Mazur, my way');
    expect(doc.scenario).toBe('preset:mazur');
    expect(doc.steps.map((s) => s.title)).toEqual(['The forward pass', 'Your turn', 'The output, as printed']);
    expect(doc.steps.map((s) => s.view?.pos)).toEqual([0, 5, 7]);
    expect(doc.steps[1].ask).toEqual({ of: 'gradient:edge:1:0:0', digits: 4 });
    expect(doc.steps[2].compare).toEqual([{ label: 'Mazur prints', value: 0.75136507, of: 'a:node:2:0' }]);

    // the exported file is the same lesson, written by the codec
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('lesson-editor-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('backprop-mazur-my-way-lesson.json');
    const file = await download.path();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(doc);

    // a fresh page (no saved session, no draft) opens it
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const student = await fresh.newPage();
    await student.goto(link);
    await expect(student.getByTestId('lesson-count')).toHaveText('step 1 of 3');
    await expect(student.getByTestId('lesson-step-title')).toHaveText('The forward pass');
    await expect(student.getByTestId('lesson-text').getByTestId('lesson-ref')).toHaveAttribute(
      'data-ref',
      'a:node:2:0',
    );
    await student.getByTestId('lesson-next').click();
    await expect(student.getByTestId('lesson-step-title')).toHaveText('Your turn');
    expect((await readCaption(student)).position).toBe(5);
    await expect(student.getByTestId('lesson-ask')).toBeVisible();
    await expect(student.getByTestId('lesson-next')).toBeDisabled();
    await student.getByTestId('lesson-ask-reveal').click();
    await student.getByTestId('lesson-next').click();
    await expect(student.getByTestId('lesson-step-title')).toHaveText('The output, as printed');
    await expect(student.locator('.lesson-compare')).toContainText('Mazur prints');
    await expect(student.getByTestId('lesson-editor')).toHaveCount(0);
    await fresh.close();
  });

  test('an invalid draft is refused with path-named errors and kept; the draft survives a reload', async ({ page }) => {
    await authorThreeSteps(page);
    // an ask without digits, a printed number that is none
    await page.getByTestId('lesson-editor-steps').getByText('2. Your turn').click();
    await page.getByTestId('lesson-editor-ask-digits').fill('');
    await page.getByTestId('lesson-editor-steps').getByText('3. The output').click();
    await page.getByTestId('lesson-editor-compare-value').fill('0.75x');
    await page.getByTestId('lesson-editor-copy-link').click();
    const problems = page.getByTestId('lesson-editor-problems');
    await expect(problems).toHaveAttribute('role', 'alert');
    await expect(problems).toContainText('Not linked');
    await expect(problems).toContainText('steps[1].ask.digits:');
    await expect(problems).toContainText('steps[2].compare[0].value:');
    await expect(page.getByTestId('lesson-editor-link')).toHaveCount(0);
    await page.getByTestId('lesson-editor-try').click();
    await expect(problems).toContainText('Not tried');
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    // nothing typed is lost, and a reload keeps it all
    await expect(page.getByTestId('lesson-editor-compare-value')).toHaveValue('0.75x');
    await page.waitForTimeout(400);
    await page.reload();
    await expect(page.getByTestId('lesson-editor')).toBeVisible();
    expect(await stepNames(page)).toEqual(['1. The forward pass', '2. Your turn', '3. The output, as printed']);
    await expect(page.getByTestId('lesson-editor-compare-value')).toHaveValue('0.75x');
    // a path-named error takes the teacher to its step
    await page
      .getByTestId('lesson-editor-problem')
      .filter({ hasText: 'steps[1].ask.digits' })
      .getByRole('button')
      .click();
    await expect(page.getByTestId('lesson-editor-ask-digits')).toHaveValue('');
    await page.getByTestId('lesson-editor-ask-digits').fill('3');
    await page.getByTestId('lesson-editor-steps').getByText('3. The output').click();
    await page.getByTestId('lesson-editor-compare-value').fill('0.75136507');
    await expect(page.getByTestId('lesson-editor-problems')).toHaveCount(0);
  });

  test('steps move up and down (buttons and Alt+arrows) and are deleted; Undo brings a deleted step back', async ({
    page,
  }) => {
    await authorThreeSteps(page);
    const rows = page.getByTestId('lesson-editor-step-row');
    await rows.nth(2).getByTestId('lesson-editor-up').click();
    expect(await stepNames(page)).toEqual(['1. The forward pass', '2. The output, as printed', '3. Your turn']);
    // focus follows the moved step's button
    await expect(rows.nth(1).getByTestId('lesson-editor-up')).toBeFocused();
    await rows.nth(1).locator('.lesson-editor-step-name').focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await stepNames(page)).toEqual(['1. The forward pass', '2. Your turn', '3. The output, as printed']);
    await expect(rows.nth(2).locator('.lesson-editor-step-name')).toBeFocused();
    await rows.nth(0).getByTestId('lesson-editor-delete').click();
    expect(await stepNames(page)).toEqual(['1. Your turn', '2. The output, as printed']);
    await expect(rows.nth(0).locator('.lesson-editor-step-name')).toBeFocused();
    await expect(page.getByTestId('lesson-editor-status')).toContainText('Step 1 deleted');
    await page.getByTestId('lesson-editor-undo').click();
    expect(await stepNames(page)).toEqual(['1. The forward pass', '2. Your turn', '3. The output, as printed']);
  });

  test('try as a student: the draft opens in the player, and back to editing keeps it', async ({ page }) => {
    await authorThreeSteps(page);
    await page.getByTestId('lesson-editor-try').click();
    await expect(page.getByTestId('lesson-count')).toHaveText('step 1 of 3');
    await expect(page.getByTestId('lesson-step-title')).toHaveText('The forward pass');
    await expect(page.getByTestId('lesson-editor')).toHaveCount(0);
    await expect(page.getByTestId('lesson-editor-bar')).toContainText('Trying your lesson');
    await page.getByTestId('lesson-editor-back').click();
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    expect(await stepNames(page)).toEqual(['1. The forward pass', '2. Your turn', '3. The output, as printed']);
    // "Try from this step" opens the player at the step being edited
    await page.getByTestId('lesson-editor-steps').getByText('3. The output').click();
    await page.getByTestId('lesson-editor-try-here').click();
    await expect(page.getByTestId('lesson-count')).toHaveText('step 3 of 3');
    expect((await readCaption(page)).position).toBe(7);
    await page.getByTestId('lesson-close').click();
    await expect(page.getByTestId('lesson-editor')).toBeVisible();
    // the try is over: the File menu offers "Edit this lesson" again once a lesson is open
    await page.getByTestId('file-menu-button').click();
    await expect(page.getByTestId('lesson-editor-open')).toContainText('Lesson editor');
  });

  test('a built-in lesson opened in the editor can be changed', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('preset-menu').selectOption('lesson:mazur');
    // the built-in lessons' documents load when one is chosen (a slow machine takes a while)
    await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('lesson-edit-this').click();
    await expect(page.getByTestId('lesson-editor')).toBeVisible();
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    await expect(page.getByTestId('lesson-editor-title')).toHaveValue("Mazur's example, step by step");
    await expect(page.getByTestId('notice')).toContainText("is now the lesson editor's draft");
    expect((await stepNames(page)).length).toBeGreaterThan(5);
    await expect(page.getByTestId('lesson-editor-problems')).toHaveCount(0);
  });

  test('the editor has no serious accessibility violation (axe-core), with an error listed and pick mode on', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await authorThreeSteps(page);
    await page.getByTestId('lesson-editor-compare-value').fill('x');
    await page.getByTestId('lesson-editor-export').click();
    await expect(page.getByTestId('lesson-editor-problems')).toContainText('Not exported');
    await page.getByTestId('lesson-editor-pick-compare').click();
    await page.evaluate(() => document.fonts.ready);
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="lesson-editor"]').analyze();
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
