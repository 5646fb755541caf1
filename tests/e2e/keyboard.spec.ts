import type { Page } from '@playwright/test';
import { formatNumber } from '../../src/view/format.ts';
import { edge, nestedWeights, node, openApp, readCaption, readDiagram } from './helpers/app.ts';
import { DEFAULT_PRESET_ID, edited, preset, shareHash, trace } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * A lesson without the mouse: every key of the shortcut table does what the help says, the
 * Tab order reaches the diagram, and no shortcut fires while one types into a field.
 * Nothing here clicks: the page is driven by page.keyboard (and focus(), where a test needs
 * the focus on a given control to begin with).
 */

const caption = (page: Page) => page.getByTestId('step-caption');

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
}

async function expectPosition(page: Page, position: number): Promise<void> {
  await expect(caption(page)).toHaveText(new RegExp(`^${position}/\\d+`));
}

const sizes = (id: string) => preset(id).layers.map((l) => l.size);

test.describe('keyboard only', () => {
  test("→ walks a whole iteration; at the end every number is the core's and the text shows it", async ({ page }) => {
    await openApp(page);
    const t = trace(preset(DEFAULT_PRESET_ID));
    const { total } = await readCaption(page);
    for (let k = 1; k <= total + 5; k++) {
      if (/complete/i.test((await readCaption(page)).text)) break;
      await page.keyboard.press('ArrowRight');
      await expectPosition(page, Math.min(k, total));
    }
    const end = await readCaption(page);
    expect(end.position).toBe(total);
    expect(end.text, 'the caption says the iteration is complete').toMatch(/complete/i);
    await page.keyboard.press('ArrowRight');
    await expectPosition(page, total);

    const d = await readDiagram(page);
    expect(nestedWeights(d, sizes(DEFAULT_PRESET_ID), 'grad')).toEqual(t.gradients.weights);
    expect(d.loss.value).toBe(t.loss);
    expect(d.loss.text).toBe(`L = ${formatNumber(d.loss.value)}`);
    let updated = 0;
    for (const [key, e] of Object.entries(d.edges)) {
      const [l, j, i] = key.split(':').map(Number);
      if (e.after === null) continue;
      updated++;
      expect(e.after, `data-weight-after of ${key}`).toBe(t.after.weights[l][j][i]);
    }
    expect(updated, 'the update phase updated weights').toBeGreaterThan(0);
    t.samples[0].a.forEach((layer, l) =>
      layer.forEach((a, j) => {
        expect(d.nodes[`${l}:${j}`].a, `data-a of ${l}:${j}`).toBe(a);
        expect(d.nodeText[`${l}:${j}`].a, `the text under node ${l}:${j} shows data-a`).toMatch(
          new RegExp(`(^| )${formatNumber(a).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        );
      }),
    );

    // ← undoes a step; Home, the digits and End jump.
    await page.keyboard.press('ArrowLeft');
    await expectPosition(page, total - 1);
    await page.keyboard.press('Home');
    await expectPosition(page, 0);
    await page.keyboard.press('3');
    await expect(page.getByTestId('phase-backward')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('2');
    await expect(page.getByTestId('phase-loss')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('4');
    await expect(page.getByTestId('phase-update')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('1');
    await expectPosition(page, 0);

    // N only once the iteration is complete; then the next one starts from the updated weights.
    await page.keyboard.press('n');
    await expectPosition(page, 0);
    await page.keyboard.press('End');
    await expectPosition(page, total);
    await page.keyboard.press('n');
    await expectPosition(page, 0);
    const next = await readDiagram(page);
    for (const [key, e] of Object.entries(d.edges))
      if (e.after !== null) expect(next.edges[key].weight, `weight ${key} of the next iteration`).toBe(e.after);
  });

  test('Space plays and pauses; on a focused button it presses the button instead', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
    await expect
      .poll(async () => (await readCaption(page)).position, { message: 'playing moves on' })
      .toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
    const paused = (await readCaption(page)).position;
    await page.waitForTimeout(600);
    expect((await readCaption(page)).position, 'paused').toBe(paused);

    await page.getByTestId('step-forward').focus();
    await page.keyboard.press('Space');
    await expectPosition(page, paused + 1);
    await page.waitForTimeout(400);
    await expectPosition(page, paused + 1);
    await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
  });

  test('] and [ select along the network; E edits the weight; the gradient follows', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');
    const before = await readDiagram(page);
    // The three inputs come first, then the first weight into the hidden layer.
    await press(page, ']', 3);
    await expect(node(page, '0:2')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press(']');
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('derivation-title')).toBeVisible();
    await page.keyboard.press('[');
    await expect(node(page, '0:2')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press(']');
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'true');

    await page.keyboard.press('e');
    const input = page.getByTestId('edit-weight-input');
    await expect(input).toBeFocused();
    await page.keyboard.type('0.7');
    await page.keyboard.press('Enter');
    await expect(input).toHaveCount(0);
    await expect(edge(page, '0:0:0')).toHaveAttribute('data-weight', '0.7');

    const expected = trace(
      edited(preset(DEFAULT_PRESET_ID), (s) => {
        s.weights[0][0][0] = 0.7;
      }),
    );
    await expect
      .poll(async () => nestedWeights(await readDiagram(page), sizes(DEFAULT_PRESET_ID), 'grad'))
      .toEqual(expected.gradients.weights);
    const after = await readDiagram(page);
    expect(after.edges['0:0:0'].grad, 'the gradient of the edited weight changed').not.toBe(before.edges['0:0:0'].grad);
    expect((await readCaption(page)).position, 'the position is kept').toBe((await readCaption(page)).total);

    // Escape clears the selection.
    await page.keyboard.press('Escape');
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('preset-notes')).toBeVisible();
  });

  test('E with another view shown: the Math tab comes back with the field open and focused, and nothing stays pending', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByTestId('tab-landscape').click();
    await expect(page.getByTestId('tab-landscape')).toHaveAttribute('aria-selected', 'true');
    await page.locator('body').focus();
    await press(page, ']', 4);
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('e');
    await expect(page.getByTestId('tab-math')).toHaveAttribute('aria-selected', 'true');
    const input = page.getByTestId('edit-weight-input');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(input).toHaveCount(0);
    // Away and back: the closed field stays closed.
    await page.getByTestId('tab-matrix').click();
    await page.getByTestId('tab-math').click();
    await expect(page.getByTestId('edit-weight')).toBeVisible();
    await expect(input).toHaveCount(0);
  });

  test('Tab: the skip link reaches the diagram; Tab goes on in network order; Enter selects, Enter again edits', async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('skip-to-diagram')).toBeFocused();
    await expect(page.getByTestId('skip-to-diagram')).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(node(page, '0:0')).toBeFocused();
    await press(page, 'Tab', 3);
    await expect(edge(page, '0:0:0')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(edge(page, '0:0:1')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(edge(page, '0:0:0')).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'true');
    // ] moves the selection and the focus together.
    await page.keyboard.press(']');
    await expect(edge(page, '0:0:1')).toHaveAttribute('aria-pressed', 'true');
    await expect(edge(page, '0:0:1')).toBeFocused();
    await page.keyboard.press('Enter');
    const input = page.getByTestId('edit-weight-input');
    await expect(input).toBeFocused();
    await page.keyboard.type('-2');
    await page.keyboard.press('Enter');
    await expect(edge(page, '0:0:1')).toHaveAttribute('data-weight', '-2');
    const expected = trace(
      edited(preset(DEFAULT_PRESET_ID), (s) => {
        s.weights[0][0][1] = -2;
      }),
    );
    await expect
      .poll(async () => nestedWeights(await readDiagram(page), sizes(DEFAULT_PRESET_ID), 'grad'))
      .toEqual(expected.gradients.weights);
    // The negative weight is dashed.
    await expect(edge(page, '0:0:1')).toHaveClass(/\bbp-neg\b/);
  });

  test('E on an input node edits the input; E on a hidden node or the loss does nothing', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('[');
    await page.keyboard.press('e');
    await expect(page.getByTestId('edit-weight-input')).toHaveCount(0);
    await expect(page.getByTestId('derivation-title')).toBeVisible();
    await page.keyboard.press(']');
    await page.keyboard.press('e');
    const input = page.getByTestId('edit-input-input');
    await expect(input).toBeFocused();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect(node(page, '0:0')).toHaveAttribute('data-a', '4');
  });

  test('no shortcut fires while typing in a field', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');
    await press(page, ']', 4);
    await page.keyboard.press('e');
    const input = page.getByTestId('edit-weight-input');
    await expect(input).toBeFocused();
    const position = (await readCaption(page)).position;
    for (const key of ['ArrowLeft', 'Home', '1', '3', 'n', 'p', 't', '[', ']', 'Space', '?'])
      await page.keyboard.press(key);
    await expectPosition(page, position);
    await expect(page.locator('html')).not.toHaveAttribute('data-presentation', /.*/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'true');
    // Escape in the field cancels the edit only; a second Escape clears the selection.
    await page.keyboard.press('Escape');
    await expect(input).toHaveCount(0);
    await expect(edge(page, '0:0:0')).toHaveAttribute('data-weight', '1');
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect(edge(page, '0:0:0')).toHaveAttribute('aria-pressed', 'false');
  });

  test('? opens the help: a modal dialog listing the shortcuts, the focus trapped; Escape closes it and gives the focus back', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByTestId('step-forward').focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    for (const text of [
      'Step forward',
      'Step back',
      'Play or pause',
      'Jump to the backward pass',
      'Next iteration',
      'Select the next node',
      'Edit the selected weight',
      'Undo',
      'Redo',
      'Presentation mode',
      'Colour theme',
    ]) {
      await expect(dialog, text).toContainText(text);
    }
    for (const k of [
      '→',
      '←',
      'Space',
      'Home',
      'End',
      'N',
      ']',
      '[',
      'Enter',
      'E',
      'Esc',
      'Ctrl+Z',
      'Ctrl+Shift+Z',
      'Ctrl+Y',
      '?',
      'P',
      'Tab',
    ]) {
      await expect(
        dialog.locator('kbd', { hasText: new RegExp(`^${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
        k,
      ).not.toHaveCount(0);
    }
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('dialog'));
    expect(await inside(), 'the focus starts inside').toBe(true);
    for (let k = 0; k < 4; k++) {
      await page.keyboard.press('Tab');
      expect(await inside(), `after Tab ${k + 1}`).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await inside()).toBe(true);
    // Keys meant for the page do nothing behind the dialog.
    await page.keyboard.press('ArrowRight');
    await expectPosition(page, 0);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('step-forward')).toBeFocused();

    // The toolbar's button opens it too, and its close button closes it.
    await page.getByTestId('shortcut-help-toggle').focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('shortcut-help-close')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('shortcut-help-toggle')).toBeFocused();
  });

  test('a wide equation that scrolls takes the arrows when focused; elsewhere they step', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    // Mazur's h₁ in presentation mode: its ∂L/∂a is an aligned block of two rows (it cannot break
    // at its + signs, as longer single lines now do), wider than the panel
    await openApp(page, shareHash(preset('mazur')));
    await page.keyboard.press('p');
    await page.keyboard.press('3');
    await press(page, 'ArrowRight', 9);
    await expect(page.getByTestId('derivation-title')).toHaveText('Hidden node h₁');
    await page.evaluate(() => document.fonts.ready);
    const wide = page.locator('.math-tex[tabindex="0"]').first();
    await expect(wide, 'a line too wide for the panel is focusable').toHaveCount(1);
    const position = (await readCaption(page)).position;
    await wide.focus();
    await press(page, 'ArrowRight', 3);
    await expectPosition(page, position);
    // the browser may scroll smoothly: wait for it rather than read it at once
    await expect
      .poll(() => wide.evaluate((el) => el.scrollLeft), { message: 'the arrows scrolled the line' })
      .toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  });

  test('P and T from the keyboard: presentation mode and the colour theme', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    await page.keyboard.press('p');
    await expect(page.locator('html')).not.toHaveAttribute('data-presentation', /.*/);
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'system');
    // The first press changes what is shown: the system's light becomes dark (not "light" again).
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.keyboard.press('t');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('t');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});
