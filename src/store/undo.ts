import type { StoreApi } from 'zustand/vanilla';
import type { TemporalState, ZundoOptions } from 'zundo';
import type { Lesson } from '../core/lesson.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { LessonControl } from '../core/view-options.ts';
import type { TrainingRun } from './app-state.ts';

/** How many edits undo remembers; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

/**
 * What undo restores: the committed work, and only that. The parameters, data and settings
 * (the scenario) go back together with the optimizer state and the run record (loss history and
 * path) of the training that produced them, so an undone training run also rewinds Adam's moments and the step
 * count (which pick the next batch), and the chart; the preset and the origin go back with
 * an undone "load" so Reset and the preset menu still name what is shown. Opening or closing a
 * lesson is an entry too: the lesson, its step, its answered asks and the controls it hides go
 * back together, so undoing an opening closes the lesson and gives back what it hid. Moving
 * through a lesson's steps is not an entry (equality ignores the step and the answers; an entry
 * made later records them, so undoing an edit made at step K stays at step K). Selection, step
 * position, hover, playing, notices and display settings are not work: they are left alone.
 */
export interface TrackedInputs {
  readonly scenario: Scenario;
  readonly optimizerState: OptimizerState | null;
  readonly run: TrainingRun;
  readonly presetId: string | null;
  /** the scenario this session was opened from (a preset, a file, a link): what Reset returns to */
  readonly origin: Scenario;
  readonly lesson: Lesson | null;
  readonly lessonStep: number;
  readonly lessonAnswered: readonly number[];
  /** the controls hidden (by the lesson, or a link's hide=) */
  readonly hidden: readonly LessonControl[];
}

export type UndoHistory = StoreApi<TemporalState<TrackedInputs>>;

/** The tracked part of a state. */
export function trackedInputs(s: TrackedInputs): TrackedInputs {
  return {
    scenario: s.scenario,
    optimizerState: s.optimizerState,
    run: s.run,
    presetId: s.presetId,
    origin: s.origin,
    lesson: s.lesson,
    lessonStep: s.lessonStep,
    lessonAnswered: s.lessonAnswered,
    hidden: s.hidden,
  };
}

/**
 * True when nothing tracked changed: the store's values are immutable snapshots, so identity is
 * enough. The lesson's step, answers and hidden controls are carried, not compared: a step move
 * is no entry, nor is hiding a control for a link (a display setting).
 */
export function sameTracked(a: TrackedInputs, b: TrackedInputs): boolean {
  return (
    a.scenario === b.scenario &&
    a.optimizerState === b.optimizerState &&
    a.run === b.run &&
    a.presetId === b.presetId &&
    a.origin === b.origin &&
    a.lesson === b.lesson
  );
}

/** zundo's options for a store whose state includes the tracked inputs. */
export function undoOptions<S extends TrackedInputs>(
  pastStates: readonly TrackedInputs[] = [],
): ZundoOptions<S, TrackedInputs> {
  return {
    partialize: trackedInputs,
    equality: sameTracked,
    limit: HISTORY_LIMIT,
    pastStates: pastStates.slice(-HISTORY_LIMIT),
  };
}

/**
 * One undo entry for a whole gesture (a drag on the diagram, a training run in slices):
 * `begin` remembers the tracked state and pauses the history; `end` resumes it and, if the
 * gesture changed anything, records the state from before it, so one undo returns there.
 */
export interface Gesture {
  readonly active: boolean;
  begin(): void;
  end(): void;
}

export function createGesture(history: () => UndoHistory, current: () => TrackedInputs): Gesture {
  let start: TrackedInputs | null = null;
  return {
    get active() {
      return start !== null;
    },
    begin() {
      if (start !== null) return;
      start = trackedInputs(current());
      history().getState().pause();
    },
    end() {
      if (start === null) return;
      const before = start;
      start = null;
      const h = history();
      h.getState().resume();
      if (sameTracked(before, current())) return;
      h.setState({ pastStates: [...h.getState().pastStates, before].slice(-HISTORY_LIMIT), futureStates: [] });
    },
  };
}

/**
 * Runs `change` as one undo entry, however many times it sets the store (a lesson's opening
 * loads a scenario, then the lesson): the history is paused meanwhile, and the tracked state
 * from before is recorded if anything changed. Inside a gesture (the history already paused)
 * the change simply joins the gesture.
 */
export function asOneEntry(history: UndoHistory, current: () => TrackedInputs, change: () => void): void {
  if (!history.getState().isTracking) {
    change();
    return;
  }
  const before = trackedInputs(current());
  history.getState().pause();
  try {
    change();
  } finally {
    history.getState().resume();
  }
  if (sameTracked(before, current())) return;
  history.setState({
    pastStates: [...history.getState().pastStates, before].slice(-HISTORY_LIMIT),
    futureStates: [],
  });
}
