import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { trainWithPath } from '../../src/core/train-path.ts';
import { loadPreset } from '../../src/presets/index.ts';

function trainer(id: string, batchSize?: number) {
  const s = loadPreset(id)!;
  return createTrainer(compileScenario(batchSize === undefined ? s : { ...s, batchSize }));
}

describe('trainWithPath', () => {
  it.each([
    ['numpy-341', undefined, 100, 256],
    ['numpy-341', undefined, 100, 8],
    ['walkthrough', 4, 37, 5],
    ['mazur', undefined, 1, 256],
  ])(
    '%s (batch %s): %i steps give the losses and parameters of one train call, keeping ≤ %i points',
    (id, batch, steps, maxPoints) => {
      const plain = trainer(id, batch);
      const expected = train(plain, steps);
      const tr = trainer(id, batch);
      const start = tr.params.w.slice();
      const { lossHistory, points, at } = trainWithPath(tr, steps, maxPoints);
      expect(Array.from(lossHistory)).toEqual(Array.from(expected));
      expect(Array.from(tr.params.w)).toEqual(Array.from(plain.params.w));
      expect(tr.steps).toBe(steps);
      expect(points.length).toBe(at.length);
      expect(points.length).toBeLessThanOrEqual(maxPoints);
      expect(at[0]).toBe(0);
      expect(at[at.length - 1]).toBe(steps);
      expect(Array.from(points[0].w)).toEqual(Array.from(start));
      expect(Array.from(points[points.length - 1].w)).toEqual(Array.from(plain.params.w));
      // evenly spaced, increasing, and each point a copy the run did not overwrite
      for (let k = 1; k < at.length; k++) expect(at[k]).toBeGreaterThan(at[k - 1]);
      expect(points[0].w).not.toBe(tr.params.w);
    },
  );

  it('with zero steps keeps the start and its loss', () => {
    const tr = trainer('mazur');
    const { lossHistory, points, at } = trainWithPath(tr, 0);
    expect(lossHistory.length).toBe(1);
    expect(lossHistory[0]).toBeCloseTo(0.298371109, 9);
    expect(points.length).toBe(1);
    expect(at).toEqual([0]);
  });
});
