import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, openApp } from './helpers/app.ts';
import { shareHash } from './helpers/core.ts';
import { measureLabels } from './helpers/label-metrics.ts';
import { stack16 } from '../../bench/app-networks.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * One screen, no scrollbars: at classroom sizes the page never scrolls, and the diagram,
 * the math panel, the samples table, the step controls and every toolbar control are
 * inside the viewport, whatever preset or panel content is shown.
 */

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function expectNoScrollbars(page: Page, what: string): Promise<void> {
  const m = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { sh: el.scrollHeight, sw: el.scrollWidth, ih: window.innerHeight, iw: window.innerWidth };
  });
  expect(m.sh, `${what}: scrollHeight ${m.sh} ≤ innerHeight ${m.ih}`).toBeLessThanOrEqual(m.ih);
  expect(m.sw, `${what}: scrollWidth ${m.sw} ≤ innerWidth ${m.iw}`).toBeLessThanOrEqual(m.iw);
}

/** The main regions and every control of the toolbar and step controls, with their boxes. */
async function boxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const named: [string, Element | null][] = [
      ['diagram', document.querySelector('[data-testid="diagram"]')],
      ['math panel', document.querySelector('[data-testid="math-panel"]')],
      ['samples table', document.querySelector('section[aria-label="Samples"]')],
      ['loss chart', document.querySelector('[data-testid="loss-chart"]')],
      ['step controls', document.querySelector('[role="group"][aria-label="Step through one iteration"]')],
      ['step caption', document.querySelector('[data-testid="step-caption"]')],
    ];
    const controls = Array.from(
      document.querySelectorAll(
        'header.toolbar button, header.toolbar select, .step-controls button, .step-controls select, .step-controls input',
      ),
    ).map((el): [string, Element] => [
      `control "${el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.textContent?.trim()}"`,
      el,
    ]);
    return [...named, ...controls].map(([name, el]) => {
      const r = el?.getBoundingClientRect();
      return { name, x: r?.x ?? NaN, y: r?.y ?? NaN, width: r?.width ?? 0, height: r?.height ?? 0 };
    });
  });
}

async function expectAllInside(page: Page, what: string): Promise<void> {
  await expectNoScrollbars(page, what);
  const vp = page.viewportSize()!;
  for (const b of await boxes(page)) {
    expect(b.width > 0 && b.height > 0, `${what}: ${b.name} has a size`).toBe(true);
    const inside = b.x >= 0 && b.y >= 0 && b.x + b.width <= vp.width + 0.5 && b.y + b.height <= vp.height + 0.5;
    expect(
      inside,
      `${what}: ${b.name} at (${b.x}, ${b.y}) ${b.width}×${b.height} inside ${vp.width}×${vp.height}`,
    ).toBe(true);
  }
  // The diagram and the samples table are big enough to read.
  const diagram = await page.getByTestId('diagram').boundingBox();
  expect(diagram!.height, `${what}: diagram height`).toBeGreaterThan(250);
  const table = await page.locator('section[aria-label="Samples"]').boundingBox();
  expect(table!.height, `${what}: samples table height`).toBeGreaterThan(100);
}

for (const size of SIZES) {
  test(`layout at ${size.width}×${size.height}: one screen, everything visible`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await expectAllInside(page, 'walkthrough at start');

    // A long derivation scrolls inside the math panel, not the page.
    await clickEdge(page, '0:0:2');
    await expect(page.getByTestId('derivation-title')).toBeVisible();
    await page.getByTestId('phase-backward').click();
    await expectAllInside(page, 'walkthrough, edge selected, backward');

    for (const id of ['by-hand-mlp', 'numpy-341']) {
      await choosePreset(page, id);
      await page.getByRole('button', { name: 'Jump to the end of the iteration' }).click();
      await expectAllInside(page, `${id} at the end`);
    }

    // Settings replace the math panel.
    await page.getByTestId('settings-toggle').click();
    await expect(page.getByTestId('settings')).toBeVisible();
    await expectNoScrollbars(page, 'settings open');
    await page.getByTestId('settings-toggle').click();

    // Training, then a notice (a broken link) on top of everything.
    await page.getByTestId('train-100').click();
    await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^100 steps/);
    await expectAllInside(page, 'after training');
  });

  test(`layout at ${size.width}×${size.height} with a broken-link notice`, async ({ page }) => {
    await page.setViewportSize(size);
    const h = shareHash({
      format: 'backprop-scenario/1',
      layers: [{ size: 2 }, { size: 1, activation: 'relux', bias: 'yes' }],
    });
    await openApp(page, h);
    await expect(page.getByTestId('notice')).toBeVisible();
    await expectAllInside(page, 'broken-link notice');
    const notice = await page.getByTestId('notice').boundingBox();
    expect(notice!.y + notice!.height).toBeLessThanOrEqual(size.height);
  });
}

/** The layer headers of the diagram ("input", "ReLU + b", "loss · BCE"): each inside the diagram, none overlapping another. */
async function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const d = document.querySelector('[data-testid="diagram"]')!.getBoundingClientRect();
    const hs = Array.from(document.querySelectorAll('.bp-header')).map((t) => ({
      text: t.textContent ?? '',
      r: t.getBoundingClientRect(),
    }));
    const out: string[] = [];
    for (const h of hs) {
      if (h.r.left < d.left - 0.5 || h.r.right > d.right + 0.5 || h.r.top < d.top - 0.5)
        out.push(`"${h.text}" [${h.r.left}, ${h.r.right}] leaves the diagram [${d.left}, ${d.right}]`);
    }
    for (let a = 0; a < hs.length; a++) {
      for (let b = a + 1; b < hs.length; b++) {
        const p = hs[a].r;
        const q = hs[b].r;
        if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom)
          out.push(`"${hs[a].text}" overlaps "${hs[b].text}"`);
      }
    }
    return out;
  });
}

for (const size of SIZES) {
  test(`layer headers inside the diagram and apart at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    for (const id of ['walkthrough', 'little-network', 'numpy-341', 'tanh-221', 'mazur']) {
      await choosePreset(page, id);
      await expect.poll(() => headerProblems(page), { message: id }).toEqual([]);
    }
  });

  test(`by-hand-mlp layer headers inside the diagram and apart at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await choosePreset(page, 'by-hand-mlp');
    await page.waitForTimeout(100);
    expect(await headerProblems(page)).toEqual([]);
  });
}

for (const size of SIZES) {
  test(`a narrow last block keeps its column apart: 16-16-16-16-16-1 at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    // the last block (16 weights) against three of 256: in proportion to their labels' room its
    // gap was 15 px, the output's column on the last hidden one's, headers and values on each other
    await page.setViewportSize(size);
    await openApp(page, shareHash(stack16()));
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await expect.poll(() => headerProblems(page)).toEqual([]);
    expect((await measureLabels(page)).textOverlaps).toEqual([]);
  });
}

test('the chain-rule line of a selected weight fits the math panel at 1366×768', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await clickEdge(page, '1:0:0');
  const line = page.getByRole('region', { name: 'Chain rule' }).locator('.math-tex').first();
  await expect(line).toBeVisible();
  // The line is fitted again when KaTeX's fonts arrive, which can be after the first paint.
  await expect
    .poll(() => line.evaluate((el) => el.scrollWidth - el.clientWidth), {
      message: 'chain-rule line wider than the panel',
      timeout: 5_000,
    })
    .toBeLessThanOrEqual(0);
});
