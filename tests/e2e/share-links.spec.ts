import type { Page } from '@playwright/test';
import type { Scenario } from '../../src/core/scenario.ts';
import { oracleToScenario } from '../helpers/oracle-case.ts';
import {
  clickEdge,
  expectAllClose,
  locationHash,
  nestedWeights,
  openApp,
  readDiagram,
  typeInto,
} from './helpers/app.ts';
import { DEFAULT_PRESET_ID, parse, preset, readShareHash, shareHash, trace } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';
import { oracleCase } from './helpers/oracle.ts';

/**
 * Share links (`#scenario=` + lz-string compressToEncodedURIComponent(JSON)): a valid one
 * opens exactly its scenario, a broken one says what is wrong and opens the default preset,
 * and the hash follows the user's edits so that reopening it reproduces the numbers.
 */

function sizesOf(s: Scenario): number[] {
  return s.layers.map((l) => l.size);
}

async function expectScenarioShown(page: Page, s: Scenario): Promise<void> {
  const d = await readDiagram(page);
  const t = trace(s);
  expect(nestedWeights(d, sizesOf(s), 'weight'), 'data-weight').toEqual(s.weights);
  expect(nestedWeights(d, sizesOf(s), 'grad'), 'data-grad').toEqual(t.gradients.weights);
  s.biases.forEach((b, l) => b?.forEach((v, j) => expect(d.biases[`${l}:${j}`].value, `bias ${l}:${j}`).toBe(v)));
  await expect(page.getByTestId('sample-row-0')).toBeVisible();
  await expect(page.locator('[data-testid^="sample-row-"]')).toHaveCount(s.data.length);
}

async function expectDefaultPreset(page: Page): Promise<void> {
  await expect(page.getByTestId('preset-menu')).toHaveValue(DEFAULT_PRESET_ID);
  await expectScenarioShown(page, preset(DEFAULT_PRESET_ID));
}

test.describe('opening a share link', () => {
  test('a valid link shows exactly its scenario', async ({ page }) => {
    const doc = {
      format: 'backprop-scenario/1',
      title: 'Shared: a 2-3-1 tanh network',
      layers: [
        { size: 2, labels: ['p', 'q'] },
        { size: 3, activation: 'tanh', bias: true },
        { size: 1, activation: 'sigmoid', bias: false },
      ],
      weights: [
        [
          [0.1, -0.2],
          [0.30000000000000004, 0.4],
          [-0.5, 0.6],
        ],
        [[0.7, -0.8, 0.9]],
      ],
      biases: [[0.01, -0.02, 1e-7], null],
      loss: 'bce',
      data: [
        { x: [1, 0.5], y: [1] },
        { x: [-1, 2], y: [0] },
        { x: [0.25, -3], y: [1] },
      ],
      optimizer: { type: 'momentum', learningRate: 0.05, momentum: 0.8 },
    };
    await openApp(page, shareHash(doc));
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await expect(page.getByTestId('preset-menu')).not.toHaveValue(DEFAULT_PRESET_ID);
    await expectScenarioShown(page, parse(doc));
    await expect(page.getByTestId('preset-notes')).toContainText('Shared: a 2-3-1 tanh network');
  });

  test("a link of the oracle's by-hand MLP reproduces the oracle gradients", async ({ page }) => {
    const c = oracleCase('seed003_aibyhand_mlp_exact_softmax.json');
    const s = oracleToScenario(c)!;
    await openApp(page, shareHash(s));
    await expectScenarioShown(page, parse(s));
    const d = await readDiagram(page);
    expectAllClose(nestedWeights(d, c.network.layer_sizes, 'grad'), c.expected.grads.weights, 1e-12, 'data-grad');
  });

  for (const [name, hash, message] of [
    [
      'cut in half',
      () => {
        const h = shareHash(preset('mazur'));
        return h.slice(0, Math.floor(h.length / 2));
      },
      /cut short|corrupted|incomplete/i,
    ],
    ['garbage', () => '#scenario=garbage', /cut short|corrupted|decompress|incomplete|JSON/i],
    ['empty', () => '#scenario=', /cut short|no scenario/i],
    [
      'an invalid scenario',
      () => shareHash({ ...(JSON.parse(JSON.stringify(preset('mazur'))) as object), loss: 'hinge' }),
      /loss/,
    ],
  ] as const) {
    test(`a broken link (${name}) says what is wrong and opens the default preset`, async ({ page }) => {
      await openApp(page, hash());
      const notice = page.getByTestId('notice');
      await expect(notice).toBeVisible();
      await expect(notice).toHaveAttribute('role', 'alert');
      await expect(notice).toContainText(/link/i);
      await expect(notice).toContainText(message);
      await expectDefaultPreset(page);
      // The notice can be dismissed.
      await notice.getByRole('button', { name: /dismiss/i }).click();
      await expect(page.getByTestId('notice')).toHaveCount(0);
    });
  }

  test('a link pasted into the address bar of an open page opens its scenario', async ({ page }) => {
    await openApp(page);
    const s = preset('tanh-221');
    await page.evaluate((h) => {
      window.location.hash = h;
    }, shareHash(s));
    await expect(page.getByTestId('notice')).toBeVisible();
    await expectScenarioShown(page, s);
  });

  test('a link pasted into an open page applies its step position, selection and lesson too', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('train-10')).toBeVisible();
    await page.evaluate(
      (h) => {
        window.location.hash = h;
      },
      `${shareHash(preset('mazur'))}&pos=20&sel=edge:1:0:1&hide=training`,
    );
    await expect(page.getByTestId('step-caption')).toContainText('20/');
    await expect(page.locator('[data-edge="1:0:1"]')).toHaveClass(/bp-selected/);
    await expect(page.getByTestId('train-10')).toHaveCount(0);
    await expectScenarioShown(page, preset('mazur'));
  });
});

test('after an edit the hash is updated and reopening it reproduces the numbers', async ({ page, context }) => {
  await openApp(page);
  const initial = await locationHash(page);
  await clickEdge(page, '1:0:1');
  await typeInto(page, 'edit-weight', '-1.25');
  await typeInto(page, 'x-4-0', '0.5');

  await expect.poll(() => locationHash(page), { message: 'location.hash follows the edit' }).not.toBe(initial);
  await expect
    .poll(async () => {
      const h = await locationHash(page);
      if (!h.startsWith('#scenario=')) return null;
      const s = parse(readShareHash(h));
      return [s.weights[1][0][1], s.data[4].x[0]];
    })
    .toEqual([-1.25, 0.5]);
  const hash = await locationHash(page);
  const shared = parse(readShareHash(hash));
  const expected = parse({ ...(JSON.parse(JSON.stringify(preset('walkthrough'))) as object) });
  expected.weights[1][0][1] = -1.25;
  expected.data[4].x[0] = 0.5;
  expect(shared.weights).toEqual(expected.weights);
  expect(shared.data).toEqual(expected.data);

  const grads = await page
    .locator('[data-edge]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-edge'), e.getAttribute('data-grad')]));
  const other = await context.newPage();
  await openApp(other, hash);
  await expect(other.getByTestId('notice')).toHaveCount(0);
  const again = await other
    .locator('[data-edge]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-edge'), e.getAttribute('data-grad')]));
  expect(again).toEqual(grads);
  expect(nestedWeights(await readDiagram(other), [3, 2, 1], 'grad')).toEqual(trace(expected).gradients.weights);
  await other.close();
});
