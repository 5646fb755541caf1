import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { loadPreset, PRESET_IDS } from '../../src/presets/index.ts';
import { buildNetworkNames, buildNetworkViewModel, type NetworkViewInput } from '../../src/view/network-view-model.ts';

function input(id: string, position: number, over: Partial<NetworkViewInput> = {}): NetworkViewInput {
  const scenario = loadPreset(id)!;
  const compiled = compileScenario(scenario);
  return {
    scenario,
    compiled,
    iteration: runIteration(compiled),
    plan: buildStepPlan(compiled.model, compiled.trainable),
    position,
    sample: 0,
    selection: null,
    ...over,
  };
}

describe('network view model', () => {
  it('has one entry per node, weight and bias of the network, keyed by indices', () => {
    const vm = buildNetworkViewModel(input('walkthrough', 0));
    expect(vm.nodes.map((n) => n.key)).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1', '2:0']);
    expect(vm.nodes.map((n) => n.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(vm.nodes.map((n) => n.kind)).toEqual(['input', 'input', 'input', 'hidden', 'hidden', 'output']);
    expect(vm.edges.map((e) => e.key)).toEqual([
      '0:0:0',
      '0:0:1',
      '0:0:2',
      '0:1:0',
      '0:1:1',
      '0:1:2',
      '1:0:0',
      '1:0:1',
    ]);
    expect(vm.edges.map((e) => e.name)).toEqual(['AD', 'BD', 'CD', 'AE', 'BE', 'CE', 'DF', 'EF']);
    expect(vm.biases).toEqual([]);
    expect(vm.shape).toBe('3-2-1|00');
    expect(vm.layers.map((l) => l.activationLabel)).toEqual(['input', 'ReLU', 'σ']);
    expect(vm.lossFunction).toBe('BCE');
    const mazur = buildNetworkViewModel(input('mazur', 0));
    expect(mazur.biases.map((b) => `${b.key} ${b.name}`)).toEqual([
      '0:0 b₁ (h₁)',
      '0:1 b₁ (h₂)',
      '1:0 b₂ (o₁)',
      '1:1 b₂ (o₂)',
    ]);
    expect(mazur.edges.map((e) => e.name)).toEqual(['w₁', 'w₂', 'w₃', 'w₄', 'w₅', 'w₆', 'w₇', 'w₈']);
    expect(mazur.nodes.filter((n) => n.kind === 'output').map((n) => n.targetName)).toEqual(['y₁', 'y₂']);
  });

  it.each(PRESET_IDS)(
    '%s: blanks at position 0 except inputs, targets and parameters; nothing is current yet',
    (id) => {
      const inp = input(id, 0);
      const vm = buildNetworkViewModel(inp);
      for (const n of vm.nodes) {
        expect(n.aKnown).toBe(n.kind === 'input');
        if (n.kind !== 'input') expect(n.zKnown).toBe(false);
        expect(n.deltaKnown).toBe(false);
      }
      for (const e of vm.edges) {
        expect(e.gradKnown).toBe(false);
        expect(e.updated).toBe(false);
      }
      for (const b of vm.biases) expect(b.gradKnown || b.updated).toBe(false);
      expect(vm.loss.known).toBe(false);
      expect(vm.phase).toBe('forward');
      expect(
        vm.nodes.some((n) => n.current) ||
          vm.edges.some((e) => e.current) ||
          vm.biases.some((b) => b.current) ||
          vm.loss.current,
      ).toBe(false);
      const first = buildNetworkViewModel({ ...inp, position: 1 });
      expect(first.nodes.filter((n) => n.current)).toMatchObject([{ l: 1, j: 0, currentPart: 'z', zKnown: true }]);
    },
  );

  it.each(PRESET_IDS)(
    '%s: everything known at the end, trainable parameters updated, only the last update current',
    (id) => {
      const inp = input(id, Infinity);
      const vm = buildNetworkViewModel(inp);
      expect(vm.position).toBe(inp.plan.events.length);
      expect(vm.phase).toBe('done');
      for (const n of vm.nodes) expect(n.zKnown && n.aKnown && n.deltaKnown && !n.current).toBe(true);
      const last = inp.plan.events[inp.plan.events.length - 1];
      for (const e of vm.edges) {
        expect(e.gradKnown).toBe(true);
        expect(e.updated).toBe(!e.frozen);
        expect(e.current).toBe(last.kind === 'weight-update' && last.l === e.l && last.j === e.j && last.i === e.i);
      }
      for (const b of vm.biases) expect(b.gradKnown && b.updated === !b.frozen).toBe(true);
      expect(vm.loss.known).toBe(true);
    },
  );

  it('flags the event just done as current, for every kind of event', () => {
    const inp = input('mazur', 0);
    for (let p = 1; p <= inp.plan.events.length; p++) {
      const vm = buildNetworkViewModel({ ...inp, position: p });
      const ev = inp.plan.events[p - 1];
      const flagged = [
        ...vm.nodes.filter((n) => n.current).map((n) => `${n.currentPart} ${n.key}`),
        ...vm.edges
          .filter((e) => e.current)
          .map((e) => `${e.currentPart === 'grad' ? 'weight-grad' : 'weight-update'} ${e.key}`),
        ...vm.biases
          .filter((b) => b.current)
          .map((b) => `${b.currentPart === 'grad' ? 'bias-grad' : 'bias-update'} ${b.key}`),
        ...(vm.loss.current ? ['loss'] : []),
      ];
      const expected =
        ev.kind === 'loss' ? 'loss' : `${ev.kind} ${[ev.l, ev.j, ...('i' in ev ? [ev.i] : [])].join(':')}`;
      expect(flagged).toEqual([expected]);
    }
  });

  it('knows a value exactly from the event after the one computing it', () => {
    const inp = input('by-hand-mlp', 0);
    const { plan, compiled } = inp;
    const n = compiled.model.nodeOffset[1];
    const before = buildNetworkViewModel({ ...inp, position: plan.aAt[n] });
    const after = buildNetworkViewModel({ ...inp, position: plan.aAt[n] + 1 });
    expect(before.nodes[n].aKnown).toBe(false);
    expect(before.nodes[n].zKnown).toBe(true);
    expect(after.nodes[n].aKnown).toBe(true);
    const k = compiled.model.weightCount - 1;
    expect(buildNetworkViewModel({ ...inp, position: plan.weightGradAt[k] }).edges[k].gradKnown).toBe(false);
    expect(buildNetworkViewModel({ ...inp, position: plan.weightGradAt[k] + 1 }).edges[k].gradKnown).toBe(true);
  });

  it('carries the core’s numbers exactly, for the selected sample', () => {
    const inp = input('walkthrough', 3, { sample: 2 });
    const vm = buildNetworkViewModel(inp);
    const { pass, params, after } = inp.iteration;
    const { model, data } = inp.compiled;
    expect(vm.sample).toBe(2);
    vm.nodes.forEach((node, n) => {
      const at = 2 * model.nodeCount + n;
      expect(Object.is(node.z, pass.z[at])).toBe(true);
      expect(node.a).toBe(pass.a[at]);
      expect(node.dLdz).toBe(pass.dLdz[at]);
      expect(node.dLda).toBe(pass.dLda[at]);
    });
    expect(vm.nodes[5].target).toBe(data.y[2]);
    vm.edges.forEach((e, k) => {
      expect(e.weight).toBe(params.w[k]);
      expect(e.weightAfter).toBe(after.w[k]);
      expect(e.grad).toBe(pass.dLdw[k]);
    });
    expect(vm.loss.value).toBe(pass.loss);
    expect(vm.loss.sampleValue).toBe(pass.sampleLoss[2]);
    expect(buildNetworkViewModel({ ...inp, sample: 99 }).sample).toBe(5);
  });

  it('marks frozen parameters and the selection', () => {
    const mazur = buildNetworkViewModel(input('mazur', 0, { selection: { kind: 'bias', l: 1, j: 0 } }));
    expect(mazur.biases.every((b) => b.frozen)).toBe(true);
    expect(mazur.edges.some((e) => e.frozen)).toBe(false);
    expect(mazur.biases.filter((b) => b.selected).map((b) => b.key)).toEqual(['1:0']);
    const little = buildNetworkViewModel(input('little-network', 0, { selection: { kind: 'edge', l: 0, j: 0, i: 0 } }));
    expect(little.edges.filter((e) => !e.frozen).map((e) => e.key)).toEqual(['0:0:0']);
    expect(little.edges.filter((e) => e.selected).map((e) => e.key)).toEqual(['0:0:0']);
    const node = buildNetworkViewModel(input('walkthrough', 0, { selection: { kind: 'node', l: 1, j: 1 } }));
    expect(node.nodes.filter((n) => n.selected).map((n) => n.key)).toEqual(['1:1']);
    expect(buildNetworkViewModel(input('walkthrough', 0, { selection: { kind: 'loss' } })).loss.selected).toBe(true);
  });

  it('reuses precomputed names', () => {
    const inp = input('mazur', 0);
    const names = buildNetworkNames(inp.scenario, inp.compiled.model);
    const vm = buildNetworkViewModel({ ...inp, names: { ...names, weights: names.weights.map((w) => `${w}!`) } });
    expect(vm.edges[0].name).toBe('w₁!');
  });
});
