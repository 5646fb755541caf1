import type { Page } from '@playwright/test';
import { compileScenario } from '../../src/core/compile.ts';
import { formatValue } from '../../src/core/format-number.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { eventValue } from '../../src/core/worksheet.ts';
import { choosePreset, openApp } from './helpers/app.ts';
import { preset } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Predict, then reveal, in worksheet mode: the student types several values ahead, and the
 * marking goes in computation order, pointing out the first wrong one, as a marker of a
 * by-hand exercise does. And the hint of a fused output's δ is the fused form.
 */

const mazur = preset('mazur');
const compiled = compileScenario(mazur);
const plan = buildStepPlan(compiled.model, compiled.trainable);
const iteration = runIteration(compiled);
/** Event k's value as the app displays it at 4 digits (Mazur's out_h1 0.593269992 → 0.5933). */
const shown = (k: number) => formatValue(eventValue(compiled.model, iteration, plan.events[k], 0));

async function openWorksheet(page: Page, id: string): Promise<void> {
  await openApp(page);
  await choosePreset(page, id);
  await page.getByTestId('worksheet-toggle').click();
  await expect(page.getByTestId('worksheet-panel')).toBeVisible();
}

test('predict ahead: the first wrong value in computation order is pointed out, the ones before it count', async ({
  page,
}) => {
  await openWorksheet(page, 'mazur');
  await page.getByTestId('worksheet-predict-toggle').click();
  const inputs = page.getByTestId('worksheet-predict-input');
  await expect(inputs).toHaveCount(6);
  await expect(page.getByTestId('worksheet-predict')).toContainText('z of h₁ =');
  // z h₁, a h₁, z h₂ right; a h₂ wrong (0.5969 is right); z o₁ right; a o₁ left blank
  const typed = [shown(0), shown(1), shown(2), '0.5', shown(4), ''];
  expect(shown(1)).toBe('0.5933');
  for (let k = 0; k < typed.length; k++) await inputs.nth(k).fill(typed[k]);
  await page.getByTestId('worksheet-predict-check').click();
  const feedback = page.getByTestId('worksheet-feedback');
  await expect(feedback).toHaveText('Everything before a of h₂ is right (3 values); check a of h₂.');
  await expect(feedback).toHaveAttribute('data-kind', 'wrong');
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^3/${plan.events.length}`));
  await expect(page.getByTestId('worksheet-tally')).toHaveText('3/4 right');
  // the list now starts at the wrong one, marked, with what the student typed kept
  await expect(inputs.first()).toHaveAttribute('aria-invalid', 'true');
  await expect(inputs.first()).toHaveValue('0.5');
  await expect(inputs.nth(1)).toHaveValue(shown(4));

  await inputs.first().fill(shown(3));
  for (let k = 2; k < 6; k++) await inputs.nth(k).fill(shown(3 + k));
  await page.getByTestId('worksheet-predict-check').click();
  await expect(feedback).toHaveText('All 6 right, a of h₂ to the loss L.');
  await expect(feedback).toHaveAttribute('data-kind', 'right');
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^9/${plan.events.length}`));
  await expect(page.getByTestId('worksheet-tally')).toHaveText('9/10 right');
});

test("the hint for a softmax + cross-entropy output's δ is ŷ − y, not ∂L/∂y · φ′(z)", async ({ page }) => {
  await openWorksheet(page, 'by-hand-mlp');
  const byHand = compileScenario(preset('by-hand-mlp'));
  const events = buildStepPlan(byHand.model, byHand.trainable).events;
  const first = events.findIndex((e) => e.kind === 'delta');
  for (let k = 0; k < first + 1; k++) await page.getByTestId('worksheet-reveal').click();
  await expect(page.getByTestId('worksheet-prompt')).toHaveText('δ = ∂L/∂z of y₂');
  await page.getByTestId('worksheet-hint-toggle').click();
  await expect(page.getByTestId('worksheet-hint')).toHaveText(/^δ of y₂ = y₂ − t₂ \(softmax and cross-entropy fused/);
  await expect(page.getByTestId('worksheet-hint')).not.toContainText('φ′');
});

test("the tutorial's rounded 0.5 for δ of y₁ (exactly 0.4955) is told right to the digit typed, not to the four checked; a wrong digit is named", async ({
  page,
}) => {
  await openWorksheet(page, 'by-hand-mlp');
  const byHand = compileScenario(preset('by-hand-mlp'));
  const events = buildStepPlan(byHand.model, byHand.trainable).events;
  const first = events.findIndex((e) => e.kind === 'delta');
  for (let k = 0; k < first; k++) await page.getByTestId('worksheet-reveal').click();
  await expect(page.getByTestId('worksheet-prompt')).toHaveText('δ = ∂L/∂z of y₁');
  const feedback = page.getByTestId('worksheet-feedback');
  await page.getByTestId('worksheet-input').fill('0.5');
  await page.getByTestId('worksheet-check').click();
  await expect(feedback).toHaveText(
    'Not quite: 0.5 is right to the 1 significant digit typed (a rounding, as a tutorial rounds); give 4 significant digits. Try again, or reveal it.',
  );
  await page.getByTestId('worksheet-input').fill('0.4965');
  await page.getByTestId('worksheet-check').click();
  await expect(feedback).toHaveText(
    'Not quite: 0.4965 to 4 significant digits: the first 2 significant digits are right; the 3rd is wrong. Try again, or reveal it.',
  );
  await page.getByTestId('worksheet-input').fill('0.4955');
  await page.getByTestId('worksheet-check').click();
  await expect(feedback).toHaveAttribute('data-kind', 'right');
});
