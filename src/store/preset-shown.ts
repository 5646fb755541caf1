import type { Scenario } from '../core/scenario.ts';
import { loadPreset } from '../presets/index.ts';
import { setupText } from './scenario-text.ts';

/** Each preset's scenario, loaded once (so its set-up's text is written once). */
const presets = new Map<string, Scenario | null>();

/**
 * Whether the scenario shown is still preset `id`'s set-up: the same network, data, loss and
 * settings, whatever its parameters (training, or a weight typed in, works on the preset's
 * problem). New data, another layer or another learning rate make it the user's own scenario.
 * Pass the settled scenario: a drag's frames would each write the document out to compare it.
 */
export function presetShown(id: string, scenario: Scenario): boolean {
  let preset = presets.get(id);
  if (preset === undefined) presets.set(id, (preset = loadPreset(id)));
  return preset !== null && setupText(preset) === setupText(scenario);
}
