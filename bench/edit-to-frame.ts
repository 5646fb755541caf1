/**
 * Edit-to-frame time in headless Chromium: from a weight edit, as a drag delivers it, to the
 * end of the next frame's rendering with every diagram label updated. Median and 95th
 * percentile over 100 edits, on a classroom network (~150 edges) and a ~1,000-edge one.
 *
 * How: build the production app (vite build), serve it on 127.0.0.1, open it in Debian's
 * Chromium with a share link (#scenario=…, made by the app's own scenarioHash), jump to the
 * end of the iteration (every forward, backward and update value shown), select the edge
 * 1:0:0, and press the mouse (a real, trusted pointerdown through the DevTools protocol) on
 * its value label, which starts the app's scrub. Then once per frame, inside a
 * requestAnimationFrame callback — where Chromium delivers a drag's rAF-aligned pointermoves —
 * t0 = performance.now(), dispatch a pointermove 2 px further right on the label, and queue a
 * task. The pointermove runs the app's real path: the diagram's pointer handler →
 * store.setWeight → the store subscription → the diagram update, then React's re-render of
 * the panels (a microtask). The queued task is a user-blocking scheduler.postTask, which runs
 * first after the frame's style, layout, pre-paint, paint and commit (ahead of any React work
 * already queued); there t1 = performance.now(), and t1 − t0 is the sample. Each sample is
 * checked: the edge's label text and the loss's data-loss both changed (the edge's data-*
 * numbers, like its accessible name, are written when the drag rests).
 * Not included: rasterization and display, which run off the main thread (here in software).
 * The math panel typesets a deferred copy on purpose (useDeferredValue): that work runs
 * between frames, and what it leaves to lay out and paint lands in the next frame.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { initWeights, mulberry32 } from '../src/core/init.ts';
import { SCENARIO_FORMAT, type Activation, type DenseLayer, type Sample, type Scenario } from '../src/core/scenario.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { scrubLabelPoint } from '../scripts/scrub-point.mjs';
import { scenarioHash } from '../src/store/share-link.ts';
import { buildApp, serveDir, type StaticServer } from './browser-app.ts';
import {
  attributeProfile,
  summarizeTrace,
  type CpuProfile,
  type ProfileRow,
  type TraceEvent,
  type TraceSummary,
} from './browser-profile.ts';

export { CHROMIUM_PATH };
export const VIEWPORT = { width: 1366, height: 768 };
export const EDITS = 100;
export const WARMUP_EDITS = 10;
const STEP_PX = 2;
const EDGE_KEY = '1:0:0';

export interface EditCase {
  readonly id: string;
  readonly label: string;
  readonly sizes: readonly number[];
  readonly edges: number;
  readonly biases: number;
  readonly samples: number;
  readonly scenario: Scenario;
  readonly goalMedianMs: number;
  readonly goalP95Ms: number | null;
}

export interface EditProfile {
  /** main-thread self time per timeline event inside the 100 timed windows */
  readonly trace: TraceSummary;
  /** self time per function over the whole profiled drag (between frames too) */
  readonly functions: ProfileRow[];
}

export interface EditResult {
  readonly id: string;
  readonly label: string;
  readonly edges: number;
  readonly biases: number;
  readonly samples: number;
  /** true: a diagnostic run with the math panel closed (the Settings panel in its place); no goal */
  readonly mathHidden: boolean;
  /** the diagram's texts on screen: node names and values, edge and bias labels, the loss */
  readonly labelsShown: number;
  readonly edits: number;
  readonly ms: number[];
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** median time between the frames of the drag: the drag's frame rate is 1000 / this */
  readonly frameIntervalMs: number;
  readonly goalMedianMs: number | null;
  readonly goalP95Ms: number | null;
  /** null for a diagnostic run */
  readonly pass: boolean | null;
  /** samples whose edge label or loss had not changed by the end of the frame */
  readonly checksFailed: number;
  readonly profile?: EditProfile;
}

export interface EditToFrameReport {
  readonly browser: string;
  /** the share of all cores' time spent busy over 1 s just before the runs: other processes compete for the CPU */
  readonly cpuBusyBefore: number;
  readonly loadAverage: number;
  readonly cores: number;
  readonly results: EditResult[];
}

function dense(size: number, activation: Activation['type'], bias: boolean): DenseLayer {
  return { size, activation: { type: activation } as Activation, bias };
}

