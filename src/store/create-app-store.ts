import { temporal } from 'zundo';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { parseScenario } from '../core/codec/parse-scenario.ts';
import { serializeScenario } from '../core/codec/serialize-scenario.ts';
import { paramsToNested } from '../core/model.ts';
import { cloneOptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import { withBias, withParameters, withSampleValue, withWeight } from '../core/scenario-edits.ts';
import { selectionExists, type Selection } from '../core/selection.ts';
import { currentEvent, eventSelection, type Phase } from '../core/step-plan.ts';
import { createTrainer, train } from '../core/train.ts';
import { loadPreset } from '../presets/index.ts';
import type { AppInputs, LessonControl, Notice, SideTab, Theme } from './app-state.ts';
import { createSelectors, type Selectors } from './selectors.ts';
import { createGesture, undoOptions, type TrackedInputs, type UndoHistory } from './undo.ts';

/** What the user can do; every action changes inputs only. */
export interface AppActions {
  loadPreset(id: string): void;
  /** Replaces the scenario (an import, a share link); resets the iteration and the loss history. Undoable. */
  loadScenario(scenario: Scenario, presetId?: string | null, notice?: Notice | null): void;
  /** Back to the scenario this session was opened from (its preset, else its file or link), as an undoable edit. */
  resetToOrigin(): void;
  /**
   * Undoes the last edit of the scenario, a training run or a load (a drag is one edit),
   * restoring the parameters with the optimizer state and loss history that went with them.
   * Refused while a drag or a training run is in progress.
   */
  undo(): void;
  redo(): void;
  /** weights[l][j][i] ← value; refused with a notice if not finite. The position is kept; the same value changes nothing. */
  setWeight(l: number, j: number, i: number, value: number): boolean;
  setBias(l: number, j: number, value: number): boolean;
  /** data[sample].x[i] or .y[i] ← value, validated like a file. */
  setSampleValue(sample: number, field: 'x' | 'y', i: number, value: number): boolean;
  /**
   * A settings or architecture change: the edit is validated as a whole scenario and
   * refused with the codec's errors if invalid. Optimizer state restarts; position is clamped.
   */
  changeScenario(edit: (s: Scenario) => Scenario, what: string): boolean;
  setPosition(position: number): void;
  stepForward(): void;
  stepBack(): void;
  jumpToPhase(phase: Phase | 'end'): void;
  /** Continues from the parameters after the update, with the optimizer state it left. */
  nextIteration(): void;
  /** Back to the start of this iteration (position 0). */
  restartIteration(): void;
  setPlaying(playing: boolean): void;
  setSpeed(eventsPerSecond: number): void;
  select(selection: Selection | null): void;
  setHover(selection: Selection | null): void;
  setSample(sample: number): void;
  setShowZ(show: boolean): void;
  setFollowStep(follow: boolean): void;
  /** Selects `selection` and asks its editor (in the math panel) to open. */
  requestEdit(selection: Selection): void;
  /** The editor has opened (or cannot): the request is done. */
  clearEditRequest(): void;
  /** `steps` optimizer steps from the current parameters and state; appends to the loss history and shows the whole next iteration. */
  trainSteps(steps: number): void;
  /** true while a run of training slices is in progress: the run is one undo entry */
  setTraining(training: boolean): void;
  /** true from the start to the end of a drag: the drag is one undo entry, and undo returns to its start */
  setScrubbing(scrubbing: boolean): void;
  clearHistory(): void;
  setNotice(notice: Notice | null): void;
  setPresentation(presentation: boolean): void;
  setTheme(theme: Theme): void;
  setHidden(hidden: readonly LessonControl[]): void;
  setSideTab(tab: SideTab): void;
}

/** Inputs the session keeps besides AppInputs: where it was opened from, so Reset can return there. */
export interface SessionInputs {
  readonly origin: Scenario;
}

export type AppState = AppInputs & SessionInputs & AppActions;
export type AppStore = StoreApi<AppState> & {
  subscribe: {
    (listener: (state: AppState, prev: AppState) => void): () => void;
    <U>(selector: (state: AppState) => U, listener: (selected: U, prev: U) => void, options?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean }): () => void;
  };
  readonly selectors: Selectors;
  /** the undo history (zundo): pastStates, futureStates */
  readonly temporal: UndoHistory;
};

export interface AppStoreOptions {
  /** undo entries to start with, oldest first (a saved session set aside by a share link) */
  readonly pastStates?: readonly TrackedInputs[];
}

/** The inputs of a fresh session on a scenario. */
export function initialInputs(scenario: Scenario, presetId: string | null = null, notice: Notice | null = null): AppInputs {
  return {
    scenario, presetId, optimizerState: null, position: 0, sample: 0, selection: null, hover: null,
    playing: false, speed: 4, showZ: false, followStep: true, lossHistory: [], training: false, scrubbing: false, editPending: false, notice,
    presentation: false, theme: 'system', hidden: [], sideTab: 'math',
  };
}

function finiteNotice(what: string, value: number): Notice {
  return { kind: 'error', text: `${what}: ${String(value)} is not a finite number; nothing was changed.` };
}

/**
 * A store for one session, starting from `initial` (its origin defaults to its scenario).
 * zundo's `temporal` is applied once, here at the root; see undo.ts for what it tracks.
 */
