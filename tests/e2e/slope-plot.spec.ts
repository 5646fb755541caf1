import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { choosePreset, clickEdge, openApp, typeInto } from './helpers/app.ts';
import { edited, preset } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * The one-parameter plot J(θ) in the Landscape tab: it appears for the selected weight, its
 * curve at θ is the loss (the oracle's), its slope the gradient, and it follows an edit.
 */

const mazur = JSON.parse(
  readFileSync(new URL('../fixtures/oracle/mazur_222_fixed_bias.json', import.meta.url), 'utf8'),
) as { expected: { loss: number; grads: { weights: number[][][] } } };

async function readSlope(page: Page) {
  const plot = page.getByTestId('slope-plot');
  await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  const a = async (name: string) => Number(await plot.getAttribute(name));
  return {
    param: await plot.getAttribute('data-param'),
    theta: await a('data-theta'),
    loss: await a('data-loss'),
    atTheta: await a('data-curve-at-theta'),
    slope: await a('data-slope'),
    next: await a('data-next'),
    x0: await a('data-x0'),
    x1: await a('data-x1'),
  };
}

test('J(w) for the selected weight: the oracle’s loss at w, its gradient as the slope, the step; it follows an edit', async ({
  page,
}) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('tab-landscape').click();
  // nothing selected: a hint, no plot
  await expect(page.getByTestId('slope-plot-hint')).toBeVisible();
  await expect(page.getByTestId('slope-plot')).toHaveCount(0);

  await clickEdge(page, '1:0:0'); // w5
  const s = await readSlope(page);
  expect(s.param).toBe('w:4');
  expect(s.theta).toBe(0.4);
  expect(Math.abs(s.atTheta - mazur.expected.loss)).toBeLessThan(1e-12);
  expect(s.atTheta).toBe(s.loss);
  expect(Math.abs(s.slope - mazur.expected.grads.weights[1][0][0])).toBeLessThan(1e-12);
  // Mazur: w5⁺ = 0.4 − 0.5 · 0.082167041 = 0.35891648
  expect(s.next).toBeCloseTo(0.35891648, 8);
  expect(s.x0).toBeLessThan(s.next);
  expect(s.x1).toBeGreaterThan(s.theta);
  await expect(page.getByTestId('slope-plot').locator('svg')).toHaveAttribute('aria-label', /w₅ should decrease/);
  await expect(page.getByTestId('slope-plot-caption')).toContainText('0.08217 > 0, so w₅ goes down (left)');
  await expect(page.getByTestId('slope-plot-caption')).toContainText('= 0.3589');
  await expect(page.locator('.slope-step')).toHaveAttribute('visibility', 'visible');

  // edit w5 to −2 in the math panel: the plot moves there
  await page.getByTestId('tab-math').click();
  await typeInto(page, 'edit-weight', '-2');
  await page.getByTestId('tab-landscape').click();
  await expect(page.getByTestId('slope-plot')).toHaveAttribute('data-theta', '-2');
  const e = await readSlope(page);
  const it = runIteration(
    compileScenario(
      edited(preset('mazur'), (sc) => {
        sc.weights[1][0][0] = -2;
      }),
    ),
  );
  expect(e.atTheta).toBe(it.pass.loss);
  expect(e.slope).toBe(it.pass.dLdw[4]);
  expect(e.next).toBe(-2 - 0.5 * e.slope);
  expect(e.x0).toBeLessThan(-2);
  expect(e.x1).toBeGreaterThan(-2);
  await expect(page.getByTestId('slope-plot-caption')).toContainText('At w₅ = −2: J = ');
});

test('seed 004’s lesson: the landscape first without J(w), then J(θ₁) with its slope and step', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('preset-menu').selectOption('lesson:tanh-221');
  await expect(page.getByTestId('landscape-panel')).toBeVisible();
  await expect(page.getByTestId('slope-plot-hint')).toBeVisible();
  await page.getByTestId('lesson-next').click();
  const s = await readSlope(page);
  // the preset landscape-local-minimum: θ₁ = −0.5, SGD with η = 0.1
  expect(s.param).toBe('w:0');
  expect(s.theta).toBe(-0.5);
  expect(s.atTheta).toBe(s.loss);
  expect(s.next).toBeCloseTo(-0.5 - 0.1 * s.slope, 14);
  await expect(page.getByTestId('slope-plot-caption')).toContainText('Step: θ₁ − η·∂J/∂θ₁ = −0.5 − 0.1 ×');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('slope-plot')).toHaveAttribute('data-param', 'w:0');
});
