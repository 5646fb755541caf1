import { parseLesson } from '../core/codec/parse-lesson.ts';
import type { Lesson } from '../core/lesson.ts';
import { PRESET_CATALOG } from '../presets/index.ts';
import byHandMlp from './by-hand-mlp.json';
import littleNetwork from './little-network.json';
import mazur from './mazur.json';
import numpy341 from './numpy-341.json';
import tanh221 from './tanh-221.json';
import walkthrough from './walkthrough.json';

/** A built-in lesson: its id, its name in the menu, the tutorial it walks through, and the `backprop-lesson/1` document. */
export interface BuiltInLesson {
  readonly id: string;
  /** its name in the preset menu's lesson group: short enough to show whole in the toolbar */
  readonly name: string;
  readonly tutorial: string;
  readonly document: unknown;
}

/** One lesson per tutorial the presets come from, in the order of the preset menu. */
export const BUILT_IN_LESSONS: readonly BuiltInLesson[] = [
  {
    id: 'walkthrough',
    name: 'Walkthrough lesson',
    tutorial: 'seed 000: Gradient Descent and Backpropagation Walkthrough',
    document: walkthrough,
  },
  {
    id: 'little-network',
    name: 'Little network lesson',
    tutorial: 'seed 001: a little neural network',
    document: littleNetwork,
  },
  {
    id: 'numpy-341',
    name: 'NumPy 3-4-1 lesson',
    tutorial: 'seed 002: A Step-by-Step Implementation of Gradient Descent and Backpropagation',
    document: numpy341,
  },
  {
    id: 'by-hand-mlp',
    name: 'By hand lesson',
    tutorial: 'seed 003: Backpropagation and Gradient Descent (Coding by Hand)',
    document: byHandMlp,
  },
  {
    id: 'tanh-221',
    name: 'tanh 2-2-1 lesson',
    tutorial: 'seed 004: Gradient Descent, Feedforward and Backpropagation',
    document: tanh221,
  },
  {
    id: 'mazur',
    name: 'Mazur lesson',
    tutorial: 'Matt Mazur: A Step by Step Backpropagation Example',
    document: mazur,
  },
];

/** The validated built-in lesson `id`, or null for an unknown id. */
export function loadLesson(id: string): Lesson | null {
  const entry = BUILT_IN_LESSONS.find((l) => l.id === id);
  if (!entry) return null;
  const result = parseLesson(entry.document, PRESET_CATALOG);
  if (!result.ok)
    throw new Error(`lesson ${id} is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.value;
}
