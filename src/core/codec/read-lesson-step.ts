import {
  DEFAULT_ASK_DIGITS,
  LESSON_LIMITS,
  LESSON_PANELS,
  LESSON_VIEW_FIELDS,
  MAX_ASK_DIGITS,
  type LessonAsk,
  type LessonCompare,
  type LessonStep,
  type LessonView,
} from '../lesson.ts';
import { parseQuantityRef, type QuantityRef } from '../quantity-ref.ts';
import type { Scenario } from '../scenario.ts';
import { parseSelectionKey, type Selection } from '../selection.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath, ROOT } from './json-path.ts';
import { parseScenario } from './parse-scenario.ts';
import {
  describe,
  formatLimit,
  isJsonObject,
  ownField,
  readBoolean,
  readChoice,
  readInteger,
  readList,
  readNumber,
  readText,
  rejectUnknownFields,
  requiredField,
} from './read-json.ts';

export const STEP_FIELDS = ['title', 'text', 'view', 'scenario', 'ask', 'compare'] as const;
const ASK_FIELDS = ['of', 'digits'] as const;
const COMPARE_FIELDS = ['label', 'value', 'of'] as const;

/** A step as read, before it is checked against the network of the scenario in force at it. */
export function readLessonStep(value: unknown, path: string, errors: ErrorList): LessonStep | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected a step object { "text": "...", ... }, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, STEP_FIELDS, path, errors);
  const rawTitle = ownField(value, 'title');
  const title =
    rawTitle === undefined ? undefined : readText(rawTitle, LESSON_LIMITS.stepTitle, fieldPath(path, 'title'), errors);
  const rawText = requiredField(value, 'text', path, errors, "the step's text");
  const text =
    rawText === undefined ? undefined : readText(rawText, LESSON_LIMITS.text, fieldPath(path, 'text'), errors);
  const rawView = ownField(value, 'view');
  const view = rawView === undefined ? undefined : readView(rawView, fieldPath(path, 'view'), errors);
  const rawScenario = ownField(value, 'scenario');
  const scenario =
    rawScenario === undefined ? undefined : readWholeScenario(rawScenario, fieldPath(path, 'scenario'), errors);
  const rawAsk = ownField(value, 'ask');
  const ask = rawAsk === undefined ? undefined : readAsk(rawAsk, fieldPath(path, 'ask'), errors);
  const rawCompare = ownField(value, 'compare');
  const compare =
    rawCompare === undefined ? undefined : readCompareList(rawCompare, fieldPath(path, 'compare'), errors);
  if (errors.count !== before || text === undefined) return undefined;
  const step: LessonStep = { text };
  if (title !== undefined) step.title = title;
  if (view !== undefined) step.view = view;
  if (scenario !== undefined) step.scenario = scenario;
  if (ask !== undefined) step.ask = ask;
  if (compare !== undefined) step.compare = compare;
  return step;
}

/** A whole `backprop-scenario/1` object, its errors' paths put under `path`. */
export function readWholeScenario(value: unknown, path: string, errors: ErrorList): Scenario | undefined {
  if (!isJsonObject(value)) {
    errors.add(
      path,
      `expected a whole scenario object { "format": "backprop-scenario/1", ... }, got ${describe(value)}`,
    );
    return undefined;
  }
  const result = parseScenario(value);
  if (result.ok) return result.value;
  for (const e of result.errors) errors.add(nestedPath(path, e.path), e.message);
  return undefined;
}

/** A path of a nested document put under `parent`: `(root)` → parent, `layers[0]` → `parent.layers[0]`, `[0]` → `parent[0]`. */
export function nestedPath(parent: string, path: string): string {
  if (path === ROOT) return parent;
  return path.startsWith('[') ? `${parent}${path}` : `${parent}.${path}`;
}

