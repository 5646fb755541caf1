import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, menuWidths, openApp, readCaption, typeInto } from './helpers/app.ts';
import { preset, PRESET_IDS, shareHash } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Defects a teacher found trying the app in front of a class (issue 9, item 4): a diverging
 * comparison run, clipped chart ticks and legends, a matrix view that loses the step, a
 * toolbar that shifts, formulas shrunk past reading, preset titles cut off, and worksheet
 * questions that read the same.
 */

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Sets the compare run `k` to plain SGD at learning rate `lr`. */
async function sgdRun(page: Page, k: number, lr: string): Promise<void> {
  await page.getByTestId(`compare-type-${k}`).selectOption('sgd');
  await typeInto(page, `compare-${k}-learningRate`, lr);
}

/** Goes to the end of the iteration with the scrubber. */
async function toEnd(page: Page): Promise<void> {
  const { total } = await readCaption(page);
  await page.getByTestId('scrubber').fill(String(total));
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${total}/${total}`));
}

/** Texts of an SVG whose box is not inside the SVG's box (half a pixel of slack). */
async function clippedTexts(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text'))
      .filter((t) => (t.textContent ?? '') !== '')
      .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
      .filter(
        ({ r }) =>
          r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5,
      )
      .map(
        ({ text, r }) =>
          `${text}: ${r.left}–${r.right} × ${r.top}–${r.bottom} outside ${box.left}–${box.right} × ${box.top}–${box.bottom}`,
      );
  });
}

test.describe('Compare: a diverging run', () => {
  test('does not stretch the landscape past the other runs, and the panel says what was cut', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'landscape-local-minimum');
    await page.getByTestId('tab-compare').click();
    await sgdRun(page, 2, '50');
    const panel = page.getByTestId('compare-panel');
    await expect(panel).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    const plot = page.getByTestId('landscape-plot');
    await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    // The other two runs stay on the order of their own travel: the window is no wider than
    // a few units (the preset's weights move by less than 2), not 1e155.
    const dx = Number(await plot.getAttribute('data-dx'));
    const nx = Number(await plot.getAttribute('data-nx'));
    const dy = Number(await plot.getAttribute('data-dy'));
    const ny = Number(await plot.getAttribute('data-ny'));
    expect(dx * (nx - 1)).toBeLessThan(20);
    expect(dy * (ny - 1)).toBeLessThan(20);
    expect(Number(await plot.getAttribute('data-max'))).toBeLessThan(1e6);
    // …and says which run was cut, how far it got and from which step it is not drawn
    const cut = page.getByTestId('compare-cut');
    await expect(cut).toContainText(/run C diverged \(loss [\d.]+×10[⁰¹²³⁴⁵⁶⁷⁸⁹]+\): not drawn past step \d+/);
    // the loss chart draws the diverged run only while its loss is sane, so the other runs'
    // curves keep their height instead of lying flat under an axis that reaches 1e307
    for (const name of ['A', 'B']) {
      const curve = page.getByTestId('compare-chart').locator(`path.bp-chart-line[data-label="${name}"]`);
      expect((await curve.boundingBox())!.height).toBeGreaterThan(20);
    }
    // the loss chart of the runs holds its labels whole, on the laptop and on the projector
    expect(await clippedTexts(page, 'compare-chart')).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('presentation-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    await expect.poll(() => clippedTexts(page, 'compare-chart')).toEqual([]);
  });

  test('the colour legend shows its labels whole', async ({ page }) => {
    for (const setup of ['diverging', 'wide range'] as const) {
      await openApp(page);
      await choosePreset(page, 'landscape-local-minimum');
      if (setup === 'diverging') {
        await page.getByTestId('tab-compare').click();
        await sgdRun(page, 2, '50');
      } else {
        // a wide fixed range gives the grid losses of many digits
        await page.getByTestId('tab-landscape').click();
        await page.getByTestId('landscape-range').selectOption('5');
      }
      const plot = page.getByTestId('landscape-plot');
      await expect(plot).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
      const canvas = plot.locator('canvas');
      await expect(canvas).toHaveAttribute('data-legend', /.+/);
      // The test measures the labels itself, with the canvas's own font, where the view drew them.
      const overflow = await canvas.evaluate((c: HTMLCanvasElement) => {
        const labels = JSON.parse(c.dataset.legend ?? '[]') as { text: string; x: number }[];
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = c.dataset.legendFont ?? '';
        const width = c.getBoundingClientRect().width;
        return labels
          .filter((l) => l.x < 0 || l.x + ctx.measureText(l.text).width > width)
          .map((l) => `${l.text} ends at ${l.x + ctx.measureText(l.text).width} of ${width}`);
      });
      expect(overflow, setup).toEqual([]);
      expect(JSON.parse((await canvas.getAttribute('data-legend')) ?? '[]')).toHaveLength(3);
    }
  });
});

test('loss chart: axis titles, and no tick label clipped after 10,000 steps', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('train-10000').click();
  await expect(page.getByTestId('loss-chart-summary')).toContainText('10000 steps', { timeout: 20_000 });
  const chart = page.getByTestId('loss-chart');
  await expect(chart.locator('.bp-chart-title')).toHaveText(['training step', 'loss (log scale)']);
  expect(await clippedTexts(page, 'loss-chart')).toEqual([]);
  await expect(chart.locator('.bp-chart-x text').last()).toHaveText('10000');
  // unticking log names the linear axis
  await page.locator('.loss-chart').getByLabel('log').uncheck();
  await expect(chart.locator('.bp-chart-title')).toHaveText(['training step', 'loss']);
  expect(await clippedTexts(page, 'loss-chart')).toEqual([]);
  // on the projector, in presentation mode, the larger text still fits
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('presentation-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
  await expect
    .poll(() =>
      chart
        .locator('.bp-chart-title')
        .first()
        .evaluate((t) => parseFloat(getComputedStyle(t).fontSize)),
    )
    .toBeGreaterThanOrEqual(14);
  await expect.poll(() => clippedTexts(page, 'loss-chart')).toEqual([]);
  // and on a laptop mirrored to a projector, where the chart is short ("loss (log scal" was cut)
  await page.locator('.loss-chart').getByLabel('log').check();
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(() => clippedTexts(page, 'loss-chart')).toEqual([]);
});

test('the Matrices tab scrolls the cell just computed into view as the step moves', async ({ page }) => {
  const sizes = [4, 10, 10, 1];
  const doc = {
    format: 'backprop-scenario/1',
    title: 'Wide 4-10-10-1',
    layers: sizes.map((size, l) =>
      l === 0 ? { size } : { size, activation: l === sizes.length - 1 ? 'sigmoid' : 'tanh', bias: true },
    ),
    init: { type: 'xavier', seed: 3 },
    loss: 'mse',
    reduction: 'mean',
    data: [{ x: [0.1, -0.2, 0.3, 0.4], y: [1] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  };
  await openApp(page, `${shareHash(doc)}&panel=matrix`);
  const panel = page.getByTestId('matrix-panel');
  await expect(panel.locator('[data-quantity="weight"]').first()).toBeVisible();
  // the panel overflows: it scrolls
  expect(await panel.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
  const inView = async (): Promise<string> =>
    panel.evaluate((root) => {
      const cell = root.querySelector('.cell-current');
      if (!cell) return 'no current cell';
      const c = cell.getBoundingClientRect();
      // every scrolling box from the cell up to the panel must show it
      for (let el = cell.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (/(auto|scroll|hidden)/.test(style.overflowX + style.overflowY)) {
          const b = el.getBoundingClientRect();
          if (c.top < b.top - 1 || c.bottom > b.bottom + 1 || c.left < b.left - 1 || c.right > b.right + 1)
            return `${cell.getAttribute('data-key')} ${cell.getAttribute('data-quantity')} outside ${el.className}`;
        }
        if (el === root) break;
      }
      return 'ok';
    });
  // forward through the first layers, then the backward pass (its cells are at the bottom)
  for (let k = 0; k < 6; k++) await page.getByTestId('step-forward').click();
  await expect.poll(inView).toBe('ok');
  await page.getByTestId('scrubber').fill('30');
  await expect(page.getByTestId('step-caption')).toHaveText(/^30\//);
  await expect.poll(inView).toBe('ok');
  await page.getByTestId('phase-backward').click();
  for (let k = 0; k < 3; k++) await page.getByTestId('step-forward').click();
  await expect.poll(inView).toBe('ok');
  const first = await panel.evaluate((el) => el.scrollTop);
  expect(first).toBeGreaterThan(0);
  // and back to the first layer's forward pass: the panel scrolls up again
  await page.getByTestId('phase-forward').click();
  await page.getByTestId('step-forward').click();
  await expect.poll(inView).toBe('ok');
});

test.describe('the toolbar does not shift', () => {
  async function boxes(page: Page): Promise<Record<string, Box>> {
    return page.evaluate(() => {
      const out: Record<string, Box> = {};
      // the controls themselves, not what an open popover holds
      const els = Array.from(
        document.querySelectorAll('.toolbar :is(button, select), .step-controls :is(button, select)'),
      ).filter((el) => !el.closest('.popover'));
      for (const el of els) {
        const r = el.getBoundingClientRect();
        const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
        out[name.trim()] = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      return out;
    });
  }

  function moved(before: Record<string, Box>, after: Record<string, Box>): string[] {
    const out: string[] = [];
    for (const [key, a] of Object.entries(before)) {
      const b = after[key];
      if (!b) out.push(`${key} gone`);
      else if (Math.max(...(['left', 'top', 'right', 'bottom'] as const).map((s) => Math.abs(a[s] - b[s]))) > 0.5)
        out.push(`${key}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
    }
    return out;
  }

  for (const width of [1366, 1024]) {
    test(`when a phase turns bold or a menu opens, at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 768 });
      await openApp(page);
      await choosePreset(page, 'mazur');
      const start = await boxes(page);
      for (const phase of ['loss', 'backward', 'update', 'forward']) {
        await page.getByTestId(`phase-${phase}`).click();
        await expect(page.getByTestId(`phase-${phase}`)).toHaveAttribute('aria-pressed', 'true');
        expect(moved(start, await boxes(page)), `after ${phase}`).toEqual([]);
      }
      for (const [button, popover] of [
        ['file-menu-button', 'file-menu'],
        ['share-button', 'share-popover'],
        ['settings-toggle', null],
      ] as const) {
        await page.getByTestId(button).click();
        if (popover) await expect(page.getByTestId(popover)).toBeVisible();
        else await expect(page.getByTestId(button)).toHaveAttribute('aria-pressed', 'true');
        expect(moved(start, await boxes(page)), `with ${button} open`).toEqual([]);
        if (popover) await page.keyboard.press('Escape');
        else await page.getByTestId(button).click();
        await expect(page.getByTestId(button)).not.toHaveClass(/active/);
      }
    });
  }
});

test('long formulas keep a readable size (≥ 12 px) and break at their = and + signs or scroll instead of shrinking', async ({
  page,
}) => {
  // selections whose lines are wider than the panel at 1366×768 (by-hand-mlp's input node no
  // longer is, since the sums are evaluated on a row of their own; its second hidden layer is)
  for (const [id, key] of [
    ['by-hand-mlp', 'node:2:0'],
    ['walkthrough', 'edge:0:0:2'],
    ['mazur', 'edge:0:0:1'],
  ] as const) {
    await openApp(page);
    await choosePreset(page, id);
    await toEnd(page);
    if (key.startsWith('edge:')) await clickEdge(page, key.slice(5));
    else await page.locator(`[data-node="${key.slice(5)}"]`).click();
    const math = page.getByTestId('math-panel');
    await expect(math.locator('.math-tex .katex').first()).toBeVisible();
    // wait for KaTeX's fonts, after which the lines are fitted again
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(200);
    const report = await math.evaluate((root) => {
      const small: string[] = [];
      let overflowing = 0;
      const notScrollable: string[] = [];
      for (const tex of Array.from(root.querySelectorAll<HTMLElement>('.math-tex'))) {
        const katex = tex.querySelector<HTMLElement>('.katex');
        if (!katex) continue;
        const px = parseFloat(getComputedStyle(katex).fontSize);
        if (px < 12) small.push(`${px.toFixed(1)} px: ${(katex.textContent ?? '').slice(0, 40)}`);
        // too wide for one row at this size: its pieces (KaTeX's .base) side by side
        const bases = Array.from(tex.querySelectorAll('.katex-html > .base')).map((b) => b.getBoundingClientRect());
        if (bases.reduce((w, b) => w + b.width, 0) > tex.clientWidth + 1) overflowing++;
        // what still runs past the right edge (a piece that cannot break) scrolls, and is reachable from the keyboard
        if (tex.scrollWidth > tex.clientWidth + 1) {
          const ox = getComputedStyle(tex).overflowX;
          if (ox !== 'auto' && ox !== 'scroll') notScrollable.push(ox);
          if (tex.tabIndex !== 0) notScrollable.push('not focusable');
        }
      }
      return { small, overflowing, notScrollable };
    });
    expect(report.small, id).toEqual([]);
    expect(report.notScrollable, id).toEqual([]);
    if (id !== 'mazur') expect(report.overflowing, `${id} has lines too wide to fit`).toBeGreaterThan(0);
  }
});

for (const width of [1366, 1024]) {
  test(`every preset's name shows whole in the preset menu at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 768 });
    await openApp(page);
    const menu = page.getByTestId('preset-menu');
    for (const id of PRESET_IDS) {
      await choosePreset(page, id);
      // A copy of the menu, free to take the width its selected name needs, is no wider than the menu.
      const [shown, needed] = await menuWidths(menu);
      expect(shown, `${id}: "${await menu.locator('option:checked').textContent()}"`).toBeGreaterThanOrEqual(
        needed - 0.5,
      );
    }
    // every name is told apart from the others, and the full title is a hover away
    const names = await menu.locator('option').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    const titles = await menu
      .locator('optgroup[label="Presets"] option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('title')));
    expect(titles).toEqual(PRESET_IDS.map((id) => preset(id).title));
  });
}

