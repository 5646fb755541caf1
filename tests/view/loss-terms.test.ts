// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createNetworkView, type NetworkView } from '../../src/view/network-view.ts';
import { buildNetworkViewModel } from '../../src/view/network-view-model.ts';

/** The loss node carries each output's term of the shown sample's loss (Mazur's E_o1, E_o2), in its tooltip. */
function vmOf(id: string, position: number) {
  const scenario = loadPreset(id)!;
  const compiled = compileScenario(scenario);
  const iteration = runIteration(compiled);
  const plan = buildStepPlan(compiled.model, compiled.trainable);
  return {
    plan,
    vm: buildNetworkViewModel({ scenario, compiled, iteration, plan, position, sample: 0, selection: null }),
  };
}

let view: NetworkView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
});

describe("the loss node's output terms", () => {
  it("Mazur: E_o1 = 0.274811083176155 and E_o2 = 0.023560025583847746 (the oracle's exact values)", () => {
    const { plan, vm } = vmOf('mazur', 33);
    expect(plan.events.length).toBe(33);
    expect(vm.loss.terms.map((t) => t.name)).toEqual(['o₁', 'o₂']);
    expect(vm.loss.terms[0].value).toBeCloseTo(0.274811083176155, 14);
    expect(vm.loss.terms[1].value).toBeCloseTo(0.023560025583847746, 14);
  });

  it('none for a single output', () => {
    expect(vmOf('walkthrough', 0).vm.loss.terms).toEqual([]);
  });

  it('the tooltip adds them up once the loss is known, and not before', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.appendChild(svg);
    view = createNetworkView(svg, { onSelect: vi.fn() });
    view.update(vmOf('mazur', 0).vm);
    const title = () => svg.querySelector('[data-loss] > title')?.textContent ?? '';
    expect(title()).not.toContain('o₁');
    view.update(vmOf('mazur', 33).vm);
    expect(title()).toContain('l(o₁) + l(o₂) = 0.274811083176155 + 0.023560025583847746');
  });
});
