import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { defaultPair, paramOptions } from '../../src/components/landscape-options.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('landscape parameter pickers', () => {
  it('list the weights by name, then the biases of layers that have them', () => {
    const s = loadPreset('landscape-local-minimum')!;
    const { model } = compileScenario(s);
    expect(paramOptions(model, s).map((o) => [o.key, o.label])).toEqual([
      ['w:0', 'θ₁'],
      ['w:1', 'θ₂'],
      ['b:0', 'b₁⁽¹⁾'],
    ]);
  });

  it('default to the selected edge or bias and the next one, else the first two', () => {
    const s = loadPreset('walkthrough')!;
    const { model } = compileScenario(s);
    const options = paramOptions(model, s);
    expect(options.map((o) => o.label).slice(0, 3)).toEqual(['AD', 'BD', 'CD']);
    expect(defaultPair(model, options, null)).toEqual(['w:0', 'w:1']);
    expect(defaultPair(model, options, { kind: 'edge', l: 0, j: 1, i: 2 })).toEqual(['w:5', 'w:6']);
    expect(defaultPair(model, options, { kind: 'edge', l: 1, j: 0, i: 1 })).toEqual(['w:7', 'w:0']);
    expect(defaultPair(model, options, { kind: 'node', l: 1, j: 0 })).toEqual(['w:0', 'w:1']);
  });
});
