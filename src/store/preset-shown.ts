import { scenarioToJson } from '../core/codec/serialize-scenario.ts';
import type { Scenario } from '../core/scenario.ts';
import { loadPreset } from '../presets/index.ts';

/** Each preset's document as text, its parameters left out; written once each. */
const presetTexts = new Map<string, string | null>();
/** The last answer per scenario shown, for the preset it was asked about. */
const answers = new WeakMap<Scenario, { id: string; same: boolean }>();

/**
 * The scenario as a set-up, without what training and weight edits change (weights, biases,
 * and the initializer that stands for them): its network, data, loss and settings.
 */
function setupText(scenario: Scenario): string {
  const { weights, biases, init, ...setup } = scenario;
  void weights;
  void biases;
  void init;
  return scenarioToJson({ ...setup, weights: [], biases: [] } as Scenario, 0);
}

/**
 * Whether the scenario shown is still preset `id`'s set-up: the same network, data, loss and
 * settings, whatever its parameters (training, or a weight typed in, works on the preset's
 * problem). New data, another layer or another learning rate make it the user's own scenario.
 * Pass the settled scenario: a drag's frames would each write the document out to compare it.
 */
export function presetShown(id: string, scenario: Scenario): boolean {
  const known = answers.get(scenario);
  if (known !== undefined && known.id === id) return known.same;
  let text = presetTexts.get(id);
  if (text === undefined) {
    const preset = loadPreset(id);
    text = preset === null ? null : setupText(preset);
    presetTexts.set(id, text);
  }
  const same = text !== null && text === setupText(scenario);
  answers.set(scenario, { id, same });
  return same;
}
