/**
 * Opening a lesson or a classroom preset from the preset menu (issue 9, the label placement):
 * from the choice to the lesson panel shown (a lesson) and to the diagram's labels placed (the
 * final placement, data-labels="placed" on the diagram), and the longest main-thread task from
 * the choice until a second after the labels are placed. At the laptop size and in presentation
 * mode at 1366x768 and 1920x1080; a fresh page each time (the lesson panel's chunk is loaded).
 */
import type { Browser, Page } from 'playwright-core';

export interface LessonOpenResult {
  readonly id: string;
  readonly label: string;
  /** from the choice to the lesson panel shown (NaN for a preset: it has none) */
  readonly panelMs: number[];
  /** from the choice to the final label placement drawn */
  readonly labelsMs: number[];
  readonly longestTaskMs: number[];
}

const SIZES = [
  { name: '1366x768', width: 1366, height: 768, presentation: false },
  { name: 'presentation 1366x768', width: 1366, height: 768, presentation: true },
  { name: 'presentation 1920x1080', width: 1920, height: 1080, presentation: true },
] as const;

const CHOICES = ['lesson:by-hand-mlp', 'lesson:mazur', 'lesson:numpy-341', 'by-hand-mlp'] as const;

const WAIT_MS = 120_000;

/** Chooses `value` in the preset menu (as a pick would: the native setter, then change) and polls each frame for the panel and the placed labels; resolves to their times since the choice. */
const chooseScript = `({ value, lesson, limit }) => new Promise((resolve, reject) => {
  const q = (sel) => document.querySelector(sel);
  const menu = q('[data-testid="preset-menu"]');
  const t0 = performance.now();
  const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
  set.call(menu, value);
  menu.dispatchEvent(new Event('change', { bubbles: true }));
  let panel = lesson ? NaN : 0;
  let frames = 0;
  const poll = () => {
    const now = performance.now();
    const p = q('[data-testid="lesson-panel"]');
    if (lesson && Number.isNaN(panel) && p && p.getBoundingClientRect().height > 0) panel = now - t0;
    if (!Number.isNaN(panel)) frames++;
    const svg = q('[data-testid="diagram"] svg');
    // Placed for the lesson's diagram: two frames after the panel shows (its resize has reached the
    // diagram), so a placement of the full width before it does not count.
    if (frames > 2 && svg && (svg.getAttribute('data-labels') ?? 'placed') === 'placed') resolve({ t0, panel, labels: now - t0 });
    else if (now - t0 > limit) reject(new Error('timed out opening ' + value));
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})`;

async function openOnce(
  fresh: (browser: Browser, viewport: { width: number; height: number }) => Promise<Page>,
  browser: Browser,
  url: string,
  size: (typeof SIZES)[number],
  choice: string,
): Promise<[number, number, number]> {
  const page = await fresh(browser, { width: size.width, height: size.height });
  try {
    await page.goto(url);
    await page.getByTestId('train-1').waitFor({ state: 'visible', timeout: WAIT_MS });
    if (size.presentation) {
      await page.locator('body').press('p');
      await page.waitForFunction(() => document.documentElement.getAttribute('data-presentation') === 'true');
    }
    await page.waitForTimeout(800);
    const r = (await page.evaluate(
      `(${chooseScript})(${JSON.stringify({ value: choice, lesson: choice.startsWith('lesson:'), limit: WAIT_MS })})`,
    )) as { t0: number; panel: number; labels: number };
    await page.waitForTimeout(1000);
    const longest = (await page.evaluate(`window.__longestSince(${r.t0})`)) as number;
    return [choice.startsWith('lesson:') ? r.panel : NaN, r.labels, longest];
  } finally {
    await page.context().close();
  }
}

export async function lessonOpens(
  browser: Browser,
  url: string,
  reps: number,
  fresh: (browser: Browser, viewport: { width: number; height: number }) => Promise<Page>,
  progress?: (s: string) => void,
): Promise<LessonOpenResult[]> {
  const out: LessonOpenResult[] = [];
  for (const size of SIZES) {
    for (const choice of CHOICES) {
      progress?.(`app speed: app-open-lesson ${choice} at ${size.name}…`);
      const panelMs: number[] = [];
      const labelsMs: number[] = [];
      const longestTaskMs: number[] = [];
      for (let r = 0; r < reps; r++) {
        const [panel, labels, longest] = await openOnce(fresh, browser, url, size, choice);
        panelMs.push(panel);
        labelsMs.push(labels);
        longestTaskMs.push(longest);
      }
      out.push({ id: 'app-open-lesson', label: `${choice} at ${size.name}`, panelMs, labelsMs, longestTaskMs });
    }
  }
  return out;
}
