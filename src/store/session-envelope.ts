import { DEFAULT_PRECISION, readPrecision, type Precision } from '../core/format-number.ts';
import { codecFail, codecOk, type CodecError, type CodecResult } from '../core/codec/codec-result.ts';
import { ErrorList } from '../core/codec/error-list.ts';
import { fieldPath, ROOT } from '../core/codec/json-path.ts';
import { parseLesson } from '../core/codec/parse-lesson.ts';
import { parseScenario } from '../core/codec/parse-scenario.ts';
import { serializeLesson } from '../core/codec/serialize-lesson.ts';
import type { Lesson } from '../core/lesson.ts';
import {
  describe,
  isJsonObject,
  ownField,
  readBoolean,
  readChoice,
  readInteger,
  readList,
  readNumber,
  rejectUnknownFields,
  requiredField,
  type JsonObject,
} from '../core/codec/read-json.ts';
import { serializeScenario, type JsonDocument, type JsonValue } from '../core/codec/serialize-scenario.ts';
import { readComparison, type ComparisonSetup } from '../core/comparison.ts';
import { batchRange, compileScenario } from '../core/compile.ts';
import type { OptimizerState, SlotState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseSelectionKey, selectionExists, selectionKey, type Selection } from '../core/selection.ts';
import { buildModel } from '../core/model.ts';
import { stepEventCount } from '../core/step-plan.ts';
import { loadPreset, PRESET_CATALOG, PRESET_IDS } from '../presets/index.ts';
import { TEXT_SIZE_MAX, TEXT_SIZE_MIN, type AppInputs, type Theme } from './app-state.ts';
import type { TrackedInputs } from './undo.ts';
import { lossesOf } from './loss-history.ts';

/**
 * The session saved in the browser, as a versioned JSON envelope around a scenario document:
 *
 *   { "version": 1, "scenario": {backprop-scenario/1}, "presetId": "walkthrough" | null,
 *     "origin": {backprop-scenario/1} | null, "optimizerState": { "t", "w": { "first", "second" }, "b": {…} } | null,
 *     "lossHistory": [number | null], "testLossHistory": [number | null], "position", "sample", "selection": "edge:0:1:2" | null,
 *     "followStep", "showZ", "neuronPictures", "speed", "theme", "presentation", "hash",
 *     "earlierHash": { "hash", "until" } | null,
 *     "comparison": null | { "runs": [optimizer objects], "steps": n }, "worksheet": boolean,
 *     "textSize": integer step of the diagram's text size,
 *     "precision": 4 | 6 | 9 | "full",
 *     "lesson": {backprop-lesson/1} | null, "lessonStep": 0-based step, "lessonAnswered": [steps] }
 *
 * `origin` is written only when the session did not come from a preset (the preset is the
 * origin otherwise); a loss that is not finite is written as null and read back as NaN.
 * `testLossHistory` (the test data's loss after the same steps, step for step with
 * `lossHistory`, or empty) came with test data: a session saved without it has no test curve.
 * `neuronPictures` (the diagram's pictures of each neuron) came with them too: without it, off.
 * `comparison`, `worksheet`, `textSize` and `precision` came later: a session saved without
 * them reads as the default comparison, not in worksheet mode, at the default text size (0)
 * and at 4 significant digits; `lesson`, `lessonStep` and `lessonAnswered` came with the
 * lesson player: a session saved without them has no lesson open. `earlierHash` is the page's
 * address before the app replaced it with `hash`, and when (ms since 1970): a reload started just
 * before the replacement loads it (see openSession); a session saved without it has none.
 * Reading is total, like the scenario codec: a value or path-named errors, never half of one.
 */
export const SESSION_VERSION = 1;

const FIELDS = [
  'version',
  'scenario',
  'presetId',
  'origin',
  'optimizerState',
  'lossHistory',
  'testLossHistory',
  'position',
  'sample',
  'selection',
  'followStep',
  'showZ',
  'neuronPictures',
  'speed',
  'theme',
  'presentation',
  'hash',
  'earlierHash',
  'comparison',
  'worksheet',
  'textSize',
  'precision',
  'lesson',
  'lessonStep',
  'lessonAnswered',
] as const;
const THEMES: readonly Theme[] = ['light', 'dark', 'system'];
const SPEED = { min: 0.25, max: 200 } as const;
/** A URL hash longer than this is not one this app wrote. */
const HASH_LIMIT = 2_000_000;

