#!/usr/bin/env node
// `npm test`: unit + component tests (vitest), then browser tests (playwright
// on Debian's Chromium). Output streams as it comes; the last line is a plain
// `N passed, M failed` summary (counting tests). Exits with the first non-zero
// status of the steps.
//
//   npm test                      both suites
//   npm test -- --unit-only       vitest only
//   npm test -- --e2e-only        playwright only
//   npm test -- <args...>         other args go to each runner that runs,
//                                 e.g. `npm test -- --e2e-only smoke`
//
// Env: CHROMIUM_PATH overrides /usr/bin/chromium (playwright.config.ts reads it too).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH as chromiumPath } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit-only');
const e2eOnly = args.includes('--e2e-only');
const passThrough = args.filter((a) => a !== '--unit-only' && a !== '--e2e-only');
if (unitOnly && e2eOnly) {
  console.error('scripts/test.mjs: --unit-only and --e2e-only cannot be used together.');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'backprop-lab-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
let exitCode = 0;

/** Prefer the project's own binary (no npm start-up noise); fall back to npx. */
function bin(name) {
  const local = join(root, 'node_modules', '.bin', name);
  return existsSync(local) ? { cmd: local, pre: [] } : { cmd: 'npx', pre: [name] };
}

function run(name, runnerArgs, env = {}) {
  const { cmd, pre } = bin(name);
  console.log(`\n> ${[pre.length ? 'npx' : name, ...pre, ...runnerArgs].join(' ')}\n`);
  const result = spawnSync(cmd, [...pre, ...runnerArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) {
    console.error(`scripts/test.mjs: could not start ${name}: ${result.error.message}`);
    return 1;
  }
  if (result.status === null) {
    console.error(`scripts/test.mjs: ${name} was killed by ${result.signal}`);
    return 1;
  }
  return result.status;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Adds one runner's counts; a failed runner whose counts are unreadable (or
 * that failed outside any test, e.g. a crash or a broken import) counts as
 * one failure so the summary never reads `0 failed` on a failing run. */
function tally(label, status, counts) {
  if (status !== 0 && exitCode === 0) exitCode = status;
  if (!counts) {
    notes.push(`${label}: test counts unavailable (exit ${status})`);
    if (status !== 0) totals.failed += 1;
    return;
  }
  let { passed, failed, skipped } = counts;
  if (status !== 0 && failed === 0) {
    notes.push(`${label}: exited ${status} with no failing test (setup, import or config error?)`);
    failed = 1;
  }
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  notes.push(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped (exit ${status})`);
}

function unit() {
  const out = join(work, 'vitest.json');
  const status = run('vitest', [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...passThrough,
  ]);
  const json = readJson(out);
  const counts =
    json && typeof json.numPassedTests === 'number'
      ? {
          passed: json.numPassedTests,
          failed: json.numFailedTests ?? 0,
          skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
        }
      : null;
  tally('unit (vitest)', status, counts);
}

function chromiumAvailable() {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function e2e() {
  if (!chromiumAvailable()) {
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH (${chromiumPath})` : chromiumPath;
    console.error(
      [
        '',
        '------------------------------------------------------------------',
        ` The browser tests need Debian's Chromium, and ${where} was not found.`,
        ' Install it with:',
        '',
        '     sudo apt-get update && sudo apt-get install -y chromium',
        '',
        ' or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
        " (Do not run `npx playwright install`: browser downloads don't work here.)",
        ' To run only the unit tests meanwhile: npm test -- --unit-only',
        '------------------------------------------------------------------',
        process.env.CI ? ' CI: this is a failure.' : ' Not skipping silently: counting this as a failure.',
        '',
      ].join('\n'),
    );
    tally('e2e (playwright)', 1, null);
    notes[notes.length - 1] = `e2e (playwright): NOT RUN, Chromium missing at ${chromiumPath}`;
    return;
  }
  const out = join(work, 'playwright.json');
  const status = run('playwright', ['test', '--reporter=list,json', ...passThrough], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const stats = readJson(out)?.stats;
  const counts =
    stats && typeof stats.expected === 'number'
      ? {
          passed: stats.expected + (stats.flaky ?? 0),
          failed: stats.unexpected ?? 0,
          skipped: stats.skipped ?? 0,
        }
      : null;
  tally('e2e (playwright)', status, counts);
}

try {
  if (!e2eOnly) unit();
  if (!unitOnly) e2e();
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('');
for (const note of notes) console.log(note);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);
