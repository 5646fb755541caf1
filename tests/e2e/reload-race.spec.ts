import type { Page } from '@playwright/test';
import { choosePreset, clickEdge, edge, openApp, typeInto } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * A reload never loses or misplaces work. The session is saved ~200 ms after a change and the
 * address follows 250 ms after it; a reload at any moment shows the latest work and never
 * says a link was opened or the session set aside. The saved session always names the
 * page's address, and the address it just replaced (a reload that began before the
 * replacement loads that one).
 */

const SESSION_KEY = 'backprop-lab:session';

/** The saved session's preset and address, and the page's address. */
async function saved(page: Page): Promise<{ presetId: unknown; hash: unknown; address: string } | null> {
  return page.evaluate((key) => {
    const text = window.localStorage.getItem(key);
    if (text === null) return null;
    const s = JSON.parse(text) as Record<string, unknown>;
    return { presetId: s.presetId, hash: s.hash, address: window.location.hash };
  }, SESSION_KEY);
}

/** Waits until the address shows the preset's link and the saved session has the preset, and both debounces are over. */
async function settled(page: Page, preset: string): Promise<void> {
  await expect
    .poll(async () => {
      const s = await saved(page);
      return s !== null && s.presetId === preset && s.address.startsWith('#scenario=');
    })
    .toBe(true);
  await page.waitForTimeout(500);
}

test('once the address follows an edit, the saved session names that address', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'mazur');
  await settled(page, 'mazur');
  const before = (await saved(page))!.address;
  expect((await saved(page))!.hash).toBe(before);
  await clickEdge(page, '1:0:0');
  await typeInto(page, 'edit-weight', '0.625');
  await expect.poll(async () => (await saved(page))!.address).not.toBe(before);
  const after = await saved(page);
  expect(after!.hash).toBe(after!.address);
});

for (const delay of [0, 150, 230, 300]) {
  test(`an edit followed by a reload ${delay} ms later is kept`, async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await settled(page, 'mazur');
    await clickEdge(page, '1:0:0');
    await typeInto(page, 'edit-weight', '0.625');
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.625');
    await page.waitForTimeout(delay);
    await page.reload();
    await expect(page.getByTestId('app')).toBeVisible();
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.625');
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await expect(page.getByTestId('undo')).toBeDisabled();
  });
}

for (const delay of [0, 230, 300]) {
  test(`a training run followed by a reload ${delay} ms after its end is kept`, async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await settled(page, 'mazur');
    await page.getByTestId('train-10').click();
    await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^10 steps, L = /);
    await page.waitForTimeout(delay);
    await page.reload();
    await expect(page.getByTestId('app')).toBeVisible();
    await expect(page.getByTestId('loss-chart-summary')).toHaveText(/^10 steps, L = /);
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await expect(page.getByTestId('undo')).toBeDisabled();
  });
}

// A reload takes the address when it begins; the old page runs on until the new one commits
// and may replace the address (and save under the new one) meanwhile. Here the reload that
// took the address `delay` ms after the edit loads once the old page has done all that.
for (const delay of [0, 100, 200, 240]) {
  test(`a reload that took the address ${delay} ms after an edit, loading after the page replaced it, shows the edit`, async ({
    page,
  }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await settled(page, 'mazur');
    const before = (await saved(page))!.address;
    await clickEdge(page, '1:0:0');
    await typeInto(page, 'edit-weight', '0.625');
    await page.waitForTimeout(delay);
    // (on a slow machine the address may already be the new one: then it is a plain reload)
    const taken = page.url();
    // the page saved and replaced its address after the reload began
    await expect.poll(async () => (await saved(page))!.address).not.toBe(before);
    const latest = (await saved(page))!.address;
    await page.goto('about:blank');
    await page.goto(taken);
    await expect(page.getByTestId('app')).toBeVisible();
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.625');
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await expect(page.getByTestId('undo')).toBeDisabled();
    // the address is the session's again, so a later reload opens it too
    expect(await page.evaluate(() => window.location.hash)).toBe(latest);
    await page.reload();
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.625');
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });
}