test('worksheet and diagram name Mazur’s two b₁ and two b₂ apart', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await page.getByTestId('worksheet-toggle').click();
  const prompts: string[] = [];
  const { total } = await readCaption(page);
  for (let k = 0; k < total; k++) {
    const prompt = page.getByTestId('worksheet-prompt');
    await expect(prompt).toBeVisible();
    prompts.push((await prompt.textContent()) ?? '');
    await page.getByTestId('worksheet-reveal').click();
  }
  expect(prompts).toHaveLength(total);
  const repeated = prompts.filter((p, k) => prompts.indexOf(p) !== k);
  expect(repeated).toEqual([]);
  expect(prompts).toContain('∂L/∂b₁ (into h₁)');
  // the print sheet asks the same questions as the screen
  const printed = await page.locator('.print-sheet .print-what').allTextContents();
  expect(printed).toEqual(prompts);
  // the diagram: no two biases are named the same (their labels and their accessible names)
  await page.getByTestId('worksheet-toggle').click();
  const names = await page
    .locator('[data-bias]')
    .evaluateAll((els) => els.map((e) => /^bias (.*?) = /.exec(e.getAttribute('aria-label') ?? '')?.[1] ?? ''));
  expect(names).toHaveLength(4);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toContain('b₁ (h₁)');
});

test('loss chart with test data: the training and test curves’ names are whole and apart', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'playground');
  await page.getByTestId('train-100').click();
  await expect(page.getByTestId('loss-chart-summary')).toContainText('100 steps', { timeout: 20_000 });
  const ends = page.getByTestId('loss-chart').locator('text.bp-chart-end');
  await expect(ends).toHaveText(['training', 'test']);
  expect(await clippedTexts(page, 'loss-chart')).toEqual([]);
  const [a, b] = [(await ends.nth(0).boundingBox())!, (await ends.nth(1).boundingBox())!];
  const apart = a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;
  expect(apart, `training ${JSON.stringify(a)}, test ${JSON.stringify(b)}`).toBe(true);
});
