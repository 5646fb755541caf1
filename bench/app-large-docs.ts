/**
 * The largest documents the scenario format allows, through every way they arrive (issue 11):
 * a file picked, pasted or dropped at the import cap, undo and redo across a million-parameter
 * scenario, and a reload with one saved in the session. Each case: from the gesture to a usable
 * page (the layer blocks, the step caption and an enabled Train 1), and the longest main-thread
 * task meanwhile.
 */
import type { Browser, Page } from 'playwright-core';
import { nearMillion } from './app-networks.ts';

type Doc = Record<string, unknown>;

export interface LargeDocResult {
  readonly id: string;
  readonly label: string;
  readonly how: string;
  readonly usableMs: number[];
  readonly longestTaskMs: number[];
}

/** The import cap of src/components/import-scenario.ts (MAX_IMPORT_BYTES). */
const IMPORT_CAP = 20 * 1024 * 1024;

/** A deterministic number with all 17 significant digits a double can need, in [-1, 1). */
const longNumber = (k: number) => Number((Math.sin(k * 12.9898) * 0.999999999).toPrecision(17));

/**
 * The most parameters with the longest numbers that fit the import cap: 2-997-997-1 (998,995
 * weights and biases) with every weight and bias written out, 17 significant digits each.
 */
export function maxParametersDoc(): Doc {
  const sizes = [2, 997, 997, 1];
  let k = 0;
  const weights = sizes
    .slice(1)
    .map((n, l) => Array.from({ length: n }, () => Array.from({ length: sizes[l] }, () => longNumber(k++))));
  const biases = sizes.slice(1).map((n) => Array.from({ length: n }, () => longNumber(k++)));
  const doc = nearMillion();
  delete doc.init;
  const full = { ...doc, title: 'the most parameters, written out', weights, biases };
  const size = JSON.stringify(full).length;
  if (size > IMPORT_CAP) throw new Error(`maxParametersDoc is ${size} bytes, over the import cap`);
  return full;
}

/** The format's 100,000 samples (its limit), each as long as keeps the file under the import cap. */
export function maxSamplesDoc(): Doc {
  const nIn = 8;
  const data = Array.from({ length: 100_000 }, (_, s) => ({
    x: Array.from({ length: nIn }, (_, i) => longNumber(s * 16 + i)),
    y: [longNumber(s * 16 + 9)],
  }));
  const doc: Doc = {
    format: 'backprop-scenario/1',
    title: 'the most samples, with long numbers',
    layers: [
      { size: nIn },
      { size: 16, activation: 'tanh', bias: true },
      { size: 1, activation: 'identity', bias: true },
    ],
    init: { type: 'xavier', seed: 7 },
    loss: 'mse',
    data,
    batchSize: 32,
    optimizer: { type: 'sgd', learningRate: 0.01 },
  };
  const size = JSON.stringify(doc).length;
  if (size > IMPORT_CAP) throw new Error(`maxSamplesDoc is ${size} bytes, over the import cap`);
  return doc;
}

/** Waits in the page for a usable page showing `title` in the block diagram's note or the step caption… resolves to performance.now(). */
const waitUsableScript = `({ limit, blocks }) => new Promise((resolve, reject) => {
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  const until = performance.now() + limit;
  const poll = () => {
    const train = q('train-1');
    const ready = q('step-caption') && train && !train.disabled && !q('opening') && (blocks ? q('layer-blocks-note') : !q('layer-blocks-note'));
    if (ready) resolve(performance.now());
    else if (performance.now() > until) reject(new Error('the page never became usable'));
    else requestAnimationFrame(poll);
  };
  poll();
})`;

const WAIT_MS = 120_000;

type FreshPage = (browser: Browser) => Promise<Page>;

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('train-1').waitFor({ state: 'visible', timeout: WAIT_MS });
}

const waitUsable = (page: Page, blocks: boolean) =>
  page.evaluate(`(${waitUsableScript})(${JSON.stringify({ limit: WAIT_MS, blocks })})`) as Promise<number>;
const now = (page: Page) => page.evaluate('performance.now()') as Promise<number>;
const longestSince = (page: Page, t0: number) => page.evaluate(`window.__longestSince(${t0})`) as Promise<number>;

