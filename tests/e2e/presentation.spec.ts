import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * Presentation mode (large type, high contrast, the editing chrome hidden, full screen) and
 * the colour themes (system, light, dark), with the diagram's sign cue (dashed negatives)
 * kept in every one. Screenshots for a person to look at: test-results/screenshots/.
 */

const DIR = 'test-results/screenshots';
const html = (page: Page) => page.locator('html');

async function fontSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Relative luminance (WCAG) of a computed CSS colour "rgb(r, g, b)". */
async function luminance(
  page: Page,
  selector: string,
  property: 'backgroundColor' | 'color' | 'fill',
): Promise<number> {
  const css = await page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el)[p], property);
  const [r, g, b] = (css.match(/[\d.]+/g) ?? [])
    .slice(0, 3)
    .map((v) => Number(v) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The computed stroke colour and dash of every edge line, by sign. */
async function edgeStrokes(
  page: Page,
): Promise<{ pos: string[]; neg: string[]; posDash: string[]; negDash: string[] }> {
  return page.evaluate(() => {
    const read = (sel: string) => Array.from(document.querySelectorAll(sel)).map((el) => getComputedStyle(el));
    const pos = read('.bp-edge.bp-pos > .bp-line');
    const neg = read('.bp-edge.bp-neg > .bp-line');
    return {
      pos: pos.map((s) => s.stroke),
      neg: neg.map((s) => s.stroke),
      posDash: pos.map((s) => s.strokeDasharray),
      negDash: neg.map((s) => s.strokeDasharray),
    };
  });
}

async function expectSignCue(page: Page, what: string): Promise<void> {
  const s = await edgeStrokes(page);
  expect(s.neg.length, `${what}: some negative edges`).toBeGreaterThan(0);
  expect(s.pos.length, `${what}: some positive edges`).toBeGreaterThan(0);
  for (const d of s.negDash) expect(d, `${what}: a negative edge is dashed`).not.toBe('none');
  for (const d of s.posDash) expect(d, `${what}: a positive edge is solid`).toBe('none');
  expect(new Set(s.pos).size, `${what}: one colour for positives`).toBe(1);
  expect(s.neg[0], `${what}: negatives differ in colour too`).not.toBe(s.pos[0]);
}

async function expectOneScreen(page: Page, what: string): Promise<void> {
  const m = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { sh: el.scrollHeight, sw: el.scrollWidth, ih: window.innerHeight, iw: window.innerWidth };
  });
  expect(m.sh, `${what}: no vertical scrollbar`).toBeLessThanOrEqual(m.ih);
  expect(m.sw, `${what}: no horizontal scrollbar`).toBeLessThanOrEqual(m.iw);
  for (const id of ['diagram', 'math-panel', 'step-forward', 'step-caption', 'presentation-toggle', 'phase-update']) {
    await expect(page.getByTestId(id), `${what}: ${id}`).toBeInViewport({ ratio: 1 });
  }
}

