import { describe, expect, test } from 'vitest';
import { formatCodecError } from '../../../src/core/codec/codec-result.ts';
import { parseScenario } from '../../../src/core/codec/parse-scenario.ts';
import { serializeScenario } from '../../../src/core/codec/serialize-scenario.ts';
import { minimal } from '../../helpers/minimal-document.ts';

function errorsOf(doc: unknown): string[] {
  const result = parseScenario(doc);
  return result.ok ? [] : result.errors.map(formatCodecError);
}

describe('regularization', () => {
  test.each([[{ l2: 0.01 }], [{ l1: 0.001 }], [{ l1: 0.001, l2: 0.01 }], [{ l1: 0, l2: 0 }]])(
    '%j is read and written back as it was',
    (regularization) => {
      const result = parseScenario(minimal({ regularization }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.regularization).toEqual(regularization);
      expect(serializeScenario(result.value).regularization).toEqual(regularization);
    },
  );

  test.each([
    [{ l2: -0.01 }, 'regularization.l2: expected a finite number ≥ 0, got -0.01'],
    [{ l1: 'x' }, 'regularization.l1: expected a finite number ≥ 0, got "x"'],
    [{ l1: null }, 'regularization.l1: expected a finite number ≥ 0, got null'],
    [{ l2: 0.1, l3: 1 }, 'regularization.l3: unknown field (allowed: l1, l2)'],
    [{}, 'regularization: expected at least one of l1, l2 (leave regularization out for none)'],
    [[0.1], 'regularization: expected an object such as { "l2": 0.01 }, got an array'],
    [0.01, 'regularization: expected an object such as { "l2": 0.01 }, got 0.01'],
  ])('%j is rejected: %s', (regularization, message) => {
    expect(errorsOf(minimal({ regularization }))).toEqual([message]);
  });

  test('absent, nothing is added to the document', () => {
    const result = parseScenario(minimal());
    expect(result.ok && 'regularization' in result.value).toBe(false);
    expect(result.ok && 'regularization' in serializeScenario(result.value)).toBe(false);
  });
});

describe('testData', () => {
  test('is read like data and written after the other fields', () => {
    const testData = [
      { x: [0, 1], y: [2] },
      { x: [-1, 0.5], y: [0] },
    ];
    const result = parseScenario(minimal({ testData, regularization: { l2: 0.5 } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.testData).toEqual(testData);
    const doc = serializeScenario(result.value);
    expect(doc.testData).toEqual(testData);
    const keys = Object.keys(doc);
    expect(keys.slice(-3)).toEqual(['optimizer', 'regularization', 'testData']);
  });

  test.each([
    [[], 'testData: expected at least 1 sample, got none'],
    [{}, 'testData: expected an array of samples { "x": [...], "y": [...] }, got an object'],
    [[{ x: [1], y: [2] }], 'testData[0].x: expected 2 numbers (layers[0].size), got 1'],
    [
      [{ x: [1, 2], y: [2] }, { x: [1, 2] }],
      'testData[1].y: required field is missing (expected an array of 1 number (layers[1].size))',
    ],
    [
      [{ x: [1, 2], y: [Infinity] }],
      'testData[0].y[0]: expected a finite number, got a number out of range (beyond ±1.8e308, such as 1e999)',
    ],
    [[{ x: [1, 2], y: [1], z: 1 }], 'testData[0].z: unknown field (allowed: x, y)'],
  ])('%j is rejected: %s', (testData, message) => {
    expect(errorsOf(minimal({ testData }))).toEqual([message]);
  });

  test('follows the target rules of the loss', () => {
    const doc = minimal({
      layers: [{ size: 2 }, { size: 1, activation: 'sigmoid', bias: true }],
      loss: 'bce',
      data: [{ x: [1, 2], y: [1] }],
      testData: [{ x: [1, 2], y: [1.5] }],
    });
    expect(errorsOf(doc)).toEqual(['testData[0].y[0]: expected a target in [0, 1] for loss bce, got 1.5']);
  });

  test('the sample limit counts data and testData together', () => {
    const sample = { x: [1, 2], y: [3] };
    const data = Array.from({ length: 60_000 }, () => sample);
    const testData = Array.from({ length: 40_001 }, () => sample);
    expect(errorsOf(minimal({ data, testData }))).toEqual([
      'testData: 60,000 samples in data and 40,001 in testData exceed the limit of 100,000 samples (data and testData together)',
    ]);
    expect(errorsOf(minimal({ data, testData: testData.slice(1) }))).toEqual([]);
  });
});
