import {
  LESSON_FORMAT,
  LESSON_HIDE_NAMES,
  LESSON_LIMITS,
  type Lesson,
  type LessonHide,
  type LessonScenario,
  type LessonStep,
} from '../lesson.ts';
import type { Scenario } from '../scenario.ts';
import { checkLessonSteps } from './check-lesson-network.ts';
import { codecFail, codecOk, type CodecResult } from './codec-result.ts';
import { ErrorList } from './error-list.ts';
import { ROOT } from './json-path.ts';
import {
  characterCount,
  describe,
  formatLimit,
  isJsonObject,
  ownField,
  readList,
  readText,
  rejectUnknownFields,
  requiredField,
  type JsonObject,
} from './read-json.ts';
import { readLessonStep, readWholeScenario } from './read-lesson-step.ts';

/** Every top-level field, in the order the serializer writes them. */
export const LESSON_FIELDS = ['format', 'title', 'description', 'scenario', 'hide', 'steps'] as const;

const PRESET_PREFIX = 'preset:';

/** The built-in scenarios a lesson can name as `"preset:ID"`; the core knows none of its own. */
export interface PresetCatalog {
  readonly ids: readonly string[];
  /** the preset's scenario, or null for an id that is no preset */
  load(id: string): Scenario | null;
}

/** A catalog with no presets: every `"preset:ID"` is an error. */
export const NO_PRESETS: PresetCatalog = { ids: [], load: () => null };

/**
 * Reads a `backprop-lesson/1` document (a JSON value). Never throws: returns the lesson, or
 * every error found, each with the JSON path it is about. Beyond the fields' own rules each
 * step is checked against the scenario in force at it (check-lesson-network.ts).
 */
