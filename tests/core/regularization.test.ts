import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { forward } from '../../src/core/forward.ts';
import { gradCheck } from '../../src/core/grad-check.ts';
import { mulberry32 } from '../../src/core/init.ts';
import { runIteration } from '../../src/core/iteration.ts';
import type { Regularization, Scenario } from '../../src/core/scenario.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { createWorkspace } from '../../src/core/workspace.ts';

/** A 2-3-2 tanh/sigmoid network with weights in ±[0.2, 1.2] (away from L1's kink at 0) and biases. */
function scenario(regularization?: Regularization, seed = 7): Scenario {
  const u = mulberry32(seed);
  const weight = () => (u() < 0.5 ? -1 : 1) * (0.2 + u());
  const matrix = (rows: number, cols: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, weight));
  const s: Scenario = {
    format: 'backprop-scenario/1',
    layers: [
      { size: 2 },
      { size: 3, activation: { type: 'tanh' }, bias: true },
      { size: 2, activation: { type: 'sigmoid' }, bias: true },
    ],
    weights: [matrix(3, 2), matrix(2, 3)],
    biases: [
      [0.1, -0.2, 0.3],
      [-0.05, 0.15],
    ],
    loss: 'bce',
    data: Array.from({ length: 4 }, () => ({ x: [2 * u() - 1, 2 * u() - 1], y: [u() < 0.5 ? 0 : 1, u()] })),
    optimizer: { type: 'sgd', learningRate: 0.5 },
  };
  if (regularization) s.regularization = regularization;
  return s;
}

/** l1·Σ|w| + (l2/2)·Σw² over the nested weights, summed here independently of the core. */
function penaltyOf(s: Scenario): number {
  const all = s.weights.flat(2);
  const l1 = s.regularization?.l1 ?? 0;
  const l2 = s.regularization?.l2 ?? 0;
  return l1 * all.reduce((t, w) => t + Math.abs(w), 0) + (l2 / 2) * all.reduce((t, w) => t + w * w, 0);
}

const CASES: [string, Regularization][] = [
  ['L1', { l1: 0.03 }],
  ['L2', { l2: 0.2 }],
  ['L1 and L2', { l1: 0.05, l2: 0.1 }],
];

describe('the weight penalty', () => {
  for (const [name, reg] of CASES) {
    it(`${name}: L = L_data + penalty, with the data loss and the penalty kept apart`, () => {
      const plain = compileScenario(scenario());
      const regular = compileScenario(scenario(reg));
      const ws0 = createWorkspace(plain.model, 4);
      const ws1 = createWorkspace(regular.model, 4);
      const dataLoss = forward(plain.model, plain.params, plain.data, 0, 4, ws0);
      const loss = forward(regular.model, regular.params, regular.data, 0, 4, ws1);
      expect(ws1.dataLoss).toBe(dataLoss);
      expect(ws1.penalty).toBeCloseTo(penaltyOf(scenario(reg)), 14);
      expect(loss).toBe(ws1.dataLoss + ws1.penalty);
      expect(ws1.loss).toBe(loss);
    });

    it(`${name}: central differences over every parameter agree with ∂L/∂θ`, () => {
      const check = gradCheck(compileScenario(scenario(reg)));
      expect(check.maxError).toBeLessThan(1e-7);
    });

    it(`${name}: ∂L/∂w gains l1·sign(w) + l2·w, ∂L/∂b nothing`, () => {
      const plain = runIteration(compileScenario(scenario()));
      const s = scenario(reg);
      const regular = runIteration(compileScenario(s));
      const w = s.weights.flat(2);
      w.forEach((wk, k) => {
        const expected = plain.pass.dLdw[k] + (reg.l1 ?? 0) * Math.sign(wk) + (reg.l2 ?? 0) * wk;
        expect(regular.pass.dLdw[k]).toBeCloseTo(expected, 15);
      });
      expect(Array.from(regular.pass.dLdb)).toEqual(Array.from(plain.pass.dLdb));
    });
  }

  it('adds no L1 term to the gradient of a weight at 0 (sign(0) = 0)', () => {
    const s = scenario({ l1: 0.5 });
    s.weights[0][1][0] = 0;
    const plainScenario = scenario();
    plainScenario.weights[0][1][0] = 0;
    const regular = runIteration(compileScenario(s));
    const plain = runIteration(compileScenario(plainScenario));
    const k = 1 * 2 + 0;
    expect(regular.pass.dLdw[k]).toBe(plain.pass.dLdw[k]);
    expect(regular.pass.penalty).toBeCloseTo(penaltyOf(s), 14);
  });

  it('counts frozen weights in the penalty and the gradient, but does not update them', () => {
    const s = scenario({ l2: 0.3 });
    s.trainable = { weights: [false, true] };
    const it0 = runIteration(compileScenario(s));
    expect(it0.pass.penalty).toBeCloseTo(penaltyOf(s), 14);
    const plain = runIteration(compileScenario({ ...s, regularization: undefined }));
    expect(it0.pass.dLdw[0]).toBeCloseTo(plain.pass.dLdw[0] + 0.3 * s.weights[0][0][0], 15);
    expect(it0.after.w[0]).toBe(s.weights[0][0][0]);
  });

  it('is added once per batch, whatever the batch size and the reduction', () => {
    for (const reduction of ['mean', 'sum'] as const) {
      const s = { ...scenario({ l1: 0.02, l2: 0.1 }), reduction, batchSize: 1 };
      const it0 = runIteration(compileScenario(s));
      expect(it0.count).toBe(1);
      expect(it0.pass.loss).toBe(it0.pass.dataLoss + it0.pass.penalty);
      expect(it0.pass.penalty).toBeCloseTo(penaltyOf(s), 14);
    }
  });

  it('shrinks the weights of a training run (L2 decay) and the whole-data loss history is the total', () => {
    const s = scenario({ l2: 0.5 });
    const tr = createTrainer(compileScenario(s));
    const history = train(tr, 20);
    const after = compileScenario({ ...s, ...nestedOf(tr) });
    const ws = createWorkspace(after.model, 4);
    expect(history[20]).toBe(forward(after.model, after.params, after.data, 0, 4, ws));
    expect(ws.penalty).toBeGreaterThan(0);
    const plainTr = createTrainer(compileScenario(scenario()));
    train(plainTr, 20);
    const norm = (w: Float64Array) => w.reduce((t, v) => t + v * v, 0);
    expect(norm(tr.params.w)).toBeLessThan(norm(plainTr.params.w));
  });

  it('is zero and changes nothing when absent', () => {
    const c = compileScenario(scenario());
    const ws = createWorkspace(c.model, 4);
    const loss = forward(c.model, c.params, c.data, 0, 4, ws);
    expect(ws.penalty).toBe(0);
    expect(ws.dataLoss).toBe(loss);
  });
});

function nestedOf(tr: ReturnType<typeof createTrainer>): Pick<Scenario, 'weights' | 'biases'> {
  const m = tr.compiled.model;
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l < m.depth; l++) {
    const rows: number[][] = [];
    for (let j = 0; j < m.sizes[l + 1]; j++)
      rows.push(
        Array.from(tr.params.w.subarray(m.weightOffset[l] + j * m.sizes[l], m.weightOffset[l] + (j + 1) * m.sizes[l])),
      );
    weights.push(rows);
    biases.push(Array.from(tr.params.b.subarray(m.biasOffset[l], m.biasOffset[l + 1])));
  }
  return { weights, biases };
}
