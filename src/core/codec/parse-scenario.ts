import { LIMITS, LOSS_NAMES, REDUCTIONS, SCENARIO_FORMAT, type Scenario } from '../scenario.ts';
import { codecFail, codecOk, type CodecResult } from './codec-result.ts';
import { ErrorList } from './error-list.ts';
import { ROOT } from './json-path.ts';
import { readData } from './read-data.ts';
import {
  describe,
  isJsonObject,
  ownField,
  readChoice,
  readText,
  rejectUnknownFields,
  requiredField,
  stripByteOrderMark,
  type JsonObject,
} from './read-json.ts';
import { readNetwork } from './read-network.ts';
import { readOptimizer } from './read-optimizer.ts';
import { readRegularization } from './read-regularization.ts';
import { readTestData } from './read-test-data.ts';

/** Every top-level field, in the order the serializer writes them. */
export const SCENARIO_FIELDS = [
  'format',
  'title',
  'description',
  'layers',
  'weightLabels',
  'biasLabels',
  'weights',
  'init',
  'biases',
  'trainable',
  'loss',
  'reduction',
  'data',
  'batchSize',
  'optimizer',
  'regularization',
  'testData',
] as const;

/**
 * Reads a `backprop-scenario/1` document (a JSON value). Never throws: returns the
 * normalized scenario, or every error found, each with the JSON path it is about.
 */
export function parseScenario(value: unknown): CodecResult<Scenario> {
  const errors = new ErrorList();
  const scenario = readScenario(value, errors);
  if (scenario !== undefined && errors.count === 0) return codecOk(scenario);
  if (errors.count === 0) errors.add(ROOT, 'not a valid scenario');
  return codecFail(errors.toArray());
}

/** Reads a scenario from JSON text (one leading BOM allowed); text that is not JSON is one error at `(root)` that says where. */
export function parseScenarioText(text: string): CodecResult<Scenario> {
  if (typeof text !== 'string')
    return codecFail([{ path: ROOT, message: `expected JSON text, got ${describe(text)}` }]);
  let value: unknown;
  try {
    value = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    return codecFail([{ path: ROOT, message: `not valid JSON: ${jsonErrorText(error, stripByteOrderMark(text))}` }]);
  }
  return parseScenario(value);
}

/** The parser's own message, plus line and column when it gives only a character position. */
function jsonErrorText(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (position === null || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

function readScenario(value: unknown, errors: ErrorList): Scenario | undefined {
  if (!isJsonObject(value)) {
    errors.add(ROOT, `expected a scenario object { "format": "${SCENARIO_FORMAT}", ... }, got ${describe(value)}`);
    return undefined;
  }
  rejectUnknownFields(value, SCENARIO_FIELDS, ROOT, errors);
  const header = readHeader(value, errors);
  const { network, shape } = readNetwork(value, errors);
  const loss = readRequiredChoice(value, 'loss', LOSS_NAMES, errors);
  const reduction = readOptionalChoice(value, 'reduction', REDUCTIONS, errors);
  const rawData = requiredField(value, 'data', ROOT, errors, 'an array of samples { "x": [...], "y": [...] }');
  const data = rawData === undefined ? undefined : readData(rawData, { shape, loss }, 'data', errors);
  // The bound holds against the number of samples given, even when some sample is bad.
  const sampleCount = Array.isArray(rawData) && rawData.length > 0 ? rawData.length : undefined;
  const batchSize = readBatchSize(ownField(value, 'batchSize'), sampleCount, errors);
  const rawOptimizer = requiredField(
    value,
    'optimizer',
    ROOT,
    errors,
    'an optimizer object such as { "type": "sgd", "learningRate": 0.1 }',
  );
  const optimizer = rawOptimizer === undefined ? undefined : readOptimizer(rawOptimizer, 'optimizer', errors);
  const rawRegularization = ownField(value, 'regularization');
  const regularization =
    rawRegularization === undefined ? undefined : readRegularization(rawRegularization, 'regularization', errors);
  const rawTestData = ownField(value, 'testData');
  const testData =
    rawTestData === undefined
      ? undefined
      : readTestData(rawTestData, { shape, loss }, Array.isArray(rawData) ? rawData.length : 0, errors);
  if (
    header === undefined ||
    network === undefined ||
    loss === undefined ||
    data === undefined ||
    optimizer === undefined
  )
    return undefined;
  const scenario: Scenario = { ...header, ...network, loss, data, optimizer };
  if (reduction !== undefined) scenario.reduction = reduction;
  if (batchSize !== undefined) scenario.batchSize = batchSize;
  if (regularization !== undefined) scenario.regularization = regularization;
  if (testData !== undefined) scenario.testData = testData;
  return scenario;
}

type Header = Pick<Scenario, 'format' | 'title' | 'description'>;

function readHeader(doc: JsonObject, errors: ErrorList): Header | undefined {
  const format = requiredField(doc, 'format', ROOT, errors, JSON.stringify(SCENARIO_FORMAT));
  const rawTitle = ownField(doc, 'title');
  const rawDescription = ownField(doc, 'description');
  const title = rawTitle === undefined ? undefined : readText(rawTitle, LIMITS.title, 'title', errors);
  const description =
    rawDescription === undefined ? undefined : readText(rawDescription, LIMITS.description, 'description', errors);
  if (format === undefined) return undefined;
  if (format !== SCENARIO_FORMAT) {
    errors.add('format', `expected ${JSON.stringify(SCENARIO_FORMAT)}, got ${describe(format)}`);
    return undefined;
  }
  const header: Header = { format: SCENARIO_FORMAT };
  if (title !== undefined) header.title = title;
  if (description !== undefined) header.description = description;
  return header;
}

function readRequiredChoice<T extends string>(
  doc: JsonObject,
  key: string,
  choices: readonly T[],
  errors: ErrorList,
): T | undefined {
  const value = requiredField(doc, key, ROOT, errors, `one of ${choices.join(', ')}`);
  return value === undefined ? undefined : readChoice(value, choices, key, key, errors);
}

function readOptionalChoice<T extends string>(
  doc: JsonObject,
  key: string,
  choices: readonly T[],
  errors: ErrorList,
): T | undefined {
  const value = ownField(doc, key);
  return value === undefined ? undefined : readChoice(value, choices, key, key, errors);
}

/** 1 ≤ batchSize ≤ the number of samples (the upper bound is checked when `data` is a non-empty array). */
function readBatchSize(value: unknown, sampleCount: number | undefined, errors: ErrorList): number | undefined {
  if (value === undefined) return undefined;
  const isInteger = typeof value === 'number' && Number.isInteger(value);
  if (isInteger && value >= 1 && (sampleCount === undefined || value <= sampleCount)) return value;
  const range =
    sampleCount === undefined ? 'an integer ≥ 1' : `an integer in [1, ${sampleCount}] (the number of samples)`;
  errors.add('batchSize', `expected ${range}, got ${describe(value)}`);
  return undefined;
}