/** Tanh hidden layers, a sigmoid output, biases, xavier weights (seed 1), bce on `samples` seeded points, SGD 0.1. */
function editCase(
  id: string,
  label: string,
  sizes: number[],
  samples: number,
  goalMedianMs: number,
  goalP95Ms: number | null,
): EditCase {
  const layers: Scenario['layers'] = [{ size: sizes[0] }];
  for (let l = 1; l < sizes.length; l++)
    layers.push(dense(sizes[l], l === sizes.length - 1 ? 'sigmoid' : 'tanh', true));
  const draw = mulberry32(11);
  const data: Sample[] = [];
  for (let s = 0; s < samples; s++) {
    data.push({ x: Array.from({ length: sizes[0] }, () => Math.round((2 * draw() - 1) * 100) / 100), y: [s % 2] });
  }
  const biases = sizes.slice(1).map((n) => Array.from({ length: n }, () => Math.round((draw() - 0.5) * 20) / 100));
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    title: label,
    layers,
    weights: initWeights({ type: 'xavier', seed: 1 }, sizes),
    biases,
    loss: 'bce',
    reduction: 'mean',
    data,
    optimizer: { type: 'sgd', learningRate: 0.1 },
  };
  let edges = 0;
  for (let l = 0; l + 1 < sizes.length; l++) edges += sizes[l] * sizes[l + 1];
  const biasCount = sizes.slice(1).reduce((a, b) => a + b, 0);
  return { id, label, sizes, edges, biases: biasCount, samples, scenario, goalMedianMs, goalP95Ms };
}

/** The two networks of the goals: 4-10-10-1 (150 edges) and 16-16-16-16-16-1 (1,040 edges). */
export function editCases(): EditCase[] {
  return [
    editCase('edit-150', '4-10-10-1, 150 edges', [4, 10, 10, 1], 6, 8, 16),
    editCase('edit-1000', '16-16-16-16-16-1, 1,040 edges', [16, 16, 16, 16, 16, 1], 6, 33, null),
  ];
}

/** The q-quantile, linear between order statistics (q = 0.5: the median). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

interface DragResult {
  samples: { ms: number; ok: boolean }[];
  /** rAF timestamps of the drag's frames */
  frameTimes: number[];
}

/** Opens the case at the end of the iteration with the edge selected; returns a point of its value label and the labels shown. */
async function prepare(
  page: Page,
  base: string,
  c: EditCase,
  hideMath: boolean,
): Promise<{ x: number; y: number; labelsShown: number }> {
  await page.goto(`${base}/index.html${scenarioHash(c.scenario)}`);
  const edge = page.locator(`[data-edge="${EDGE_KEY}"]`);
  await edge.waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Jump to the end of the iteration' }).click();
  // A click event on the edge's group: in a dense network its centre may lie under a crossing edge.
  await edge.dispatchEvent('click');
  await page.waitForFunction(
    (key) => document.querySelector(`[data-edge="${key}"]`)?.getAttribute('aria-pressed') === 'true',
    EDGE_KEY,
  );
  if (hideMath) {
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('math-panel').waitFor({ state: 'detached' });
  }
  const point = await scrubLabelPoint(page);
  if (!point) throw new Error(`${c.id}: the selected edge's value label is covered; cannot start a drag on it`);
  const labelsShown = await page.evaluate(
    () =>
      [...document.querySelectorAll('svg .bp-overlay text')].filter(
        (el) =>
          (el.textContent ?? '') !== '' &&
          !el.closest('[display="none"]') &&
          (el as SVGGraphicsElement).getBBox().width > 0,
      ).length,
  );
  return { ...point, labelsShown };
}

/**
 * A drag of `edits` frames on the pressed label: one pointermove per frame, each timed from
 * its dispatch to the first task after its frame. `marks`: user-timing marks around each
 * timed window, for the trace.
 */
