import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { parseScenarioText } from '../core/codec/parse-scenario.ts';
import type { Scenario } from '../core/scenario.ts';
import { traceJsonPieces } from '../core/trace-json.ts';
import { loadPreset, PRESET_IDS } from '../presets/index.ts';
import { readFileText, readStreamText } from './read-input.ts';
import { terminalText } from './terminal-text.ts';
import { parseTraceArgs, TRACE_USAGE } from './trace-args.ts';
import { writePieces } from './write-output.ts';

/** What the trace command runs with: the process's, or a test's. */
export interface TraceIo {
  readonly argv: readonly string[];
  /** the directory a relative FILE is taken from */
  readonly cwd: string;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** true when standard output was closed before the command started (see stdout-closed.ts) */
  readonly stdoutClosed?: boolean;
}

/** Exit statuses: the document written; bad input or a write error; bad arguments; the reader of a pipe went away (128 + SIGPIPE, as a shell reports it). */
export const EXIT = { ok: 0, failed: 1, usage: 2, closedPipe: 141 } as const;

/** Writes lines to standard error, each made safe for a terminal; errors writing there are ignored. */
function say(io: TraceIo, lines: readonly string[]): void {
  io.stderr.write(lines.map((line) => `${terminalText(line)}\n`).join(''));
}

/** The scenario named by the arguments, or the lines that say why it cannot be read. */
async function readScenario(io: TraceIo, source: { file: string } | { preset: string }): Promise<Scenario | string[]> {
  if ('preset' in source) {
    return (
      loadPreset(source.preset) ?? [
        `unknown preset ${JSON.stringify(source.preset)} (expected ${PRESET_IDS.join(', ')})`,
      ]
    );
  }
  const fromStdin = source.file === '-';
  const input = fromStdin ? await readStreamText(io.stdin) : readFileText(resolve(io.cwd, source.file));
  const name = fromStdin ? 'standard input' : source.file;
  if (!input.ok) return [`${name}: ${input.message}`];
  const result = parseScenarioText(input.text);
  return result.ok ? result.value : result.errors.map(formatCodecError);
}

/** The trace command: reads the scenario, writes its trace as a stream, and returns the exit status. Never throws. */
export async function traceMain(io: TraceIo): Promise<number> {
  // An error event on a standard stream with no listener would end the process with a stack trace.
  io.stderr.on('error', () => {});
  try {
    const args = parseTraceArgs(io.argv);
    if (!args.ok) {
      say(io, [`trace: ${args.message}`, ...TRACE_USAGE.split('\n')]);
      return EXIT.usage;
    }
    if (io.stdoutClosed) {
      say(io, ['trace: standard output is closed; nothing would be written']);
      return EXIT.failed;
    }
    const scenario = await readScenario(io, args.source);
    if (Array.isArray(scenario)) {
      say(io, scenario);
      return EXIT.failed;
    }
    const written = await writePieces(withNewline(traceJsonPieces(scenario, args.steps)), io.stdout);
    if (written.ok) return EXIT.ok;
    if (written.closed) return EXIT.closedPipe;
    say(io, [`trace: cannot write the output (${written.code}: ${written.message.replace(/^\w+: /, '')})`]);
    return EXIT.failed;
  } catch (error) {
    // Not expected: said in one line, without a stack.
    say(io, [`trace: ${error instanceof Error ? error.message : String(error)}`]);
    return EXIT.failed;
  }
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}
