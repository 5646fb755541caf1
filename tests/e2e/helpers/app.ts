import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** What the diagram shows in place of a value not computed yet (src/view/format.ts). */
export const BLANK = '____';

/** The numbers in the diagram's data attributes (full precision) and its visible texts. */
export interface DiagramState {
  /** by "l:j:i" */
  edges: Record<string, { weight: number; grad: number; after: number | null; frozen: boolean }>;
  /** by "l:j" */
  biases: Record<string, { value: number; grad: number; after: number | null }>;
  /** by "l:j", the selected sample's values */
  nodes: Record<string, { z: number; a: number; dldz: number; dlda: number }>;
  /** visible text under each node, by "l:j": the a (or x) line, the δ line, the target line */
  nodeText: Record<string, { a: string; delta: string; target: string }>;
  /** visible value and gradient lines of the edge labels that are drawn, by "l:j:i" */
  edgeLabels: Record<string, { value: string; grad: string }>;
  biasLabels: Record<string, { value: string; grad: string }>;
  loss: { value: number; text: string };
}

interface RawDiagram {
  edges: [string, string | null, string | null, string | null, boolean][];
  biases: [string, string | null, string | null, string | null][];
  nodes: [string, string | null, string | null, string | null, string | null][];
  nodeText: [string, string, string, string][];
  edgeLabels: [string, string, string][];
  biasLabels: [string, string, string][];
  loss: [string | null, string];
}

/** Reads every edge, bias and node of the diagram: data attributes as numbers (Number()), texts as shown. */
export async function readDiagram(page: Page): Promise<DiagramState> {
  const raw = await page.evaluate((): RawDiagram => {
    const all = (sel: string) => Array.from(document.querySelectorAll(sel));
    const text = (root: Element, sel: string) => root.querySelector(sel)?.textContent ?? '';
    const shown = (el: Element) => el.getAttribute('display') !== 'none';
    const labels = (kind: string): [string, string, string][] =>
      all(`.bp-label[data-sel^="${kind}:"]`)
        .filter(shown)
        .map((g) => [
          (g.getAttribute('data-sel') ?? '').slice(kind.length + 1),
          text(g, '.bp-label-value'),
          text(g, '.bp-label-grad'),
        ]);
    return {
      edges: all('[data-edge]').map((g) => [
        g.getAttribute('data-edge') ?? '',
        g.getAttribute('data-weight'),
        g.getAttribute('data-grad'),
        g.getAttribute('data-weight-after'),
        g.hasAttribute('data-frozen'),
      ]),
      biases: all('[data-bias]').map((g) => [
        g.getAttribute('data-bias') ?? '',
        g.getAttribute('data-value'),
        g.getAttribute('data-grad'),
        g.getAttribute('data-value-after'),
      ]),
      nodes: all('[data-node]').map((g) => [
        g.getAttribute('data-node') ?? '',
        g.getAttribute('data-z'),
        g.getAttribute('data-a'),
        g.getAttribute('data-dldz'),
        g.getAttribute('data-dlda'),
      ]),
      nodeText: all('.bp-node-text[data-sel^="node:"]').map((g) => [
        (g.getAttribute('data-sel') ?? '').slice(5),
        text(g, '.bp-text-a'),
        text(g, '.bp-text-delta'),
        text(g, '.bp-text-target'),
      ]),
      edgeLabels: labels('edge'),
      biasLabels: labels('bias'),
      loss: [
        document.querySelector('[data-loss]')?.getAttribute('data-loss') ?? null,
        document.querySelector('.bp-loss-text')?.textContent ?? '',
      ],
    };
  });
  const num = (s: string | null) => (s === null ? NaN : Number(s));
  const state: DiagramState = {
    edges: {},
    biases: {},
    nodes: {},
    nodeText: {},
    edgeLabels: {},
    biasLabels: {},
    loss: { value: num(raw.loss[0]), text: raw.loss[1] },
  };
  for (const [key, w, g, after, frozen] of raw.edges)
    state.edges[key] = { weight: num(w), grad: num(g), after: after === null ? null : num(after), frozen };
  for (const [key, v, g, after] of raw.biases)
    state.biases[key] = { value: num(v), grad: num(g), after: after === null ? null : num(after) };
  for (const [key, z, a, d, da] of raw.nodes) state.nodes[key] = { z: num(z), a: num(a), dldz: num(d), dlda: num(da) };
  for (const [key, a, d, y] of raw.nodeText) state.nodeText[key] = { a, delta: d, target: y };
  for (const [key, v, g] of raw.edgeLabels) state.edgeLabels[key] = { value: v, grad: g };
  for (const [key, v, g] of raw.biasLabels) state.biasLabels[key] = { value: v, grad: g };
  return state;
}