export function createAppStore(initial: AppInputs & Partial<SessionInputs>, options: AppStoreOptions = {}): AppStore {
  const selectors = createSelectors();
  const history = () => store.temporal;
  const store = createStore<AppState>()(subscribeWithSelector(temporal((set, get) => {
    const planLength = () => selectors.plan(get()).events.length;
    const clampSample = (s: AppInputs) => Math.min(s.sample, selectors.iteration(s).count - 1);
    const gesture = createGesture(history, get);
    // A gesture spans a drag or a training run; while either lasts, the history waits.
    const syncGesture = () => {
      const { scrubbing, training } = get();
      if (scrubbing || training) gesture.begin();
      else gesture.end();
    };
    // After undo or redo the network may be another shape: keep the position, sample and
    // selection only where they still exist.
    const fitToScenario = () => {
      const s = get();
      const model = selectors.compiled(s).model;
      const fits = (sel: Selection | null) => (sel !== null && selectionExists(model, sel) ? sel : null);
      const position = Math.min(s.position, planLength());
      set({ position, sample: Math.max(0, clampSample(s)), selection: fits(s.selection), hover: fits(s.hover), playing: s.playing && position < planLength() });
    };

    return {
      ...initial,
      origin: initial.origin ?? initial.scenario,

      loadPreset(id) {
        const scenario = loadPreset(id);
        if (scenario === null) {
          set({ notice: { kind: 'error', text: `There is no preset "${id}".` } });
          return;
        }
        get().loadScenario(scenario, id);
      },

      loadScenario(scenario, presetId = null, notice = null) {
        const { speed, showZ, followStep, presentation, theme, hidden } = get();
        set({ ...initialInputs(scenario, presetId, notice), origin: scenario, speed, showZ, followStep, presentation, theme, hidden });
      },

      resetToOrigin() {
        const { presetId, origin } = get();
        const fromPreset = presetId === null ? null : loadPreset(presetId);
        const what = fromPreset === null ? 'the scenario you opened' : `the preset${fromPreset.title ? ` "${fromPreset.title.split(':')[0]}"` : ''}`;
        get().loadScenario(fromPreset ?? origin, presetId, { kind: 'info', text: `Reset to ${what}. Undo (Ctrl+Z) brings your changes back.` });
      },

      undo() {
        if (gesture.active) return;
        history().getState().undo();
        fitToScenario();
      },
      redo() {
        if (gesture.active) return;
        history().getState().redo();
        fitToScenario();
      },

      setWeight(l, j, i, value) {
        if (!Number.isFinite(value)) {
          set({ notice: finiteNotice('weight', value) });
          return false;
        }
        if (Object.is(get().scenario.weights[l]?.[j]?.[i], value)) return true;
        set({ scenario: withWeight(get().scenario, l, j, i, value) });
        return true;
      },

      setBias(l, j, value) {
        if (!Number.isFinite(value)) {
          set({ notice: finiteNotice('bias', value) });
          return false;
        }
        if (Object.is(get().scenario.biases[l]?.[j], value)) return true;
        set({ scenario: withBias(get().scenario, l, j, value) });
        return true;
      },

      setSampleValue(sample, field, i, value) {
        const what = field === 'x' ? `input x${i + 1} of sample ${sample + 1}` : `target y${i + 1} of sample ${sample + 1}`;
        if (!Number.isFinite(value)) {
          set({ notice: finiteNotice(what, value) });
          return false;
        }
        if (Object.is(get().scenario.data[sample]?.[field][i], value)) return true;
        const next = parseScenario(serializeScenario(withSampleValue(get().scenario, sample, field, i, value)));
        if (!next.ok) {
          set({ notice: { kind: 'error', text: `${what}: ${String(value)} is not allowed; nothing was changed.`, details: next.errors.map(formatCodecError) } });
          return false;
        }
        set({ scenario: next.value });
        return true;
      },

      changeScenario(edit, what) {
        const candidate = parseScenario(serializeScenario(edit(get().scenario)));
        if (!candidate.ok) {
          set({ notice: { kind: 'error', text: `${what}: not possible; nothing was changed.`, details: candidate.errors.map(formatCodecError) } });
          return false;
        }
        set({ scenario: candidate.value, optimizerState: null });
        const s = get();
        set({ position: Math.min(s.position, planLength()), sample: clampSample(s), selection: null });
        return true;
      },

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
      select(selection) {
        set({ selection });
      },
      setHover(hover) {
        set({ hover });
      },
      setSample(sample) {
        set({ sample: Math.max(0, Math.min(selectors.iteration(get()).count - 1, sample)) });
      },
      setShowZ(showZ) {
        set({ showZ });
      },
      requestEdit(selection) {
        set({ selection, editPending: true });
      },
      clearEditRequest() {
        set({ editPending: false });
      },
      setFollowStep(followStep) {
        set({ followStep });
      },

      trainSteps(steps) {
        const s = get();
        const compiled = selectors.compiled(s);
        const trainer = createTrainer(compiled, compiled.params, s.optimizerState ? cloneOptimizerState(s.optimizerState) : undefined);
        const history = train(trainer, steps);
        const { weights, biases } = paramsToNested(compiled.model, trainer.params);
        const lossHistory = s.lossHistory.length === 0 ? Array.from(history) : [...s.lossHistory, ...Array.from(history.subarray(1))];
        // Training shows the network as it now is: every value of the next iteration computed.
        set({ scenario: withParameters(s.scenario, weights, biases), optimizerState: trainer.state, lossHistory });
        set({ sample: clampSample(get()), position: planLength() });
      },
      setTraining(training) {
        set({ training });
        syncGesture();
      },
      setScrubbing(scrubbing) {
        set({ scrubbing });
        syncGesture();
      },
      clearHistory() {
        set({ lossHistory: [] });
      },
      setNotice(notice) {
        set({ notice });
      },
      setPresentation(presentation) {
        set({ presentation });
      },
      setTheme(theme) {
        set({ theme });
      },
      setHidden(hidden) {
        set({ hidden });
      },
      setSideTab(sideTab) {
        set({ sideTab });
      },
    };
  }, undoOptions<AppState>(options.pastStates)))) as AppStore;
  return Object.assign(store, { selectors });
}
