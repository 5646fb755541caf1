import type { ComparisonSetup } from '../core/comparison.ts';
import type { Precision } from '../core/format-number.ts';
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
export type LessonControl = 'architecture' | 'settings' | 'training' | 'worksheet' | 'presets';
export const LESSON_CONTROLS: readonly LessonControl[] = ['architecture', 'settings', 'training', 'worksheet', 'presets'];

export type Theme = 'light' | 'dark' | 'system';

/** What the panel beside the diagram shows. */
export type SideTab = 'math' | 'matrix' | 'landscape' | 'compare';
export const SIDE_TABS: readonly SideTab[] = ['math', 'matrix', 'landscape', 'compare'];

/**
 * Everything the user has put in, and nothing derived: the scenario (parameters, data,
 * settings), the optimizer state and step count of the training so far, the position in
 * the current iteration, what is selected, and the loss history of training runs.
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
  /** significant digits every number shows with (a view setting, saved with the session) */
  readonly precision: Precision;
  /** stepping selects what the step computed, so the math panel shows its formula */
  readonly followStep: boolean;
  /** whole-data-set loss after each training step, since the last reset */
  readonly lossHistory: readonly number[];
  /** the parameters along the last training run, its start first (for the landscape) */
  readonly trainingPath: readonly Params[];
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
