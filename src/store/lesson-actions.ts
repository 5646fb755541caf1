import { checkAnswer } from '../core/lesson-answer.ts';
import { resolveQuantity } from '../core/lesson-quantity.ts';
import type { ActionContext } from './action-context.ts';
import type { AppActions } from './app-actions.ts';
import { answeredBefore, clampStep, lessonScenarioAt, lessonStepView, lessonStretch } from './lesson-session.ts';

type LessonActions = Pick<
  AppActions,
  'openLesson' | 'lessonNext' | 'lessonPrevious' | 'answerLessonAsk' | 'revealLessonAsk' | 'closeLesson'
>;

/** Following a lesson step by step (lesson spec): its scenario, each step's view, its asks. */
export function createLessonActions({ set, get, selectors, oneEntry }: ActionContext): LessonActions {
  /** Shows step k of the open lesson: a new scenario where the step brings one, then the step's view. */
  const showStep = (k: number) => {
    const { lesson, lessonStep, lessonAnswered } = get();
    if (lesson === null) return;
    const step = clampStep(lesson, k);
    if (lessonStretch(lesson, step) !== lessonStretch(lesson, lessonStep)) {
      // A step that brings its own scenario (or steps back before one): that scenario is loaded,
      // as one undo entry that returns to the step before.
      const { scenario, presetId } = lessonScenarioAt(lesson, step);
      const hidden = get().hidden;
      oneEntry(() => {
        get().loadScenario(scenario, presetId);
        set({ lesson, lessonStep: step, lessonAnswered, hidden, ...lessonStepView(get(), lesson, step) });
      });
      return;
    }
    set({ lessonStep: step, ...lessonStepView(get(), lesson, step) });
  };

  const askValue = () => {
    const s = get();
    const ask = s.lesson?.steps[s.lessonStep]?.ask;
    return ask === undefined ? null : { ask, value: resolveQuantity(selectors.quantityContext(s), ask.of) };
  };

  const markAnswered = () => {
    const { lessonStep, lessonAnswered } = get();
    if (!lessonAnswered.includes(lessonStep))
      set({ lessonAnswered: [...lessonAnswered, lessonStep].sort((a, b) => a - b) });
  };

  return {
    openLesson(lesson, step = 0, notice = null) {
      const k = clampStep(lesson, step);
      const { scenario, presetId } = lessonScenarioAt(lesson, k);
      // One undo entry: undoing the opening closes the lesson and gives back what it hid.
      oneEntry(() => {
        get().loadScenario(scenario, presetId, notice);
        set({ lesson, lessonStep: k, lessonAnswered: answeredBefore(k), hidden: lesson.hide ?? [] });
        set(lessonStepView(get(), lesson, k));
      });
    },
    lessonNext() {
      const { lesson, lessonStep, lessonAnswered } = get();
      if (lesson === null || lessonStep >= lesson.steps.length - 1) return false;
      if (lesson.steps[lessonStep].ask !== undefined && !lessonAnswered.includes(lessonStep)) return false;
      showStep(lessonStep + 1);
      return true;
    },
    lessonPrevious() {
      const { lesson, lessonStep } = get();
      if (lesson === null || lessonStep === 0) return;
      showStep(lessonStep - 1);
    },
    answerLessonAsk(typed) {
      const asked = askValue();
      if (asked === null) return null;
      const check = checkAnswer(typed, asked.value, asked.ask.digits);
      if (check.kind === 'right') markAnswered();
      return check;
    },
    revealLessonAsk() {
      if (askValue() !== null) markAnswered();
    },
    closeLesson() {
      if (get().lesson === null) return;
      set({ lesson: null, lessonStep: 0, lessonAnswered: [], hidden: [] });
    },
  };
}
