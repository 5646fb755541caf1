/**
 * The built-in lessons as the preset menu lists them: id, short name and tutorial, without
 * their documents, which load (src/lessons/index.ts) only when one is opened, so the page's
 * first load does not carry six lessons' text.
 */
export interface BuiltInLessonEntry {
  readonly id: string;
  /** its name in the preset menu's lesson group: short enough to show whole in the toolbar */
  readonly name: string;
  /** the tutorial it walks through (the menu's tooltip) */
  readonly tutorial: string;
}

/** One lesson per tutorial the presets come from, in the order of the preset menu. */
export const BUILT_IN_LESSON_ENTRIES: readonly BuiltInLessonEntry[] = [
  {
    id: 'walkthrough',
    name: 'Walkthrough lesson',
    tutorial: 'seed 000: Gradient Descent and Backpropagation Walkthrough',
  },
  { id: 'little-network', name: 'Little network lesson', tutorial: 'seed 001: a little neural network' },
  {
    id: 'numpy-341',
    name: 'NumPy 3-4-1 lesson',
    tutorial: 'seed 002: A Step-by-Step Implementation of Gradient Descent and Backpropagation',
  },
  {
    id: 'by-hand-mlp',
    name: 'By hand lesson',
    tutorial: 'seed 003: Backpropagation and Gradient Descent (Coding by Hand)',
  },
  {
    id: 'tanh-221',
    name: 'tanh 2-2-1 lesson',
    tutorial: 'seed 004: Gradient Descent, Feedforward and Backpropagation',
  },
  { id: 'mazur', name: 'Mazur lesson', tutorial: 'Matt Mazur: A Step by Step Backpropagation Example' },
];
