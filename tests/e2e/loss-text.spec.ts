import type { Page } from '@playwright/test';
import { choosePreset, openApp } from './helpers/app.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * The loss node's value stays inside the diagram: its text is centred under the node, and the
 * layout leaves room on the right for "L = 0.4312". After training by-hand-mlp the loss reads
 * "L = 7.306×10⁻¹⁰", wider than that room: its last digits were cut at the diagram's edge, on the
 * laptop and on the projector alike.
 */
async function lossTextOverflow(page: Page): Promise<{ text: string; over: number }> {
  return page.getByTestId('diagram').evaluate((host) => {
    const svg = host.querySelector('svg')!.getBoundingClientRect();
    const text = host.querySelector('.bp-loss-text text')!;
    const box = text.getBoundingClientRect();
    return { text: text.textContent ?? '', over: Math.max(box.right - svg.right, svg.left - box.left) };
  });
}

for (const { size, presentation } of [
  { size: { width: 1366, height: 768 }, presentation: false },
  { size: { width: 1920, height: 1080 }, presentation: true },
]) {
  test(`a long loss value stays inside the diagram (by-hand-mlp after Train 10, ${size.width}×${size.height}${presentation ? ', presentation mode' : ''})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await choosePreset(page, 'by-hand-mlp');
    await page.getByTestId('train-10').click();
    await expect(page.getByTestId('loss-chart-summary')).toContainText('10 steps');
    if (presentation) {
      await page.getByTestId('presentation-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
    }
    await expect(page.getByTestId('diagram').locator('svg')).toHaveAttribute('data-labels', 'placed');
    const { text, over } = await lossTextOverflow(page);
    expect(text).toMatch(/^L = \d\.\d+×10⁻/); // the long form this is about
    expect(over, `"${text}" runs ${over.toFixed(1)} px past the diagram`).toBeLessThanOrEqual(0);
  });
}
