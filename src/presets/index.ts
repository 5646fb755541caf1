import { parseScenario } from '../core/codec/parse-scenario.ts';
import type { PresetCatalog } from '../core/codec/parse-lesson.ts';
import type { Scenario } from '../core/scenario.ts';
import byHandMlp from './by-hand-mlp.json';
import landscapeLocalMinimum from './landscape-local-minimum.json';
import littleNetwork from './little-network.json';
import mazur from './mazur.json';
import numpy341 from './numpy-341.json';
import playground from './playground.json';
import playgroundXor from './playground-xor.json';
import tanh221 from './tanh-221.json';
import walkthrough from './walkthrough.json';

/** A built-in scenario: its id, and the scenario document (its title and description are the notes a teacher reads). */
export interface Preset {
  readonly id: string;
  /** its name in the preset menu: short enough to show whole in the toolbar, and unlike every other */
  readonly name: string;
  readonly document: unknown;
}

export const PRESETS: readonly Preset[] = [
  { id: 'walkthrough', name: 'Walkthrough', document: walkthrough },
  { id: 'little-network', name: 'Little network', document: littleNetwork },
  { id: 'numpy-341', name: 'NumPy 3-4-1', document: numpy341 },
  { id: 'by-hand-mlp', name: 'By hand', document: byHandMlp },
  { id: 'tanh-221', name: 'tanh 2-2-1', document: tanh221 },
  { id: 'mazur', name: 'Mazur', document: mazur },
  { id: 'landscape-local-minimum', name: 'Two basins', document: landscapeLocalMinimum },
  { id: 'playground', name: 'Playground circle', document: playground },
  { id: 'playground-xor', name: 'Playground XOR', document: playgroundXor },
];

export const DEFAULT_PRESET_ID = 'walkthrough';

/** The ids of every preset, in menu order. */
export const PRESET_IDS: readonly string[] = PRESETS.map((p) => p.id);

/** The validated scenario of preset `id`, or null for an unknown id. */
export function loadPreset(id: string): Scenario | null {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) return null;
  const result = parseScenario(preset.document);
  if (!result.ok)
    throw new Error(`preset ${id} is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.value;
}

/** The presets as a lesson's `"preset:ID"` reads them (core/codec/parse-lesson.ts). */
export const PRESET_CATALOG: PresetCatalog = { ids: PRESET_IDS, load: loadPreset };
