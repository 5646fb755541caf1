import { describe, expect, it } from 'vitest';
import { biasName, nameToText, nodeName, parseLabel, targetName, weightName } from '../../src/core/notation.ts';
import type { Scenario } from '../../src/core/scenario.ts';

const net: Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'> = {
  layers: [
    { size: 2 },
    { size: 12, activation: { type: 'relu' }, bias: true },
    { size: 1, activation: { type: 'sigmoid' }, bias: true, labels: ['F'] },
  ],
};

describe('notation', () => {
  it('reads labels as base_sub^sup', () => {
    expect(parseLabel('xh_1')).toEqual({ base: 'xh', sub: '1', sup: '' });
    expect(parseLabel('H_{21}')).toEqual({ base: 'H', sub: '21', sup: '' });
    expect(parseLabel('w^{(2)}_{12}')).toEqual({ base: 'w', sub: '12', sup: '(2)' });
    expect(parseLabel('EF')).toEqual({ base: 'EF', sub: '', sup: '' });
    expect(parseLabel('_x')).toEqual({ base: '_x', sub: '', sup: '' });
    expect(parseLabel('a_1 b')).toEqual({ base: 'a_1 b', sub: '', sup: '' });
  });

  it('names nodes, weights and biases by default as x₁, h₁⁽¹⁾, ŷ₁, w⁽¹⁾ⱼᵢ, b⁽¹⁾ⱼ', () => {
    expect(nameToText(nodeName(net, 0, 1))).toBe('x₂');
    expect(nameToText(nodeName(net, 1, 0))).toBe('h₁⁽¹⁾');
    expect(nameToText(nodeName(net, 2, 0))).toBe('F');
    expect(nameToText(weightName(net, 0, 2, 1))).toBe('w₃₂⁽¹⁾');
    expect(nameToText(weightName(net, 0, 11, 1))).toBe('w₁₂,₂⁽¹⁾');
    expect(nameToText(biasName(net, 1, 0))).toBe('b₁⁽²⁾');
    expect(nameToText(targetName(net, 0))).toBe('y');
  });

  it('falls back to _ and ^ where Unicode has no script letter', () => {
    expect(nameToText({ base: 'w', sub: 'AB', sup: '' })).toBe('w_{AB}');
    expect(nameToText({ base: 'w', sub: 'Q', sup: '' })).toBe('w_Q');
  });
});

describe('target names', () => {
  it('never take the name of an output labelled y', () => {
    const byHand: Pick<Scenario, 'layers'> = { layers: [{ size: 1 }, { size: 2, activation: { type: 'softmax' }, bias: true, labels: ['y_1', 'y_2'] }] };
    expect(nameToText(targetName(byHand, 1))).toBe('t₂');
    const plain: Pick<Scenario, 'layers'> = { layers: [{ size: 1 }, { size: 2, activation: { type: 'sigmoid' }, bias: true }] };
    expect(nameToText(targetName(plain, 1))).toBe('y₂');
  });
});
