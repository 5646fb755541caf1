import { describe, expect, it } from 'vitest';
import {
  biasName,
  isNotation,
  nameToText,
  nodeName,
  NOTATIONS,
  parseLabel,
  targetName,
  weightName,
  type NameParts,
} from '../../src/core/notation.ts';
import { nameToLabel, withNotation } from '../../src/core/notation-labels.ts';
import { loadPreset } from '../../src/presets/index.ts';
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
    const byHand: Pick<Scenario, 'layers'> = {
      layers: [{ size: 1 }, { size: 2, activation: { type: 'softmax' }, bias: true, labels: ['y_1', 'y_2'] }],
    };
    expect(nameToText(targetName(byHand, 1))).toBe('t₂');
    const plain: Pick<Scenario, 'layers'> = {
      layers: [{ size: 1 }, { size: 2, activation: { type: 'sigmoid' }, bias: true }],
    };
    expect(nameToText(targetName(plain, 1))).toBe('y₂');
  });

  it('are T for an output labelled Y, as the little-network tutorial writes (X, T) and L = ½(Y − T)²', () => {
    const little: Pick<Scenario, 'layers'> = {
      layers: [{ size: 1 }, { size: 1, activation: { type: 'identity' }, bias: false, labels: ['Y'] }],
    };
    expect(nameToText(targetName(little, 0))).toBe('T');
  });
});

describe('notations', () => {
  // 2-2-2 with biases on both layers, as in Mazur's example, and no labels.
  const mazurShape: Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'> = {
    layers: [
      { size: 2 },
      { size: 2, activation: { type: 'sigmoid' }, bias: true },
      { size: 2, activation: { type: 'sigmoid' }, bias: true },
    ],
  };
  const text = (n: NameParts) => nameToText(n);

  it('lists the four notations and recognises only them', () => {
    expect(NOTATIONS).toEqual(['indices', 'letters', 'net-out', 'bracketed']);
    expect(isNotation('letters')).toBe(true);
    expect(isNotation('greek')).toBe(false);
  });

  it('indices is the default: the same names with and without the argument', () => {
    expect(nodeName(mazurShape, 1, 1, 'indices')).toEqual(nodeName(mazurShape, 1, 1));
    expect(weightName(mazurShape, 1, 0, 1, 'indices')).toEqual(weightName(mazurShape, 1, 0, 1));
    expect(biasName(mazurShape, 0, 1, 'indices')).toEqual(biasName(mazurShape, 0, 1));
    expect(text(weightName(mazurShape, 1, 0, 1, 'indices'))).toBe('w₁₂⁽²⁾');
  });

  it('letters: nodes A, B, … across the network, edges source then destination, biases b_node', () => {
    expect([0, 1].map((j) => text(nodeName(mazurShape, 0, j, 'letters')))).toEqual(['A', 'B']);
    expect([0, 1].map((j) => text(nodeName(mazurShape, 2, j, 'letters')))).toEqual(['E', 'F']);
    expect(text(weightName(mazurShape, 0, 1, 0, 'letters'))).toBe('AD');
    expect(text(weightName(mazurShape, 1, 0, 1, 'letters'))).toBe('DE');
    expect(biasName(mazurShape, 1, 1, 'letters')).toEqual({ base: 'b', sub: 'F', sup: '' });
    const wide: Pick<Scenario, 'layers'> = {
      layers: [{ size: 30 }, { size: 1, activation: { type: 'identity' }, bias: false }],
    };
    expect(text(nodeName(wide, 0, 26, 'letters'))).toBe('AA');
    expect(weightName(wide, 0, 0, 26, 'letters')).toEqual({ base: 'w', sub: 'AA,AE', sup: '' });
  });

  it('net-out: i₁, h₁, o₁, weights w₁ … w₈ and biases b₁ … b₄ numbered across the network', () => {
    expect(text(nodeName(mazurShape, 0, 1, 'net-out'))).toBe('i₂');
    expect(text(nodeName(mazurShape, 1, 0, 'net-out'))).toBe('h₁');
    expect(text(nodeName(mazurShape, 2, 1, 'net-out'))).toBe('o₂');
    // Mazur's order: w₁ = i₁→h₁, w₂ = i₂→h₁, w₃ = i₁→h₂, … w₅ = h₁→o₁, … w₈ = h₂→o₂.
    expect(text(weightName(mazurShape, 0, 0, 1, 'net-out'))).toBe('w₂');
    expect(text(weightName(mazurShape, 0, 1, 0, 'net-out'))).toBe('w₃');
    expect(text(weightName(mazurShape, 1, 0, 0, 'net-out'))).toBe('w₅');
    expect(text(weightName(mazurShape, 1, 1, 1, 'net-out'))).toBe('w₈');
    expect(text(biasName(mazurShape, 0, 0, 'net-out'))).toBe('b₁');
    expect(text(biasName(mazurShape, 1, 1, 'net-out'))).toBe('b₄');
    expect(text(targetName(mazurShape, 1, 'net-out'))).toBe('y₂');
    // With several hidden layers the hidden nodes carry their layer.
    expect(text(nodeName(net4, 2, 0, 'net-out'))).toBe('h₁⁽²⁾');
  });

  it('bracketed: x₁, a[l]ⱼ, ŷ₁, w[l]ᵢⱼ with source i and destination j, b[l]ⱼ', () => {
    expect(text(nodeName(mazurShape, 0, 0, 'bracketed'))).toBe('x₁');
    expect(nodeName(mazurShape, 1, 1, 'bracketed')).toEqual({ base: 'a', sub: '2', sup: '[1]' });
    expect(text(nodeName(mazurShape, 1, 1, 'bracketed'))).toBe('a[1]₂');
    expect(text(nodeName(mazurShape, 2, 0, 'bracketed'))).toBe('ŷ₁');
    expect(text(weightName(mazurShape, 1, 0, 1, 'bracketed'))).toBe('w[2]₂₁');
    expect(text(biasName(mazurShape, 0, 1, 'bracketed'))).toBe('b[1]₂');
    expect(text(targetName(mazurShape, 0, 'bracketed'))).toBe('y₁');
  });

  it('a scenario’s own labels win over every notation', () => {
    for (const notation of NOTATIONS) expect(text(nodeName(net, 2, 0, notation))).toBe('F');
    const labelled = {
      ...mazurShape,
      weightLabels: [
        [
          ['p', 'q'],
          ['r', 's'],
        ],
        [
          ['t', 'u'],
          ['v', 'x'],
        ],
      ],
      biasLabels: [['c', 'd'], null],
    };
    expect(text(weightName(labelled, 1, 0, 1, 'letters'))).toBe('u');
    expect(text(biasName(labelled, 0, 1, 'net-out'))).toBe('d');
    expect(text(biasName(labelled, 1, 0, 'net-out'))).toBe('b₃');
  });
});

