import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../vite.config.ts';

describe('the service worker source', () => {
  const src = serviceWorkerSource('0123abcd', ['index.html', 'assets/index-x.js', 'manifest.webmanifest']);

  it('precaches the folder and every file by relative URL, under a versioned cache', () => {
    const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(src)?.[1] ?? 'null') as unknown;
    expect(precache).toEqual(['./', './index.html', './assets/index-x.js', './manifest.webmanifest']);
    expect(src).toContain(`const CACHE = PREFIX + "0123abcd";`);
  });

  it('is a script that parses, and cleans old caches, serves cache-first and skips other origins', () => {
    expect(() => new Function(src)).not.toThrow();
    expect(src).toMatch(/addEventListener\('activate'[\s\S]*caches\.delete/);
    expect(src).toMatch(/cache\.match\(request/);
    expect(src).toContain('origin !== self.location.origin');
  });
});
