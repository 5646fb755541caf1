/**
 * The lesson model `backprop-lesson/1` (see shared/spec/lesson.md): a guided walk through
 * one scenario, a sequence of steps each with a text and the view it shows. Held here in
 * the form the codec reads: the scenario resolved (a preset's id kept so that the file
 * writes back the same), selections and quantity references parsed.
 */
import type { QuantityRef } from './quantity-ref.ts';
import type { Scenario } from './scenario.ts';
import type { Selection } from './selection.ts';
import { LESSON_CONTROLS, type LessonControl, type SideTab } from './view-options.ts';

export const LESSON_FORMAT = 'backprop-lesson/1';

/** The spec's limits; a document over one is rejected with a message naming it. */
export const LESSON_LIMITS = {
  document: 2_000_000,
  title: 500,
  description: 10_000,
  steps: 200,
  stepTitle: 200,
  text: 20_000,
  compare: 20,
} as const;

/** Significant digits an `ask` checks when the lesson does not say; at most 17 (a double has no more). */
export const DEFAULT_ASK_DIGITS = 4;
export const MAX_ASK_DIGITS = 17;

/** What `hide` may name: the share link's controls, the preset menu (and opening other files), the worksheet switch. */
export type LessonHide = LessonControl;
export const LESSON_HIDE_NAMES: readonly LessonHide[] = LESSON_CONTROLS;

/**
 * The panels a step can open, as the share link's `panel` names them: the lesson spec's four
 * (the link's `settings`, and the app's later Data tab, are no lesson panel: a lesson naming one
 * would not read in another reader of the format).
 */
export type LessonPanel = Exclude<SideTab, 'data'>;
export const LESSON_PANELS: readonly LessonPanel[] = ['math', 'matrix', 'landscape', 'compare'];

/** The lesson's scenario: a built-in preset (its id, and the scenario it loads) or a whole scenario. */
export interface LessonScenario {
  /** the preset's id for `"preset:ID"`; null for a scenario written out in full */
  readonly presetId: string | null;
  readonly scenario: Scenario;
}

/** What a step shows, with the share link's names; a field left out keeps what the step before set. */
export interface LessonView {
  /** events done in the iteration */
  pos?: number;
  /** the sample shown, an index in the first batch */
  sample?: number;
  /** null: nothing selected (`"none"`) */
  sel?: Selection | null;
  panel?: LessonPanel;
  z?: boolean;
  follow?: boolean;
  worksheet?: boolean;
}

export const LESSON_VIEW_FIELDS = ['pos', 'sample', 'sel', 'panel', 'z', 'follow', 'worksheet'] as const;

/** Predict, then reveal: the value the student types, checked to `digits` significant digits. */
export interface LessonAsk {
  of: QuantityRef;
  digits: number;
}

/** A number printed elsewhere (`value`, where `label` says) shown beside the app's own value of `of`. */
export interface LessonCompare {
  label: string;
  value: number;
  of: QuantityRef;
}

export interface LessonStep {
  title?: string;
  /** in the lesson text syntax (core/lesson-text.ts) */
  text: string;
  view?: LessonView;
  /** replaces the current scenario from this step on */
  scenario?: Scenario;
  ask?: LessonAsk;
  compare?: LessonCompare[];
}

/** A fully validated lesson. */
export interface Lesson {
  format: typeof LESSON_FORMAT;
  title: string;
  description?: string;
  scenario: LessonScenario;
  hide?: LessonHide[];
  steps: LessonStep[];
}
