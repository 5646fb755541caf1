import { test, expect } from './helpers/fixtures.ts';

// Console errors and uncaught page errors fail the test through the shared fixture.
test('app shell loads with the right title and no console errors', async ({ page, consoleErrors }) => {
  await page.goto('/');

  await expect(page.getByTestId('app')).toBeVisible();
  await expect(page).toHaveTitle(/Backprop Lab/);

  // Let any late module errors or failed requests surface before checking.
  await page.waitForLoadState('networkidle');
  expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
});

test('the fixture sees console errors', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page.getByTestId('app')).toBeVisible();
  await page.evaluate(() => console.error('deliberate'));
  await expect.poll(() => consoleErrors.length).toBe(1);
  expect(consoleErrors[0]).toContain('deliberate');
  // Leave the list empty so that this test itself passes.
  consoleErrors.length = 0;
});
