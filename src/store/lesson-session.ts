import { batchRange, compileScenario } from '../core/compile.ts';
import type { Lesson } from '../core/lesson.ts';
import { lessonStepStates, type LessonStepState } from '../core/lesson-walk.ts';
import type { Scenario } from '../core/scenario.ts';
import { selectionExists } from '../core/selection.ts';
import { stepEventCount } from '../core/step-plan.ts';
import type { AppInputs } from './app-state.ts';
import { initialInputs } from './create-app-store.ts';

const statesOf = new WeakMap<Lesson, LessonStepState[]>();

/** What going through the lesson's steps in order shows at each step (computed once per lesson). */
export function lessonStates(lesson: Lesson): LessonStepState[] {
  let states = statesOf.get(lesson);
  if (states === undefined) {
    states = lessonStepStates(lesson);
    statesOf.set(lesson, states);
  }
  return states;
}

/** Which scenario of the lesson is in force at step k: 0 for the lesson's own, then one more per step that brings its own. */
export function lessonStretch(lesson: Lesson, k: number): number {
  let stretch = 0;
  for (let n = 0; n <= k && n < lesson.steps.length; n++) if (lesson.steps[n].scenario !== undefined) stretch++;
  return stretch;
}

/** The scenario in force at step k, and the preset it is (the lesson's own scenario only). */
export function lessonScenarioAt(lesson: Lesson, k: number): { scenario: Scenario; presetId: string | null } {
  return lessonStretch(lesson, k) === 0
    ? { scenario: lesson.scenario.scenario, presetId: lesson.scenario.presetId }
    : { scenario: lessonStates(lesson)[k].scenario, presetId: null };
}

/** The step index a wish comes to: a whole number from 0 to the last step. */
export function clampStep(lesson: Lesson, k: number): number {
  return Math.max(0, Math.min(lesson.steps.length - 1, Number.isFinite(k) ? Math.trunc(k) : 0));
}

type ViewInputs = Pick<
  AppInputs,
  'position' | 'sample' | 'selection' | 'sideTab' | 'showZ' | 'followStep' | 'worksheet' | 'playing'
>;

/**
 * The view step k of the lesson sets (lesson spec: what a step leaves out stays as the steps
 * before left it), applied to the scenario shown; a position, sample or selection the
 * scenario does not have (the codec checked the lesson's own) is kept inside it.
 */
export function lessonStepView(
  s: Pick<AppInputs, 'scenario' | 'optimizerState'>,
  lesson: Lesson,
  k: number,
): Partial<ViewInputs> {
  const { view } = lessonStates(lesson)[k];
  const compiled = compileScenario(s.scenario);
  const events = stepEventCount(compiled.model, compiled.trainable);
  const batch = batchRange(compiled.data.count, compiled.batchSize, s.optimizerState?.t ?? 0).count;
  const out: Partial<{ -readonly [K in keyof ViewInputs]: ViewInputs[K] }> = {
    position: Math.min(view.pos, events),
    sample: Math.min(view.sample, batch - 1),
    selection:
      view.sel !== undefined && view.sel !== null && selectionExists(compiled.model, view.sel) ? view.sel : null,
    playing: false,
  };
  if (view.panel !== undefined) out.sideTab = view.panel;
  if (view.z !== undefined) out.showZ = view.z;
  if (view.follow !== undefined) out.followStep = view.follow;
  if (view.worksheet !== undefined) out.worksheet = view.worksheet;
  return out;
}

/** Steps 0 … k − 1: opening at step k counts the asks before it as answered (lesson spec). */
export function answeredBefore(k: number): number[] {
  return Array.from({ length: k }, (_, n) => n);
}

/**
 * A session opened on a lesson at step k (a link, a file): the scenario in force there, the
 * lesson's hidden controls, and the view going through steps 1 to k would show. The display
 * settings of `base` (theme, precision, text size, presentation) are kept.
 */
export function openedLessonInputs(base: AppInputs, lesson: Lesson, k: number): AppInputs {
  const step = clampStep(lesson, k);
  const { scenario, presetId } = lessonScenarioAt(lesson, step);
  const fresh = initialInputs(scenario, presetId, base.notice);
  const inputs: AppInputs = {
    ...fresh,
    speed: base.speed,
    precision: base.precision,
    presentation: base.presentation,
    theme: base.theme,
    textSize: base.textSize,
    showZ: base.showZ,
    followStep: base.followStep,
    hidden: lesson.hide ?? [],
    lesson,
    lessonStep: step,
    lessonAnswered: answeredBefore(step),
  };
  return { ...inputs, ...lessonStepView(inputs, lesson, step) };
}
