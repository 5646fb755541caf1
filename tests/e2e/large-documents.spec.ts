import type { Locator, Page } from '@playwright/test';
import { openApp } from './helpers/app.ts';
import { maxParametersDoc, maxSamplesDoc } from '../../bench/app-large-docs.ts';
import { nearMillion } from '../../bench/app-networks.ts';
import { formatCodecError } from '../../src/core/codec/codec-result.ts';
import { parseScenarioText } from '../../src/core/codec/parse-scenario.ts';
import { test, expect } from './helpers/fixtures.ts';
import { expectWorkingBlocks } from './helpers/layer-blocks.ts';

/**
 * The largest documents the format allows, through every way they arrive: a file picked, a
 * paste, a drop at the import cap (read off the page's thread), and undo and redo across a
 * million-parameter scenario (derived in slices first, with progress and Cancel). Behaviour
 * only: the timings are `npm run bench`'s (app-import-max, app-undo-1m, …).
 */

/** Hands `text` to the page, then pastes it (a paste event, as Ctrl+V outside a field makes) or drops it as a file. */
async function pasteOrDrop(page: Page, text: string, how: 'paste' | 'drop', name = 'big.json'): Promise<void> {
  await page.evaluate(
    ({ t, mode, n }) => {
      const data = new DataTransfer();
      if (mode === 'paste') {
        data.setData('text/plain', t);
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      } else {
        data.items.add(new File([t], n, { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop'])
          window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { t: text, mode: how, n: name },
  );
}

test('importing the largest legal file (every weight written out, 17 digits each) leaves a working page', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  const doc = maxParametersDoc();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'max.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expectWorkingBlocks(page, '997,000', false);
  // a million numbers written out: not kept across reloads, and the user is told so
  await expect(page.getByTestId('notice')).toContainText('too big to keep across reloads: export it');
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  await page.getByTestId('train-1').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1 steps, L = /, { timeout: 60_000 });
});

test('pasting the largest legal document leaves a working page', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await pasteOrDrop(page, JSON.stringify(maxParametersDoc()), 'paste');
  await expectWorkingBlocks(page, '997,000');
});

test('a large invalid file dropped on the page lists the codec’s errors by path, the same as read in one go, and changes nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  const doc = maxParametersDoc() as { weights: number[][][]; biases: number[][] };
  doc.weights[1][5][7] = 'x' as unknown as number;
  doc.biases[2] = [1, 2];
  const text = JSON.stringify(doc);
  await pasteOrDrop(page, text, 'drop', 'bad.json');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('The file "bad.json" could not be imported; nothing was changed.', {
    timeout: 60_000,
  });
  const expected = parseScenarioText(text);
  expect(expected.ok).toBe(false);
  if (expected.ok) return;
  const lines = await notice.locator('li').allTextContents();
  expect(lines).toEqual(expected.errors.map(formatCodecError));
  await expect(page.getByTestId('opening')).toHaveCount(0);
  await expect(page.getByTestId('layer-blocks-note')).toHaveCount(0);
  await expect(page.getByTestId('train-1')).toBeEnabled();
});

/**
 * Imports the near-million network, then loads three small presets over it: the page no longer
 * keeps what it derived from the big one, and the third undo goes back onto it.
 */
async function bigThenSmall(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(nearMillion())),
  });
  await expect(page.getByTestId('layer-blocks-note')).toBeVisible({ timeout: 60_000 });
  for (const id of ['numpy-341', 'tanh-221', 'playground-xor']) {
    await page.getByTestId('preset-menu').selectOption(id);
    await expect(page.getByTestId('layer-blocks-note')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
    await expect(page.getByTestId('step-caption')).toContainText(/^0\//);
  }
  // back to the first preset loaded over the big one: undo from there goes onto it
  for (const id of ['tanh-221', 'numpy-341']) {
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('preset-menu')).toHaveValue(id);
  }
}

/**
 * Undoes onto the big scenario with the page's clock stopped, and returns its progress once it
 * shows. The derivation hands the thread back through a timer, so it waits at its first slice
 * and the progress stays until the clock runs again. With the clock running it showed for
 * 0.2–0.7 s here (the whole derivation), and a check that came later (the test's process held
 * back on a loaded machine, or its click returning late) found only the finished page.
 */
async function undoHeldAtFirstSlice(page: Page): Promise<Locator> {
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  await page.getByTestId('undo').click();
  const opening = page.getByTestId('opening');
  await expect(opening).toBeVisible({ timeout: 30_000 });
  await expect(opening).toContainText('Opening the scenario your undo returns to (998,995 parameters):');
  return opening;
}

test('undo onto a million-parameter scenario shows its progress and then a working page; redo goes back to the preset', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await bigThenSmall(page);
  await undoHeldAtFirstSlice(page);
  await page.clock.resume();
  // no training here: a run is an edit, and would clear what redo goes back to
  await expectWorkingBlocks(page, '997,000', false);
  await expect(page.getByTestId('preset-menu')).toHaveValue('');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('layer-blocks-note')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('preset-menu')).toHaveValue('numpy-341');
  await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
  await expect(page.getByTestId('train-1')).toBeEnabled();
});

test('Cancel during an undo’s derivation leaves the page where it was, and the undo can be done again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await bigThenSmall(page);
  const edges = await page.locator('[data-edge]').count();
  const opening = await undoHeldAtFirstSlice(page);
  await page.getByTestId('opening-cancel').click();
  await expect(opening).toHaveCount(0);
  await page.clock.runFor(5000);
  await page.clock.resume();
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('layer-blocks-note')).toHaveCount(0);
  await expect(page.locator('[data-edge]')).toHaveCount(edges);
  await expect(page.getByTestId('preset-menu')).toHaveValue('numpy-341');
  await expect(page.getByTestId('train-1')).toBeEnabled();
  await expect(page.getByTestId('undo')).toBeEnabled();
  // the entry is still there: undo again goes onto the big one
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('layer-blocks-note')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('preset-menu')).toHaveValue('');
});

test('a file of the format’s 100,000 samples imports to a working page: a bounded samples table, no megabyte link, and the user told the session is too big to keep', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  const doc = maxSamplesDoc();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'samples.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Imported "samples.json": the most samples, with long numbers.', {
    timeout: 120_000,
  });
  await expect(notice).toContainText('too big to keep across reloads: export it', { timeout: 30_000 });
  await expect(page.getByTestId('batch-range')).toContainText('of 100000');
  // the table draws a window of rows, and says which, not 100,000 rows of cells
  await expect(page.getByTestId('rows-shown')).toContainText('Samples 1–200 of 100,000 are shown');
  expect(await page.locator('[data-testid^="sample-row-"]').count()).toBeLessThanOrEqual(200);
  await expect(page.getByTestId('sample-row-0')).toBeVisible();
  // the address carries no link of megabytes (nor a stale one)
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  // the page works: a step, a training step
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('step-caption')).toContainText(/^1\//);
  await page.getByTestId('train-1').click();
  await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^1 steps, L = /, { timeout: 60_000 });
  // the next batch's rows are drawn after the step
  await expect(page.getByTestId('batch-range')).toContainText('samples 33–64 of 100000');
  await expect(page.getByTestId('sample-row-32')).toBeVisible();
});
