/**
 * The data view's redraw rate (issue 12): the heatmap of a 2-8-8-1 tanh network on 200
 * points (circle, 60 of them test data) and the diagram's neuron pictures (17 nodes) redrawn
 * while it trains, in redraws per second, from the median time between two redraws during
 * one run (Train 10k, again until 2 s have passed). Goal ≥ 30 for both.
 */
import LZString from 'lz-string';
import type { Browser, Page } from 'playwright-core';
import { serializeScenario } from '../src/core/codec/serialize-scenario.ts';
import { generateDataset } from '../src/core/datasets/generate-dataset.ts';
import { loadPreset } from '../src/presets/index.ts';
import { median } from './measure.ts';

export interface HeatmapResult {
  readonly id: string;
  readonly label: string;
  /** heatmaps drawn per second while training, one per repetition */
  readonly framesPerSec: number[];
  /** the neuron pictures' redraws per second in the same runs */
  readonly picturesPerSec: number[];
}

/** A 2-8-8-1 tanh network on 200 circle points (140 training, 60 test), Xavier weights. */
export function heatmapDoc(): unknown {
  const g = generateDataset({
    generator: 'circle',
    count: 200,
    noise: 0.1,
    seed: 1,
    testFraction: 0.3,
    targets: 'sign',
  });
  if (!g.ok) throw new Error('bench data invalid');
  const base = loadPreset('playground')!;
  const { weights, biases, ...rest } = base;
  void weights;
  void biases;
  const layer = (size: number) => ({ size, activation: { type: 'tanh' as const }, bias: true });
  const sizes = [2, 8, 8, 1];
  return serializeScenario({
    ...rest,
    layers: [{ size: 2 }, layer(8), layer(8), layer(1)],
    init: { type: 'xavier', seed: 1 },
    weights: sizes.slice(1).map((n, l) => Array.from({ length: n }, () => new Array<number>(sizes[l]).fill(0))),
    biases: sizes.slice(1).map((n) => new Array<number>(n).fill(0)),
    data: g.value.data,
    testData: g.value.testData,
    batchSize: 10,
  } as typeof base);
}

const WINDOW_MS = 2000;

async function once(page: Page, url: string): Promise<[number, number]> {
  const hash = `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(heatmapDoc()))}`;
  await page.goto(`${url}/${hash}`);
  await page.getByTestId('tab-data').click();
  await page.getByTestId('data-point').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('neuron-pictures-toggle').check();
  await page.getByTestId('neuron-picture').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
  // Train 10k again and again until 2 s of training have passed; each heatmap drawn is timed (a
  // MutationObserver on data-frames), and the rate is 1 / the median gap between two heatmaps of
  // the same run (a run is short: the time to start its worker is not a redraw)
  const rate = await page.evaluate(`(async () => {
    const canvas = document.querySelector('[data-testid="data-heatmap"]');
    const diagram = document.querySelector('svg.bp-net');
    const summary = document.querySelector('[data-testid="loss-chart-summary"]');
    let stamps = [];
    let pstamps = [];
    const gaps = [];
    const pgaps = [];
    new MutationObserver(() => stamps.push(performance.now())).observe(canvas, { attributes: true, attributeFilter: ['data-frames'] });
    new MutationObserver(() => pstamps.push(performance.now())).observe(diagram, { attributes: true, attributeFilter: ['data-picture-frames'] });
    let time = 0;
    for (let run = 1; time < ${WINDOW_MS} && run <= 50; run++) {
      const t0 = performance.now();
      stamps = [];
      pstamps = [];
      document.querySelector('[data-testid="train-10000"]').click();
      const done = new RegExp('^' + run * 10000 + ' steps');
      await new Promise((resolve) => {
        const poll = () => (done.test(summary.textContent || '') ? resolve() : requestAnimationFrame(poll));
        poll();
      });
      await new Promise((r) => setTimeout(r, 50));
      time += performance.now() - t0;
      for (let k = 1; k < stamps.length; k++) gaps.push(stamps[k] - stamps[k - 1]);
      for (let k = 1; k < pstamps.length; k++) pgaps.push(pstamps[k] - pstamps[k - 1]);
    }
    const rate = (g) => {
      g.sort((a, b) => a - b);
      return g.length === 0 ? 0 : 1000 / g[Math.floor(g.length / 2)];
    };
    return [rate(gaps), rate(pgaps)];
  })()`);
  return rate as [number, number];
}

/** Heatmaps per second while training (`reps` fresh pages). */
export async function heatmapRate(
  browser: Browser,
  url: string,
  reps: number,
  newPage: (b: Browser) => Promise<Page>,
): Promise<HeatmapResult> {
  const rates: number[] = [];
  const pictures: number[] = [];
  for (let r = 0; r < reps; r++) {
    const page = await newPage(browser);
    const [heat, pics] = await once(page, url);
    rates.push(heat);
    pictures.push(pics);
    await page.context().close();
  }
  return {
    id: 'app-data-heatmap',
    label: '2-8-8-1 tanh, 200 points, Data tab, pictures on, Train 10k',
    framesPerSec: rates,
    picturesPerSec: pictures,
  };
}

export { median };
