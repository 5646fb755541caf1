/**
 * Run in a child Node with `--trace-deopt` by training-worker-deopt.test.ts: loads the training
 * worker under a global scope whose postMessage transfers as a real worker's does (the buffers
 * are detached), warms it up on a network, then runs Train 1k; prints `=== run` and `=== end`
 * around the run, so the test can read which optimized code V8 threw away during it.
 */
import type { TrainingWorkerMessage } from '../../src/components/training-worker.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { loadPreset } from '../../src/presets/index.ts';

const scope = {
  onmessage: null as ((event: MessageEvent<TrainingWorkerMessage>) => void) | null,
  postMessage: (message: unknown, transfer: Transferable[]) => structuredClone(message, { transfer }),
};
(globalThis as { self?: unknown }).self = scope;
await import('../../src/components/training-worker.ts');
const send = (message: TrainingWorkerMessage) => scope.onmessage!({ data: message } as MessageEvent);

const compiled = compileScenario(loadPreset('by-hand-mlp')!);
const request = { compiled, params: compiled.params, state: null, steps: 1000, maxPoints: 128 };
send({ kind: 'warm', request, budgetMs: 400 });
await new Promise((r) => setTimeout(r, 600));
console.log('=== run');
send({ kind: 'run', request });
console.log('=== end');
