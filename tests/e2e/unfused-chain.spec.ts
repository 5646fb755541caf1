import type { Page } from '@playwright/test';
import LZString from 'lz-string';
import { choosePreset, node, openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { oracleCase } from './helpers/oracle.ts';
import { oracleToScenario } from '../helpers/oracle-case.ts';

/**
 * What the math panel shows that the tutorials print: the unfused chain of a fused output
 * (seed 000's ∂CE/∂F, then the sigmoid's F(1−F); seed 003's step 3 over the softmax Jacobian),
 * then the fused line; each output's term of the loss (Mazur's E_o1, E_o2); and every term of
 * ∂E/∂out_h1 evaluated. The numbers are the oracle's, as typeset at the chosen precision, and
 * the factors each line shows multiply (and add) to the value it shows.
 */

/** The typeset text of the lines of the math panel's section whose heading starts with `heading`. */
async function sectionTexts(page: Page, heading: string): Promise<string[]> {
  // the panel shows the selection just clicked (it catches up after the click: aria-busy) and
  // has typeset the section's every line
  const panel = page.getByTestId('math-panel');
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  await expect
    .poll(() =>
      panel.evaluate((el, h) => {
        const sections = Array.from(el.querySelectorAll('section')).filter((s) =>
          (s.getAttribute('aria-label') ?? '').startsWith(h),
        );
        const lines = sections.flatMap((s) => Array.from(s.querySelectorAll('.math-line')));
        return lines.length > 0 && lines.every((line) => line.querySelector('.katex-html') !== null);
      }, heading),
    )
    .toBe(true);
  return panel.evaluate((panel, h) => {
    const out: string[] = [];
    for (const section of Array.from(panel.querySelectorAll('section'))) {
      if (!(section.getAttribute('aria-label') ?? '').startsWith(h)) continue;
      for (const line of Array.from(section.querySelectorAll('.math-line'))) {
        out.push(
          Array.from(line.querySelectorAll('.katex-html'))
            .map((k) => (k.textContent ?? '').replace(/−/g, '-').replace(/[\s\u200b]+/g, ''))
            .join(' '),
        );
      }
    }
    return out;
  }, heading);
}

async function toEnd(page: Page): Promise<void> {
  await page.getByTestId('math-panel').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-caption')).toHaveText(/^(\d+)\/\1/);
}

function scenarioHash(doc: unknown): string {
  return `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
}

/** The numbers of "… = a⋅b = c" at the end of a typeset line. */
function lastProduct(text: string): { a: number; b: number; c: number } {
  const m = /=\(?(-?[\d.]+)\)?⋅\(?(-?[\d.]+)\)?=(-?[\d.]+)$/.exec(text);
  if (!m) throw new Error(`no product at the end of ${text}`);
  return { a: Number(m[1]), b: Number(m[2]), c: Number(m[3]) };
}

test('sigmoid + BCE (seed 000, hypothesis A): ∂L/∂F = 404.4, ∂F/∂z = 0.002467, their product 0.9975, then F − y', async ({
  page,
}) => {
  const c = oracleCase('seed000_walkthrough_hypA_3-1-1-1.json');
  const golden = c.expected.forward_backward.samples[0];
  await openApp(page, scenarioHash(oracleToScenario(c)));
  await toEnd(page);
  await node(page, '3:0').click();
  const lines = await sectionTexts(page, 'Backward');
  expect(lines).toHaveLength(4);
  // the oracle: ∂L/∂a = 404.4287934927543, a = 0.9975273768433653, δ = 0.9975273768433653
  expect(golden.dL_da[3][0]).toBeCloseTo(404.4287934927543, 12);
  expect(lines[0]).toMatch(/=404\.4$/);
  expect(lines[1]).toMatch(/=0\.002467$/);
  const p = lastProduct(lines[2]);
  expect([p.a, p.b, p.c]).toEqual([404.4, 0.002467, 0.9975]);
  // the shown factors multiply to the shown value, to the shown digits
  expect(Math.abs(p.a * p.b - p.c)).toBeLessThan(1e-3 * p.c);
  expect(lines[3]).toMatch(/=0\.9975-0=0\.9975$/);
  await expect(page.getByTestId('math-panel')).not.toContainText('NaN');
});

test('F = 1 exactly: the panel says ∂L/∂F is infinite and shows the fused δ, never NaN', async ({ page }) => {
  await openApp(
    page,
    scenarioHash({
      format: 'backprop-scenario/1',
      layers: [{ size: 1 }, { size: 1, activation: 'sigmoid', bias: false, labels: ['F'] }],
      weights: [[[50]]],
      loss: 'bce',
      data: [{ x: [1], y: [0] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    }),
  );
  await toEnd(page);
  await node(page, '1:0').click();
  const panel = page.getByTestId('math-panel');
  await expect(panel).toContainText('∂L/∂F is infinite at F = 1 exactly');
  await expect(panel).not.toContainText('NaN');
  const lines = await sectionTexts(page, 'Backward');
  expect(lines.at(-1)).toMatch(/=1-0=1$/);
});

test("softmax + cross-entropy (seed 003's step 3): δ of y₂ summed over the Jacobian's column, then ŷ − y", async ({
  page,
}) => {
  await openApp(page);
  await choosePreset(page, 'by-hand-mlp');
  await toEnd(page);
  await node(page, '3:1').click();
  const lines = await sectionTexts(page, 'Backward');
  // three ∂L/∂ŷⱼ, three Jacobian entries, the sum, the fused line
  expect(lines).toHaveLength(8);
  // oracle (exact softmax): ∂L/∂ŷ₂ = −2.018315638888734, ŷ = [0.49546, 0.49546, 0.00907], δ₂ = −0.5045373574221569
  expect(lines[1]).toMatch(/=-2\.018$/);
  expect(lines[3]).toMatch(/=-0\.2455$/); // ∂ŷ₁/∂z₂ = −ŷ₁ŷ₂
  // ∂ŷ₂/∂z₂ = ŷ₂(1 − ŷ₂) = 0.249979…, never shown as the rounder 0.25 it is not
  expect(lines[4]).toMatch(/=0\.4955⋅0\.5045=0\.24998$/);
  const sum = lines[6];
  expect(sum).toMatch(/-2\.018⋅0\.2499/);
  expect(sum).toMatch(/=-0\.5045$/);
  expect(lines[7]).toMatch(/=0\.4955-1=-0\.5045$/);
});

test("Mazur: E_o1 and E_o2 with their sum, and ∂E/∂out_h1's two terms evaluated, at 4 and at 9 digits", async ({
  page,
}) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await toEnd(page);
  await page.locator('[data-loss]').first().click();
  let terms = await sectionTexts(page, "Each output's term");
  expect(terms).toHaveLength(3);
  expect(terms[0]).toMatch(/=0\.2748$/);
  expect(terms[1]).toMatch(/=0\.02356$/);
  expect(terms[2]).toMatch(/=0\.2748\+0\.02356=0\.2984$/);
  await node(page, '1:0').click();
  let recursive = await sectionTexts(page, 'Backward: ∂L/∂a');
  expect(recursive[0]).toMatch(/=0\.0554\+\(-0\.01905\)=0\.03635$/);

  await page.getByTestId('precision').selectOption('9');
  recursive = await sectionTexts(page, 'Backward: ∂L/∂a');
  // Mazur's 0.055399425 + (−0.019049119) = 0.036350306, to nine digits
  expect(recursive[0]).toMatch(/=0\.0553994247\+\(-0\.0190491183\)=0\.0363503064$/);
  await page.locator('[data-loss]').first().click();
  terms = await sectionTexts(page, "Each output's term");
  expect(terms[0]).toMatch(/=0\.274811083$/);
  expect(terms[1]).toMatch(/=0\.0235600256$/);
  expect(terms[2]).toMatch(/=0\.274811083\+0\.0235600256=0\.298371109$/);
});
