import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../src/core/codec/read-document-text.ts';
import { readInWorker } from '../../src/components/read-in-worker.ts';

describe('readInWorker', () => {
  it('reads in one go, with the same result, where no Web Worker can start (as here)', async () => {
    for (const text of ['{', '{"format": 1}', '{"format":"backprop-lesson/1","title":"x"}']) {
      expect(await readInWorker(text, new AbortController().signal)).toEqual(readDocumentText(text));
    }
  });

  it('reads nothing once aborted', async () => {
    const job = new AbortController();
    job.abort();
    expect(await readInWorker('{}', job.signal)).toBeNull();
  });
});