export function parseLesson(value: unknown, presets: PresetCatalog = NO_PRESETS): CodecResult<Lesson> {
  const errors = new ErrorList();
  let lesson: Lesson | undefined;
  try {
    if (documentSize(value, errors)) lesson = readLesson(value, presets, errors);
  } catch (error) {
    // Only a catalog's load can get here; the document is then rejected, never half-read.
    errors.add('scenario', `the preset could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (lesson !== undefined && errors.count === 0) return codecOk(lesson);
  if (errors.count === 0) errors.add(ROOT, 'not a valid lesson');
  return codecFail(errors.toArray());
}

/** Reads a lesson from JSON text; text that is not JSON, or longer than the limit, is one error at `(root)`. */
export function parseLessonJson(text: string, presets: PresetCatalog = NO_PRESETS): CodecResult<Lesson> {
  if (typeof text !== 'string')
    return codecFail([{ path: ROOT, message: `expected JSON text, got ${describe(text)}` }]);
  const errors = new ErrorList();
  if (!withinDocumentLimit(text, errors)) return codecFail(errors.toArray());
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return codecFail([
      { path: ROOT, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
  return parseLesson(value, presets);
}

function withinDocumentLimit(text: string, errors: ErrorList): boolean {
  const characters = text.length <= LESSON_LIMITS.document ? text.length : characterCount(text);
  if (characters <= LESSON_LIMITS.document) return true;
  errors.add(
    ROOT,
    `the lesson document has ${formatLimit(characters)} characters, over the limit of ${formatLimit(LESSON_LIMITS.document)}`,
  );
  return false;
}

/** The limit applies to the document as JSON text: a value is measured as JSON.stringify writes it. */
function documentSize(value: unknown, errors: ErrorList): boolean {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    errors.add(ROOT, 'not a JSON document (it cannot be written as JSON text)');
    return false;
  }
  return text === undefined ? true : withinDocumentLimit(text, errors);
}

function readLesson(value: unknown, presets: PresetCatalog, errors: ErrorList): Lesson | undefined {
  if (!isJsonObject(value)) {
    errors.add(ROOT, `expected a lesson object { "format": "${LESSON_FORMAT}", ... }, got ${describe(value)}`);
    return undefined;
  }
  rejectUnknownFields(value, LESSON_FIELDS, ROOT, errors);
  const format = requiredField(value, 'format', ROOT, errors, JSON.stringify(LESSON_FORMAT));
  if (format !== undefined && format !== LESSON_FORMAT)
    errors.add('format', `expected ${JSON.stringify(LESSON_FORMAT)}, got ${describe(format)}`);
  const rawTitle = requiredField(value, 'title', ROOT, errors, 'plain text');
  const title = rawTitle === undefined ? undefined : readText(rawTitle, LESSON_LIMITS.title, 'title', errors);
  const rawDescription = ownField(value, 'description');
  const description =
    rawDescription === undefined
      ? undefined
      : readText(rawDescription, LESSON_LIMITS.description, 'description', errors);
  const rawScenario = requiredField(value, 'scenario', ROOT, errors, 'a whole scenario or "preset:ID"');
  const scenario = rawScenario === undefined ? undefined : readLessonScenario(rawScenario, presets, errors);
  const rawHide = ownField(value, 'hide');
  const hide = rawHide === undefined ? undefined : readHide(rawHide, errors);
  const steps = readSteps(value, errors);
  if (
    format !== LESSON_FORMAT ||
    title === undefined ||
    scenario === undefined ||
    steps === undefined ||
    errors.count > 0
  )
    return undefined;
  checkLessonSteps(scenario.scenario, steps, errors);
  const lesson: Lesson = { format: LESSON_FORMAT, title, scenario, steps };
  if (description !== undefined) lesson.description = description;
  if (hide !== undefined) lesson.hide = hide;
  return lesson;
}

function readLessonScenario(value: unknown, presets: PresetCatalog, errors: ErrorList): LessonScenario | undefined {
  if (typeof value === 'string') {
    const id = value.startsWith(PRESET_PREFIX) ? value.slice(PRESET_PREFIX.length) : undefined;
    const scenario = id === undefined ? null : presets.load(id);
    if (id !== undefined && scenario !== null) return { presetId: id, scenario };
    const known =
      presets.ids.length === 0 ? 'no presets are known here' : `expected preset:${presets.ids.join(', preset:')}`;
    errors.add(
      'scenario',
      id === undefined
        ? `expected a whole scenario object or "preset:ID", got ${describe(value)}`
        : `unknown preset ${describe(id)} (${known})`,
    );
    return undefined;
  }
  const scenario = readWholeScenario(value, 'scenario', errors);
  return scenario === undefined ? undefined : { presetId: null, scenario };
}

function readHide(value: unknown, errors: ErrorList): LessonHide[] | undefined {
  const seen = new Set<string>();
  return readList(
    value,
    { length: undefined, expected: `control names (${LESSON_HIDE_NAMES.join(', ')})` },
    'hide',
    errors,
    (item, path) => {
      const name = LESSON_HIDE_NAMES.find((n) => n === item);
      if (name === undefined) {
        errors.add(
          path,
          typeof item === 'string'
            ? `unknown control ${describe(item)} (expected ${LESSON_HIDE_NAMES.join(', ')})`
            : `expected a control name, got ${describe(item)}`,
        );
        return undefined;
      }
      if (seen.has(name)) {
        errors.add(path, `"${name}" is named twice`);
        return undefined;
      }
      seen.add(name);
      return name;
    },
  );
}

function readSteps(doc: JsonObject, errors: ErrorList): LessonStep[] | undefined {
  const value = requiredField(doc, 'steps', ROOT, errors, `an array of 1 to ${LESSON_LIMITS.steps} steps`);
  if (value === undefined) return undefined;
  if (Array.isArray(value) && (value.length === 0 || value.length > LESSON_LIMITS.steps)) {
    errors.add(
      'steps',
      value.length === 0
        ? 'a lesson has at least 1 step'
        : `${value.length} steps exceed the limit of ${LESSON_LIMITS.steps}`,
    );
    return undefined;
  }
  return readList(value, { length: undefined, expected: 'steps' }, 'steps', errors, (item, path) =>
    readLessonStep(item, path, errors),
  );
}