async function drag(page: Page, edits: number, x: number, y: number, marks = false): Promise<DragResult> {
  return page.evaluate(
    async ({ edits, x, y, step, edgeKey, marks }) => {
      const label = document.querySelector('svg [data-scrub]');
      const edge = document.querySelector(`[data-edge="${edgeKey}"]`);
      const value = label?.querySelector('.bp-label-value');
      const loss = document.querySelector('svg [data-loss]');
      if (!label || !edge || !value) throw new Error('drag: the scrub label or the edge is missing');
      const pointerId = (window as unknown as { __benchPointerId?: number }).__benchPointerId ?? 1;
      // A user-blocking task runs before the default-priority tasks already queued (React's
      // deferred renders among them); a MessageChannel message where postTask is missing.
      const sched = (
        globalThis as unknown as { scheduler?: { postTask(cb: () => void, o: { priority: string }): Promise<void> } }
      ).scheduler;
      const channel = new MessageChannel();
      const afterFrame = (cb: () => void): void => {
        if (sched) {
          void sched.postTask(cb, { priority: 'user-blocking' });
        } else {
          channel.port1.onmessage = cb;
          channel.port2.postMessage(0);
        }
      };
      const samples: { ms: number; ok: boolean }[] = [];
      const frameTimes: number[] = [];
      for (let k = 1; k <= edits; k++) {
        const sample = await new Promise<{ ms: number; ok: boolean }>((resolve) => {
          requestAnimationFrame((frameTime) => {
            frameTimes.push(frameTime);
            const v0 = value.textContent;
            const l0 = loss?.getAttribute('data-loss') ?? null;
            if (marks) performance.mark('bench-edit-start');
            const t0 = performance.now();
            label.dispatchEvent(
              new PointerEvent('pointermove', {
                bubbles: true,
                cancelable: true,
                composed: true,
                pointerId,
                pointerType: 'mouse',
                isPrimary: true,
                clientX: x + k * step,
                clientY: y,
                buttons: 1,
              }),
            );
            afterFrame(() => {
              const ms = performance.now() - t0;
              if (marks) performance.mark('bench-edit-end');
              const ok = value.textContent !== v0 && (loss === null || loss.getAttribute('data-loss') !== l0);
              resolve({ ms, ok });
            });
          });
        });
        samples.push(sample);
      }
      channel.port1.close();
      return { samples, frameTimes };
    },
    { edits, x, y, step: STEP_PX, edgeKey: EDGE_KEY, marks },
  );
}

/** Presses the mouse on the label (a trusted pointerdown, which the scrub captures), runs `fn`, releases. */
async function withPress<T>(page: Page, x: number, y: number, fn: () => Promise<T>): Promise<T> {
  await page.evaluate(() => {
    document.querySelector('svg')?.addEventListener(
      'pointerdown',
      (ev) => {
        (window as unknown as { __benchPointerId?: number }).__benchPointerId = ev.pointerId;
      },
      { capture: true, once: true },
    );
  });
  await page.mouse.move(x, y);
  await page.mouse.down();
  try {
    return await fn();
  } finally {
    await page.mouse.up();
  }
}

async function loadSourceMaps(outDir: string): Promise<Map<string, { map: unknown }>> {
  const maps = new Map<string, { map: unknown }>();
  const assets = path.join(outDir, 'assets');
  for (const f of await readdir(assets)) {
    if (f.endsWith('.js.map'))
      maps.set(f.slice(0, -'.map'.length), { map: JSON.parse(await readFile(path.join(assets, f), 'utf8')) });
  }
  return maps;
}

/** Another drag of EDITS edits under the DevTools Profiler (100 µs sampling) and a timeline trace. */
async function profileDrag(
  context: BrowserContext,
  page: Page,
  x: number,
  y: number,
  outDir: string,
  saveAs: string | null,
): Promise<EditProfile> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const traceEvents: TraceEvent[] = [];
    const onData = (e: { value: object[] }): void => {
      for (const ev of e.value) traceEvents.push(ev as TraceEvent);
    };
    cdp.on('Tracing.dataCollected', onData);
    const traceDone = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'v8.execute',
        ],
        recordMode: 'recordAsMuchAsPossible',
      },
      transferMode: 'ReportEvents',
    });
    await cdp.send('Profiler.start');
    await withPress(page, x, y, () => drag(page, EDITS, x, y, true));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.send('Tracing.end');
    await traceDone;
    cdp.off('Tracing.dataCollected', onData);
    await cdp.send('Profiler.disable');
    if (saveAs) {
      await mkdir(path.dirname(saveAs), { recursive: true });
      await writeFile(`${saveAs}.trace.json`, JSON.stringify({ traceEvents }));
      await writeFile(`${saveAs}.cpuprofile`, JSON.stringify(profile));
    }
    return { trace: summarizeTrace(traceEvents), functions: attributeProfile(profile, await loadSourceMaps(outDir)) };
  } finally {
    await cdp.detach();
  }
}

interface RunCaseOptions {
  readonly hideMath: boolean;
  readonly profile: 'auto' | 'always' | 'never';
  readonly traceDir: string | null;
}

