import { describe, expect, it, vi } from 'vitest';

// The browser tests must test this checkout's build: a server already listening on the port
// (another checkout's preview, a dev server) must fail the run, never be tested in its place.
describe('playwright config', () => {
  it('never reuses a server it did not start', async () => {
    const { default: config } = await import('../../playwright.config.ts');
    const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
    expect(server?.reuseExistingServer).toBe(false);
  });

  it('serves on a port of its own, which E2E_PORT overrides', async () => {
    vi.resetModules();
    const { default: plain } = await import('../../playwright.config.ts');
    expect(plain.use?.baseURL).not.toContain(':4173');
    vi.resetModules();
    vi.stubEnv('E2E_PORT', '5123');
    try {
      const { default: config } = await import('../../playwright.config.ts');
      expect(config.use?.baseURL).toBe('http://127.0.0.1:5123');
      const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
      expect(server?.command).toContain('--port 5123');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
