import type { ComparisonSetup } from '../core/comparison.ts';
import type { Precision } from '../core/format-number.ts';
import type { Lesson } from '../core/lesson.ts';
import type { Params } from '../core/model.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import type { LessonControl, SideTab } from '../core/view-options.ts';
import { EMPTY_LOSSES, type LossHistory } from './loss-history.ts';

/** A message for the user: what went wrong (or happened), and the details, one per line. */
/** The diagram's text size: each step multiplies it by TEXT_SIZE_STEP (A− A+). */
export const TEXT_SIZE_STEP = 1.15;
export const TEXT_SIZE_MIN = -2;
export const TEXT_SIZE_MAX = 5;

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly details?: readonly string[];
  /** a file the notice offers to save (an unreadable saved session, kept) */
  readonly download?: NoticeDownload;
  /** what the screen already shows (an opened lesson's column names it): announced to screen readers, not drawn */
  readonly quiet?: boolean;
}

export interface NoticeDownload {
  readonly label: string;
  readonly fileName: string;
  readonly text: string;
}

// The names links and lessons share live in the core, where the lesson codec reads them too.
export { LESSON_CONTROLS, SIDE_TABS, type LessonControl, type SideTab } from '../core/view-options.ts';

export type Theme = 'light' | 'dark' | 'system';

/**
 * What the training runs produced, kept as one value (undo tracks it as a whole): the
 * whole-data-set loss after each training step since the last reset (and the test loss), and the parameters
 * along the last run, its start first (the path the landscape draws).
 */
export interface TrainingRun {
  /** append-only, shared with the run's earlier records (see loss-history.ts) */
  readonly lossHistory: LossHistory;
  /**
   * the test data's loss after the same steps, step for step with lossHistory; empty when
   * the scenario has no test data, or had none (or was restored) when the history began
   */
  readonly testLossHistory: LossHistory;
  readonly path: readonly Params[];
}

/**
 * Another batch than the step's own, shown because a sample of it was picked (on the data
 * view): the iteration of step `step`'s batch at the current parameters, as long as the
 * optimizer state is still `at` (a step, a run, a reset or an undo ends it by itself).
 * Training keeps the spec's order: the next step trains its own batch.
 */
export interface BatchShown {
  readonly step: number;
  readonly at: OptimizerState | null;
}

/** The step whose batch the iteration shows: the picked one while it holds, else the step's own (t). */
export function shownStep(s: Pick<AppInputs, 'optimizerState'> & { readonly batchShown?: BatchShown | null }): number {
  const b = s.batchShown;
  return b != null && b.at === s.optimizerState ? b.step : (s.optimizerState?.t ?? 0);
}

export const NO_RUN: TrainingRun = { lossHistory: EMPTY_LOSSES, testLossHistory: EMPTY_LOSSES, path: [] };

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
  /** another batch shown for a sample picked in it; null: the step's own */
  readonly batchShown: BatchShown | null;
  readonly selection: Selection | null;
  readonly hover: Selection | null;
  readonly playing: boolean;
  /** events per second while playing */
  readonly speed: number;
  readonly showZ: boolean;
  /** each hidden and output node's activation over the input plane, drawn in its circle (a view setting, saved with the session) */
  readonly neuronPictures: boolean;
  /** significant digits every number shows with (a view setting, saved with the session) */
  readonly precision: Precision;
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
  readonly notice: Notice | null;
  /** large type, high contrast, editing chrome hidden */
  readonly presentation: boolean;
  /** worksheet mode: each value the next step computes is a blank the student fills in */
  readonly worksheet: boolean;
  readonly theme: Theme;
  /** the diagram's text size, in steps of TEXT_SIZE_STEP from the default (0), TEXT_SIZE_MIN … TEXT_SIZE_MAX */
  readonly textSize: number;
  /** controls hidden by a lesson link */
  readonly hidden: readonly LessonControl[];
  readonly sideTab: SideTab;
  /** the lesson being followed (backprop-lesson/1), null when none is open */
  readonly lesson: Lesson | null;
  /** the step shown, 0-based (0 when no lesson is open) */
  readonly lessonStep: number;
  /** the steps whose `ask` the student has answered or given up on (0-based, ascending) */
  readonly lessonAnswered: readonly number[];
}
