import type { Page } from '@playwright/test';
import { openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';
import { builtInLesson, lessonLink } from './helpers/lessons.ts';

/**
 * A derivation line too long for the math panel even at the smallest readable size (seed 002's
 * forward sum of four products, in presentation mode at 1920×1080): it used to run on past the
 * panel's right edge, the rest of the line hidden there (a scrollbar, where the system shows one
 * at all, is easy to miss from the back of a classroom). It breaks at its top-level = and + signs
 * instead, as a long equation is set in print, and nothing of it is hidden; only a single piece
 * that cannot be broken and is wider than the panel may still scroll (and can be reached from the
 * keyboard to scroll it).
 */

/** The smallest type fitting may leave (tex-fit.ts: about 12 px). */
const READABLE_PX = 12;
/**
 * The most a line may be shrunk against its panel's type before it breaks instead: on a
 * projector a formula set at 62% of the text around it (as fitting once allowed, 12 px at
 * 1366×768 in presentation mode) cannot be read from the back of the room.
 */
const LEAST_SCALE = 0.8;

interface LineFit {
  text: string;
  /** the line's box */
  width: number;
  /** its typeset pieces (KaTeX's .base: what lies between two places it may break), side by side */
  natural: number;
  /** how far past the box's right edge its content reaches, in px */
  past: number;
  /** the widest piece is wider than the box: it cannot fit without scrolling */
  unbreakable: boolean;
  scrollable: boolean;
  focusable: boolean;
  px: number;
  scale: number;
  /** its widest piece, px */
  widest: number;
}

async function lineFits(page: Page): Promise<LineFit[]> {
  return page.getByTestId('math-panel').evaluate((panel) =>
    Array.from(panel.querySelectorAll<HTMLElement>('.math-tex')).map((box) => {
      const r = box.getBoundingClientRect();
      const bases = Array.from(box.querySelectorAll('.katex-html > .base')).map((b) => b.getBoundingClientRect());
      const style = getComputedStyle(box);
      return {
        text: (box.querySelector('.katex-html')?.textContent ?? '').slice(0, 40),
        width: box.clientWidth,
        natural: bases.reduce((s, b) => s + b.width, 0),
        past: Math.max(0, ...bases.map((b) => b.right - r.right)),
        unbreakable: bases.some((b) => b.width > box.clientWidth + 0.5),
        scrollable: box.scrollWidth > box.clientWidth && /auto|scroll/.test(style.overflowX),
        focusable: box.tabIndex === 0,
        px: parseFloat(getComputedStyle(box.querySelector('.katex')!).fontSize),
        // the line's type against the panel's (fitting sets the line's font-size in em)
        scale: box.style.fontSize === '' ? 1 : parseFloat(box.style.fontSize),
        widest: Math.max(0, ...bases.map((b) => b.width)),
      };
    }),
  );
}

/** The lines that hide part of themselves past the right edge (but for a piece that cannot be broken, which must scroll), or are set too small. */
async function badLines(page: Page): Promise<string[]> {
  const fits = await lineFits(page);
  return fits.flatMap((f) => {
    const bad: string[] = [];
    if (f.px < READABLE_PX - 0.01) bad.push(`${f.text}: ${f.px} px`);
    // (but for a piece that cannot be broken and would be wider than the box at that size)
    if (f.scale < LEAST_SCALE && (f.widest / f.scale) * LEAST_SCALE <= f.width)
      bad.push(`${f.text}: set at ${f.scale} of the panel's type`);
    if (f.past > 1 && !(f.unbreakable && f.scrollable && f.focusable))
      bad.push(`${f.text}: ${Math.round(f.past)} px hidden past the right edge`);
    return bad;
  });
}

/**
 * The derivation lines that break inside a product (after its · or ×) or inside parentheses: a
 * long equation in print breaks between the terms of its sums, after = or +, never there.
 */
async function brokenInside(page: Page): Promise<string[]> {
  return page.getByTestId('math-panel').evaluate((panel) =>
    Array.from(panel.querySelectorAll('.math-tex .katex-html')).flatMap((html) => {
      const bases = Array.from(html.children).filter((b) => b.classList.contains('base'));
      let depth = 0;
      return bases.flatMap((b, k) => {
        const text = b.textContent ?? '';
        depth += (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
        const next = bases[k + 1];
        const inside = /[⋅×]\s*$/.test(text) || depth > 0;
        const below = next !== undefined && next.getBoundingClientRect().top > b.getBoundingClientRect().bottom - 2;
        return inside && below ? [`${(html.textContent ?? '').slice(0, 40)}: after “${text}”`] : [];
      });
    }),
  );
}

const numpy = builtInLesson<{ steps: unknown[] }>('numpy-341');
const presentation = (page: Page) => page.getByTestId('presentation-toggle');

async function openStep4(page: Page): Promise<void> {
  await openApp(page, lessonLink(numpy, 4));
  await expect(page.getByTestId('lesson-count')).toHaveText(`step 4 of ${numpy.steps.length}`);
  await expect(page.getByTestId('derivation-title')).toHaveText('Output ŷ₁');
  await expect(page.getByTestId('math-panel')).toHaveAttribute('aria-busy', 'false');
}

test.describe('a derivation line longer than the math panel', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('breaks at its = and + signs in presentation mode at 1920×1080: nothing hidden past the edge, nothing below the readable size', async ({
    page,
  }) => {
    await openStep4(page);
    await presentation(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    await expect.poll(() => badLines(page)).toEqual([]);
    // the forward sum of four products is wider than the panel even at the smallest size: the case that matters is there
    const fits = await lineFits(page);
    // (KaTeX's text of z_{ŷ₁} = w⁽²⁾₁₁ h⁽¹⁾₁ + …)
    const sum = fits.find((f) => f.text.startsWith('zy^') && f.text.includes('w11(2)'));
    expect(sum, fits.map((f) => f.text).join(' | ')).toBeDefined();
    expect(sum!.natural).toBeGreaterThan(sum!.width * 1.2);
    expect(sum!.px).toBeGreaterThanOrEqual(READABLE_PX);
  });

  test('is fitted again when presentation mode enlarges the type (the panel keeps its width, its lines do not)', async ({
    page,
  }) => {
    await openStep4(page);
    await expect.poll(() => badLines(page)).toEqual([]);
    const before = (await lineFits(page)).map((f) => f.px);
    await presentation(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    // the type did grow (the panel's width is the same in both modes at this size)
    await expect
      .poll(async () => Math.max(...(await lineFits(page)).map((f) => f.px)))
      .toBeGreaterThan(Math.max(...before));
    await expect.poll(() => badLines(page)).toEqual([]);
    await presentation(page).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-presentation', /.*/);
    await expect.poll(() => badLines(page)).toEqual([]);
  });
});

/** Opens a built-in lesson at `step`, turns presentation mode on, and waits until every math line fits (badLines). */
async function openInPresentation(page: Page, id: string, step: number): Promise<void> {
  const doc = builtInLesson<{ steps: unknown[] }>(id);
  await openApp(page, lessonLink(doc, step));
  await expect(page.getByTestId('lesson-count')).toHaveText(`step ${step} of ${doc.steps.length}`);
  await presentation(page).click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
  await expect(page.getByTestId('math-panel')).toHaveAttribute('aria-busy', 'false');
  await expect.poll(() => badLines(page)).toEqual([]);
}

test.describe('on a laptop mirrored to a projector (1366×768, presentation mode)', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a long line breaks rather than shrinking far below the panel’s type', async ({ page }) => {
    // seed 003's step 5: the forward sum of h₁⁽²⁾ (five products) in a panel a third of the page wide
    await openInPresentation(page, 'by-hand-mlp', 8);
    const fits = await lineFits(page);
    // the case that matters is there: a line wider than the panel at its full size
    expect(
      fits.some((f) => f.natural > f.width * 1.2),
      fits.map((f) => f.text).join(' | '),
    ).toBe(true);
    // and it breaks between the terms of its sum, never inside a product (after its ·), as print does
    expect(await brokenInside(page)).toEqual([]);
  });
});

test.describe('at 1920×1080 in presentation mode', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('a line breaks between terms, never inside parentheses (walkthrough step 6: ∂F/∂z = F(1 − F) = 0.99… · (1 − 0.99…))', async ({
    page,
  }) => {
    await openInPresentation(page, 'walkthrough', 6);
    // the case: a line with a parenthesized difference had to break
    const wrapped = await page.locator('.math-tex.math-wrap').allTextContents();
    expect(
      wrapped.some((t) => t.includes('(1−')),
      wrapped.join(' | '),
    ).toBe(true);
    expect(await brokenInside(page)).toEqual([]);
  });
});
