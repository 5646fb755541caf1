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
  const request = (id: string, steps: number) => {
    const compiled = compileScenario(loadPreset(id)!);
    return { compiled, params: compiled.params, state: null, steps, maxPoints: 16 };
  };

  /** Posts of a run, each with the time it was posted (ms after the run was asked for). */
  function run(id: string, steps: number): { report: TrainingProgress; at: number }[] {
    const out: { report: TrainingProgress; at: number }[] = [];
    const keep = scope.postMessage;
    const t0 = performance.now();
    scope.postMessage = (message: TrainingProgress) => {
      out.push({ report: message, at: performance.now() - t0 });
      keep(message);
    };
    try {
      send({ kind: 'run', request: request(id, steps) });
    } finally {
      scope.postMessage = keep;
    }
    return out;
  }

  it('start after FIRST_REPORT_MS: a shorter run posts only its end, a longer one every slice after that', async () => {
    const { FIRST_REPORT_MS, FIRST_REPORT_STEPS } = await import('../../src/components/training-worker.ts');
    // playground-xor: some 40 µs a step, so FIRST_REPORT_MS comes long before FIRST_REPORT_STEPS
    const posts = run('playground-xor', 20_000);
    const last = posts[posts.length - 1].report;
    expect(last.finished).toBe(true);
    expect(last.done).toBe(20_000);
    // the run took longer than the first report's wait: it did report before its end, and often after it
    expect(posts[posts.length - 1].at).toBeGreaterThan(FIRST_REPORT_MS * 2);
    expect(posts.length).toBeGreaterThan(2);
    // but not before FIRST_REPORT_MS (its first report holds fewer steps than would end the wait)
    expect(posts[0].report.done).toBeLessThan(FIRST_REPORT_STEPS);
    expect(posts[0].at).toBeGreaterThanOrEqual(FIRST_REPORT_MS);
  });

  it('a fast network’s first report is no bigger than about FIRST_REPORT_STEPS steps, however many FIRST_REPORT_MS would hold', async () => {
    const { FIRST_REPORT_STEPS } = await import('../../src/components/training-worker.ts');
    // numpy-341: about a microsecond a step, some 200,000 in FIRST_REPORT_MS
    const posts = run('numpy-341', 2_000_000);
    expect(posts[posts.length - 1].report.done).toBe(2_000_000);
    const first = posts[0].report;
    expect(first.done).toBeGreaterThanOrEqual(FIRST_REPORT_STEPS);
    // it stops growing at the slice that reaches FIRST_REPORT_STEPS: it holds at most that and
    // about one slice more (a slice's steps: the largest of the reports between the first and the last)
    const slice = Math.max(...posts.slice(1, -1).map((p) => p.report.losses.length));
    expect(first.done, `first report ${first.done} steps, a slice ${slice}`).toBeLessThanOrEqual(
      FIRST_REPORT_STEPS + 2 * slice,
    );
    expect(first.losses.length).toBe(first.done + 1);
  });
});