/** data-weight of every edge, nested like a scenario's weights[l][j][i]. */
export function nestedWeights(
  d: DiagramState,
  sizes: readonly number[],
  field: 'weight' | 'grad' | 'after' = 'weight',
): number[][][] {
  return sizes.slice(1).map((n, l) =>
    Array.from({ length: n }, (_, j) =>
      Array.from({ length: sizes[l] }, (_, i) => {
        const e = d.edges[`${l}:${j}:${i}`];
        if (!e) throw new Error(`no edge ${l}:${j}:${i} in the diagram`);
        return e[field] ?? NaN;
      }),
    ),
  );
}

/** Opens the app (optionally at a hash) and waits for the diagram. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('app')).toBeVisible();
  await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
}

/** Turns presentation mode on (its key, p) when `on` and it is off; waits until the page says so. */
export async function setPresentation(page: Page, on: boolean): Promise<void> {
  if (!on || (await page.locator('html').getAttribute('data-presentation')) === 'true') return;
  await page.locator('body').press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
}

/** Chooses a preset from the preset menu and waits until the caption is back at 0. */
export async function choosePreset(page: Page, id: string): Promise<void> {
  await page.getByTestId('preset-menu').selectOption(id);
  await expect(page.getByTestId('preset-menu')).toHaveValue(id);
  await expect(page.getByTestId('step-caption')).toHaveText(/^0\/\d+/);
}

/** The caption's "position/total" and the text after it. */
export async function readCaption(page: Page): Promise<{ position: number; total: number; text: string }> {
  const full = (await page.getByTestId('step-caption').textContent()) ?? '';
  const m = /^(\d+)\/(\d+)\s*(.*)$/s.exec(full.trim());
  if (!m) throw new Error(`unexpected step caption "${full}"`);
  return { position: Number(m[1]), total: Number(m[2]), text: m[3] };
}

/**
 * Clicks step-forward once and checks that the caption moved to the next position and
 * changed its text. Returns the new caption.
 */
export async function stepForward(page: Page): Promise<{ position: number; total: number; text: string }> {
  const before = await readCaption(page);
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('step-caption')).toHaveText(new RegExp(`^${before.position + 1}/${before.total}`));
  const after = await readCaption(page);
  expect(after.text, `caption at ${after.position} should differ from the one at ${before.position}`).not.toBe(
    before.text,
  );
  return after;
}