test.describe('presentation mode', () => {
  test('large type and a larger diagram; the chrome hidden, the step controls and the math panel kept; off again', async ({
    page,
  }) => {
    await openApp(page);
    await clickEdge(page, '0:0:0');
    await expect(page.getByTestId('derivation-title')).toBeVisible();
    const before = {
      body: await fontSize(page, 'body'),
      panel: await fontSize(page, '[data-testid="math-panel"]'),
      caption: await fontSize(page, '[data-testid="step-caption"]'),
      node: (await page.locator('[data-node="0:0"] circle').boundingBox())!.width,
    };
    await expect(page.getByTestId('settings-toggle')).toBeVisible();
    await expect(page.getByTestId('train-1')).toBeVisible();

    await page.getByTestId('presentation-toggle').click();
    await expect(html(page)).toHaveAttribute('data-presentation', 'true');
    await expect(page.getByTestId('presentation-toggle')).toHaveAttribute('aria-pressed', 'true');
    for (const id of ['settings-toggle', 'train-1', 'train-10000', 'add-sample'])
      await expect(page.getByTestId(id), id).toBeHidden();
    await expect(page.getByRole('button', { name: 'Remove sample 1' })).toBeHidden();
    for (const id of [
      'step-forward',
      'step-back',
      'play',
      'phase-forward',
      'next-iteration',
      'scrubber',
      'step-caption',
      'math-panel',
      'derivation-title',
      'diagram',
      'preset-menu',
    ]) {
      await expect(page.getByTestId(id), id).toBeVisible();
    }
    const panel = await fontSize(page, '[data-testid="math-panel"]');
    expect(panel, "the math panel's type is 22px or more").toBeGreaterThanOrEqual(22);
    expect(panel).toBeGreaterThan(before.panel);
    expect(await fontSize(page, 'body')).toBeGreaterThan(before.body);
    expect(await fontSize(page, '[data-testid="step-caption"]')).toBeGreaterThan(before.caption);
    await expect
      .poll(async () => (await page.locator('[data-node="0:0"] circle').boundingBox())!.width, {
        message: 'the diagram is drawn larger',
      })
      .toBeGreaterThan(before.node * 1.1);
    // Higher contrast: the text is pure black on white.
    expect(await luminance(page, 'body', 'color')).toBe(0);
    await expectOneScreen(page, 'presentation at 1366×768');

    await page.getByTestId('presentation-toggle').click();
    await expect(html(page)).not.toHaveAttribute('data-presentation', /.*/);
    await expect(page.getByTestId('settings-toggle')).toBeVisible();
    await expect(page.getByTestId('train-1')).toBeVisible();
    expect(await fontSize(page, '[data-testid="math-panel"]')).toBe(before.panel);
  });

  test('asks for full screen; leaving full screen keeps presentation mode on; P turns both off', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('p');
    await expect(html(page)).toHaveAttribute('data-presentation', 'true');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('HTML');
    // What the browser does on Escape: leave full screen. The mode stays (see togglePresentation).
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await page.waitForTimeout(200);
    await expect(html(page)).toHaveAttribute('data-presentation', 'true');
    await expect(page.getByTestId('presentation-toggle')).toHaveAttribute('aria-pressed', 'true');
    // On again in a window, then off: full screen is left with it.
    await page.keyboard.press('p');
    await expect(html(page)).not.toHaveAttribute('data-presentation', /.*/);
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('HTML');
    await page.keyboard.press('p');
    await expect(html(page)).not.toHaveAttribute('data-presentation', /.*/);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  test('the settings give way to the math panel', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('settings-toggle').click();
    await expect(page.getByTestId('settings')).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.getByTestId('settings')).toHaveCount(0);
    await expect(page.getByTestId('math-panel')).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.getByTestId('settings')).toBeVisible();
  });

  for (const width of [1024, 1366, 1920]) {
    test(`the step caption and the step options keep apart at ${width} px, at the end of an iteration`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 768 });
      await openApp(page);
      await choosePreset(page, 'mazur');
      await page.getByTestId('presentation-toggle').click();
      await page.locator('body').press('End');
      // the longest caption: "Iteration complete (last: update w₈). “Next iteration” starts …"
      await expect(page.getByTestId('step-caption')).toContainText('Iteration complete');
      const caption = (await page.getByTestId('step-caption').boundingBox())!;
      const options = (await page.locator('.step-options').boundingBox())!;
      const apart =
        caption.x + caption.width <= options.x + 0.5 ||
        options.x + options.width <= caption.x + 0.5 ||
        caption.y + caption.height <= options.y + 0.5 ||
        options.y + options.height <= caption.y + 0.5;
      expect(apart, `caption ${JSON.stringify(caption)} options ${JSON.stringify(options)}`).toBe(true);
      // and the options on the screen ("show z" ran past its right edge at 1366)
      expect(options.x + options.width, `options ${JSON.stringify(options)}`).toBeLessThanOrEqual(width + 0.5);
      // where the options can sit beside it, the caption is whole, not cut with an ellipsis
      if (width >= 1366) {
        const room = await page
          .getByTestId('step-caption')
          .evaluate((el) => ({ text: el.scrollWidth, box: el.clientWidth }));
        expect(room.text, 'the caption is cut').toBeLessThanOrEqual(room.box);
      }
    });
  }

  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    test(`one screen at ${size.width}×${size.height}, light and dark`, async ({ page }) => {
      await page.setViewportSize(size);
      await openApp(page);
      await choosePreset(page, 'mazur');
      await page.getByTestId('phase-backward').click();
      for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
      await page.getByTestId('presentation-toggle').click();
      await expect(page.getByTestId('derivation-title')).toBeVisible();
      await expectOneScreen(page, `presentation at ${size.width}×${size.height}`);
      await page.mouse.move(1, 1);
      await page.screenshot({
        path: `${DIR}/presentation-mazur-${size.width}x${size.height}.png`,
        animations: 'disabled',
        caret: 'hide',
      });

      await page.keyboard.press('t');
      await expect(html(page)).toHaveAttribute('data-theme', 'dark');
      await expectOneScreen(page, `dark presentation at ${size.width}×${size.height}`);
      await page.screenshot({
        path: `${DIR}/presentation-dark-mazur-${size.width}x${size.height}.png`,
        animations: 'disabled',
        caret: 'hide',
      });
    });
  }
});

