import { paramsToNested } from '../core/model.ts';
import { withParameters } from '../core/scenario-edits.ts';
import { currentEvent, eventSelection } from '../core/step-plan.ts';
import type { ActionContext } from './action-context.ts';
import type { AppActions } from './app-actions.ts';

type StepActions = Pick<AppActions, 'setPosition' | 'stepForward' | 'stepBack' | 'jumpToPhase' | 'nextIteration' | 'restartIteration' | 'setPlaying' | 'setSpeed'>;

/** Moving through one iteration event by event, playing it, and going on to the next iteration. */
export function createStepActions({ set, get, selectors, planLength, clampSample }: ActionContext): StepActions {
  return {
    setPosition(position) {
      const p = Math.max(0, Math.min(planLength(), Math.round(position)));
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
      const it = selectors.iteration(s);
      const { weights, biases } = paramsToNested(selectors.compiled(s).model, it.after);
      set({ scenario: withParameters(s.scenario, weights, biases), optimizerState: it.stateAfter, position: 0 });
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