function readView(value: unknown, path: string, errors: ErrorList): LessonView | undefined {
  if (!isJsonObject(value)) {
    errors.add(
      path,
      `expected a view object such as { "pos": 9, "sel": "node:2:0", "panel": "math" }, got ${describe(value)}`,
    );
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, LESSON_VIEW_FIELDS, path, errors);
  const view: LessonView = {};
  const field = (key: string) => ownField(value, key);
  const at = (key: string) => fieldPath(path, key);
  if (field('pos') !== undefined) view.pos = readInteger(field('pos'), 0, at('pos'), errors);
  if (field('sample') !== undefined) view.sample = readInteger(field('sample'), 0, at('sample'), errors);
  if (field('sel') !== undefined) view.sel = readSel(field('sel'), at('sel'), errors);
  if (field('panel') !== undefined)
    view.panel = readChoice(field('panel'), LESSON_PANELS, 'panel', at('panel'), errors);
  if (field('z') !== undefined) view.z = readBoolean(field('z'), at('z'), errors);
  if (field('follow') !== undefined) view.follow = readBoolean(field('follow'), at('follow'), errors);
  if (field('worksheet') !== undefined) view.worksheet = readBoolean(field('worksheet'), at('worksheet'), errors);
  return errors.count === before ? view : undefined;
}

function readSel(value: unknown, path: string, errors: ErrorList): Selection | null | undefined {
  if (value === 'none') return null;
  const sel = typeof value === 'string' ? parseSelectionKey(value) : null;
  if (sel !== null) return sel;
  errors.add(path, `expected a selection (edge:l:j:i, bias:l:j, node:l:j, loss or none), got ${describe(value)}`);
  return undefined;
}

/** A quantity reference (`gradient:edge:1:0:0`), its syntax only. */
export function readQuantityRef(value: unknown, path: string, errors: ErrorList): QuantityRef | undefined {
  if (typeof value !== 'string') {
    errors.add(path, `expected a quantity reference such as "gradient:edge:1:0:0", got ${describe(value)}`);
    return undefined;
  }
  const read = parseQuantityRef(value);
  if (read.ok) return read.ref;
  errors.add(path, read.message);
  return undefined;
}

function readAsk(value: unknown, path: string, errors: ErrorList): LessonAsk | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected { "of": "gradient:edge:1:0:0", "digits": 4 }, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, ASK_FIELDS, path, errors);
  const rawOf = requiredField(value, 'of', path, errors, 'a quantity reference');
  const of = rawOf === undefined ? undefined : readQuantityRef(rawOf, fieldPath(path, 'of'), errors);
  const rawDigits = ownField(value, 'digits');
  let digits: number | undefined = DEFAULT_ASK_DIGITS;
  if (rawDigits !== undefined) {
    const ok =
      typeof rawDigits === 'number' && Number.isInteger(rawDigits) && rawDigits >= 1 && rawDigits <= MAX_ASK_DIGITS;
    digits = ok ? rawDigits : undefined;
    if (!ok)
      errors.add(
        fieldPath(path, 'digits'),
        `expected an integer in [1, ${MAX_ASK_DIGITS}] (significant digits), got ${describe(rawDigits)}`,
      );
  }
  return errors.count === before && of !== undefined && digits !== undefined ? { of, digits } : undefined;
}

function readCompareList(value: unknown, path: string, errors: ErrorList): LessonCompare[] | undefined {
  if (Array.isArray(value) && value.length > LESSON_LIMITS.compare) {
    errors.add(path, `${formatLimit(value.length)} comparisons exceed the limit of ${LESSON_LIMITS.compare}`);
    return undefined;
  }
  return readList(
    value,
    { length: undefined, expected: 'comparisons { "label", "value", "of" }' },
    path,
    errors,
    (item, itemPath) => readCompare(item, itemPath, errors),
  );
}

function readCompare(value: unknown, path: string, errors: ErrorList): LessonCompare | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected { "label": "...", "value": 0.5, "of": "a:node:2:0" }, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, COMPARE_FIELDS, path, errors);
  const rawLabel = requiredField(value, 'label', path, errors, 'where the number is printed');
  const label = rawLabel === undefined ? undefined : readText(rawLabel, Infinity, fieldPath(path, 'label'), errors);
  const rawValue = requiredField(value, 'value', path, errors, 'the number as printed');
  const number = rawValue === undefined ? undefined : readNumber(rawValue, fieldPath(path, 'value'), errors);
  const rawOf = requiredField(value, 'of', path, errors, 'a quantity reference');
  const of = rawOf === undefined ? undefined : readQuantityRef(rawOf, fieldPath(path, 'of'), errors);
  if (errors.count !== before || label === undefined || number === undefined || of === undefined) return undefined;
  return { label, value: number, of };
}
