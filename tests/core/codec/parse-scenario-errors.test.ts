import { describe, expect, test } from 'vitest';
import { formatCodecError } from '../../../src/core/codec/codec-result.ts';
import { parseScenario, parseScenarioText } from '../../../src/core/codec/parse-scenario.ts';
import { stripByteOrderMark } from '../../../src/core/codec/read-json.ts';
import type { CodecResult } from '../../../src/core/codec/codec-result.ts';
import type { Scenario } from '../../../src/core/scenario.ts';
import { minimal } from '../../helpers/minimal-document.ts';

function errorsOf(result: CodecResult<Scenario>): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatCodecError);
}

/** An array of `length` entries whose first entry counts how often it is read. */
function watchedArray(length: number): { array: unknown[]; reads: () => number } {
  let reads = 0;
  const array: unknown[] = new Array(length).fill(0);
  Object.defineProperty(array, 0, { get: () => ++reads, enumerable: true });
  return { array, reads: () => reads };
}

describe('parseScenario error reporting', () => {
  test('formatCodecError writes "path: message"', () => {
    expect(formatCodecError({ path: 'layers[2].activation', message: 'unknown activation "relux"' })).toBe(
      'layers[2].activation: unknown activation "relux"',
    );
  });

  test('collects the errors of unrelated fields instead of stopping at the first', () => {
    const doc = minimal({
      format: 'x',
      loss: 'l1',
      reduction: 'max',
      optimizer: { type: 'sgd', learningRate: -1 },
      batchSize: 2,
    });
    expect(errorsOf(parseScenario(doc))).toEqual([
      'format: expected "backprop-scenario/1", got "x"',
      'loss: unknown loss "l1" (expected mse, sse, half-sse, bce, cross-entropy)',
      'reduction: unknown reduction "max" (expected mean, sum)',
      'batchSize: expected an integer in [1, 1] (the number of samples), got 2',
      'optimizer.learningRate: expected a number > 0, got -1',
    ]);
  });

  test('bad layers skip the checks that depend on them (no cascade)', () => {
    const doc = minimal({
      layers: [{ size: 2 }, { size: 0, activation: 'identity', bias: true }],
      weights: [[[1, 2, 3]]],
      biases: [[1, 2, 3]],
      data: [{ x: [1, 2, 3], y: [] }],
    });
    expect(errorsOf(parseScenario(doc))).toEqual(['layers[1].size: expected an integer ≥ 1, got 0']);
  });

  test('a bad bias flag skips the bias checks of that layer only', () => {
    const layers = [
      { size: 1 },
      { size: 1, activation: 'relu', bias: 'yes' },
      { size: 1, activation: 'identity', bias: false },
    ];
    const doc = minimal({ layers, weights: [[[1]], [[1]]], biases: [[0], [0]], data: [{ x: [1], y: [1] }] });
    expect(errorsOf(parseScenario(doc))).toEqual([
      'layers[1].bias: expected true or false, got "yes"',
      'biases[1]: expected null (layers[2].bias is false), got an array',
    ]);
  });

  test('samples are still checked for numbers when the layers are bad', () => {
    const doc = minimal({ layers: [{ size: 2 }], data: [{ x: ['1'], y: [0] }] });
    expect(errorsOf(parseScenario(doc))).toEqual([
      'layers: expected at least 2 layers (an input and an output layer), got 1',
      'data[0].x[0]: expected a finite number, got "1"',
    ]);
  });

  test('a hopeless document yields at most 100 errors, then says it stopped', () => {
    const doc = minimal({ data: Array.from({ length: 300 }, () => ({ x: [null, null], y: [0] })) });
    const errors = errorsOf(parseScenario(doc));
    expect(errors).toHaveLength(101);
    expect(errors[0]).toBe('data[0].x[0]: expected a finite number, got null');
    expect(errors[100]).toBe('(root): too many errors: stopped after the first 100');
  });

  test('over the parameter limit, the weights are not walked at all', () => {
    const rows = watchedArray(1024);
    const doc = minimal({
      layers: [{ size: 1024 }, { size: 1024, activation: 'relu', bias: false }],
      weights: [rows.array],
    });
    expect(errorsOf(parseScenario(doc))).toEqual([
      'layers: 1,048,576 parameters (weights and biases) exceed the limit of 1,000,000',
    ]);
    expect(rows.reads()).toBe(0);
  });

  test('over the sample limit, the samples are not walked at all', () => {
    const samples = watchedArray(200_000);
    expect(errorsOf(parseScenario(minimal({ data: samples.array })))).toEqual([
      'data: 200,000 samples exceed the limit of 100,000',
    ]);
    expect(samples.reads()).toBe(0);
  });

  test('a wrong length is reported without walking the entries', () => {
    const row = watchedArray(100_000);
    expect(errorsOf(parseScenario(minimal({ weights: [[row.array]] })))).toEqual([
      'weights[0][0]: expected 2 numbers (layers[0].size), got 100000',
    ]);
    expect(row.reads()).toBe(0);
  });
});

describe('parseScenarioText', () => {
  test('text that is not JSON is one error at (root) saying where', () => {
    const errors = errorsOf(parseScenarioText('{\n  "format": "backprop-scenario/1",\n}'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\(root\): not valid JSON: .*line 3, column 1/);
  });

  test.each(['', 'nul', '{"a":', '[1, 2] x', "{'format': 1}"])('%j is not JSON', (text) => {
    expect(errorsOf(parseScenarioText(text))[0]).toMatch(/^\(root\): not valid JSON: /);
  });

  test('1e999 becomes Infinity in JSON.parse and is rejected as out of range', () => {
    const text = JSON.stringify(minimal()).replace('0.5', '1e999');
    expect(errorsOf(parseScenarioText(text))).toEqual([
      'weights[0][0][0]: expected a finite number, got a number out of range (beyond ±1.8e308, such as 1e999)',
    ]);
    expect(errorsOf(parseScenarioText(JSON.stringify(minimal()).replace('0.5', '-1e999')))).toEqual([
      'weights[0][0][0]: expected a finite number, got a number out of range (beyond ±1.8e308, such as 1e999)',
    ]);
  });

  test('valid JSON that is not a scenario gets the scenario errors', () => {
    expect(errorsOf(parseScenarioText('[]'))).toEqual([
      '(root): expected a scenario object { "format": "backprop-scenario/1", ... }, got an array',
    ]);
  });

  test('a value that is not text is an error, not an exception', () => {
    expect(errorsOf(parseScenarioText(undefined as unknown as string))).toEqual([
      '(root): expected JSON text, got nothing',
    ]);
  });
});

describe('a byte order mark', () => {
  test('one leading U+FEFF is accepted, wherever the text comes from (file, drop, paste, the trace command)', () => {
    const text = JSON.stringify(minimal());
    const plain = parseScenarioText(text);
    expect(plain.ok).toBe(true);
    expect(parseScenarioText(`\uFEFF${text}`)).toEqual(plain);
    expect(stripByteOrderMark('\uFEFF{}')).toBe('{}');
    expect(stripByteOrderMark('{}')).toBe('{}');
  });
  test('a second one, or one elsewhere, is not JSON', () => {
    const text = JSON.stringify(minimal());
    expect(errorsOf(parseScenarioText(`\uFEFF\uFEFF${text}`))[0]).toMatch(/^\(root\): not valid JSON/);
    expect(errorsOf(parseScenarioText(` \uFEFF${text}`))[0]).toMatch(/^\(root\): not valid JSON/);
  });
});