/** An address the page showed before the app replaced it, and when it was replaced (ms since 1970). */
export interface EarlierHash {
  readonly hash: string;
  readonly until: number;
}

/** What a saved session restores. */
/** (the hidden controls are not saved: they follow from the lesson or the link on reading) */
export interface SavedSession extends Omit<TrackedInputs, 'hidden'> {
  readonly position: number;
  readonly sample: number;
  readonly selection: Selection | null;
  readonly followStep: boolean;
  readonly showZ: boolean;
  readonly neuronPictures: boolean;
  readonly speed: number;
  readonly theme: Theme;
  readonly presentation: boolean;
  /** the page's URL hash when it was saved: reloading that URL restores this session */
  readonly hash: string;
  /** the page's address before the app replaced it with `hash`, and when (ms since 1970) */
  readonly earlierHash: EarlierHash | null;
  readonly comparison: ComparisonSetup | null;
  readonly worksheet: boolean;
  readonly textSize: number;
  readonly precision: Precision;
  readonly lesson: Lesson | null;
  readonly lessonStep: number;
  readonly lessonAnswered: readonly number[];
}

type SessionSource = TrackedInputs &
  Pick<
    AppInputs,
    | 'position'
    | 'sample'
    | 'batchShown'
    | 'selection'
    | 'followStep'
    | 'showZ'
    | 'neuronPictures'
    | 'speed'
    | 'theme'
    | 'presentation'
    | 'comparison'
    | 'worksheet'
    | 'textSize'
    | 'precision'
    | 'lesson'
    | 'lessonStep'
    | 'lessonAnswered'
  >;

function slotDocument(slot: SlotState): JsonDocument {
  return { first: Array.from(slot.first), second: Array.from(slot.second) };
}

/** The envelope of a session, as a JSON document (JSON.stringify it to store it). */
export function sessionEnvelope(s: SessionSource, hash: string, earlierHash: EarlierHash | null = null): JsonDocument {
  const opt = s.optimizerState;
  return {
    version: SESSION_VERSION,
    scenario: serializeScenario(s.scenario),
    presetId: s.presetId,
    origin: s.presetId === null ? serializeScenario(s.origin) : null,
    optimizerState: opt === null ? null : { t: opt.t, w: slotDocument(opt.w), b: slotDocument(opt.b) },
    // JSON has no NaN or ∞: JSON.stringify writes them as null, which reads back as NaN.
    lossHistory: Array.from(s.run.lossHistory),
    testLossHistory: Array.from(s.run.testLossHistory),
    position: s.position,
    // a batch picked on the data view is not saved: the sample is kept only within the step's own batch
    sample: s.batchShown && s.batchShown.at === s.optimizerState ? 0 : s.sample,
    selection: s.selection === null ? null : selectionKey(s.selection),
    followStep: s.followStep,
    showZ: s.showZ,
    neuronPictures: s.neuronPictures,
    speed: s.speed,
    theme: s.theme,
    presentation: s.presentation,
    hash,
    earlierHash: earlierHash === null ? null : { hash: earlierHash.hash, until: earlierHash.until },
    comparison: s.comparison as JsonValue,
    worksheet: s.worksheet,
    textSize: s.textSize,
    precision: s.precision,
    lesson: s.lesson === null ? null : serializeLesson(s.lesson),
    lessonStep: s.lessonStep,
    lessonAnswered: [...s.lessonAnswered],
  };
}

