import type { Writable } from 'node:stream';

/** How writing the output ended: written, the reader went away (a closed pipe), or an error such as a full disk. */
export type WriteOutcome = { ok: true } | { ok: false; closed: boolean; code: string; message: string };

/** Bytes gathered before one write: few calls, no large string. */
const BATCH = 64 * 1024;

function outcome(error: NodeJS.ErrnoException): WriteOutcome {
  const code = error.code ?? 'unknown';
  return { ok: false, closed: code === 'EPIPE', code, message: error.message };
}

/**
 * Writes the pieces to `out` in batches, waiting for it to drain (the whole document is never
 * one string), and stops at the first write error; resolves once the last byte is handed over.
 */
export async function writePieces(pieces: Iterable<string>, out: Writable): Promise<WriteOutcome> {
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (error: NodeJS.ErrnoException) => {
    failure ??= error;
  };
  out.on('error', onError);
  const failed = () => failure ?? (out.errored as NodeJS.ErrnoException | null) ?? undefined;
  const flush = (text: string) =>
    new Promise<void>((resolve) => {
      // The callback runs once this batch is written or has failed, and the 'error' event
      // listener may not have run yet when it does: keep the error from either.
      out.write(text, (error) => {
        if (error) failure ??= error;
        resolve();
      });
    });
  try {
    let batch = '';
    for (const piece of pieces) {
      batch += piece;
      if (batch.length < BATCH) continue;
      if (out.write(batch)) {
        batch = '';
        if (failed()) break;
        continue;
      }
      batch = '';
      if (failed()) break;
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done);
          out.off('error', done);
          out.off('close', done);
          resolve();
        };
        out.on('drain', done);
        out.on('error', done);
        out.on('close', done);
      });
      if (failed() || out.destroyed) break;
    }
    if (!failed() && !out.destroyed) await flush(batch);
    const error = failed();
    if (error) return outcome(error);
    if (out.destroyed) return { ok: false, closed: true, code: 'EPIPE', message: 'the output was closed' };
    return { ok: true };
  } finally {
    // Later errors (a write still queued) must not become an uncaught 'error' event.
    out.off('error', onError);
    out.on('error', () => {});
  }
}
