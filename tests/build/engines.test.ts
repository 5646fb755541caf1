import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const pkg = read('package.json') as { engines: { node: string } };
const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The oldest Node the project says it runs on: package.json's engines, as the README names it. */
const oldest = semver.minVersion(pkg.engines.node)!.version;

describe('the Node version the project names', () => {
  it('is the one the README names', () => {
    const named = /Node\.js (\d+\.\d+) or later/.exec(readme)?.[1];
    expect(named).toBeDefined();
    expect(semver.coerce(named)!.version).toBe(oldest);
  });

  it('satisfies every installed package’s engines, so `npm ci` prints no engine warning', () => {
    const refusing = Object.entries(lock.packages)
      .map(([path, entry]) => [path, Array.isArray(entry.engines) ? undefined : entry.engines?.node] as const)
      .filter(([, range]) => range !== undefined && !semver.satisfies(oldest, range))
      .map(([path, range]) => `${path} wants node ${range}`);
    expect(refusing).toEqual([]);
  });
});
