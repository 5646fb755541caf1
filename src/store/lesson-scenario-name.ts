import type { AppInputs } from './app-state.ts';
import { lessonScenarioAt } from './lesson-session.ts';
import { sameDocument } from './scenario-text.ts';

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
  if (brought.presetId !== null || !sameDocument(brought.scenario, s.scenario)) return null;
  const name = brought.scenario.title ?? s.lesson.title;
  return { name, tooltip: `The lesson's scenario: ${name} (${s.lesson.title}, step ${s.lessonStep + 1})` };
}
