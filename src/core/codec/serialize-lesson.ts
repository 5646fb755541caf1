import type { Lesson, LessonStep, LessonView } from '../lesson.ts';
import { quantityRefKey } from '../quantity-ref.ts';
import { selectionKey } from '../selection.ts';
import { serializeScenario, type JsonDocument, type JsonValue } from './serialize-scenario.ts';

/**
 * The plain JSON document of a lesson, in canonical form: fields in the spec's order, a
 * preset written as `"preset:ID"`, selections and references in their text form, an ask's
 * digits always written. `parseLesson` (with the same presets) reads it back deep-equal.
 */
export function serializeLesson(lesson: Lesson): JsonDocument {
  const doc: JsonDocument = { format: lesson.format, title: lesson.title };
  if (lesson.description !== undefined) doc.description = lesson.description;
  doc.scenario =
    lesson.scenario.presetId === null
      ? serializeScenario(lesson.scenario.scenario)
      : `preset:${lesson.scenario.presetId}`;
  if (lesson.hide !== undefined) doc.hide = lesson.hide.slice();
  doc.steps = lesson.steps.map(writeStep);
  return doc;
}

/** The lesson as JSON text; numbers are written exactly. */
export function lessonToJson(lesson: Lesson, indent = 2): string {
  return JSON.stringify(serializeLesson(lesson), null, indent);
}

function writeStep(step: LessonStep): JsonDocument {
  const doc: JsonDocument = {};
  if (step.title !== undefined) doc.title = step.title;
  doc.text = step.text;
  if (step.view !== undefined) doc.view = writeView(step.view);
  if (step.scenario !== undefined) doc.scenario = serializeScenario(step.scenario);
  if (step.ask !== undefined) doc.ask = { of: quantityRefKey(step.ask.of), digits: step.ask.digits };
  if (step.compare !== undefined)
    doc.compare = step.compare.map((c) => ({ label: c.label, value: c.value, of: quantityRefKey(c.of) }));
  return doc;
}

function writeView(view: LessonView): JsonDocument {
  const doc: { [key: string]: JsonValue } = {};
  if (view.pos !== undefined) doc.pos = view.pos;
  if (view.sample !== undefined) doc.sample = view.sample;
  if (view.sel !== undefined) doc.sel = view.sel === null ? 'none' : selectionKey(view.sel);
  if (view.panel !== undefined) doc.panel = view.panel;
  if (view.z !== undefined) doc.z = view.z;
  if (view.follow !== undefined) doc.follow = view.follow;
  if (view.worksheet !== undefined) doc.worksheet = view.worksheet;
  return doc;
}