/** A point on the edge (or bias link) `selKey` ("edge:l:j:i") where a click reaches that edge, in page coordinates. */
export async function pointOn(page: Page, selKey: string): Promise<{ x: number; y: number }> {
  // Labels may still move while their placement search runs (data-labels="placing"); a point
  // found then can lie under another edge's label by the time it is clicked.
  await page.waitForFunction(
    () => {
      const state = document.querySelector('[data-testid="diagram"] svg')?.getAttribute('data-labels');
      return state == null || state === 'placed';
    },
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const point = await page.evaluate((key) => {
    const g = document.querySelector(`[data-sel="${key}"].bp-edge, [data-sel="${key}"].bp-bias`);
    const line = g?.querySelector('line.bp-halo') as SVGLineElement | null;
    const ctm = line?.getScreenCTM();
    if (!line || !ctm) return null;
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a)));
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.35, 0.65, 0.45, 0.55, 0.15, 0.85]) {
      const p = new DOMPoint(x1 + t * (x2 - x1), y1 + t * (y2 - y1)).matrixTransform(ctm);
      const hit = document.elementFromPoint(p.x, p.y);
      // Prefer the line itself (not a label lying on it), so hovering it is unambiguous too.
      if (hit && hit.closest('[data-sel]') === g) return { x: p.x, y: p.y };
    }
    // A short line can lie wholly under its own opaque label, which selects the same element.
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const p = new DOMPoint(x1 + t * (x2 - x1), y1 + t * (y2 - y1)).matrixTransform(ctm);
      const hit = document.elementFromPoint(p.x, p.y);
      if (hit?.closest('[data-sel]')?.getAttribute('data-sel') === key) return { x: p.x, y: p.y };
    }
    return null;
  }, selKey);
  if (!point) throw new Error(`no clickable point on ${selKey}`);
  return point;
}

/** Selects an edge by clicking it on the diagram; checks that it is selected. */
export async function clickEdge(page: Page, key: string): Promise<void> {
  const p = await pointOn(page, `edge:${key}`);
  await page.mouse.click(p.x, p.y);
  await expect(edge(page, key)).toHaveAttribute('aria-pressed', 'true');
}

export function edge(page: Page, key: string): Locator {
  return page.locator(`[data-edge="${key}"]`);
}

export function node(page: Page, key: string): Locator {
  return page.locator(`[data-node="${key}"]`);
}

/** Opens an EditableNumber (by test id), types `text` and presses Enter (or Escape). */
export async function typeInto(
  page: Page,
  testId: string,
  text: string,
  key: 'Enter' | 'Escape' = 'Enter',
): Promise<Locator> {
  await page.getByTestId(testId).click();
  const input = page.getByTestId(`${testId}-input`);
  await expect(input).toBeFocused();
  await input.fill(text);
  await input.press(key);
  return input;
}

/** The current location.hash of the page. */
export async function locationHash(page: Page): Promise<string> {
  return page.evaluate(() => window.location.hash);
}

/** |a − e| ≤ tol entry by entry over nested arrays (nulls must match), naming the first entry that differs. */
export function expectAllClose(actual: unknown, expected: unknown, tol: number, path = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${path} length`).toBe(expected.length);
    expected.forEach((e, k) => expectAllClose(a[k], e, tol, `${path}[${k}]`));
    return;
  }
  if (expected === null) {
    expect(actual, path).toBeNull();
    return;
  }
  const a = actual as number;
  const e = expected as number;
  expect(typeof a, `${path} should be a number`).toBe('number');
  expect(
    Math.abs(a - e) <= tol,
    `${path}: got ${String(a)}, expected ${String(e)} (|diff| ${Math.abs(a - e)} > ${tol})`,
  ).toBe(true);
}

/** The numbers of a diagram state only (data attributes), without the texts that selection and hover change. */
export function numbersOf(d: DiagramState): Pick<DiagramState, 'edges' | 'biases' | 'nodes'> & { loss: number } {
  return { edges: d.edges, biases: d.biases, nodes: d.nodes, loss: d.loss.value };
}

/** The preset menu's width, and the width a copy of it free to fit its selected name would take: the name shows whole when the first is at least the second. */
export async function menuWidths(menu: Locator): Promise<[shown: number, needed: number]> {
  return menu.evaluate((sel: HTMLSelectElement) => {
    const copy = sel.cloneNode(true) as HTMLSelectElement;
    copy.value = sel.value;
    copy.style.cssText = 'position:absolute;left:0;top:0;width:auto;max-width:none;min-width:0';
    sel.parentElement!.appendChild(copy);
    // only the selected option decides: keep it alone
    for (const o of Array.from(copy.options)) if (o.value !== sel.value) o.remove();
    const w = copy.getBoundingClientRect().width;
    copy.remove();
    return [sel.getBoundingClientRect().width, w] as [number, number];
  });
}
