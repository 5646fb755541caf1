import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { buildStepPlan, eventSelection, isKnown, phaseOf, selectionEventIndex } from '../../src/core/step-plan.ts';
import { everySelection } from '../helpers/every-selection.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';

function plan(id: string) {
  const compiled = compileScenario(loadPreset(id)!);
  return { compiled, plan: buildStepPlan(compiled.model, compiled.trainable) };
}

describe('the step plan of one iteration', () => {
  it('walks the walkthrough network in the order of a hand calculation', () => {
    const { plan: p } = plan('walkthrough');
    const names = p.events.map((e) => [e.kind, ...('l' in e ? [e.l, e.j] : []), ...('i' in e ? [e.i] : [])].join(' '));
    expect(names).toEqual([
      'z 1 0',
      'a 1 0',
      'z 1 1',
      'a 1 1',
      'z 2 0',
      'a 2 0',
      'loss',
      'delta 2 0',
      'weight-grad 1 0 0',
      'weight-grad 1 0 1',
      'delta 1 0',
      'delta 1 1',
      'weight-grad 0 0 0',
      'weight-grad 0 0 1',
      'weight-grad 0 0 2',
      'weight-grad 0 1 0',
      'weight-grad 0 1 1',
      'weight-grad 0 1 2',
      'weight-update 0 0 0',
      'weight-update 0 0 1',
      'weight-update 0 0 2',
      'weight-update 0 1 0',
      'weight-update 0 1 1',
      'weight-update 0 1 2',
      'weight-update 1 0 0',
      'weight-update 1 0 1',
    ]);
    expect(p.phaseStart).toEqual({ forward: 0, loss: 6, backward: 7, update: 18 });
    expect(p.events.map(phaseOf).slice(5, 9)).toEqual(['forward', 'loss', 'backward', 'backward']);
  });

  it('computes every z of a softmax layer before its a’s (softmax needs the whole z vector); other layers z then a, node by node', () => {
    const { plan: p } = plan('by-hand-mlp');
    const forward = p.events.slice(0, p.lossAt).map((e) => ('l' in e ? `${e.kind} ${e.l} ${e.j}` : e.kind));
    expect(forward).toEqual([
      // layer 1 (ReLU) and layer 2 (ReLU): z then a, node by node
      ...[0, 1, 2, 3].flatMap((j) => [`z 1 ${j}`, `a 1 ${j}`]),
      ...[0, 1].flatMap((j) => [`z 2 ${j}`, `a 2 ${j}`]),
      // layer 3 (softmax): the vector z, then softmax of it
      'z 3 0',
      'z 3 1',
      'z 3 2',
      'a 3 0',
      'a 3 1',
      'a 3 2',
    ]);
    expect(Array.from(p.zAt.slice(9))).toEqual([12, 13, 14]);
    expect(Array.from(p.aAt.slice(9))).toEqual([15, 16, 17]);
  });

  it('orders a hidden softmax layer the same way, and leaves the layers around it z then a', () => {
    const r = parseScenario({
      format: 'backprop-scenario/1',
      layers: [
        { size: 1 },
        { size: 2, activation: 'softmax', bias: false },
        { size: 2, activation: 'sigmoid', bias: false },
      ],
      weights: [
        [[1], [2]],
        [
          [1, 2],
          [3, 4],
        ],
      ],
      loss: 'mse',
      data: [{ x: [1], y: [0, 1] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const c = compileScenario(r.value);
    const p = buildStepPlan(c.model, c.trainable);
    const forward = p.events.slice(0, p.lossAt).map((e) => ('l' in e ? `${e.kind} ${e.l} ${e.j}` : e.kind));
    expect(forward).toEqual(['z 1 0', 'z 1 1', 'a 1 0', 'a 1 1', 'z 2 0', 'a 2 0', 'z 2 1', 'a 2 1']);
  });

  it('puts bias gradients after their node’s edges and skips frozen parameters in the update', () => {
    const { compiled, plan: p } = plan('mazur');
    expect(p.events.filter((e) => e.kind === 'bias-grad')).toHaveLength(4);
    expect(p.events.filter((e) => e.kind === 'bias-update')).toHaveLength(0);
    expect(Array.from(p.biasUpdateAt)).toEqual([-1, -1, -1, -1]);
    expect(p.events.filter((e) => e.kind === 'weight-update')).toHaveLength(compiled.model.weightCount);
    const little = plan('little-network').plan;
    expect(little.events.filter((e) => e.kind === 'weight-update')).toEqual([
      { kind: 'weight-update', l: 0, j: 0, i: 0 },
    ]);
  });

  it('indexes every quantity by the event that computes it, so nothing is known before its event', () => {
    const { compiled, plan: p } = plan('by-hand-mlp');
    const { model } = compiled;
    for (let n = model.sizes[0]; n < model.nodeCount; n++) {
      expect(p.zAt[n]).toBeLessThan(p.aAt[n]);
      expect(p.aAt[n]).toBeLessThan(p.lossAt);
      expect(p.deltaAt[n]).toBeGreaterThan(p.lossAt);
      expect(isKnown(p.aAt[n], p.aAt[n])).toBe(false);
      expect(isKnown(p.aAt[n], p.aAt[n] + 1)).toBe(true);
    }
    for (let k = 0; k < model.weightCount; k++) {
      expect(p.weightGradAt[k]).toBeGreaterThan(p.lossAt);
      expect(p.weightUpdateAt[k]).toBeGreaterThanOrEqual(p.phaseStart.update);
    }
    // 9 nodes × (z, a), the loss, 9 δ, 12 + 8 + 6 weights and 9 biases, each once for its gradient and once for its update
    expect(p.events).toHaveLength(2 * 9 + 1 + 9 + 26 + 9 + 26 + 9);
  });

  it('names for every selection the event that computes its derivation’s value', () => {
    for (const id of ['walkthrough', 'by-hand-mlp', 'mazur']) {
      const { compiled, plan: p } = plan(id);
      for (const sel of everySelection(compiled.model)) {
        const k = selectionEventIndex(p, compiled.model, sel);
        if (sel.kind === 'bias' && !compiled.model.hasBias[sel.l]) {
          expect(k).toBe(-1);
          continue;
        }
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThan(p.phaseStart.update);
        const event = p.events[k];
        // the event is about the selection itself (an input node's ∂L/∂a completes with the last backward event)
        if (sel.kind === 'node' && sel.l === 0) expect(k).toBe(p.phaseStart.update - 1);
        else expect(eventSelection(event)).toEqual(sel);
        expect(phaseOf(event)).toBe(sel.kind === 'loss' ? 'loss' : 'backward');
      }
    }
  });
});

describe('the plan of a big network', () => {
  it('counts its events without listing them, and reads each one from its typed columns', async () => {
    const { stepEventCount } = await import('../../src/core/step-plan.ts');
    const { compileScenario } = await import('../../src/core/compile.ts');
    const { parseScenario } = await import('../../src/core/codec/parse-scenario.ts');
    const r = parseScenario({
      format: 'backprop-scenario/1',
      layers: [
        { size: 3 },
        { size: 4, activation: 'relu', bias: false },
        { size: 2, activation: 'sigmoid', bias: true },
      ],
      weights: [
        [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
          [1, 2, 3],
        ],
        [
          [1, 2, 3, 4],
          [5, 6, 7, 8],
        ],
      ],
      trainable: {
        weights: [
          true,
          [
            [false, true, true, true],
            [true, true, true, true],
          ],
        ],
        biases: [null, [true, false]],
      },
      loss: 'mse',
      data: [{ x: [1, 2, 3], y: [0, 1] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const c = compileScenario(r.value);
    const plan = buildStepPlan(c.model, c.trainable);
    // z, a, δ of 6 nodes; the loss; 20 weight and 2 bias gradients; 19 weight and 1 bias updates
    expect(stepEventCount(c.model, c.trainable)).toBe(18 + 1 + 22 + 20);
    expect(plan.events.length).toBe(61);
    const events = Array.from({ length: plan.events.length }, (_, k) => plan.events[k]);
    expect(events[0]).toEqual({ kind: 'z', l: 1, j: 0 });
    expect(events[12]).toEqual({ kind: 'loss' });
    expect(events.filter((e) => e.kind === 'weight-update')).toHaveLength(19);
    expect(events.filter((e) => e.kind === 'bias-update')).toEqual([{ kind: 'bias-update', l: 1, j: 0 }]);
    expect(events[60]).toEqual({ kind: 'weight-update', l: 1, j: 1, i: 3 });
    expect(plan.events[61]).toBeUndefined();
    expect(plan.events.map((e) => e.kind)).toEqual(events.map((e) => e.kind));
    expect(plan.weightUpdateAt[12]).toBe(-1);
  });
});