test.describe('colour themes', () => {
  test('dark: a dark page and diagram, negatives still dashed; in presentation mode too', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'by-hand-mlp');
    await expectSignCue(page, 'light');
    const light = await edgeStrokes(page);
    expect(await luminance(page, 'body', 'backgroundColor')).toBeGreaterThan(0.8);

    const toggle = page.getByTestId('theme-toggle');
    await expect(toggle).toHaveAttribute('data-theme-choice', 'system');
    // The first click changes what is shown: the (light) system theme becomes dark.
    await toggle.click();
    await expect(toggle).toHaveAttribute('data-theme-choice', 'dark');
    await expect(toggle).toHaveAccessibleName('Colour theme: dark');
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');

    expect(await luminance(page, 'body', 'backgroundColor'), 'the page is dark').toBeLessThan(0.05);
    expect(await luminance(page, 'body', 'color'), 'the text is light').toBeGreaterThan(0.6);
    expect(await luminance(page, '[data-testid="math-panel"]', 'backgroundColor'), 'the panels are dark').toBeLessThan(
      0.05,
    );
    expect(
      await luminance(page, '[data-node="0:0"] .bp-node-name', 'fill'),
      "the diagram's text is light",
    ).toBeGreaterThan(0.6);
    await expectSignCue(page, 'dark');
    const dark = await edgeStrokes(page);
    expect(dark.pos[0], 'the diagram takes the dark palette').not.toBe(light.pos[0]);

    await clickEdge(page, '0:0:0');
    await page.mouse.move(1, 1);
    await page.screenshot({ path: `${DIR}/dark-by-hand-mlp-1366x768.png`, animations: 'disabled', caret: 'hide' });

    await page.keyboard.press('p');
    await expect(html(page)).toHaveAttribute('data-presentation', 'true');
    await expectSignCue(page, 'dark presentation');
    expect(await luminance(page, 'body', 'backgroundColor')).toBe(0);

    await toggle.click();
    await expect(toggle).toHaveAttribute('data-theme-choice', 'light');
    await expect(html(page)).toHaveAttribute('data-theme', 'light');
  });

  test('system follows prefers-color-scheme, live', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page);
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'system');
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html(page)).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    expect(await luminance(page, 'body', 'backgroundColor')).toBeLessThan(0.05);
  });
});

/** The boxes of the texts under `selector`, in page pixels. */
async function textBoxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((texts) =>
    texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
}

