import { paramsToNested } from '../core/model.ts';
import { withParameters } from '../core/scenario-edits.ts';
import { currentEvent, eventSelection } from '../core/step-plan.ts';
import type { ActionContext } from './action-context.ts';
import type { AppActions } from './app-actions.ts';

type StepActions = Pick<
  AppActions,
  | 'setPosition'
  | 'advanceWorksheet'
  | 'stepForward'
  | 'stepBack'
  | 'jumpToPhase'
  | 'nextIteration'
  | 'restartIteration'
  | 'setPlaying'
  | 'setSpeed'
>;

/** Moving through one iteration event by event, playing it, and going on to the next iteration. */
export function createStepActions({ set, get, selectors, planLength, clampSample }: ActionContext): StepActions {
  return {
    setPosition(position) {
      const p = Math.max(0, Math.min(planLength(), Math.round(position)));
      const s = get();
      // A lesson that locks worksheet mode: only an answer (or a reveal) moves past a blank.
      if (p > s.position && s.worksheet && s.hidden.includes('worksheet')) {
        set({
          playing: false,
          notice: {
            kind: 'info',
            text: 'This lesson asks for each value: type it (or reveal it) in the worksheet to go on.',
          },
        });
        return;
      }
      const event = get().followStep ? currentEvent(selectors.plan(get()), p) : null;
      set(event ? { position: p, selection: eventSelection(event) } : { position: p });
    },
    advanceWorksheet() {
      const p = Math.min(planLength(), get().position + 1);
      const event = get().followStep ? currentEvent(selectors.plan(get()), p) : null;
      set(event ? { position: p, selection: eventSelection(event) } : { position: p });
    },
    stepForward() {
      get().setPosition(get().position + 1);
    },
    stepBack() {
      get().setPosition(get().position - 1);
    },
    jumpToPhase(phase) {
      const plan = selectors.plan(get());
      get().setPosition(phase === 'end' ? plan.events.length : plan.phaseStart[phase]);
    },
    nextIteration() {
      const s = get();
      // the step trains its own batch (the spec's order), whatever batch was being shown
      const it = selectors.iteration({ ...s, batchShown: null });
      const { weights, biases } = paramsToNested(selectors.compiled(s).model, it.after);
      set({
        scenario: withParameters(s.scenario, weights, biases),
        optimizerState: it.stateAfter,
        position: 0,
        batchShown: null,
      });
      set({ sample: clampSample(get()) });
    },
    restartIteration() {
      set({ position: 0, playing: false });
    },
    setPlaying(playing) {
      set({ playing: playing && get().position < planLength() });
    },
    setSpeed(speed) {
      set({ speed: Math.max(0.25, Math.min(200, speed)) });
    },
  };
}