/** The open lesson, its step and its answered asks; a session saved before lessons has none. */
function readLessonFields(
  doc: JsonObject,
  errors: ErrorList,
): { lesson: Lesson | null; lessonStep: number; lessonAnswered: number[] } | undefined {
  const raw = ownField(doc, 'lesson');
  if (raw === undefined || raw === null) return { lesson: null, lessonStep: 0, lessonAnswered: [] };
  const result = parseLesson(raw, PRESET_CATALOG);
  if (!result.ok) {
    for (const e of result.errors)
      errors.add(
        e.path === ROOT ? 'lesson' : e.path.startsWith('[') ? `lesson${e.path}` : `lesson.${e.path}`,
        e.message,
      );
    return undefined;
  }
  const count = result.value.steps.length;
  const rawStep = ownField(doc, 'lessonStep');
  const step = rawStep === undefined ? 0 : readInteger(rawStep, 0, 'lessonStep', errors);
  if (step === undefined) return undefined;
  if (step >= count) {
    errors.add('lessonStep', `expected an integer in [0, ${count - 1}] (the lesson has ${count} steps), got ${step}`);
    return undefined;
  }
  const rawAnswered = ownField(doc, 'lessonAnswered');
  const answered =
    rawAnswered === undefined
      ? []
      : readList(rawAnswered, { length: undefined, expected: 'step indices' }, 'lessonAnswered', errors, (x, p) => {
          const n = readInteger(x, 0, p, errors);
          if (n === undefined || n < count) return n;
          errors.add(p, `expected a step index in [0, ${count - 1}], got ${n}`);
          return undefined;
        });
  if (answered === undefined || answered.some((n) => n === undefined)) return undefined;
  return {
    lesson: result.value,
    lessonStep: step,
    lessonAnswered: [...new Set(answered as number[])].sort((a, b) => a - b),
  };
}

/** A scenario inside the envelope, its errors' paths under `key`. */
function readScenarioAt(doc: JsonObject, key: string, errors: ErrorList): Scenario | undefined {
  const value = requiredField(doc, key, ROOT, errors, 'a scenario document');
  if (value === undefined) return undefined;
  const result = parseScenario(value);
  if (result.ok) return result.value;
  for (const e of result.errors)
    errors.add(e.path === ROOT ? key : e.path.startsWith('[') ? `${key}${e.path}` : `${key}.${e.path}`, e.message);
  return undefined;
}

