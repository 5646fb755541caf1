import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { serializeScenario } from '../../src/core/codec/serialize-scenario.ts';
import { withLayerSize, withSamples } from '../../src/core/scenario-edits.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { loadPreset } from '../../src/presets/index.ts';

const valid = (s: Scenario) => {
  const r = parseScenario(serializeScenario(s));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.value;
};

describe('edits of the samples and test samples', () => {
  const base: Scenario = { ...loadPreset('tanh-221')!, testData: [{ x: [0.5, 0.5], y: [0.25] }] };

  it('resizing the input or the output layer resizes testData as data', () => {
    const wider = valid(withLayerSize(base, 0, 3));
    expect(wider.testData).toEqual([{ x: [0.5, 0.5, 0], y: [0.25] }]);
    const last = base.layers.length - 1;
    const twoOut = valid(withLayerSize(base, last, 2));
    expect(twoOut.testData).toEqual([{ x: [0.5, 0.5], y: [0.25, 0] }]);
    expect(withLayerSize(base, 1, 3).testData).toBe(base.testData);
  });

  it('withSamples replaces data and testData, drops an empty testData and clamps the batch size', () => {
    const s: Scenario = { ...loadPreset('walkthrough')!, batchSize: 2, testData: [{ x: [1, 1, 1], y: [1] }] };
    const one = valid(withSamples(s, { data: [{ x: [1, 2, 3], y: [0.5] }], testData: [] }));
    expect(one.data).toEqual([{ x: [1, 2, 3], y: [0.5] }]);
    expect('testData' in one).toBe(false);
    expect(one.batchSize).toBe(1);
    const two = valid(withSamples(s, { data: s.data, testData: [{ x: [0, 0, 0], y: [1] }] }));
    expect(two.testData).toEqual([{ x: [0, 0, 0], y: [1] }]);
    expect(two.batchSize).toBe(2);
  });
});
