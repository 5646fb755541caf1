import type { StoreApi } from 'zustand/vanilla';
import type { TemporalState, ZundoOptions } from 'zundo';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { TrainingRun } from './app-state.ts';

/** How many edits undo remembers; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

/**
 * What undo restores: the committed work, and only that. The parameters, data and settings
 * (the scenario) go back together with the optimizer state and the run record (loss history and
 * path) of the training that produced them, so an undone training run also rewinds Adam's moments and the step
 * count (which pick the next batch), and the chart; the preset and the origin go back with
 * an undone "load" so Reset and the preset menu still name what is shown. Selection, step
 * position, hover, playing, notices and display settings are not work: they are left alone.
 */
export interface TrackedInputs {
  readonly scenario: Scenario;
  readonly optimizerState: OptimizerState | null;
  readonly run: TrainingRun;
  readonly presetId: string | null;
  /** the scenario this session was opened from (a preset, a file, a link): what Reset returns to */
  readonly origin: Scenario;
}

export type UndoHistory = StoreApi<TemporalState<TrackedInputs>>;

/** The tracked part of a state. */
export function trackedInputs(s: TrackedInputs): TrackedInputs {
  return { scenario: s.scenario, optimizerState: s.optimizerState, run: s.run, presetId: s.presetId, origin: s.origin };
}

/** True when nothing tracked changed: the store's values are immutable snapshots, so identity is enough. */
export function sameTracked(a: TrackedInputs, b: TrackedInputs): boolean {
  return (
    a.scenario === b.scenario &&
    a.optimizerState === b.optimizerState &&
    a.run === b.run &&
    a.presetId === b.presetId &&
    a.origin === b.origin
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
