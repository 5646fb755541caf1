import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createOptimizerState } from '../../src/core/optimizer.ts';
import {
  LINK_MAX_NUMBERS,
  SESSION_MAX_NUMBERS,
  sessionNumbers,
  writtenNumbers,
} from '../../src/store/document-size.ts';

/** A 2-3-1 network, weights written out, the output layer without bias; 2 samples and 1 held out. */
function small(init: boolean): Scenario {
  return {
    format: 'backprop-scenario/1',
    layers: [
      { size: 2 },
      { size: 3, activation: 'tanh' as const, bias: true },
      { size: 1, activation: 'identity' as const, bias: false },
    ],
    weights: [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [[7, 8, 9]],
    ],
    biases: [[0.1, 0.2, 0.3], null],
    ...(init ? { init: { type: 'xavier' as const, seed: 1 } } : {}),
    loss: 'mse' as const,
    data: [
      { x: [0, 1], y: [1] },
      { x: [1, 0], y: [0] },
    ],
    testData: [{ x: [1, 1], y: [0] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  } as unknown as Scenario;
}

describe('the numbers a document writes', () => {
  it('counts weights, biases that exist, and every sample number', () => {
    // weights 2·3 + 3·1 = 9, biases 3 (the output layer has none), samples 2·3, held out 1·3
    expect(writtenNumbers(small(false))).toBe(9 + 3 + 6 + 3);
  });

  it('an init stands for the weights: only the samples are written', () => {
    expect(writtenNumbers(small(true))).toBe(6 + 3);
  });

  it('a session adds the origin when it is no preset, the optimizer state and the loss history', () => {
    const scenario = small(false);
    const run = { lossHistory: [1, 2, 3], testLossHistory: [4] };
    const base = { scenario, origin: small(true), optimizerState: null, run };
    expect(sessionNumbers({ ...base, presetId: 'xor' })).toBe(21 + 4);
    expect(sessionNumbers({ ...base, presetId: null })).toBe(21 + 9 + 4);
    // 9 weights and 3 biases, two slots each
    expect(sessionNumbers({ ...base, presetId: 'xor', optimizerState: createOptimizerState(9, 3) })).toBe(21 + 4 + 24);
  });

  it('the format’s 100,000 samples of 8+1 are past both limits; a preset is within them', () => {
    const many = { ...small(true), data: Array.from({ length: 100_000 }, () => ({ x: [0, 0], y: [0] })) };
    expect(writtenNumbers(many)).toBeGreaterThan(LINK_MAX_NUMBERS);
    expect(writtenNumbers(many)).toBeGreaterThan(SESSION_MAX_NUMBERS);
    const preset = loadPreset('walkthrough')!;
    expect(writtenNumbers(preset)).toBeLessThan(LINK_MAX_NUMBERS);
  });
});
