import type { Page } from '@playwright/test';
import {
  choosePreset,
  clickEdge,
  edge,
  numbersOf,
  openApp,
  readCaption,
  readDiagram,
  typeInto,
} from './helpers/app.ts';
import { scrubLabelPoint } from '../../scripts/scrub-point.mjs';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Never lose work: undo and redo of edits, loads and drags (a drag is one entry), the
 * session saved in the browser and restored on reload, and a saved session that cannot be
 * read opening the default preset with a message.
 */

const SESSION_KEY = 'backprop-lab:session';

/** Steps to `position` with the scrubber. */
async function goTo(page: Page, position: number): Promise<void> {
  await page.getByTestId('scrubber').fill(String(position));
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${position}/`));
}

/** A point of the selected element's value label that the label itself receives (labels may overlap). */
async function scrubPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await scrubLabelPoint(page);
  if (!point) throw new Error('the value label of the selection is covered');
  return point;
}

/** The saved session's JSON, as stored; null when there is none or it is not JSON. */
async function savedSession(page: Page): Promise<Record<string, unknown> | null> {
  const text = await page.evaluate((key) => window.localStorage.getItem(key), SESSION_KEY);
  try {
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    return null;
  }
}

test('undo and redo across edits and a drag; the drag is one entry', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('redo')).toBeDisabled();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo \((Ctrl|⌘)\+?Z\)/);

  // Two edits: a weight in the math panel, an input in the table.
  await clickEdge(page, '1:0:0');
  await typeInto(page, 'edit-weight', '0.5');
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.5');
  await typeInto(page, 'x-0-0', '2');
  await expect(page.getByTestId('x-0-0')).toHaveText('2');
  await expect(page.getByTestId('undo')).toBeEnabled();

  // A drag on the value label of another edge: many values, one gesture.
  await clickEdge(page, '0:1:2');
  const w = edge(page, '0:1:2');
  await expect(w).toHaveAttribute('data-weight', '1');
  const gradBefore = await w.getAttribute('data-grad');
  const { x, y } = await scrubPoint(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(x + 10 * k, y);
  await expect(w).not.toHaveAttribute('data-weight', '1');
  const during = Number(await w.getAttribute('data-weight'));
  expect(during, 'the weight follows the drag').toBeGreaterThan(1);
  await expect(page.getByTestId('undo'), 'no undo in the middle of a drag').toBeDisabled();
  for (let k = 7; k <= 10; k++) await page.mouse.move(x + 10 * k, y);
  await page.mouse.up();
  const dragged = await w.getAttribute('data-weight');
  expect(Number(dragged)).toBeGreaterThan(during);

  // One Ctrl+Z returns to the value before the drag; the earlier edits stay.
  await page.keyboard.press('Control+z');
  await expect(w).toHaveAttribute('data-weight', '1');
  await expect(w).toHaveAttribute('data-grad', gradBefore!);
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.5');
  await expect(page.getByTestId('x-0-0')).toHaveText('2');
  await expect(page.getByTestId('redo')).toBeEnabled();

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('x-0-0')).toHaveText('1');
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.5');
  await page.getByTestId('undo').click();
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '1');
  await expect(page.getByTestId('undo')).toBeDisabled();

  // Redo: Ctrl+Shift+Z, Ctrl+Y, and the button.
  await page.keyboard.press('Control+Shift+Z');
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.5');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('x-0-0')).toHaveText('2');
  await page.getByTestId('redo').click();
  await expect(w).toHaveAttribute('data-weight', dragged!);
  await expect(page.getByTestId('redo')).toBeDisabled();
});

test("Ctrl+Z in a text field is the field's own; a preset chosen by mistake is undone", async ({ page }) => {
  await openApp(page);
  await clickEdge(page, '1:0:0');
  await typeInto(page, 'edit-weight', '0.25');
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.25');

  // Typing in the editor: Ctrl+Z undoes the typing, not the committed edit.
  await page.getByTestId('edit-weight').click();
  const input = page.getByTestId('edit-weight-input');
  await input.fill('7');
  await input.press('Control+z');
  await input.press('Escape');
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.25');

  // A <select> has no text undo: Ctrl+Z with the preset menu focused undoes the load.
  await choosePreset(page, 'mazur');
  await page.getByTestId('preset-menu').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('preset-menu')).toHaveValue('walkthrough');
  await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.25');
});

test('Reset returns to the preset in one click, and Undo takes it back', async ({ page }) => {
  await openApp(page);
  const reset = page.getByTestId('reset-preset');
  await expect(reset).toBeDisabled();
  await clickEdge(page, '0:0:1');
  await typeInto(page, 'edit-weight', '-2');
  await goTo(page, 12);
  await expect(reset).toBeEnabled();
  await expect(reset).toHaveAttribute('title', /Reset to the preset "Walkthrough/);
  await reset.click();
  await expect(edge(page, '0:0:1')).toHaveAttribute('data-weight', '1');
  await expect(page.getByTestId('step-caption')).toHaveText(/^0\//);
  await expect(page.getByTestId('notice')).toContainText(/Reset to the preset/);
  await page.getByTestId('undo').click();
  await expect(edge(page, '0:0:1')).toHaveAttribute('data-weight', '-2');
});

test('a reload restores the session: numbers, training, step position and selection', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await clickEdge(page, '1:0:0');
  await typeInto(page, 'edit-weight', '0.7');
  await page.getByTestId('train-10').click();
  await expect(page.getByTestId('train-10')).toBeEnabled();
  const summary = page.getByTestId('loss-chart-summary');
  await expect(summary).toHaveText(/^10 steps, L = /);
  const lossSummary = await summary.textContent();
  await goTo(page, 14);
  await clickEdge(page, '0:1:0');
  // the math panel has caught up with the selection (it says so while it shows the last one's)
  await expect(page.getByTestId('math-panel')).toHaveAttribute('aria-busy', 'false');
  const title = (await page.getByTestId('derivation-title').textContent()) ?? '';
  expect(title).not.toBe('');
  const before = numbersOf(await readDiagram(page));
  const caption = await readCaption(page);

  // Saved as the user works (debounced), then reloaded.
  await expect
    .poll(async () => {
      const saved = await savedSession(page);
      return saved && [saved.presetId, saved.position, saved.selection];
    })
    .toEqual(['mazur', 14, 'edge:0:1:0']);
  await page.reload();
  await expect(page.getByTestId('app')).toBeVisible();
  await expect(edge(page, '0:1:0')).toHaveAttribute('aria-pressed', 'true');

  expect(numbersOf(await readDiagram(page)), 'data-weight, data-grad, values and loss').toEqual(before);
  const again = await readCaption(page);
  expect([again.position, again.total]).toEqual([caption.position, caption.total]);
  await expect(page.getByTestId('derivation-title')).toHaveText(title);
  await expect(page.getByTestId('preset-menu')).toHaveValue('mazur');
  await expect(summary, 'the loss history').toHaveText(lossSummary!);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  // The history of edits is not saved: a fresh start, nothing to undo.
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('a corrupted saved session opens the default preset and says so', async ({ page }) => {
  await page.addInitScript(
    (key) => window.localStorage.setItem(key, '{"version":1,"scenario":{"format":"backprop-sc'),
    SESSION_KEY,
  );
  await openApp(page);
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('Your saved session could not be restored, so the default preset is shown.');
  await expect(notice).toContainText(/not valid JSON/);
  await expect(page.getByTestId('preset-menu')).toHaveValue('walkthrough');
  await expect(page.getByTestId('step-caption')).toHaveText(/^0\/26/);
  // The app works, and the next change replaces what could not be read.
  await clickEdge(page, '1:0:0');
  await typeInto(page, 'edit-weight', '0.5');
  await expect.poll(async () => (await savedSession(page))?.version).toBe(1);
});
