import { Readable, Writable } from 'node:stream';
import { traceMain, type TraceIo } from '../../src/cli/trace-main.ts';

/** A writable stream that keeps what is written to it as text. */
export function collector(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/** Runs the trace command's `main` in this process, on streams of its own, and returns its exit status and output. */
export async function traceInProcess(
  argv: string[],
  options: Partial<Omit<TraceIo, 'argv'>> & { stdinText?: string } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = collector();
  const stderr = collector();
  const status = await traceMain({
    argv,
    cwd: options.cwd ?? process.cwd(),
    stdin: options.stdin ?? Readable.from(options.stdinText === undefined ? [] : [Buffer.from(options.stdinText)]),
    stdout: options.stdout ?? stdout,
    stderr: options.stderr ?? stderr,
    stdoutClosed: options.stdoutClosed,
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
