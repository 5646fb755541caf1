import { scenarioToJson } from '../core/codec/serialize-scenario.ts';
import type { Scenario } from '../core/scenario.ts';

/** Each scenario's text, written once per scenario (a scenario is never changed in place: an edit makes a new one). */
const texts = new WeakMap<Scenario, string>();
const setups = new WeakMap<Scenario, string>();

/** The scenario's document as compact text: two scenarios are the same document when their texts are equal. */
export function scenarioText(scenario: Scenario): string {
  let text = texts.get(scenario);
  if (text === undefined) texts.set(scenario, (text = scenarioToJson(scenario, 0)));
  return text;
}

/** Whether two scenarios are the same document (the same object, or texts equal). */
export function sameDocument(a: Scenario, b: Scenario): boolean {
  return a === b || scenarioText(a) === scenarioText(b);
}

/**
 * The scenario as a set-up, without what training and weight edits change (weights, biases and
 * the initializer that stands for them): its network, data, loss and settings, as text.
 */
export function setupText(scenario: Scenario): string {
  let text = setups.get(scenario);
  if (text === undefined) {
    const { weights, biases, init, ...setup } = scenario;
    void weights;
    void biases;
    void init;
    setups.set(scenario, (text = scenarioToJson({ ...setup, weights: [], biases: [] } as Scenario, 0)));
  }
  return text;
}
