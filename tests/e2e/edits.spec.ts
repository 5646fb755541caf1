import type { Page } from '@playwright/test';
import type { Scenario } from '../../src/core/scenario.ts';
import {
  choosePreset,
  clickEdge,
  edge,
  locationHash,
  nestedWeights,
  node,
  numbersOf,
  openApp,
  readCaption,
  readDiagram,
  typeInto,
} from './helpers/app.ts';
import { edited, parse, preset, readShareHash, trace } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Editing a weight or an input changes the gradients exactly as the core computes them
 * for the edited scenario (run here in Node), and keeps the step position; text that is not
 * a number is refused where it was typed and changes nothing.
 */

function sizesOf(s: Scenario): number[] {
  return s.layers.map((l) => l.size);
}

/** Every data-grad (and data-weight) of the diagram equals the core's trace of `expected`, exactly. */
async function expectDiagramIs(page: Page, expected: Scenario): Promise<void> {
  const t = trace(expected);
  const sizes = sizesOf(expected);
  await expect
    .poll(async () => nestedWeights(await readDiagram(page), sizes, 'grad'), {
      message: 'data-grad equals the core on the edited scenario',
    })
    .toEqual(t.gradients.weights);
  const d = await readDiagram(page);
  expect(nestedWeights(d, sizes, 'weight')).toEqual(expected.weights);
  t.gradients.biases.forEach((b, l) =>
    b?.forEach((g, j) => expect(d.biases[`${l}:${j}`].grad, `bias ${l}:${j} data-grad`).toBe(g)),
  );
  expect(d.loss.value).toBe(t.loss);
}

/** Steps to `position` with the scrubber (the walk itself is covered by presets.spec.ts). */
async function goTo(page: Page, position: number): Promise<void> {
  await page.getByTestId('scrubber').fill(String(position));
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${position}/`));
}

test.describe('edits drive the gradients', () => {
  test('mazur: edit w5 in the math panel, mid-backward', async ({ page }) => {
    const base = preset('mazur');
    await openApp(page);
    await choosePreset(page, 'mazur');
    await goTo(page, 14);
    const before = await readDiagram(page);

    await clickEdge(page, '1:0:0');
    await expect(page.getByTestId('edit-weight')).toHaveText('0.4');
    await typeInto(page, 'edit-weight', '0.7');
    await expect(page.getByTestId('edit-weight-input')).toHaveCount(0);
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.7');

    const expected = edited(base, (s) => {
      s.weights[1][0][0] = 0.7;
    });
    await expectDiagramIs(page, expected);
    const after = await readDiagram(page);
    // The edit moved the gradients of w5's own layer and of the layer below (through h1's δ).
    expect(after.edges['1:0:0'].grad).not.toBe(before.edges['1:0:0'].grad);
    expect(after.edges['0:0:0'].grad).not.toBe(before.edges['0:0:0'].grad);
    expect((await readCaption(page)).position, 'the step position is kept').toBe(14);
    await expect(edge(page, '1:0:0')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('edit-weight')).toHaveText('0.7');
  });

  test('mazur: edit input i2 in the data table, then i1 in the math panel', async ({ page }) => {
    const base = preset('mazur');
    await openApp(page);
    await choosePreset(page, 'mazur');
    await goTo(page, 20);

    await typeInto(page, 'x-0-1', '0.25');
    await expect(page.getByTestId('x-0-1')).toHaveText('0.25');
    const first = edited(base, (s) => {
      s.data[0].x[1] = 0.25;
    });
    await expectDiagramIs(page, first);
    await expect(node(page, '0:1')).toHaveAttribute('data-a', '0.25');
    expect((await readCaption(page)).position, 'the step position is kept').toBe(20);

    // The same through the math panel's editor of a selected input node.
    await node(page, '0:0').click();
    await expect(node(page, '0:0')).toHaveAttribute('aria-pressed', 'true');
    await typeInto(page, 'edit-input', '-0.5');
    const second = edited(first, (s) => {
      s.data[0].x[0] = -0.5;
    });
    await expectDiagramIs(page, second);
    expect((await readCaption(page)).position, 'the step position is kept').toBe(20);
    await expect(page.getByTestId('x-0-0')).toHaveText('−0.5');
  });

  test('walkthrough: a weight and an x cell of a six-sample batch', async ({ page }) => {
    const base = preset('walkthrough');
    await openApp(page);
    await goTo(page, 17);

    await clickEdge(page, '0:1:2');
    await typeInto(page, 'edit-weight', '-0.75');
    const first = edited(base, (s) => {
      s.weights[0][1][2] = -0.75;
    });
    await expectDiagramIs(page, first);
    expect((await readCaption(page)).position).toBe(17);

    await typeInto(page, 'x-3-2', '2.5');
    const second = edited(first, (s) => {
      s.data[3].x[2] = 2.5;
    });
    await expectDiagramIs(page, second);
    expect((await readCaption(page)).position).toBe(17);
    // The batch total in the table follows the selected edge's batch gradient.
    const grad = trace(second).gradients.weights[0][1][2];
    await expect(page.getByTestId('batch-contribution')).toHaveAttribute('data-value', String(grad));
  });
});

test.describe('invalid input is refused where it is typed', () => {
  test('"abc" in the weight editor', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await goTo(page, 10);
    const before = await readDiagram(page);
    await clickEdge(page, '1:1:0');

    const input = await typeInto(page, 'edit-weight', 'abc');
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('abc');
    await expect(alert).toContainText(/not a number/i);
    await expect(input).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(numbersOf(await readDiagram(page)), 'nothing changed').toEqual(numbersOf(before));
    await expect(edge(page, '1:1:0')).toHaveAttribute('data-weight', '0.5');

    // Escape leaves the editor; the weight is still the old one.
    await input.press('Escape');
    await expect(page.getByTestId('edit-weight')).toHaveText('0.5');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(numbersOf(await readDiagram(page))).toEqual(numbersOf(before));
    expect((await readCaption(page)).position).toBe(10);
  });

  test('"1e999" and "abc" in a data table cell', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'tanh-221');
    const before = await readDiagram(page);
    const shared = async () => {
      const h = await locationHash(page);
      return h.startsWith('#scenario=') ? parse(readShareHash(h)).data : null;
    };
    await expect.poll(shared, { message: 'the hash holds the preset' }).toEqual(preset('tanh-221').data);

    for (const [text, why] of [
      ['1e999', 'is out of range'],
      ['abc', 'is not a number'],
    ]) {
      const input = await typeInto(page, 'x-0-0', text);
      await expect(page.getByRole('alert')).toContainText(`“${text}” ${why}`);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await input.press('Escape');
      await expect(page.getByTestId('x-0-0')).toHaveText('1');
    }
    expect(numbersOf(await readDiagram(page))).toEqual(numbersOf(before));
    // Give the (debounced) hash writer time to act, were it to: the shared scenario is unchanged.
    await page.waitForTimeout(400);
    expect(await shared()).toEqual(preset('tanh-221').data);
  });

  test('Escape cancels a valid edit', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'little-network');
    const before = await readDiagram(page);
    await clickEdge(page, '0:0:0');
    await typeInto(page, 'edit-weight', '3', 'Escape');
    await expect(page.getByTestId('edit-weight')).toHaveText('2');
    expect(numbersOf(await readDiagram(page))).toEqual(numbersOf(before));
  });
});
