import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/core/datasets/generate-dataset.ts';
import { withLayerRemoved } from '../../src/core/scenario-edits.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { traceScenario } from '../../src/core/trace.ts';
import { loadPreset } from '../../src/presets/index.ts';

const preset = (id: string): Scenario => {
  const s = loadPreset(id);
  if (s === null) throw new Error(`no preset ${id}`);
  return s;
};

/** The points the description says the preset's data come from. */
function described(generator: 'circle' | 'xor') {
  const g = generateDataset({ generator, count: 200, noise: 0, seed: 1, testFraction: 0.5, targets: 'sign' });
  if (!g.ok) throw new Error('bad settings');
  return g.value;
}

describe('the playground presets', () => {
  it('playground: 2-4-4-1 tanh on the circle data, ±1 targets with ½(ŷ − y)², half the points held out', () => {
    const s = preset('playground');
    expect(s.layers.map((l) => l.size)).toEqual([2, 4, 4, 1]);
    expect(s.layers.slice(1).map((l) => ('activation' in l ? l.activation.type : ''))).toEqual([
      'tanh',
      'tanh',
      'tanh',
    ]);
    expect(s.loss).toBe('half-sse');
    const points = described('circle');
    expect(s.data).toEqual(points.data);
    expect(s.testData).toEqual(points.testData);
    expect(s.data).toHaveLength(100);
    expect(s.testData).toHaveLength(100);
    expect(s.description).toMatch(/TensorFlow Playground/);
  });

  it('playground: 500 steps bring the loss from about 0.52 to about 0.02, the test loss with it (as its note says)', () => {
    const t = traceScenario(preset('playground'), 500);
    const h = t.training!.lossHistory;
    const test = t.training!.testLossHistory!;
    expect(h[0].toFixed(2)).toBe('0.52');
    expect(h[500].toFixed(2)).toBe('0.02');
    expect(test[500]).toBeLessThan(0.03);
  });

  it('playground-xor: learns XOR with its hidden layer, and stops near 0.49 without it (as its note says)', () => {
    const s = preset('playground-xor');
    const points = described('xor');
    expect(s.data).toEqual(points.data);
    expect(s.testData).toEqual(points.testData);
    expect(s.layers.map((l) => l.size)).toEqual([2, 4, 1]);
    const t = traceScenario(s, 500);
    expect(t.training!.lossHistory[0].toFixed(2)).toBe('0.63');
    expect(t.training!.lossHistory[500].toFixed(2)).toBe('0.07');
    expect(t.training!.testLossHistory![500].toFixed(2)).toBe('0.04');
    const flat = traceScenario(withLayerRemoved(s, 1), 3000);
    expect(flat.training!.lossHistory[3000].toFixed(2)).toBe('0.49');
    expect(s.description).toMatch(/0\.63.*0\.07.*0\.04.*0\.49/s);
  });
});
