import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// V8 compiles typed-array code on the promise that no ArrayBuffer was ever detached; the
// isolate's first detached buffer (a report transferred to the page) throws all that code away.
// A warm-up that never transfers leaves the user's first run to pay for compiling it all again.
it('a run after the worker’s warm-up keeps the optimized code the warm-up compiled', () => {
  const result = spawnSync(
    process.execPath,
    ['--trace-deopt', '--import', 'tsx', `${ROOT}tests/helpers/worker-deopt-probe.ts`],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n');
  const run = lines.slice(lines.indexOf('=== run'), lines.indexOf('=== end'));
  expect(run.length).toBeGreaterThan(0);
  const thrownAway = run.filter((line) => /deoptimiz|bailout/.test(line));
  expect(thrownAway).toEqual([]);
}, 60_000);
