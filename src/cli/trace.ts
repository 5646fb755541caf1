import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { parseScenarioText } from '../core/codec/parse-scenario.ts';
import type { Scenario } from '../core/scenario.ts';
import { traceScenario, traceToJson } from '../core/trace.ts';
import { loadPreset, PRESET_IDS } from '../presets/index.ts';
import { parseTraceArgs, TRACE_USAGE } from './trace-args.ts';

/** The scenario named by the arguments, or the lines that say why it cannot be read. */
function readScenario(source: { file: string } | { preset: string }): Scenario | string[] {
  if ('preset' in source) {
    return loadPreset(source.preset) ?? [`unknown preset "${source.preset}" (expected ${PRESET_IDS.join(', ')})`];
  }
  // A relative path is taken from the directory the command was started in (npm sets INIT_CWD).
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), source.file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return [`${source.file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`];
  }
  const result = parseScenarioText(text);
  return result.ok ? result.value : result.errors.map(formatCodecError);
}

function main(argv: readonly string[]): number {
  const args = parseTraceArgs(argv);
  if (!args.ok) {
    process.stderr.write(`trace: ${args.message}\n${TRACE_USAGE}\n`);
    return 2;
  }
  const scenario = readScenario(args.source);
  if (Array.isArray(scenario)) {
    process.stderr.write(scenario.map((line) => `${line}\n`).join(''));
    return 1;
  }
  process.stdout.write(`${traceToJson(traceScenario(scenario, args.steps))}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