async function runCase(
  browser: Browser,
  base: string,
  c: EditCase,
  outDir: string,
  o: RunCaseOptions,
): Promise<EditResult> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const { x, y, labelsShown } = await prepare(page, base, c, o.hideMath);
    await withPress(page, x, y, () => drag(page, WARMUP_EDITS, x, y));
    const { samples, frameTimes } = await withPress(page, x, y, () => drag(page, EDITS, x, y));
    if (errors.length) throw new Error(`${c.id}: errors in the page: ${errors.join('; ')}`);
    const ms = samples.map((s) => s.ms);
    const medianMs = quantile(ms, 0.5);
    const p95Ms = quantile(ms, 0.95);
    const checksFailed = samples.filter((s) => !s.ok).length;
    const pass = o.hideMath
      ? null
      : medianMs < c.goalMedianMs && (c.goalP95Ms === null || p95Ms < c.goalP95Ms) && checksFailed === 0;
    const intervals = frameTimes.slice(1).map((t, k) => t - frameTimes[k]);
    let profile: EditProfile | undefined;
    if (o.profile === 'always' || (o.profile === 'auto' && pass === false)) {
      const saveAs = o.traceDir ? path.join(o.traceDir, `${c.id}${o.hideMath ? '-math-hidden' : ''}`) : null;
      profile = await profileDrag(context, page, x, y, outDir, saveAs);
    }
    return {
      id: o.hideMath ? `${c.id}-math-hidden` : c.id,
      label: o.hideMath ? `${c.label}, math panel closed` : c.label,
      edges: c.edges,
      biases: c.biases,
      samples: c.samples,
      mathHidden: o.hideMath,
      labelsShown,
      edits: ms.length,
      ms,
      medianMs,
      p95Ms,
      minMs: Math.min(...ms),
      maxMs: Math.max(...ms),
      frameIntervalMs: quantile(intervals, 0.5),
      goalMedianMs: o.hideMath ? null : c.goalMedianMs,
      goalP95Ms: o.hideMath ? null : c.goalP95Ms,
      pass,
      checksFailed,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await context.close();
  }
}

export interface EditToFrameOptions {
  /** the project root (vite builds it; playwright-core is loaded from its node_modules); default: the working directory */
  readonly root?: string;
  /** case ids to run (null: all) */
  readonly only?: readonly string[] | null;
  /** profile another drag: when a goal is missed (auto), always, or never */
  readonly profile?: 'auto' | 'always' | 'never';
  /**
   * also time each case with the math panel closed, to show its share: when a goal is
   * missed (auto), always, or never
   */
  readonly diagnose?: 'auto' | 'always' | 'never';
  /** write the raw trace (.trace.json, for the DevTools Performance panel) and the .cpuprofile of each profiled drag here */
  readonly traceDir?: string | null;
  /** bench this existing build (with its source maps) instead of building one */
  readonly appDir?: string | null;
  readonly progress?: (s: string) => void;
}

/** The share of all cores' time spent busy over `ms` (from os.cpus() counters). */
async function cpuBusy(ms: number): Promise<number> {
  const sum = (): { busy: number; total: number } => {
    let busy = 0;
    let total = 0;
    for (const c of os.cpus()) {
      const t = c.times;
      busy += t.user + t.nice + t.sys + t.irq;
      total += t.user + t.nice + t.sys + t.irq + t.idle;
    }
    return { busy, total };
  };
  const a = sum();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = sum();
  return b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
}

/** Builds and serves the app, runs the cases in one headless Chromium, cleans up. */
export async function runEditToFrame(options: EditToFrameOptions = {}): Promise<EditToFrameReport> {
  const root = path.resolve(options.root ?? process.cwd());
  // Loaded from the project rather than bundled: this file runs as an esbuild bundle in a temp dir.
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  const { chromium } = requireFromRoot('playwright-core') as typeof import('playwright-core');
  const cases = editCases().filter((c) => !options.only || options.only.includes(c.id));
  const profile = options.profile ?? 'auto';
  const diagnose = options.diagnose ?? 'auto';
  const traceDir = options.traceDir ? path.resolve(options.traceDir) : null;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'backprop-bench-app-'));
  const outDir = options.appDir ? path.resolve(options.appDir) : path.join(tmp, 'dist');
  let browser: Browser | null = null;
  let server: StaticServer | null = null;
  try {
    if (!options.appDir) {
      options.progress?.('edit-to-frame: building the app (vite build)…');
      await buildApp(root, outDir);
    }
    server = await serveDir(outDir);
    options.progress?.('edit-to-frame: starting Chromium…');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    const cpuBusyBefore = await cpuBusy(1000);
    const loadAverage = os.loadavg()[0];
    const results: EditResult[] = [];
    for (const c of cases) {
      options.progress?.(`edit-to-frame: ${c.id}…`);
      const r = await runCase(browser, server.url, c, outDir, { hideMath: false, profile, traceDir });
      results.push(r);
      if (diagnose === 'always' || (diagnose === 'auto' && r.pass === false)) {
        options.progress?.(`edit-to-frame: ${c.id}, math panel closed…`);
        results.push(
          await runCase(browser, server.url, c, outDir, {
            hideMath: true,
            profile: profile === 'never' ? 'never' : 'always',
            traceDir,
          }),
        );
      }
    }
    return { browser: `Chromium ${browser.version()}`, cpuBusyBefore, loadAverage, cores: os.cpus().length, results };
  } finally {
    await browser?.close();
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
