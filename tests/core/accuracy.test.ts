import { describe, expect, it } from 'vitest';
import { accuracy } from '../../src/core/accuracy.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import { outputReading } from '../../src/core/output-reading.ts';
import { createWorkspace } from '../../src/core/workspace.ts';
import { loadPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/core/scenario.ts';

function tanh1(s: Scenario, x: number[]): number {
  let a = x;
  for (let l = 0; l < s.weights.length; l++)
    a = s.weights[l].map((row, j) => Math.tanh(row.reduce((t, w, i) => t + w * a[i], s.biases[l]?.[j] ?? 0)));
  return a[0];
}

describe('accuracy', () => {
  it('counts the samples whose predicted class (sign of a tanh output) is their target’s', () => {
    const s = loadPreset('playground')!;
    const c = compileScenario(s);
    const r = outputReading(c.model, [c.data, c.testData]);
    expect(r).toMatchObject({ kind: 'classes', classes: 2, lo: -1, hi: 1 });
    const ws = createWorkspace(c.model, c.data.count);
    forward(c.model, c.params, c.data, 0, c.data.count, ws);
    const right = s.data.filter((d) => tanh1(s, d.x) >= 0 === d.y[0] >= 0).length;
    expect(accuracy(c.model, ws.a, c.data, r)).toBe(right / s.data.length);
  });

  it('takes the argmax of several outputs and has none for regression', () => {
    const pg = loadPreset('playground')!;
    const three: Scenario = {
      ...pg,
      layers: [pg.layers[0], { size: 3, activation: { type: 'softmax' }, bias: false }] as Scenario['layers'],
      weights: [
        [
          [1, 0],
          [0, 1],
          [-1, -1],
        ],
      ],
      biases: [null],
      loss: 'cross-entropy',
      data: [
        { x: [2, 0], y: [1, 0, 0] },
        { x: [0, 2], y: [0, 1, 0] },
        { x: [-2, -2], y: [0, 0, 1] },
        { x: [-2, -2], y: [1, 0, 0] },
      ],
      testData: undefined,
    };
    const c = compileScenario(three);
    const r = outputReading(c.model, [c.data]);
    expect(r).toMatchObject({ kind: 'classes', classes: 3, probabilities: true });
    const ws = createWorkspace(c.model, 4);
    forward(c.model, c.params, c.data, 0, 4, ws);
    // argmax of (x1, x2, −x1−x2): classes 0, 1, 2, 2 against targets 0, 1, 2, 0
    expect(accuracy(c.model, ws.a, c.data, r)).toBe(3 / 4);
    const lin: Scenario = {
      ...three,
      layers: [pg.layers[0], { size: 1, activation: { type: 'identity' }, bias: false }] as Scenario['layers'],
      weights: [[[1, 1]]],
      loss: 'mse',
      data: [
        { x: [0, 0], y: [0] },
        { x: [1, 0], y: [0.5] },
        { x: [0, 1], y: [2] },
      ],
    };
    const cl = compileScenario(lin);
    const rl = outputReading(cl.model, [cl.data]);
    expect(rl).toMatchObject({ kind: 'values', lo: 0, hi: 2 });
    expect(accuracy(cl.model, new Float64Array(100), cl.data, rl)).toBeNaN();
  });
});

describe('the output reading', () => {
  it('reads a tanh output with many target values (a regression set) as values over [−1, 1]', () => {
    const s = loadPreset('playground')!;
    const reg: Scenario = {
      ...s,
      data: [
        { x: [0, 0], y: [0.1] },
        { x: [1, 0], y: [0.3] },
        { x: [0, 1], y: [-0.2] },
      ],
      testData: undefined,
    };
    const c = compileScenario(reg);
    expect(outputReading(c.model, [c.data])).toMatchObject({ kind: 'values', lo: -1, hi: 1 });
  });
});
