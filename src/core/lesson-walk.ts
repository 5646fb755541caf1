import type { Lesson, LessonView } from './lesson.ts';
import type { Scenario } from './scenario.ts';

/** What going through a lesson's steps in order shows at one step: the scenario in force and the view so far. */
export interface LessonStepState {
  readonly scenario: Scenario;
  /** every view field a step so far has set (later steps win); position, sample and selection start at 0, 0 and none */
  readonly view: LessonView & { pos: number; sample: number };
}

/**
 * The state at each step of a lesson: a step's `scenario` replaces the current one from that
 * step on, and a view field a step leaves out stays as the step before left it (lesson spec).
 */
export function lessonStepStates(lesson: Lesson): LessonStepState[] {
  let scenario = lesson.scenario.scenario;
  let view: LessonStepState['view'] = { pos: 0, sample: 0, sel: null };
  return lesson.steps.map((step) => {
    if (step.scenario !== undefined) scenario = step.scenario;
    if (step.view !== undefined) view = { ...view, ...step.view };
    return { scenario, view };
  });
}
