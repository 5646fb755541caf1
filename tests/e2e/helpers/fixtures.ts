import { test as base, expect, type Page } from '@playwright/test';

/**
 * The `test` every e2e spec uses: it records console errors and uncaught page errors of
 * every page the test opens (the default `page` and any page of its context), and fails
 * the test if there was any.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (msg) => {
          if (msg.type() === 'error') errors.push(`console.error on ${page.url()}: ${msg.text()}`);
        });
        page.on('pageerror', (err) => errors.push(`pageerror on ${page.url()}: ${err.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(errors);
      expect(errors, `console errors:\n${errors.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
