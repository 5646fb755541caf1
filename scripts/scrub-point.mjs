/**
 * A point on the scrub label of the selected value (the label a drag starts from) that the
 * label itself receives, as labels may overlap: tried at a few spots of its value text.
 * Null when every spot is covered. Shared by the browser tests and the edit-to-frame bench.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ x: number, y: number } | null>}
 */
export async function scrubLabelPoint(page) {
  await page.locator('svg [data-scrub]').waitFor({ state: 'visible' });
  return page.evaluate(() => {
    const g = document.querySelector('svg [data-scrub]');
    const r = (g?.querySelector('.bp-label-value') ?? g)?.getBoundingClientRect();
    if (!g || !r) return null;
    for (const fy of [0.5, 0.3, 0.7]) {
      for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (document.elementFromPoint(x, y)?.closest('[data-scrub]') === g) return { x, y };
      }
    }
    return null;
  });
}
