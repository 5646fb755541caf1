import { describe, expect, it } from 'vitest';
import { runTrace } from '../helpers/run-trace.ts';

// The one test that starts the command as `npm run trace` does; every other trace test runs
// its `main` in-process (tests/cli/trace.test.ts, trace-abuse.test.ts).
describe('the trace command as a process', () => {
  it('prints the trace of a preset on standard output, one line, exit 0', () => {
    const { status, stdout, stderr } = runTrace(['--preset', 'little-network', '--steps', '2']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.split('\n')).toHaveLength(2);
    const trace = JSON.parse(stdout);
    expect(trace.format).toBe('backprop-trace/1');
    expect(trace.samples[0].a[3]).toEqual([10]);
    expect(trace.training.lossHistory).toHaveLength(3);
  });
});