/** One import of `doc` by `how`, from the gesture to a usable page. */
async function importOnce(
  page: Page,
  url: string,
  doc: Doc,
  how: 'file' | 'paste' | 'drop',
  blocks: boolean,
): Promise<[number, number]> {
  await openApp(page, url);
  await page.waitForTimeout(500);
  const text = JSON.stringify(doc);
  // The text is handed to the page first (its transfer is not the app's work: Playwright's
  // setInputFiles decodes a 19 MB buffer from base64 in the page, one task of 5-11 s), then the
  // gesture: the file input given the file as a pick would give it, a paste, or a drop.
  await page.evaluate((t) => ((window as unknown as { __doc: string }).__doc = t), text);
  await page.waitForTimeout(500);
  const t0 = await now(page);
  await page.evaluate(
    ({ mode }) => {
      const t = (window as unknown as { __doc: string }).__doc;
      const data = new DataTransfer();
      if (mode === 'file') {
        data.items.add(new File([t], 'big.json', { type: 'application/json' }));
        const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
        input.files = data.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (mode === 'paste') {
        data.setData('text/plain', t);
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      } else {
        data.items.add(new File([t], 'big.json', { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop'])
          window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { mode: how },
  );
  const t1 = await waitUsable(page, blocks);
  await page.waitForTimeout(1000);
  return [t1 - t0, await longestSince(page, t0)];
}

async function repeat(
  browser: Browser,
  fresh: FreshPage,
  reps: number,
  once: (page: Page) => Promise<[number, number]>,
): Promise<{ usableMs: number[]; longestTaskMs: number[] }> {
  const usableMs: number[] = [];
  const longestTaskMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const page = await fresh(browser);
    const [u, l] = await once(page);
    usableMs.push(u);
    longestTaskMs.push(l);
    await page.context().close();
  }
  return { usableMs, longestTaskMs };
}

/** Opens the app, then the near-million network from a file; returns once that is usable. */
async function openNearMillion(page: Page, url: string): Promise<void> {
  await openApp(page, url);
  await page.getByTestId('import-file').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(nearMillion())),
  });
  await waitUsable(page, true);
}

/** Opens the near-million network (a file), then the XOR preset; returns once that is shown. */
async function largeThenSmall(page: Page, url: string): Promise<void> {
  await openNearMillion(page, url);
  await page.getByTestId('preset-menu').selectOption('playground-xor');
  await waitUsable(page, false);
  await page.waitForTimeout(500);
}

export const LARGE_DOC_CASES = [
  'app-import-max',
  'app-paste-max',
  'app-drop-max',
  'app-import-samples',
  'app-undo-1m',
  'app-redo-1m',
  'app-reload-1m',
] as const;

export async function largeDocs(
  browser: Browser,
  url: string,
  reps: number,
  fresh: FreshPage,
  want: (id: string) => boolean,
  progress?: (s: string) => void,
): Promise<LargeDocResult[]> {
  const out: LargeDocResult[] = [];
  const maxParams = want('app-import-max') || want('app-paste-max') || want('app-drop-max') ? maxParametersDoc() : null;
  const bytes = (d: Doc) => `${(JSON.stringify(d).length / 1024 / 1024).toFixed(1)} MB`;
  for (const [id, how] of [
    ['app-import-max', 'file'],
    ['app-paste-max', 'paste'],
    ['app-drop-max', 'drop'],
  ] as const) {
    if (!want(id) || maxParams === null) continue;
    progress?.(`app speed: ${id}…`);
    const r = await repeat(browser, fresh, reps, (page) => importOnce(page, url, maxParams, how, true));
    out.push({ id, label: `2-997-997-1 written out (${bytes(maxParams)}), ${how}`, how, ...r });
  }
  if (want('app-import-samples')) {
    progress?.('app speed: app-import-samples…');
    const doc = maxSamplesDoc();
    const r = await repeat(browser, fresh, reps, (page) => importOnce(page, url, doc, 'file', false));
    out.push({ id: 'app-import-samples', label: `100,000 samples of 8+1 (${bytes(doc)}), file`, how: 'file', ...r });
  }
  if (want('app-undo-1m') || want('app-redo-1m')) {
    progress?.('app speed: app-undo-1m / app-redo-1m…');
    const undo: [number[], number[]] = [[], []];
    const redo: [number[], number[]] = [[], []];
    for (let r = 0; r < reps; r++) {
      const page = await fresh(browser);
      await largeThenSmall(page, url);
      let t0 = await now(page);
      await page.getByTestId('undo').click();
      undo[0].push((await waitUsable(page, true)) - t0);
      await page.waitForTimeout(1000);
      undo[1].push(await longestSince(page, t0));
      // redo off the large one, undo back onto it and once more onto the page's first preset: then redo onto the large one
      await page.getByTestId('redo').click();
      await waitUsable(page, false);
      await page.getByTestId('undo').click();
      await waitUsable(page, true);
      await page.getByTestId('undo').click(); // onto the preset shown first
      await waitUsable(page, false);
      await page.waitForTimeout(500);
      t0 = await now(page);
      await page.getByTestId('redo').click();
      redo[0].push((await waitUsable(page, true)) - t0);
      await page.waitForTimeout(1000);
      redo[1].push(await longestSince(page, t0));
      await page.context().close();
    }
    if (want('app-undo-1m'))
      out.push({
        id: 'app-undo-1m',
        label: 'undo from XOR onto 2-997-997-1',
        how: 'undo',
        usableMs: undo[0],
        longestTaskMs: undo[1],
      });
    if (want('app-redo-1m'))
      out.push({
        id: 'app-redo-1m',
        label: 'redo onto 2-997-997-1',
        how: 'redo',
        usableMs: redo[0],
        longestTaskMs: redo[1],
      });
  }
  if (want('app-reload-1m')) {
    progress?.('app speed: app-reload-1m…');
    const usable: number[] = [];
    const longest: number[] = [];
    for (let r = 0; r < reps; r++) {
      const page = await fresh(browser);
      await openNearMillion(page, url);
      await page.waitForTimeout(2000); // the session is saved
      await page.goto(url, { waitUntil: 'commit' });
      usable.push(await waitUsable(page, true));
      await page.waitForTimeout(1000);
      longest.push(await longestSince(page, 0));
      await page.context().close();
    }
    out.push({
      id: 'app-reload-1m',
      label: 'reload with 2-997-997-1 in the saved session',
      how: 'reload',
      usableMs: usable,
      longestTaskMs: longest,
    });
  }
  return out;
}
