import { readDocumentText, type DocumentText } from '../core/codec/read-document-text.ts';

/**
 * Past this many characters, imported text is read in a Web Worker: JSON.parse and the codec's
 * checks of a 20 MB document take about a second, which would be one long task on the page.
 */
export const READ_IN_WORKER_CHARS = 1024 * 1024;

/**
 * Reads imported text (readDocumentText) in a Web Worker, the page answering meanwhile; resolves
 * to null as soon as `signal` aborts (the worker is stopped). Where no worker can run (a test
 * without one, a worker that fails to start) it reads in one go: the same result.
 */
export function readInWorker(text: string, signal: AbortSignal): Promise<DocumentText | null> {
  if (signal.aborted) return Promise.resolve(null);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(readDocumentText(text));
  }
  return new Promise((resolve) => {
    const end = (value: DocumentText | null) => {
      signal.removeEventListener('abort', abort);
      worker.terminate();
      resolve(value);
    };
    const abort = () => end(null);
    signal.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<DocumentText>) => end(e.data);
    // a worker that cannot run (or runs out of memory) leaves the text to be read here
    worker.onerror = (e) => {
      e.preventDefault();
      end(signal.aborted ? null : readDocumentText(text));
    };
    worker.postMessage(text);
  });
}
