import { readDocumentText } from '../core/codec/read-document-text.ts';

/** Reads one imported text off the page's thread (see read-in-worker.ts): JSON.parse and the codec's checks. */
self.onmessage = (e: MessageEvent<string>) => {
  self.postMessage(readDocumentText(e.data));
};
