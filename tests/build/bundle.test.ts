/**
 * The production bundle's budget (issue quality bar): initial JavaScript under 200 KB
 * gzipped, and KaTeX fonts as woff2 only. Runs the real `vite build` into a temp dir, then
 * scripts/bundle-report.mjs on it (the same check `node scripts/bundle-report.mjs` makes).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const reportScript = path.join(root, 'scripts', 'bundle-report.mjs');

interface Report {
  budgetBytes: number;
  initialGzip: number;
  withinBudget: boolean;
  woff2Only: boolean;
  nonWoff2Fonts: string[];
  fonts: { file: string; bytes: number }[];
  chunks: { file: string; initial: boolean; bytes: number; gzip: number }[];
  groups: { name: string; gzip: number }[];
}

/** Runs the report script; resolves with its exit code and output whatever the code. */
async function report(dir: string, ...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [reportScript, '--dir', dir, ...extra], {
      cwd: root,
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

let tmp = '';
let outDir = '';

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'backprop-bundle-test-'));
  outDir = path.join(tmp, 'dist');
  // Vitest sets NODE_ENV=test, and vite build keeps an inherited NODE_ENV: React's
  // development build would be measured.
  await run(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', '--logLevel', 'error'],
    {
      cwd: root,
      maxBuffer: 64 << 20,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('production bundle', () => {
  it('keeps the initial JavaScript under 200 KB gzipped and emits woff2 fonts only', async () => {
    const { code, stdout, stderr } = await report(outDir, '--json');
    expect(stderr).toBe('');
    const r = JSON.parse(stdout) as Report;
    const summary = `initial JS ${(r.initialGzip / 1024).toFixed(1)} KB gzip; largest: ${r.groups
      .slice(0, 4)
      .map((g) => `${g.name} ${(g.gzip / 1024).toFixed(1)} KB`)
      .join(', ')}`;
    expect(
      r.chunks.some((c) => c.initial),
      'an initial chunk',
    ).toBe(true);
    expect(r.initialGzip, summary).toBeLessThanOrEqual(200 * 1024);
    expect(r.nonWoff2Fonts).toEqual([]);
    expect(r.fonts.length, 'KaTeX woff2 fonts are emitted').toBeGreaterThan(0);
    expect(r.withinBudget && r.woff2Only).toBe(true);
    expect(code).toBe(0);
  });

  it('the per-module attribution accounts for the whole initial gzip size', async () => {
    const { stdout } = await report(outDir, '--json');
    const r = JSON.parse(stdout) as Report;
    const sum = r.groups.reduce((s, g) => s + g.gzip, 0);
    expect(Math.abs(sum - r.initialGzip)).toBeLessThan(2);
    const names = r.groups.map((g) => g.name);
    for (const pkg of ['react-dom', 'd3-selection', 'd3-zoom']) expect(names).toContain(pkg);
    // d3-scale's time scales and d3-zoom's transitions are not in the bundle.
    // d3-scale's time parts are tree-shaken away (only linear, sqrt and log scales are used)
    for (const pkg of ['d3-time', 'd3-time-format']) expect(names).not.toContain(pkg);
  });

  it('the report script fails on a non-woff2 font and on an over-budget initial chunk', async () => {
    const fake = path.join(tmp, 'fake');
    mkdirSync(path.join(fake, 'assets'), { recursive: true });
    writeFileSync(path.join(fake, 'index.html'), '<script type="module" crossorigin src="./assets/index.js"></script>');
    writeFileSync(path.join(fake, 'assets', 'index.js'), 'console.log(1);\n');
    writeFileSync(path.join(fake, 'assets', 'KaTeX_Main-Regular.woff2'), 'x');
    expect((await report(fake)).code).toBe(0);
    writeFileSync(path.join(fake, 'assets', 'KaTeX_Main-Regular.ttf'), 'x');
    const fonts = await report(fake);
    expect(fonts.code).toBe(1);
    expect(fonts.stdout).toContain('KaTeX_Main-Regular.ttf');
    rmSync(path.join(fake, 'assets', 'KaTeX_Main-Regular.ttf'));
    // ~260 KB of random bytes, base64 in a string: far over budget even gzipped.
    writeFileSync(
      path.join(fake, 'assets', 'index.js'),
      `var a=${JSON.stringify(randomBytes(260_000).toString('base64'))};\n`,
    );
    const big = await report(fake);
    expect(big.code).toBe(1);
    expect(big.stdout).toMatch(/MISS\s+initial JS/);
  });
});
