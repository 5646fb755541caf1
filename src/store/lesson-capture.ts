import { serializeScenario, type JsonDocument, type JsonValue } from '../core/codec/serialize-scenario.ts';
import { captureView } from '../core/lesson-draft.ts';
import type { Scenario } from '../core/scenario.ts';
import { loadPreset } from '../presets/index.ts';
import type { AppInputs } from './app-state.ts';

const textOf = new WeakMap<Scenario, string>();
function scenarioText(s: Scenario): string {
  let text = textOf.get(s);
  if (text === undefined) {
    text = JSON.stringify(serializeScenario(s));
    textOf.set(s, text);
  }
  return text;
}

/** A lesson's scenario for the one shown: `"preset:ID"` while it is still the preset as loaded, else the whole scenario. */
export function lessonScenarioOf(s: Pick<AppInputs, 'scenario' | 'presetId'>): JsonValue {
  const preset = s.presetId === null ? null : loadPreset(s.presetId);
  if (preset !== null && scenarioText(preset) === scenarioText(s.scenario)) return `preset:${s.presetId}`;
  return serializeScenario(s.scenario);
}

/** True when a lesson's scenario (`"preset:ID"` or a document) is the scenario shown. */
export function isScenarioShown(lessonScenario: JsonValue, shown: Scenario): boolean {
  if (typeof lessonScenario === 'string') {
    const preset = lessonScenario.startsWith('preset:') ? loadPreset(lessonScenario.slice(7)) : null;
    return preset !== null && scenarioText(preset) === scenarioText(shown);
  }
  return JSON.stringify(lessonScenario) === scenarioText(shown);
}

/**
 * "Add a step from what I see now": the view shown (position, sample, selection, panel, z,
 * follow, worksheet), and the scenario shown when it is not the one in force (`inForce`), so
 * that the step brings it.
 */
export function captureStep(
  s: AppInputs,
  inForce: JsonValue,
): { view: JsonDocument; scenario: JsonDocument | undefined } {
  return {
    view: captureView(s),
    scenario: isScenarioShown(inForce, s.scenario) ? undefined : serializeScenario(s.scenario),
  };
}
