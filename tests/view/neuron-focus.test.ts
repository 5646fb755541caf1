import { describe, expect, it } from 'vitest';
import { buildModel, weightIndex } from '../../src/core/model.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { columnY, focusEdges } from '../../src/view/neuron-focus.ts';

const model = buildModel({
  layers: [
    { size: 3 },
    { size: 4, activation: { type: 'tanh' }, bias: true },
    { size: 2, activation: { type: 'identity' }, bias: true },
  ] as Scenario['layers'],
  loss: 'mse',
});

describe('one neuron node by node', () => {
  it('takes every weight into a hidden neuron from the layer before and out of it to the layer after', () => {
    const { fanIn, fanOut } = focusEdges(model, 1, 2);
    expect(fanIn).toEqual([0, 1, 2].map((i) => ({ k: weightIndex(model, 0, 2, i), other: i })));
    expect(fanOut).toEqual([0, 1].map((k) => ({ k: weightIndex(model, 1, k, 2), other: k })));
  });

  it('has no fan-in for an input node and no fan-out for an output node', () => {
    expect(focusEdges(model, 0, 1).fanIn).toEqual([]);
    expect(focusEdges(model, 0, 1).fanOut.map((e) => e.other)).toEqual([0, 1, 2, 3]);
    expect(focusEdges(model, 2, 0).fanOut).toEqual([]);
    expect(focusEdges(model, 2, 0).fanIn).toHaveLength(4);
  });

  it('spreads a column evenly below the heading', () => {
    expect(columnY(0, 1, 440)).toBe(28 + 200);
    expect(columnY(1, 4, 440) - columnY(0, 4, 440)).toBeCloseTo(100);
    expect(columnY(999, 1000, 440)).toBeLessThan(440);
  });
});
