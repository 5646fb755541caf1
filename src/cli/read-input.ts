import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Readable } from 'node:stream';

/** The most the trace command reads, from a file or standard input: well above the largest scenario the limits allow to be written by hand or by the app. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** `11 bytes`, `64 MB`, `16.8 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

/** The text read, or why not (a message without the source's name). */
export type InputText = { ok: true; text: string } | { ok: false; message: string };

const tooLarge = (limit: number) => `is larger than the ${formatBytes(limit)} the trace command reads`;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * A regular file's text, at most `limit` bytes. The file is opened without blocking (a FIFO
 * with no writer would otherwise wait forever) and its type checked on the open descriptor
 * before anything is read: a device, a pipe or a directory is refused.
 */
export function readFileText(path: string, limit = MAX_INPUT_BYTES): InputText {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, message: `is ${kindOf(stats)}, not a regular file; nothing was read` };
    if (stats.size > limit) return { ok: false, message: `${tooLarge(limit)} (it has ${formatBytes(stats.size)})` };
    // Read one byte past the limit, in case the file grew since fstat.
    const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) return { ok: false, message: tooLarge(limit) };
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    closeSync(fd);
  }
}

/** Everything on a stream (standard input), at most `limit` bytes; past it, reading stops. */
export async function readStreamText(stream: Readable, limit = MAX_INPUT_BYTES): Promise<InputText> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      length += bytes.length;
      if (length > limit) {
        stream.destroy();
        return { ok: false, message: tooLarge(limit) };
      }
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, message: `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return { ok: true, text: Buffer.concat(chunks, length).toString('utf8') };
}
