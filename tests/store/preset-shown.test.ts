import { describe, expect, it } from 'vitest';
import { withLayerSize, withParameters, withSamples } from '../../src/core/scenario-edits.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { presetShown } from '../../src/store/preset-shown.ts';

describe('whether the scenario shown is still its preset', () => {
  const preset = loadPreset('playground')!;

  it('is, loaded again, and with other parameters (trained, or a weight typed in)', () => {
    expect(presetShown('playground', loadPreset('playground')!)).toBe(true);
    const weights = preset.weights.map((m) => m.map((row) => row.map((w) => w + 0.5)));
    const biases = preset.biases.map((b) => (b === null ? null : b.map((v) => v - 1)));
    expect(presetShown('playground', withParameters(preset, weights, biases))).toBe(true);
  });

  it('is not with other data, another layer size, another learning rate, or as another preset', () => {
    const data = preset.data.slice(1);
    expect(presetShown('playground', withSamples(preset, { data, testData: preset.testData ?? [] }))).toBe(false);
    expect(presetShown('playground', withLayerSize(preset, 1, 5))).toBe(false);
    expect(presetShown('playground', { ...preset, optimizer: { ...preset.optimizer, learningRate: 0.5 } })).toBe(false);
    expect(presetShown('playground-xor', preset)).toBe(false);
    expect(presetShown('no-such-preset', preset)).toBe(false);
  });
});