const net4: Pick<Scenario, 'layers'> = {
  layers: [
    { size: 2 },
    { size: 2, activation: { type: 'tanh' }, bias: false },
    { size: 2, activation: { type: 'tanh' }, bias: false },
    { size: 1, activation: { type: 'identity' }, bias: false },
  ],
};

describe('withNotation', () => {
  const s: Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'> = {
    layers: [
      { size: 2 },
      { size: 2, activation: { type: 'sigmoid' }, bias: true },
      { size: 1, activation: { type: 'sigmoid' }, bias: false, labels: ['out'] },
    ],
  };

  it('returns the scenario itself for the default notation', () => {
    expect(withNotation(s, 'indices')).toBe(s);
  });

  it('labels every element so that the default names speak the notation, keeping own labels', () => {
    for (const notation of NOTATIONS) {
      const named = withNotation(s, notation);
      for (let l = 0; l < s.layers.length; l++)
        for (let j = 0; j < s.layers[l].size; j++) {
          expect(nodeName(named, l, j)).toEqual(nodeName(s, l, j, notation));
        }
      for (let l = 0; l < 2; l++)
        for (let j = 0; j < s.layers[l + 1].size; j++)
          for (let i = 0; i < s.layers[l].size; i++) {
            expect(weightName(named, l, j, i)).toEqual(weightName(s, l, j, i, notation));
          }
      expect(biasName(named, 0, 1)).toEqual(biasName(s, 0, 1, notation));
      if (notation !== 'indices') expect(named.biasLabels?.[1]).toBeNull();
      expect(nameToText(nodeName(named, 2, 0))).toBe('out');
    }
  });

  it('keeps the same labels while only values change, and reads a label back as its parts', () => {
    const a = withNotation(s, 'letters');
    const b = withNotation({ ...s }, 'letters');
    expect(b.layers).toBe(a.layers);
    expect(withNotation(s, 'net-out').layers).not.toBe(a.layers);
    const parts: NameParts = { base: 'w', sub: '12', sup: '[2]' };
    expect(parseLabel(nameToLabel(parts))).toEqual(parts);
  });
});

describe('presets name their elements in their tutorial’s notation', () => {
  const named = (id: string) => {
    const s = loadPreset(id);
    if (!s) throw new Error(id);
    return s;
  };

  it('through their own labels, which win over the switch', () => {
    for (const notation of NOTATIONS) {
      expect(nameToText(weightName(named('walkthrough'), 0, 0, 0, notation))).toBe('AD');
      expect(nameToText(weightName(named('mazur'), 1, 0, 0, notation))).toBe('w₅');
      expect(nameToText(nodeName(named('mazur'), 2, 1, notation))).toBe('o₂');
      expect(nameToText(weightName(named('tanh-221'), 1, 0, 1, notation))).toBe('w[2]₂₁');
      expect(nameToText(nodeName(named('tanh-221'), 1, 0, notation))).toBe('a[1]₁');
      expect(nameToText(weightName(named('little-network'), 0, 0, 0, notation))).toBe('xh₁');
    }
  });

  it('numpy-341 and by-hand have no weight labels and follow the switch, indices by default', () => {
    expect(nameToText(weightName(named('numpy-341'), 0, 1, 2))).toBe('w₂₃⁽¹⁾');
    expect(nameToText(weightName(named('numpy-341'), 0, 1, 2, 'letters'))).toBe('CE');
    expect(nameToText(nodeName(named('by-hand-mlp'), 1, 0))).toBe('h₁⁽¹⁾');
  });
});
