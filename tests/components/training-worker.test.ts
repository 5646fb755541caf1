import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainingWorkerMessage } from '../../src/components/training-worker.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import type { TrainingProgress } from '../../src/core/training-session.ts';
import { loadPreset } from '../../src/presets/index.ts';

/** The worker's global scope, as the module sees it: what it posts is kept here. */
const posted: TrainingProgress[] = [];
const scope = {
  onmessage: null as ((event: MessageEvent<TrainingWorkerMessage>) => void) | null,
  postMessage: (message: TrainingProgress): void => {
    posted.push(message);
  },
};
const send = (message: TrainingWorkerMessage) => scope.onmessage!({ data: message } as MessageEvent);

beforeAll(async () => {
  (globalThis as { self?: unknown }).self = scope;
  await import('../../src/components/training-worker.ts');
});

describe('the training worker', () => {
  const compiled = compileScenario(loadPreset('numpy-341')!);
  const request = (steps: number) => ({ compiled, params: compiled.params, state: null, steps, maxPoints: 16 });

  it('warms up in slices of a report each: a run that arrives meanwhile starts at once, and is the core’s run', async () => {
    const t0 = performance.now();
    send({ kind: 'warm', request: request(1_000_000_000), budgetMs: 2000 });
    // the warm-up gave the worker back after its first slice (it trained for the whole budget in one task)
    expect(performance.now() - t0).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 30));
    posted.length = 0;
    send({ kind: 'run', request: request(500) });
    const last = posted[posted.length - 1];
    expect(last.finished).toBe(true);
    expect(last.done).toBe(500);
    const plain = createTrainer(compiled);
    train(plain, 500);
    expect(Array.from(last.params.w)).toEqual(Array.from(plain.params.w));
    // the warm-up ended with the run: nothing is posted after it
    const count = posted.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(posted.length).toBe(count);
  });
});

describe('a run’s reports', () => {
  const compiled = compileScenario(loadPreset('numpy-341')!);
  const request = (steps: number) => ({ compiled, params: compiled.params, state: null, steps, maxPoints: 16 });

  it('start after FIRST_REPORT_MS: a shorter run posts only its end, a longer one every slice after that', async () => {
    const { FIRST_REPORT_MS } = await import('../../src/components/training-worker.ts');
    const times: number[] = [];
    const keep = scope.postMessage;
    scope.postMessage = (message: TrainingProgress) => {
      times.push(performance.now());
      keep(message);
    };
    try {
      posted.length = 0;
      const t0 = performance.now();
      // long enough for several slices after the first report, whatever the machine's speed
      send({ kind: 'run', request: request(2_000_000) });
      const last = posted[posted.length - 1];
      expect(last.finished).toBe(true);
      expect(last.done).toBe(2_000_000);
      // the run took longer than the first report's wait: it did report before its end, and often after it
      expect(times[times.length - 1] - t0).toBeGreaterThan(FIRST_REPORT_MS * 2);
      expect(posted.length).toBeGreaterThan(2);
      // but not before FIRST_REPORT_MS
      expect(times[0] - t0).toBeGreaterThanOrEqual(FIRST_REPORT_MS);
    } finally {
      scope.postMessage = keep;
    }
  });
});
