import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { serializeScenario } from '../../src/core/codec/serialize-scenario.ts';
import { traceScenario } from '../../src/core/trace.ts';
import {
  withBias,
  withLayerBias,
  withLayerInserted,
  withLayerRemoved,
  withLayerSize,
  withSampleAdded,
  withSampleRemoved,
  withWeight,
} from '../../src/core/scenario-edits.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { loadPreset } from '../../src/presets/index.ts';

const valid = (s: Scenario) => {
  const r = parseScenario(serializeScenario(s));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.value;
};

describe('scenario edits', () => {
  it('change one weight or bias and share the rest', () => {
    const s = loadPreset('mazur')!;
    const t = withWeight(s, 1, 0, 1, 9);
    expect(t.weights[1][0]).toEqual([0.4, 9]);
    expect(s.weights[1][0]).toEqual([0.4, 0.45]);
    expect(t.weights[0]).toBe(s.weights[0]);
    expect(withBias(s, 0, 1, 2).biases[0]).toEqual([0.35, 2]);
    expect(withBias(loadPreset('walkthrough')!, 0, 0, 2)).toEqual(loadPreset('walkthrough'));
  });

  it('grow and shrink a layer keeping the weights that still apply', () => {
    const s = loadPreset('walkthrough')!;
    const grown = valid(withLayerSize(s, 1, 3));
    expect(grown.weights[0]).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [0, 0, 0],
    ]);
    expect(grown.weights[1]).toEqual([[1, 1, 0]]);
    // the new node starts silent, so the numbers stay as they were
    expect(traceScenario(grown).loss).toBe(traceScenario(s).loss);
    const shrunk = valid(withLayerSize(grown, 1, 1));
    expect(shrunk.weights).toEqual([[[1, 1, 1]], [[1]]]);
    const moreInputs = valid(withLayerSize(s, 0, 4));
    expect(moreInputs.data[0].x).toEqual([1, 2, 3, 0]);
  });

  it('insert an identity-like hidden layer that leaves the function unchanged, and remove it again', () => {
    const s = loadPreset('mazur')!;
    const deeper = valid(withLayerInserted(s, 2, 2, { type: 'identity' }));
    expect(deeper.layers.map((l) => l.size)).toEqual([2, 2, 2, 2]);
    expect(traceScenario(deeper).loss).toBeCloseTo(traceScenario(s).loss, 15);
    const back = valid(withLayerRemoved(deeper, 2));
    expect(back.weights).toEqual(s.weights);
    expect(back.biases).toEqual(s.biases);
  });

  it('turn biases on and off', () => {
    const s = loadPreset('walkthrough')!;
    const on = valid(withLayerBias(s, 1, true));
    expect(on.biases[0]).toEqual([0, 0]);
    expect(valid(withLayerBias(on, 1, false)).biases[0]).toBeNull();
    const mazurOff = valid(withLayerBias(loadPreset('mazur')!, 2, false));
    expect(mazurOff.biases[1]).toBeNull();
  });

  it('add and remove samples, keeping at least one and a batch size that fits', () => {
    const s = { ...loadPreset('walkthrough')!, batchSize: 6 };
    const more = valid(withSampleAdded(s));
    expect(more.data).toHaveLength(7);
    const fewer = valid(withSampleRemoved(s, 0));
    expect(fewer.data[0].x).toEqual([1, 2, -1]);
    expect(fewer.batchSize).toBe(5);
    const one = valid({ ...s, data: [s.data[0]], batchSize: undefined });
    expect(withSampleRemoved(one, 0)).toBe(one);
  });
});
