import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { nonFiniteReport } from '../../src/core/non-finite.ts';
import { withWeight } from '../../src/core/scenario-edits.ts';
import { loadPreset } from '../../src/presets/index.ts';

const report = (s: ReturnType<typeof loadPreset>) => {
  const compiled = compileScenario(s!);
  return nonFiniteReport(runIteration(compiled), compiled.model.nodeCount);
};

describe('nonFiniteReport', () => {
  it('is null for every preset', () => {
    for (const id of ['walkthrough', 'little-network', 'numpy-341', 'by-hand-mlp', 'tanh-221', 'mazur'])
      expect(report(loadPreset(id))).toBeNull();
  });

  it('names what overflowed for a huge weight', () => {
    const huge = withWeight(loadPreset('little-network')!, 0, 0, 0, 1e308);
    expect(report(huge)).toEqual({ loss: true, values: true, gradients: true, update: true });
  });

  it('reports an infinite loss from log 0 while the fused gradient stays finite', () => {
    // sigmoid(800) is exactly 1 in float64, so bce with y = 0 is −ln(0) = ∞; the fused δ = ŷ − y stays finite
    const s = withWeight(loadPreset('walkthrough')!, 1, 0, 0, 400);
    const r = report({ ...s, data: [{ x: [1, 2, 3], y: [0] }] });
    expect(r).toEqual({ loss: true, values: false, gradients: false, update: false });
  });
});
