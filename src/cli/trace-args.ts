import { LIMITS } from '../core/scenario.ts';

/** What the trace command was asked to do. */
export type TraceArgs =
  { ok: true; source: { file: string } | { preset: string }; steps?: number } | { ok: false; message: string };

export const TRACE_USAGE =
  'usage: npm run --silent trace -- FILE.json [--steps N]\n       npm run --silent trace -- --preset ID [--steps N]';

function readSteps(text: string | undefined): number | string {
  if (text === undefined || !/^\d+$/.test(text))
    return `--steps takes a whole number, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`;
  const steps = Number(text);
  if (steps > LIMITS.traceSteps)
    return `--steps ${text} exceeds the limit of ${LIMITS.traceSteps.toLocaleString('en-US')} steps`;
  return steps;
}

/** The command line (after the script name) read into a file or a preset and an optional step count. */
export function parseTraceArgs(argv: readonly string[]): TraceArgs {
  let file: string | undefined;
  let preset: string | undefined;
  let steps: number | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--steps' || arg.startsWith('--steps=')) {
      if (steps !== undefined) return { ok: false, message: '--steps is given twice' };
      const value = readSteps(arg === '--steps' ? argv[++k] : arg.slice('--steps='.length));
      if (typeof value === 'string') return { ok: false, message: value };
      steps = value;
    } else if (arg === '--preset' || arg.startsWith('--preset=')) {
      if (preset !== undefined) return { ok: false, message: '--preset is given twice' };
      preset = arg === '--preset' ? argv[++k] : arg.slice('--preset='.length);
      if (!preset) return { ok: false, message: '--preset needs an id' };
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, message: `unknown option ${arg}` };
    } else {
      if (file !== undefined) return { ok: false, message: `one scenario file at a time (got ${file} and ${arg})` };
      file = arg;
    }
  }
  if (file !== undefined && preset !== undefined)
    return { ok: false, message: 'give a scenario file or --preset, not both' };
  if (file !== undefined) return { ok: true, source: { file }, steps };
  if (preset !== undefined) return { ok: true, source: { preset }, steps };
  return { ok: false, message: 'no scenario: give a FILE.json or --preset ID' };
}
