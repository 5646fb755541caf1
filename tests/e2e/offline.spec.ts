import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { choosePreset, clickEdge } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Offline and hosting: once loaded, the built app runs with no network (its service worker
 * serves every file from the cache, fonts included), and the built folder works from any
 * path (here /sub/), since every URL in it is relative.
 */

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

/** Waits for the service worker to be active and to control the page, reloading once if it is not yet. */
async function waitForWorker(page: Page): Promise<string> {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
  return scope;
}

/** With the network gone: reloads, then checks the diagram, a preset switch, and an edge's typeset derivation. */
async function expectWorksOffline(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByTestId('app')).toBeVisible();
  await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
  await choosePreset(page, 'mazur');
  await expect(page.locator('[data-node="2:1"]')).toHaveCount(1);
  await clickEdge(page, '1:0:0');
  await expect(page.getByTestId('derivation-title')).toContainText('w₅');
  await expect(page.getByTestId('math-panel').locator('.katex').first()).toBeVisible();
  // KaTeX's fonts come from the cache too: none failed to load.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.includes('KaTeX')).map((f) => f.status);
  });
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((s) => s === 'error')).toEqual([]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** A static server of dist/ under /sub/ only, as a host that puts the app in a folder would. */
function serveUnderSub(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/sub/')) {
      res.writeHead(404).end();
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice('/sub/'.length)) || 'index.html';
    const file = path.resolve(dist, rel);
    if (!file.startsWith(dist + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test.describe('offline', () => {
  test('once loaded, the app works with the network off', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('app')).toBeVisible();
    await waitForWorker(page);
    await expectWorksOffline(page);
  });
});

test.describe('hosting from a sub-path', () => {
  let server: Server;
  let origin = '';
  test.beforeAll(async () => {
    server = await serveUnderSub();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('every URL in index.html, the manifest and sw.js is relative', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
    expect(urls.length).toBeGreaterThan(3);
    for (const u of urls) expect(u, `index.html: ${u}`).toMatch(/^\.\//);
    expect(urls).toContain('./manifest.webmanifest');
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8')) as {
      start_url: string;
      scope: string;
      display: string;
      name: string;
      icons: { src: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Backprop Lab', start_url: './', display: 'standalone' });
    for (const u of [manifest.start_url, manifest.scope, ...manifest.icons.map((i) => i.src)])
      expect(u, `manifest: ${u}`).not.toMatch(/^(\/|[a-z]+:)/);
    const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
    const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(sw)?.[1] ?? '[]') as string[];
    for (const u of precache) expect(u, `sw.js: ${u}`).toMatch(/^\.\//);
    for (const f of ['./', './index.html', './manifest.webmanifest', './icon.svg', './backprop-scenario-1.schema.json'])
      expect(precache).toContain(f);
    expect(precache.some((u) => u.endsWith('.woff2'))).toBe(true);
    expect(precache.some((u) => u.endsWith('.css'))).toBe(true);
  });

  test('the built folder runs under /sub/, online and then offline', async ({ page }) => {
    await page.goto(`${origin}/sub/`);
    await expect(page.getByTestId('app')).toBeVisible();
    await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
    expect(await waitForWorker(page)).toBe(`${origin}/sub/`);
    await expectWorksOffline(page);
  });
});
