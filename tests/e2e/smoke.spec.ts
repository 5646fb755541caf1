import { test, expect } from '@playwright/test';

test('app shell loads with the right title and no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => {
    errors.push(`pageerror: ${err.message}`);
  });

  await page.goto('/');

  await expect(page.getByTestId('app')).toBeVisible();
  await expect(page).toHaveTitle(/Backprop Lab/);

  // Let any late module errors or failed requests surface before checking.
  await page.waitForLoadState('networkidle');
  expect(errors, errors.join('\n')).toEqual([]);
});
