import type { Precision } from '../core/format-number.ts';
import type { StoreApi } from 'zustand/vanilla';
import type { ComparisonSetup } from '../core/comparison.ts';
import type { Lesson } from '../core/lesson.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { AnswerCheck } from '../core/lesson-answer.ts';
import type { Optimizer, Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import type { Phase } from '../core/step-plan.ts';
import type { TrainingProgress } from '../core/training-session.ts';
import type { AppInputs, LessonControl, Notice, SideTab, Theme } from './app-state.ts';
import type { Opening } from './open-large.ts';
import type { Selectors } from './selectors.ts';
import type { Settled } from './settled.ts';
import type { UndoHistory } from './undo.ts';

/** What the user can do; every action changes inputs only. */
export interface AppActions {
  loadPreset(id: string): void;
  /** Replaces the scenario (an import, a share link); resets the iteration and the loss history. Undoable. */
  loadScenario(scenario: Scenario, presetId?: string | null, notice?: Notice | null): void;
  /**
   * Opens a share link's scenario as if the link were opened fresh: its lesson flags, view
   * settings, step position, sample and selection apply (whatever does not fit is named in
   * the notice). Undoable like any load.
   */
  openLink(scenario: Scenario, hash: string): void;
  /**
   * Opens `scenario` through `apply` (a load, a link, a session): at once when it is small; one
   * past HEAVY_PARAMETERS (open-large.ts) is first derived in slices, the page showing the
   * previous scenario meanwhile and `opening` saying how far it is. Resolves to whether it was
   * applied (false: cancelled, or replaced by another opening). `optimizerState`: the one the
   * scenario is shown at (an undo onto a trained scenario), for the iteration derived.
   */
  openWhenReady(
    scenario: Scenario,
    what: string,
    apply: () => void,
    optimizerState?: OptimizerState | null,
  ): Promise<boolean>;
  /**
   * Runs `read` (reading a large imported text, off the page's thread) as an opening: `opening`
   * says so, and Cancel or another opening aborts its signal. Resolves to what it read, or null
   * when it was aborted.
   */
  readBeforeOpening<T>(what: string, read: (signal: AbortSignal) => Promise<T | null>): Promise<T | null>;
  /** Replaces the whole session with one opened late (a large link or saved session, derived in slices first; see main.tsx). Undoable. */
  restoreSession(inputs: AppInputs & Partial<SessionInputs>): void;
  /** Stops the opening in progress; nothing changes. */
  cancelOpening(): void;
  /** Back to the scenario this session was opened from (its preset, else its file or link), as an undoable edit. */
  resetToOrigin(): void;
  /**
   * Undoes the last edit of the scenario, a training run or a load (a drag is one edit),
   * restoring the parameters with the optimizer state and loss history that went with them.
   * Refused while a drag or a training run is in progress. Onto a scenario past HEAVY_PARAMETERS
   * it is an opening (openWhenReady): derived in slices first; Cancel leaves everything as it was.
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
  /** Selects training sample `index` (of the whole data set): its batch is shown if it is not the step's own (see BatchShown). */
  showSample(index: number): void;
  setShowZ(show: boolean): void;
  /** the neurons' pictures in the diagram on or off */
  setNeuronPictures(show: boolean): void;
  /** the significant digits every number shows with */
  setPrecision(precision: Precision): void;
  /** the worksheet's step past the blank just answered or revealed (the only way forward when a lesson locks worksheet mode) */
  advanceWorksheet(): void;
  setFollowStep(follow: boolean): void;
  /** Selects `selection` and shows the Math tab, where its editor is (the edit intent, components/edit-selection.ts, then opens it). */
  showEditor(selection: Selection): void;
  /** `steps` optimizer steps from the current parameters and state; appends to the loss history and shows the whole next iteration. */
  trainSteps(steps: number): void;
  /**
   * Shows what a training session (in a Web Worker, or in frames of the page) reported while
   * `training`: its parameters and optimizer state (a step boundary), and its losses and
   * path points appended to the run record. Ignored when no run is in progress.
   */
  applyTrainingProgress(progress: TrainingProgress): void;
  /** true while a run of training slices is in progress: the run is one undo entry */
  setTraining(training: boolean): void;
  /** true from the start to the end of a drag: the drag is one undo entry, and undo returns to its start */
  setScrubbing(scrubbing: boolean): void;
  clearHistory(): void;
  setNotice(notice: Notice | null): void;
  setPresentation(presentation: boolean): void;
  setWorksheet(on: boolean): void;
  setTheme(theme: Theme): void;
  /** the diagram's text size step, clamped to TEXT_SIZE_MIN … TEXT_SIZE_MAX */
  setTextSize(step: number): void;
  setHidden(hidden: readonly LessonControl[]): void;
  setSideTab(tab: SideTab): void;
  /** the landscape's two parameters (kept across the Landscape and Compare tabs); null: follow the selection */
  setLandscapePair(pair: readonly [string, string] | null): void;
  /**
   * The optimizer comparison's runs and length, checked run by run; refused with a notice
   * naming what is wrong. null: back to the default for the scenario's optimizer.
   */
  setComparison(setup: ComparisonSetup | null): boolean;
  /** Run `k` of the comparison becomes the scenario's optimizer (an undoable settings change). */
  adoptComparisonRun(optimizer: Optimizer): boolean;
  /**
   * Opens a lesson at step `step` (0-based, default the first): its scenario, its hidden
   * controls, and the view going through steps 1 to `step` would show (the asks before it
   * count as answered). An undoable load, like any other.
   */
  openLesson(lesson: Lesson, step?: number, notice?: Notice | null): void;
  /** The next step of the lesson; false (and nothing changes) at the last step or while the step's `ask` is unanswered. */
  lessonNext(): boolean;
  lessonPrevious(): void;
  /** Checks a typed answer to the step's `ask` (to the digits asked); a right one lets the lesson go on. */
  answerLessonAsk(typed: string): AnswerCheck | null;
  /** The student gives up on the step's `ask`: the value is shown and the lesson goes on. */
  revealLessonAsk(): void;
  /** Leaves the lesson: its hidden controls come back; the scenario and view stay as they are. */
  closeLesson(): void;
}

/** Inputs the session keeps besides AppInputs: where it was opened from, so Reset can return there. */
export interface SessionInputs {
  readonly origin: Scenario;
}

/** Inputs the store keeps for the panels: see settled.ts. */
export interface SettledInputs {
  readonly settled: Settled;
}

/** An opening of a large scenario in progress (not an input: never saved, never undone). */
export interface OpeningInputs {
  readonly opening: Opening | null;
}

export type AppState = AppInputs & SessionInputs & SettledInputs & OpeningInputs & AppActions;
export type AppStore = StoreApi<AppState> & {
  subscribe: {
    (listener: (state: AppState, prev: AppState) => void): () => void;
    <U>(
      selector: (state: AppState) => U,
      listener: (selected: U, prev: U) => void,
      options?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean },
    ): () => void;
  };
  readonly selectors: Selectors;
  /** the undo history (zundo): pastStates, futureStates */
  readonly temporal: UndoHistory;
};
