import { codecOk } from '../core/codec/codec-result.ts';
import { unpackScenario, type PackedScenario } from '../core/codec/packed-scenario.ts';
import { readDocumentText, type DocumentText } from '../core/codec/read-document-text.ts';
import type { Sliced } from '../core/sliced.ts';
import { SLICE_BUDGET_MS } from '../store/open-large.ts';

/**
 * Past this many characters, imported text is read in a Web Worker: JSON.parse and the codec's
 * checks of a 20 MB document take one to several seconds, which would be one long task on the page.
 */
export const READ_IN_WORKER_CHARS = 1024 * 1024;

/** What the worker (parse-worker.ts) answers: a valid scenario packed, anything else as read. */
export type WorkerRead = DocumentText | { readonly kind: 'packed'; readonly packed: PackedScenario };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs a sliced computation in slices of about SLICE_BUDGET_MS, a task each; null once `signal` aborts. */
async function inSlices<T>(g: Sliced<T>, signal: AbortSignal): Promise<T | null> {
  let start = performance.now();
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    if (performance.now() - start >= SLICE_BUDGET_MS) {
      await nextTask();
      if (signal.aborted) return null;
      start = performance.now();
    }
  }
}

/**
 * Reads imported text (readDocumentText) in a Web Worker, the page answering meanwhile: the
 * worker parses and checks it, and hands a valid scenario back packed, rebuilt here in slices.
 * Resolves to null as soon as `signal` aborts (the worker is stopped). Where no worker can run
 * (a test without one, a worker that fails to start) it reads in one go: the same result.
 */
export function readInWorker(text: string, signal: AbortSignal): Promise<DocumentText | null> {
  if (signal.aborted) return Promise.resolve(null);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(readDocumentText(text));
  }
  const answer = new Promise<WorkerRead | null>((resolve) => {
    const end = (value: WorkerRead | null) => {
      signal.removeEventListener('abort', abort);
      worker.terminate();
      resolve(value);
    };
    const abort = () => end(null);
    signal.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<WorkerRead>) => end(e.data);
    // a worker that cannot run (or runs out of memory) leaves the text to be read here
    worker.onerror = (e) => {
      e.preventDefault();
      end(signal.aborted ? null : readDocumentText(text));
    };
    worker.postMessage(text);
  });
  return answer.then(async (read) => {
    if (read === null || read.kind !== 'packed') return read;
    const scenario = await inSlices(unpackScenario(read.packed), signal);
    return scenario === null ? null : { kind: 'scenario', result: codecOk(scenario) };
  });
}
