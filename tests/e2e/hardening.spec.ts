import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { lzBomb } from '../helpers/lz-bomb.ts';
import { choosePreset, clickEdge, edge, openApp, typeInto } from './helpers/app.ts';
import { scenarioToJson } from '../../src/core/codec/serialize-scenario.ts';
import { preset, shareHash } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Hostile input and lost sessions (issue 13): decompression bombs in links and pastes, a
 * saved session that cannot be read whole, a link opened on a first visit, a share link too
 * long to pass around, control characters in what the SVG and PNG exports write.
 */

const SESSION_KEY = 'backprop-lab:session';
const BACKUP_KEY = 'backprop-lab:session-unreadable';

const stored = (page: Page, key: string) => page.evaluate((k) => window.localStorage.getItem(k), key);

async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.describe('decompression bombs', () => {
  // 14 KB that inflate to 24.5 million characters.
  const bomb = lzBomb(7000).encoded;

  test('a #scenario= link that inflates past the limit opens the default preset and says why', async ({ page }) => {
    await openApp(page, `#scenario=${bomb}`);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('The share link could not be opened, so the default preset is shown.');
    await expect(notice).toContainText('would be more than 20,971,520 characters');
    await expect(page.getByTestId('preset-menu')).toHaveValue('walkthrough');
    // The tab answers.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });

  test('pasted, or put in the address bar of an open app, it changes nothing and says why', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await pasteText(page, `https://example.org/#scenario=${bomb}`);
    await expect(page.getByTestId('notice')).toContainText('The pasted link could not be opened; nothing was changed.');
    await expect(page.getByTestId('notice')).toContainText('would be more than 20,971,520 characters');
    await page.getByRole('button', { name: 'Dismiss the message' }).click();
    await page.evaluate((b) => {
      window.location.hash = `scenario=${b}`;
    }, bomb);
    await expect(page.getByTestId('notice')).toContainText('would be more than 20,971,520 characters');
    await expect(page.getByTestId('preset-menu')).toHaveValue('mazur');
  });
});

test.describe('a saved session that cannot be read whole', () => {
  test('one bad view field: the scenario and the rest come back, a copy is kept and offered for download', async ({
    page,
  }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await clickEdge(page, '1:0:0');
    await typeInto(page, 'edit-weight', '0.7');
    // Wait for the save of the edit itself: the save of the preset choice (its weight 0.4) can
    // already be stored, and a copy of that one would rightly restore 0.4.
    await expect
      .poll(async () => {
        const doc = JSON.parse((await stored(page, SESSION_KEY)) ?? '{}') as {
          presetId?: string;
          scenario?: { weights?: number[][][] };
        };
        return [doc.presetId, doc.scenario?.weights?.[1]?.[0]?.[0]];
      })
      .toEqual(['mazur', 0.7]);
    const bad = await page.evaluate((key) => {
      const doc = JSON.parse(window.localStorage.getItem(key)!) as Record<string, unknown>;
      doc.position = 999999;
      return JSON.stringify(doc);
    }, SESSION_KEY);
    // Written after the page is gone (its last save on pagehide) and before the next one reads it.
    await page.addInitScript(
      ([key, text]) => {
        if (window.sessionStorage.getItem('bad-written') === null) {
          window.localStorage.setItem(key, text);
          window.sessionStorage.setItem('bad-written', '1');
        }
      },
      [SESSION_KEY, bad],
    );
    await page.reload();
    await expect(page.getByTestId('app')).toBeVisible();
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText(
      'Part of your saved session could not be restored: its scenario is back (reset: position)',
    );
    await expect(notice).toContainText('position: expected an integer in [0, ');
    await expect(page.getByTestId('preset-menu')).toHaveValue('mazur');
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.7');
    expect(await stored(page, BACKUP_KEY)).toBe(bad);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('notice-download').click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe('backprop-lab-saved-session.json');
    expect(readFileSync(await file.path()).toString('utf8')).toBe(bad);
  });

  test('a session of another version with nothing readable: the default preset, and the copy outlives the next save', async ({
    page,
  }) => {
    await openApp(page);
    const unreadable = '{"version":2,"model":{"layers":[3,2,1]}}';
    await page.evaluate(([key, text]) => window.localStorage.setItem(key, text), [SESSION_KEY, unreadable]);
    await page.reload();
    await expect(page.getByTestId('notice')).toContainText(
      'Your saved session could not be restored, so the default preset is shown. A copy of it is kept.',
    );
    await expect(page.getByTestId('notice-download')).toBeVisible();
    await clickEdge(page, '1:0:0');
    await typeInto(page, 'edit-weight', '0.5');
    await expect
      .poll(async () => (JSON.parse((await stored(page, SESSION_KEY)) ?? '{}') as { version?: number }).version)
      .toBe(1);
    expect(await stored(page, BACKUP_KEY)).toBe(unreadable);
  });
});

test('a link opened on a first visit is the session: a new tab without the link reopens it', async ({
  page,
  context,
}) => {
  const mazur = preset('mazur');
  await openApp(page, shareHash(mazur));
  await expect(edge(page, '0:0:0')).toHaveAttribute('data-weight', String(mazur.weights[0][0][0]));
  await expect.poll(() => stored(page, SESSION_KEY)).not.toBeNull();
  const second = await context.newPage();
  await openApp(second);
  await expect(edge(second, '0:0:0')).toHaveAttribute('data-weight', String(mazur.weights[0][0][0]));
  await expect(edge(second, '1:1:1')).toHaveAttribute('data-weight', String(mazur.weights[1][1][1]));
  await expect(second.getByTestId('notice')).toHaveCount(0);
});

test('a share link too long to pass around is not copied unasked; the file is offered and says why', async ({
  page,
}) => {
  let seed = 3;
  const random = () => Math.round((((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1) * 1e6) / 1e6;
  const wide = {
    format: 'backprop-scenario/1',
    title: 'Wide',
    layers: [
      { size: 48 },
      { size: 48, activation: 'tanh', bias: false },
      { size: 1, activation: 'sigmoid', bias: false },
    ],
    weights: [
      Array.from({ length: 48 }, () => Array.from({ length: 48 }, random)),
      [Array.from({ length: 48 }, random)],
    ],
    loss: 'bce',
    data: [{ x: Array.from({ length: 48 }, () => 0.5), y: [1] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  };
  await openApp(page, shareHash(wide));
  await page.getByTestId('share-button').click();
  const warning = page.getByTestId('share-too-long');
  await expect(warning).toContainText(
    /This link is [\d,]+ characters long: past 8,000, chat tools, e-mail and some browsers cut links short/,
  );
  await expect(page.getByTestId('share-status')).not.toContainText('Link copied');
  await expect(page.getByTestId('share-copy')).toHaveText('Copy anyway');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('share-file').click();
  const file = await downloading;
  const doc = JSON.parse(readFileSync(await file.path()).toString('utf8')) as typeof wide;
  expect(doc.weights).toEqual(wide.weights);
  // A small scenario's link is copied as before.
  await page.keyboard.press('Escape');
  await choosePreset(page, 'mazur');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-too-long')).toHaveCount(0);
  await expect(page.getByTestId('share-copy')).toHaveText('Copy');
});

test('control characters in the title and labels: the SVG is well-formed and the PNG is made', async ({ page }) => {
  const doc = JSON.parse(scenarioToJson(preset('mazur'))) as { title: string; layers: { labels?: string[] }[] };
  doc.title = 'Intro\u0001\u0008 & <b>\u000c';
  doc.layers[0].labels = ['i\u0002', 'i\u001b[31m'];
  doc.layers[1].labels = ['h\u0003', 'h2'];
  await openApp(page, shareHash(doc));
  await page.getByTestId('file-menu-button').click();
  let downloading = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const svg = readFileSync(await (await downloading).path()).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: d.querySelector('parsererror')?.textContent ?? null,
      title: d.querySelector('title')?.textContent ?? null,
    };
  }, svg);
  expect(parsed).toEqual({ error: null, title: 'Intro & <b>' });
  await page.getByTestId('file-menu-button').click();
  downloading = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const png = readFileSync(await (await downloading).path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
});
