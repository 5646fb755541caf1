import { LESSON_CONTROLS, type LessonControl } from './app-state.ts';

/** What each lesson flag hides, in words for the share popover and the lesson badge. */
export const LESSON_LABELS: Readonly<Record<LessonControl, string>> = {
  architecture: 'Architecture editor (layer sizes, add and remove layers)',
  settings: 'Settings (the whole panel)',
  training: 'Training buttons',
  worksheet: 'Worksheet switch (the link decides; End and the step buttons do not skip the blanks)',
  presets: 'Preset menu (and opening other files)',
};

/** The `hide=` value of a set of hidden controls: comma-separated, in the order of LESSON_CONTROLS, no duplicates. */
export function hideParam(hidden: readonly LessonControl[]): string {
  return LESSON_CONTROLS.filter((c) => hidden.includes(c)).join(',');
}

/**
 * The controls named by a `hide=` value, and the names it holds that are no control (to be
 * reported, never thrown). Empty entries (`hide=` or a trailing comma) are not errors.
 */
export function readHideParam(value: string): { hidden: LessonControl[]; unknown: string[] } {
  const hidden: LessonControl[] = [];
  const unknown: string[] = [];
  for (const name of value.split(',')) {
    if (name === '') continue;
    if ((LESSON_CONTROLS as readonly string[]).includes(name)) {
      if (!hidden.includes(name as LessonControl)) hidden.push(name as LessonControl);
    } else unknown.push(name);
  }
  return { hidden: LESSON_CONTROLS.filter((c) => hidden.includes(c)), unknown };
}
