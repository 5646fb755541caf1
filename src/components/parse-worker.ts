import { packScenario } from '../core/codec/packed-scenario.ts';
import { readDocumentText } from '../core/codec/read-document-text.ts';
import type { WorkerRead } from './read-in-worker.ts';

/**
 * Reads one imported text off the page's thread (see read-in-worker.ts): JSON.parse and the
 * codec's checks; a valid scenario goes back packed, its numbers in one transferred buffer.
 */
self.onmessage = (e: MessageEvent<string>) => {
  const read = readDocumentText(e.data);
  if (read.kind === 'scenario' && read.result.ok) {
    const packed = packScenario(read.result.value);
    const message: WorkerRead = { kind: 'packed', packed };
    self.postMessage(message, { transfer: [packed.numbers.buffer, packed.lengths.buffer] });
    return;
  }
  const message: WorkerRead = read;
  self.postMessage(message);
};
