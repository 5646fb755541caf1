import { choosePreset, openApp, setPresentation } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * A node's text (a, δ, target under it; z above it; the loss under L) sits where edges gather: an
 * edge that crossed it showed between its glyphs (its halo covers only their outline). Each line
 * stands on a box of the background colour, painted before any line's glyphs, that covers the
 * text as the browser lays it out. Checked on crowded presets, on a laptop and on a projector,
 * in both themes, with z shown and every value computed.
 */

const SIZES = [
  { name: 'laptop 1366x768', width: 1366, height: 768, presentation: false },
  { name: 'projector 1920x1080', width: 1920, height: 1080, presentation: true },
] as const;

interface Uncovered {
  readonly line: string;
  readonly why: string;
}

for (const size of SIZES) {
  test.describe(`node text on its box, ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const preset of ['by-hand-mlp', 'mazur', 'playground']) {
      test(`${preset}: every line of node text covered by a box of the background`, async ({ page }) => {
        await openApp(page);
        await choosePreset(page, preset);
        await setPresentation(page, size.presentation);
        // every value known (the end of the iteration), z shown: every line has text
        await page.getByTestId('show-z').check();
        await page.getByRole('button', { name: 'Jump to the end of the iteration' }).click();
        for (const theme of ['light', 'dark'] as const) {
          if (theme === 'dark') {
            await page.getByTestId('theme-toggle').click();
            await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
          }
          const result = await page.evaluate(() => {
            const svg = document.querySelector('[data-testid="diagram"] svg') as SVGSVGElement;
            // what is painted behind the diagram: the nearest background colour that is not transparent
            let el: Element | null = svg;
            let bg = 'rgba(0, 0, 0, 0)';
            while (el && bg === 'rgba(0, 0, 0, 0)') {
              bg = getComputedStyle(el).backgroundColor;
              el = el.parentElement;
            }
            const bad: Uncovered[] = [];
            let lines = 0;
            for (const group of Array.from(svg.querySelectorAll('.bp-node-text'))) {
              const texts = Array.from(group.querySelectorAll('text'));
              const firstText = texts[0];
              for (const t of texts) {
                const content = t.textContent ?? '';
                if (content.trim() === '') continue;
                lines++;
                const name = `${group.getAttribute('data-sel') ?? group.previousElementSibling?.getAttribute('data-sel')} "${content}"`;
                const tb = t.getBoundingClientRect();
                const boxes = Array.from(group.querySelectorAll('rect')).filter((r) => {
                  const rb = r.getBoundingClientRect();
                  return (
                    rb.left <= tb.left + 0.5 &&
                    rb.right >= tb.right - 0.5 &&
                    rb.top <= tb.top + tb.height / 2 &&
                    rb.bottom >= tb.top + tb.height / 2
                  );
                });
                if (boxes.length === 0) {
                  bad.push({ line: name, why: 'no box covers it' });
                  continue;
                }
                const box = boxes[0];
                if (getComputedStyle(box).fill !== bg)
                  bad.push({ line: name, why: `box ${getComputedStyle(box).fill}, background ${bg}` });
                if (box.compareDocumentPosition(firstText) & Node.DOCUMENT_POSITION_PRECEDING)
                  bad.push({ line: name, why: 'its box is painted after a line of text' });
              }
            }
            return { lines, bad };
          });
          expect(result.lines, `${preset} ${theme}: lines of node text`).toBeGreaterThan(10);
          expect(result.bad, `${preset} ${theme}`).toEqual([]);
        }
      });
    }
  });
}
