/**
 * Names that share links and lessons have in common: the panels beside the diagram, and
 * the controls a link (`hide=`) can hide. The store and the lesson codec both read them here.
 */

/** What the panel beside the diagram shows. */
export type SideTab = 'math' | 'matrix' | 'landscape' | 'compare' | 'data';
export const SIDE_TABS: readonly SideTab[] = ['math', 'matrix', 'landscape', 'compare', 'data'];

/** Controls a lesson link can hide, so a teacher can hand students a focused exercise. */
export type LessonControl = 'architecture' | 'settings' | 'training' | 'worksheet' | 'presets';
export const LESSON_CONTROLS: readonly LessonControl[] = [
  'architecture',
  'settings',
  'training',
  'worksheet',
  'presets',
];
