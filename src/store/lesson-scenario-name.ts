import { scenarioToJson } from '../core/codec/serialize-scenario.ts';
import type { Scenario } from '../core/scenario.ts';
import type { AppInputs } from './app-state.ts';
import { lessonScenarioAt } from './lesson-session.ts';

/** Whether the scenario shown is the one a lesson brought (the same object, or after a reload the same document). */
const sameAs = new WeakMap<Scenario, { of: Scenario; same: boolean }>();
/** The brought documents' text, written once each. */
const texts = new WeakMap<Scenario, string>();

function textOf(scenario: Scenario): string {
  let t = texts.get(scenario);
  if (t === undefined) texts.set(scenario, (t = scenarioToJson(scenario, 0)));
  return t;
}

function isShown(brought: Scenario, shown: Scenario): boolean {
  if (brought === shown) return true;
  const known = sameAs.get(shown);
  if (known !== undefined && known.of === brought) return known.same;
  const same = textOf(brought) === scenarioToJson(shown, 0);
  sameAs.set(shown, { of: brought, same });
  return same;
}

/**
 * The name of the scenario shown when it is the open lesson's own, not a preset (the document a
 * lesson or one of its steps brings: the walkthrough's 3-2-1 network, Mazur's step with only
 * the path through o₁): its title, or the lesson's; with the lesson and step for a tooltip.
 * null when no lesson is open, a preset is shown, or the user changed the scenario (their own).
 * Pass the settled scenario: a drag's frames would each write the document out to compare it.
 */
export function lessonScenarioName(
  s: Pick<AppInputs, 'lesson' | 'lessonStep' | 'presetId' | 'scenario'>,
): { name: string; tooltip: string } | null {
  if (s.lesson === null || s.presetId !== null) return null;
  const brought = lessonScenarioAt(s.lesson, s.lessonStep);
  if (brought.presetId !== null || !isShown(brought.scenario, s.scenario)) return null;
  const name = brought.scenario.title ?? s.lesson.title;
  return { name, tooltip: `The lesson's scenario: ${name} (${s.lesson.title}, step ${s.lessonStep + 1})` };
}
