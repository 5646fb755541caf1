import { createRequire } from 'node:module';
import LZString from 'lz-string';
import { parseScenario } from '../../../src/core/codec/parse-scenario.ts';
import { compileScenario } from '../../../src/core/compile.ts';
import { forward } from '../../../src/core/forward.ts';
import { scenarioToJson } from '../../../src/core/codec/serialize-scenario.ts';
import type { Scenario } from '../../../src/core/scenario.ts';
import { traceScenario, type Trace } from '../../../src/core/trace.ts';
import { createWorkspace } from '../../../src/core/workspace.ts';

/**
 * The app's own core, run in Node to compute what the browser must show.
 *
 * src/presets/index.ts imports its JSON files without `with { type: 'json' }`, which Node's
 * ESM loader (the one Playwright uses for this "type": "module" package) refuses; loading it
 * through `require` goes through Playwright's CommonJS transform instead, where JSON is fine.
 */
const require = createRequire(import.meta.url);
const presets = require('../../../src/presets/index.ts') as typeof import('../../../src/presets/index.ts');

export const PRESET_IDS: readonly string[] = presets.PRESET_IDS;
export const DEFAULT_PRESET_ID: string = presets.DEFAULT_PRESET_ID;

/** The validated scenario of a preset (throws for an unknown id). */
export function preset(id: string): Scenario {
  const s = presets.loadPreset(id);
  if (s === null) throw new Error(`no preset ${id}`);
  return s;
}

/** The title of a preset as the preset menu shows it (the part before the first colon). */
export function presetMenuLabel(id: string): string {
  return (preset(id).title ?? '').split(':')[0];
}

/** Validates a plain scenario document as the app would (throws with the codec's messages). */
export function parse(doc: unknown): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.value;
}

/** The core's trace of one iteration of a scenario. */
export function trace(s: Scenario, steps?: number): Trace {
  return traceScenario(s, steps);
}

/** The scenario with an edit applied to a copy of its JSON document, validated again (the original is untouched). */
export function edited(s: Scenario, edit: (doc: Scenario) => void): Scenario {
  const doc = JSON.parse(scenarioToJson(s, 0)) as Scenario;
  edit(doc);
  return parse(doc);
}

/** The share-link hash of a scenario document, built as the spec says: compressToEncodedURIComponent(JSON). */
export function shareHash(doc: unknown): string {
  return `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
}

/** The scenario document of a share-link hash. */
export function readShareHash(hash: string): unknown {
  const payload = hash.replace(/^#?scenario=/, '');
  const text = LZString.decompressFromEncodedURIComponent(payload);
  if (!text) throw new Error(`cannot decompress ${hash.slice(0, 40)}…`);
  return JSON.parse(text) as unknown;
}

/** ŷ of the scenario's network at one input, by the core's forward pass. */
export function coreOutput(s: Scenario, x: number[]): number[] {
  const c = compileScenario({ ...s, data: [{ x, y: s.data[0].y }], testData: undefined, batchSize: undefined });
  const ws = createWorkspace(c.model, 1);
  forward(c.model, c.params, c.data, 0, 1, ws);
  const off = c.model.nodeOffset[c.model.depth];
  return Array.from(ws.a.subarray(off, off + c.model.sizes[c.model.depth]));
}
