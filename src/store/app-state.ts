import type { ComparisonSetup } from '../core/comparison.ts';
import type { Params } from '../core/model.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';

/** A message for the user: what went wrong (or happened), and the details, one per line. */
export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly details?: readonly string[];
}

/** Controls a lesson link can hide, so a teacher can hand students a focused exercise. */
export type LessonControl = 'architecture' | 'settings' | 'training';
export const LESSON_CONTROLS: readonly LessonControl[] = ['architecture', 'settings', 'training'];

export type Theme = 'light' | 'dark' | 'system';

/**
 * What the training runs produced, kept as one value (undo tracks it as a whole): the
 * whole-data-set loss after each training step since the last reset, and the parameters
 * along the last run, its start first (the path the landscape draws).
 */
export interface TrainingRun {
  readonly lossHistory: readonly number[];
  readonly path: readonly Params[];
}

export const NO_RUN: TrainingRun = { lossHistory: [], path: [] };

/** What the panel beside the diagram shows. */
export type SideTab = 'math' | 'matrix' | 'landscape' | 'compare';
export const SIDE_TABS: readonly SideTab[] = ['math', 'matrix', 'landscape', 'compare'];

/**
 * Everything the user has put in, and nothing derived: the scenario (parameters, data,
 * settings), the optimizer state and step count of the training so far, the position in
 * the current iteration, what is selected, and the record of training runs.
 */
export interface AppInputs {
  readonly scenario: Scenario;
  readonly presetId: string | null;
  /** optimizer state before the current iteration; null when fresh */
  readonly optimizerState: OptimizerState | null;
  /** the position in the current iteration: how many of the plan's events are done */
  readonly position: number;
  /** index of the selected sample within the current batch */
  readonly sample: number;
  readonly selection: Selection | null;
  readonly hover: Selection | null;
  readonly playing: boolean;
  /** events per second while playing */
  readonly speed: number;
  readonly showZ: boolean;
  /** stepping selects what the step computed, so the math panel shows its formula */
  readonly followStep: boolean;
  /** what training produced: one record, so undo rewinds the chart and the landscape's path together */
  readonly run: TrainingRun;
  readonly training: boolean;
  /** the optimizer comparison's runs and length; null: the default for the scenario's optimizer */
  readonly comparison: ComparisonSetup | null;
  /** the two parameters the landscape is drawn over ("w:3", "b:0"), shared by the Landscape and Compare tabs; null: follow the selection */
  readonly landscapePair: readonly [string, string] | null;
  /** a value is being dragged on the diagram (one gesture) */
  readonly scrubbing: boolean;
  /** the user asked to edit the selection's value (Enter, E): its editor opens and clears this */
  readonly editPending: boolean;
  readonly notice: Notice | null;
  /** large type, high contrast, editing chrome hidden */
  readonly presentation: boolean;
  /** worksheet mode: each value the next step computes is a blank the student fills in */
  readonly worksheet: boolean;
  readonly theme: Theme;
  /** controls hidden by a lesson link */
  readonly hidden: readonly LessonControl[];
  readonly sideTab: SideTab;
}
