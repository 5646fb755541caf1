import { defineConfig, devices } from '@playwright/test';

// Browser tests drive Debian's Chromium (`apt-get install -y chromium`);
// Playwright's own browser downloads do not work on these machines, so never
// run `npx playwright install`. CHROMIUM_PATH overrides the binary.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

// A port of its own (not Vite's 4173), overridable so that parallel checkouts each test their
// own build; the server is never reused: a server already on the port fails the run loudly
// instead of being tested in place of this build.
const port = Number(process.env.E2E_PORT ?? 4391);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  // Serves the real production bundle, as a user would get it.
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