test('the Landscape, Compare and Matrices tabs and the loss chart read on a projector: their text and their plots’ text grow, and no plot text runs into another', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('tab-landscape').click();
  await clickEdge(page, '1:1:1'); // w₈: J(w₈) with ticks of four digits beside its title
  await expect(page.getByTestId('slope-plot')).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
  await page.getByTestId('presentation-toggle').click();
  await expect(page.getByTestId('presentation-toggle')).toHaveAttribute('aria-pressed', 'true');
  // the one-parameter plot's ticks and titles (SVG), the landscape's (canvas), the controls (HTML)
  await expect.poll(() => fontSize(page, '[data-testid="slope-plot"] svg .slope-axes text')).toBeGreaterThanOrEqual(18);
  await expect
    .poll(async () => parseFloat((await page.locator('canvas.bp-landscape').getAttribute('data-legend-font')) ?? '0'))
    .toBeGreaterThanOrEqual(18);
  expect(await fontSize(page, '.landscape-controls')).toBeGreaterThanOrEqual(18);
  expect(await fontSize(page, '.slope-plot-caption')).toBeGreaterThanOrEqual(18);
  // the margins grew with the text: no tick label runs into another or into an axis title
  const boxes = await textBoxes(page, '[data-testid="slope-plot"] svg .slope-axes text');
  expect(boxes.some((b) => b.text.startsWith('J('))).toBe(true);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `"${a.text}" and "${b.text}" overlap`).toBe(true);
    }
  // the landscape's colour legend stays whole inside its canvas
  const canvas = (await page.locator('canvas.bp-landscape').boundingBox())!;
  const legend = JSON.parse((await page.locator('canvas.bp-landscape').getAttribute('data-legend')) ?? '[]') as {
    text: string;
    x: number;
  }[];
  const legendPx = parseFloat((await page.locator('canvas.bp-landscape').getAttribute('data-legend-font')) ?? '0');
  for (const l of legend) expect(l.x + l.text.length * 0.62 * legendPx).toBeLessThanOrEqual(canvas.width + 1);

  await page.getByTestId('presentation-toggle').click();
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('presentation-toggle').click();
  await expect(page.locator('.compare-panel .compare-head')).toBeVisible();
  expect(await fontSize(page, '.compare-panel .compare-head')).toBeGreaterThanOrEqual(18);
  expect(await fontSize(page, '.compare-panel .compare-run')).toBeGreaterThanOrEqual(18);
  // the loss charts' ticks and titles, here and under the samples
  expect(await fontSize(page, '.compare-panel .bp-chart text')).toBeGreaterThanOrEqual(16);
  expect(await fontSize(page, '.loss-chart .bp-chart text')).toBeGreaterThanOrEqual(16);
  await page.getByTestId('presentation-toggle').click();
  await page.getByTestId('tab-matrix').click();
  await page.getByTestId('presentation-toggle').click();
  expect(await fontSize(page, '.matrix-panel .matrix-intro')).toBeGreaterThanOrEqual(16);
});

/**
 * The math panel's own notes on a projector: the "Ahead of the step" note, the lines a lesson
 * keeps blank until its step ("Blank until step N") and their buttons were 12–13 px beside
 * 17–22 px text. Every piece of the panel's text outside the typeset math is 16 px or more.
 */
test('presentation at 1920×1080: the math panel’s notes and their buttons are projector-sized (walkthrough lesson step 3)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const doc = builtInLesson<{ steps: unknown[] }>('walkthrough');
  await openApp(page, lessonLink(doc, 3));
  await expect(page.getByTestId('lesson-count')).toHaveText(`step 3 of ${doc.steps.length}`);
  await page.getByTestId('presentation-toggle').click();
  await expect(html(page)).toHaveAttribute('data-presentation', 'true');
  const panel = page.getByTestId('math-panel');
  await expect(panel.getByTestId('math-ahead')).toBeVisible();
  await expect(panel.getByText(/^Blank until step/).first()).toBeVisible();
  const small = await panel.evaluate((root) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const el = n.parentElement!;
      if ((n.textContent ?? '').trim() === '' || el.closest('.katex') !== null) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 16) found.push(`${px}px “${(n.textContent ?? '').trim().slice(0, 30)}”`);
    }
    return found;
  });
  expect(small).toEqual([]);
});

test('the note on labels hidden for room is read whole on a laptop mirrored to a projector (by-hand-mlp step 8, 1366×768 presentation)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const byHand = builtInLesson<{ steps: unknown[] }>('by-hand-mlp');
  await openApp(page, lessonLink(byHand, 8));
  await page.getByTestId('presentation-toggle').click();
  await expect(html(page)).toHaveAttribute('data-presentation', 'true');
  await expect(page.locator('svg[data-labels="placed"]').first()).toBeVisible();
  const note = page.getByTestId('hidden-labels');
  // the case: this step hides labels here
  await expect(note).toContainText(/^\d+ of \d+ value labels hidden/);
  // nothing of it cut off at its right end, and it says how to see them
  await expect.poll(() => note.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(note).toContainText(/zoom in.*hover.*select/);
});