function readSlot(value: unknown, length: number, path: string, errors: ErrorList): SlotState | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected { "first": [...], "second": [...] }, got ${describe(value)}`);
    return undefined;
  }
  rejectUnknownFields(value, ['first', 'second'], path, errors);
  const shape = { length, expected: `${length} numbers` };
  const read = (key: string) => {
    const raw = requiredField(value, key, path, errors, `${length} numbers`);
    const list =
      raw === undefined
        ? undefined
        : readList(raw, shape, fieldPath(path, key), errors, (x, p) => readNumber(x, p, errors));
    return list === undefined ? undefined : Float64Array.from(list);
  };
  const first = read('first');
  const second = read('second');
  return first && second ? { first, second } : undefined;
}

function readOptimizerState(value: unknown, scenario: Scenario, errors: ErrorList): OptimizerState | null | undefined {
  if (value === null) return null;
  const path = 'optimizerState';
  if (!isJsonObject(value)) {
    errors.add(path, `expected null or { "t", "w", "b" }, got ${describe(value)}`);
    return undefined;
  }
  rejectUnknownFields(value, ['t', 'w', 'b'], path, errors);
  const { model } = compileScenario(scenario);
  const rawT = requiredField(value, 't', path, errors, 'an integer ≥ 0');
  const t = rawT === undefined ? undefined : readInteger(rawT, 0, `${path}.t`, errors);
  const rawW = requiredField(value, 'w', path, errors, "the weights' state");
  const rawB = requiredField(value, 'b', path, errors, "the biases' state");
  const w = rawW === undefined ? undefined : readSlot(rawW, model.weightCount, `${path}.w`, errors);
  const b = rawB === undefined ? undefined : readSlot(rawB, model.biasCount, `${path}.b`, errors);
  return t !== undefined && w && b ? { t, w, b } : undefined;
}

function readLossHistory(value: unknown, errors: ErrorList, key = 'lossHistory'): number[] | undefined {
  return readList(
    value,
    { length: undefined, expected: 'losses (numbers, or null for one that was not finite)' },
    key,
    errors,
    (x, p) => {
      if (x === null) return NaN;
      return readNumber(x, p, errors);
    },
  );
}

function readIndexBelow(
  doc: JsonObject,
  key: string,
  limit: number,
  what: string,
  errors: ErrorList,
): number | undefined {
  const value = requiredField(doc, key, ROOT, errors, `an integer in [0, ${limit - 1}]`);
  if (value === undefined) return undefined;
  const n = readInteger(value, 0, key, errors);
  if (n === undefined) return undefined;
  if (n < limit) return n;
  errors.add(key, `expected an integer in [0, ${limit - 1}] (${what}), got ${n}`);
  return undefined;
}

function readSelection(value: unknown, scenario: Scenario, errors: ErrorList): Selection | null | undefined {
  if (value === null) return null;
  const sel = typeof value === 'string' ? parseSelectionKey(value) : null;
  if (sel === null) {
    errors.add(
      'selection',
      `expected null or a key such as "edge:0:1:2", "node:1:0", "bias:0:1", "loss", got ${describe(value)}`,
    );
    return undefined;
  }
  if (selectionExists(buildModel(scenario), sel)) return sel;
  errors.add('selection', `the network has no ${describe(value)}`);
  return undefined;
}

/** Reads a saved session envelope (a JSON value). Never throws. */
export function parseSessionEnvelope(value: unknown): CodecResult<SavedSession> {
  const errors = new ErrorList();
  if (!isJsonObject(value))
    return codecFail([
      {
        path: ROOT,
        message: `expected a saved session { "version": ${SESSION_VERSION}, ... }, got ${describe(value)}`,
      },
    ]);
  const version = ownField(value, 'version');
  if (version !== SESSION_VERSION) {
    const message =
      typeof version === 'number'
        ? `saved by another version of Backprop Lab (session format ${version}; this one reads ${SESSION_VERSION})`
        : `expected ${SESSION_VERSION}, got ${describe(version)}`;
    return codecFail([{ path: 'version', message }]);
  }
  rejectUnknownFields(value, FIELDS, ROOT, errors);
  const read = <T>(key: string, expected: string, reader: (x: unknown) => T | undefined): T | undefined => {
    const raw = requiredField(value, key, ROOT, errors, expected);
    return raw === undefined ? undefined : reader(raw);
  };

  const scenario = readScenarioAt(value, 'scenario', errors);
  const presetId = read('presetId', 'a preset id or null', (x) =>
    x === null ? null : readChoice(x, PRESET_IDS, 'preset', 'presetId', errors),
  );
  let origin: Scenario | undefined;
  if (presetId === null) origin = readScenarioAt(value, 'origin', errors);
  else if (presetId !== undefined) origin = loadPreset(presetId) ?? undefined;
  const followStep = read('followStep', 'true or false', (x) => readBoolean(x, 'followStep', errors));
  const showZ = read('showZ', 'true or false', (x) => readBoolean(x, 'showZ', errors));
  const rawPictures = ownField(value, 'neuronPictures');
  const neuronPictures = rawPictures === undefined ? false : readBoolean(rawPictures, 'neuronPictures', errors);
  const presentation = read('presentation', 'true or false', (x) => readBoolean(x, 'presentation', errors));
  const theme = read('theme', THEMES.join(', '), (x) => readChoice(x, THEMES, 'theme', 'theme', errors));
  const speed = read('speed', `a number in [${SPEED.min}, ${SPEED.max}]`, (x) => {
    const n = readNumber(x, 'speed', errors);
    if (n === undefined || (n >= SPEED.min && n <= SPEED.max)) return n;
    errors.add('speed', `expected a number in [${SPEED.min}, ${SPEED.max}], got ${n}`);
    return undefined;
  });
  const hash = read('hash', 'a string', (x) => {
    if (typeof x === 'string' && x.length <= HASH_LIMIT) return x;
    errors.add('hash', `expected the page's URL hash, got ${describe(x)}`);
    return undefined;
  });
  const lossHistory = read('lossHistory', 'an array of losses', (x) => readLossHistory(x, errors));
  const rawTestLosses = ownField(value, 'testLossHistory');
  let testLossHistory = rawTestLosses === undefined ? [] : readLossHistory(rawTestLosses, errors, 'testLossHistory');
  if (
    lossHistory !== undefined &&
    testLossHistory !== undefined &&
    testLossHistory.length > 0 &&
    testLossHistory.length !== lossHistory.length
  ) {
    errors.add(
      'testLossHistory',
      `expected ${lossHistory.length} losses (one per lossHistory entry) or none, got ${testLossHistory.length}`,
    );
    testLossHistory = undefined;
  }
  const rawEarlier = ownField(value, 'earlierHash');
  const earlierHash = rawEarlier === undefined || rawEarlier === null ? null : readEarlierHash(rawEarlier, errors);
  const rawComparison = ownField(value, 'comparison');
  const comparison = rawComparison === undefined ? null : readComparison(rawComparison, 'comparison', errors);
  const rawWorksheet = ownField(value, 'worksheet');
  const worksheet = rawWorksheet === undefined ? false : readBoolean(rawWorksheet, 'worksheet', errors);
  const rawTextSize = ownField(value, 'textSize');
  let textSize: number | undefined = 0;
  if (rawTextSize !== undefined) {
    textSize =
      typeof rawTextSize === 'number' &&
      Number.isInteger(rawTextSize) &&
      rawTextSize >= TEXT_SIZE_MIN &&
      rawTextSize <= TEXT_SIZE_MAX
        ? rawTextSize
        : undefined;
    if (textSize === undefined)
      errors.add(
        'textSize',
        `expected an integer from ${TEXT_SIZE_MIN} to ${TEXT_SIZE_MAX}, got ${describe(rawTextSize)}`,
      );
  }
  const rawPrecision = ownField(value, 'precision');
  const precision: Precision | undefined =
    rawPrecision === undefined ? DEFAULT_PRECISION : (readPrecision(rawPrecision) ?? undefined);
  if (precision === undefined) errors.add('precision', `expected 4, 6, 9 or "full", got ${describe(rawPrecision)}`);
  if (scenario === undefined) {
    // Without a scenario the rest cannot be checked against it; what was found so far is reported.
    return codecFail(errors.toArray());
  }

  const optimizerState = read('optimizerState', 'null or the optimizer state', (x) =>
    readOptimizerState(x, scenario, errors),
  );
  const compiled = compileScenario(scenario);
  const events = stepEventCount(compiled.model, compiled.trainable);
  const position = readIndexBelow(value, 'position', events + 1, `the iteration has ${events} steps`, errors);
  const batch = batchRange(compiled.data.count, compiled.batchSize, optimizerState?.t ?? 0).count;
  const sample = readIndexBelow(
    value,
    'sample',
    batch,
    `the batch has ${batch} sample${batch === 1 ? '' : 's'}`,
    errors,
  );
  const selection = read('selection', 'null or a selection key', (x) => readSelection(x, scenario, errors));
  const lessonFields = readLessonFields(value, errors);

  if (errors.count > 0) return codecFail(errors.toArray());
  const session = {
    scenario,
    presetId,
    origin,
    optimizerState,
    lossHistory,
    testLossHistory,
    position,
    sample,
    selection,
    followStep,
    showZ,
    neuronPictures,
    speed,
    theme,
    presentation,
    hash,
    earlierHash,
    comparison,
    worksheet,
    textSize,
    precision,
    ...(lessonFields ?? { lesson: undefined }),
  };
  if (Object.values(session).some((v) => v === undefined))
    return codecFail([{ path: ROOT, message: 'not a valid saved session' }]);
  const { lossHistory: losses, testLossHistory: testLosses, ...rest } = session;
  // the path of the last run is not saved (it is large): a restored session has none to draw
  return codecOk({
    ...rest,
    run: { lossHistory: lossesOf(losses as number[]), testLossHistory: lossesOf(testLosses as number[]), path: [] },
  } as SavedSession);
}

function readEarlierHash(x: unknown, errors: ErrorList): EarlierHash | undefined {
  if (isJsonObject(x)) {
    const hash = ownField(x, 'hash');
    const until = ownField(x, 'until');
    if (
      Object.keys(x).length === 2 &&
      typeof hash === 'string' &&
      hash.length <= HASH_LIMIT &&
      typeof until === 'number' &&
      Number.isFinite(until)
    )
      return { hash, until };
  }
  errors.add(
    'earlierHash',
    `expected null or { "hash": the page's earlier URL hash, "until": a time }, got ${describe(x)}`,
  );
  return undefined;
}

/** Reads a saved session from the text in storage; text that is not JSON is one error that says so. */
export function parseSessionText(text: string): CodecResult<SavedSession> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const errors: CodecError[] = [
      { path: ROOT, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` },
    ];
    return codecFail(errors);
  }
  return parseSessionEnvelope(value);
}
