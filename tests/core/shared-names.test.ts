import { describe, expect, it } from 'vitest';
import { withNotation } from '../../src/core/notation-labels.ts';
import { biasMark, marked, sharedNames, weightMark } from '../../src/core/shared-names.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('names that look shared', () => {
  it('finds Mazur’s two b₁ and two b₂ and marks each by the node it feeds', () => {
    const mazur = loadPreset('mazur')!;
    expect([...sharedNames(mazur).biases].sort()).toEqual(['b₁', 'b₂']);
    expect(sharedNames(mazur).weights.size).toBe(0);
    expect([biasMark(mazur, 0, 0), biasMark(mazur, 0, 1), biasMark(mazur, 1, 0), biasMark(mazur, 1, 1)]).toEqual([
      'h₁',
      'h₂',
      'o₁',
      'o₂',
    ]);
    expect(weightMark(mazur, 1, 0, 0)).toBe('');
    expect(marked(biasMark(mazur, 0, 1))).toBe(' (h₂)');
    expect(marked(weightMark(mazur, 1, 0, 0))).toBe('');
  });

  it('marks a repeated weight name by the nodes it joins', () => {
    const s = loadPreset('mazur')!;
    const twice = {
      ...s,
      weightLabels: [
        s.weightLabels![0],
        [
          ['v', 'w_6'],
          ['v', 'w_8'],
        ],
      ],
    };
    expect([...sharedNames(twice).weights]).toEqual(['v']);
    expect(weightMark(twice, 1, 0, 0)).toBe('h₁ → o₁');
    expect(weightMark(twice, 1, 1, 0)).toBe('h₁ → o₂');
    expect(weightMark(twice, 1, 0, 1)).toBe('');
  });

  it('finds none where every name is generated, in every notation', () => {
    const s = loadPreset('by-hand-mlp')!;
    for (const n of ['indices', 'letters', 'net-out', 'bracketed'] as const) {
      const named = withNotation(s, n);
      expect(sharedNames(named).weights.size, n).toBe(0);
      expect(sharedNames(named).biases.size, n).toBe(0);
    }
  });
});
