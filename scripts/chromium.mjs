/**
 * Debian's Chromium as every browser run here launches it (browser tests, the benchmark,
 * screenshots): Playwright's own browser downloads do not work on these machines. These
 * flags keep a headless run off a network it cannot reach (refused background connections).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
