import { execFileSync } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readFileText, readStreamText } from '../../src/cli/read-input.ts';
import { isReopenedDevNull } from '../../src/cli/stdout-closed.ts';
import { EXIT } from '../../src/cli/trace-main.ts';
import { collector, traceInProcess } from '../helpers/trace-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'trace-abuse-'));
const mazur = readFileSync(new URL('../../src/presets/mazur.json', import.meta.url), 'utf8');
// Any control character but the newline that ends each line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('the trace command reads only regular files, and only so much', () => {
  it('refuses /dev/zero at once, saying what it is', async () => {
    const { status, stdout, stderr } = await traceInProcess(['/dev/zero']);
    expect(status).toBe(EXIT.failed);
    expect(stdout).toBe('');
    expect(stderr).toBe('/dev/zero: is a character device, not a regular file; nothing was read\n');
  });

  it('refuses a FIFO with no writer instead of waiting for one', async () => {
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const { status, stdout, stderr } = await traceInProcess([fifo]);
    expect(status).toBe(EXIT.failed);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${fifo}: is a pipe (FIFO), not a regular file; nothing was read\n`);
  }, 10_000);

  it('refuses a directory', async () => {
    const { status, stderr } = await traceInProcess([dir]);
    expect(status).toBe(EXIT.failed);
    expect(stderr).toBe(`${dir}: is a directory, not a regular file; nothing was read\n`);
  });

  it('refuses a file over the size cap without reading it, and says the cap', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_BYTES * 1.5);
    const { status, stdout, stderr } = await traceInProcess([big]);
    expect(status).toBe(EXIT.failed);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${big}: is larger than the 64 MB the trace command reads (it has 96 MB)\n`);
  });

  it('reads a file up to the cap, byte for byte', () => {
    const file = join(dir, 'eleven.json');
    writeFileSync(file, '"0123456789');
    expect(readFileText(file, 11)).toEqual({ ok: true, text: '"0123456789' });
    expect(readFileText(file, 10)).toEqual({
      ok: false,
      message: 'is larger than the 10 bytes the trace command reads (it has 11 bytes)',
    });
  });

  it('reads standard input for "-", up to the cap', async () => {
    const { status, stdout, stderr } = await traceInProcess(['-'], { stdinText: mazur });
    expect(stderr).toBe('');
    expect(status).toBe(EXIT.ok);
    expect(JSON.parse(stdout).format).toBe('backprop-trace/1');
    expect(await readStreamText(Readable.from([Buffer.from('12345'), Buffer.from('678')]), 8)).toEqual({
      ok: true,
      text: '12345678',
    });
    expect(await readStreamText(Readable.from([Buffer.from('12345'), Buffer.from('6789')]), 8)).toEqual({
      ok: false,
      message: 'is larger than the 8 bytes the trace command reads',
    });
  });
});

describe('the trace command never writes control characters to the terminal', () => {
  it('escapes the ESC bytes of a file that is not JSON', async () => {
    const file = join(dir, 'escape.json');
    writeFileSync(file, '\u001b[2J\u001b]0;pwned\u0007{');
    const { status, stderr } = await traceInProcess([file]);
    expect(status).toBe(EXIT.failed);
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr).toContain('\\x1b[2J\\x1b]0;pwned\\x07');
  });

  it('escapes them in a file name, a preset id and an unknown option', async () => {
    for (const argv of [['no-such-\u001b[2J.json'], ['--preset', '\u009b2J'], ['--x\u001b[31m']]) {
      const { stderr } = await traceInProcess(argv, { cwd: dir });
      expect(stderr).not.toMatch(CONTROL);
      expect(stderr).toMatch(/\\x1b\[2J|\\x9b2J|\\x1b\[31m/);
    }
  });
});

/** A stream that fails every write with `code`, as a closed pipe or a full disk does. */
function failing(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`${code}: it failed, write`), { code }));
    },
  });
}

describe('the trace command writes its output as a stream and stops at the first write error', () => {
  it('ends quietly when the reader has gone away (EPIPE)', async () => {
    const { status, stderr } = await traceInProcess(['--preset', 'mazur'], { stdout: failing('EPIPE') });
    expect(status).toBe(EXIT.closedPipe);
    expect(stderr).toBe('');
  });

  it('says a full disk is a full disk, exit 1, no stack (a real /dev/full)', async () => {
    const { status, stderr } = await traceInProcess(['--preset', 'mazur', '--steps', '10'], {
      stdout: createWriteStream('/dev/full'),
    });
    expect(status).toBe(EXIT.failed);
    expect(stderr).toMatch(/^trace: cannot write the output \(ENOSPC: no space left on device/);
    expect(stderr.split('\n')).toHaveLength(2);
    noStack(stderr);
  });

  it('does not claim success when standard output was closed', async () => {
    const { status, stdout, stderr } = await traceInProcess(['--preset', 'mazur'], { stdoutClosed: true });
    expect(status).toBe(EXIT.failed);
    expect(stdout).toBe('');
    expect(stderr).toBe('trace: standard output is closed; nothing would be written\n');
  });

  it('tells a closed standard stream (reopened read-write on /dev/null) from a redirection to /dev/null', () => {
    const readWrite = openSync('/dev/null', 'r+');
    const writeOnly = openSync('/dev/null', 'w');
    const file = openSync(join(dir, 'plain.txt'), 'w+');
    try {
      expect(isReopenedDevNull(readWrite)).toBe(true);
      expect(isReopenedDevNull(writeOnly)).toBe(false);
      expect(isReopenedDevNull(file)).toBe(false);
    } finally {
      [readWrite, writeOnly, file].forEach((fd) => closeSync(fd));
    }
  });

  it('hands the output over in batches of about 64 KB, waiting for a slow reader', async () => {
    const writes: number[] = [];
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        writes.push(chunk.length);
        chunks.push(chunk);
        setImmediate(callback);
      },
    });
    const { status, stderr } = await traceInProcess(['--preset', 'mazur', '--steps', '100000'], { stdout: slow });
    expect(stderr).toBe('');
    expect(status).toBe(EXIT.ok);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(JSON.parse(text).training.lossHistory).toHaveLength(100_001);
    expect(Math.max(...writes)).toBeLessThan(96 * 1024);
  });

  it('a stream that is not written to at all still gets the whole document (collector sanity)', async () => {
    const out = collector();
    const { status } = await traceInProcess(['--preset', 'little-network'], { stdout: out });
    expect(status).toBe(EXIT.ok);
    expect(out.text().endsWith('}\n')).toBe(true);
  });
});
