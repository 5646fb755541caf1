import { lessonStepRefs } from '../core/lesson-step-refs.ts';
import type { LessonStep } from '../core/lesson.ts';
import type { Selection } from '../core/selection.ts';
import { selectionEventIndex } from '../core/step-plan.ts';
import type { AppInputs } from '../store/app-state.ts';
import type { Selectors } from '../store/selectors.ts';
import type { Section } from '../tex/line.ts';
import { revealedBy } from '../tex/revealed-quantities.ts';
import { everyLine, withholdAhead, type ShownSection } from '../tex/withhold-ahead.ts';

/** What a derivation shows at a lesson step: what the lesson step is, and where the step position is. */
export interface LessonReach {
  readonly state: Pick<AppInputs, 'scenario' | 'optimizerState' | 'batchShown'>;
  readonly selection: Selection;
  readonly sample: number;
  readonly position: number;
  /** the lesson's current step, null outside a lesson (every line shows) */
  readonly step: LessonStep | null;
  readonly answered: boolean;
}

/**
 * A derivation's sections as a lesson shows them, in the math panel and in its LaTeX export
 * alike: in a lesson, the lines the step position has not reached are withheld (README,
 * "Lessons"), unless the step shows their values itself; outside one, every line.
 */
export function lessonShownSections(
  selectors: Selectors,
  sections: readonly Section[],
  r: LessonReach,
): readonly ShownSection[] {
  if (r.step === null) return everyLine(sections);
  const plan = selectors.plan(r.state);
  const { model } = selectors.compiled(r.state);
  const count = selectors.iteration(r.state).count;
  const shown = Math.min(Math.max(0, Math.trunc(r.sample) || 0), count - 1);
  return withholdAhead(sections, {
    plan,
    model,
    position: r.position,
    subject: selectionEventIndex(plan, model, r.selection),
    revealed: revealedBy(lessonStepRefs(r.step, r.answered), shown, count),
  });
}
