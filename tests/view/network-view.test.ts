// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import type { Selection } from '../../src/core/selection.ts';
import { weightIndex } from '../../src/core/model.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { BLANK } from '../../src/view/format.ts';
import { createNetworkView, type NetworkView, type NetworkViewCallbacks } from '../../src/view/network-view.ts';
import { buildNetworkViewModel, type NetworkViewModel } from '../../src/view/network-view-model.ts';

/** ∂L/∂w of edge l:j:i after setting the first weight to w0 (the core's own pass). */
function gradOf(compiled: ReturnType<typeof compileScenario>, w0: number, l: number, j = 0, i = 0): number {
  const params = { w: compiled.params.w.slice(), b: compiled.params.b.slice() };
  params.w[0] = w0;
  return runIteration(compiled, params).pass.dLdw[weightIndex(compiled.model, l, j, i)];
}

function setup(id: string) {
  const scenario = loadPreset(id)!;
  const compiled = compileScenario(scenario);
  const iteration = runIteration(compiled);
  const plan = buildStepPlan(compiled.model, compiled.trainable);
  const vm = (position: number, selection: Selection | null = null, sample = 0) =>
    buildNetworkViewModel({ scenario, compiled, iteration, plan, position, sample, selection });
  return { scenario, compiled, iteration, plan, vm };
}

/** The view model at the iteration's end with the parameters `params` (an edit's, a drag's or a run's frames). */
function atEnd(
  scenario: Scenario,
  compiled: ReturnType<typeof compileScenario>,
  plan: ReturnType<typeof buildStepPlan>,
) {
  return (params = compiled.params) =>
    buildNetworkViewModel({
      scenario,
      compiled,
      iteration: runIteration(compiled, params),
      plan,
      position: plan.events.length,
      sample: 0,
      selection: null,
    });
}

/** The view model at the iteration's end with the first weight set to w0. */
function withFirstWeight(
  scenario: Scenario,
  compiled: ReturnType<typeof compileScenario>,
  plan: ReturnType<typeof buildStepPlan>,
) {
  const at = atEnd(scenario, compiled, plan);
  return (w0: number) => {
    const params = { w: compiled.params.w.slice(), b: compiled.params.b.slice() };
    params.w[0] = w0;
    return at(params);
  };
}

let view: NetworkView | null = null;
let svg: SVGSVGElement;

function mount(callbacks: Partial<NetworkViewCallbacks> = {}) {
  svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '800');
  svg.setAttribute('height', '500');
  document.body.appendChild(svg);
  const onSelect = vi.fn<(s: Selection | null) => void>();
  view = createNetworkView(svg, { onSelect, ...callbacks });
  return { onSelect, view };
}

afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
});

const all = (sel: string) => Array.from(svg.querySelectorAll(sel));
const one = (sel: string) => svg.querySelector(sel) as SVGGElement;

describe('network view (DOM)', () => {
  it('draws one focusable element per node, weight and bias, plus the loss', () => {
    const w = setup('walkthrough');
    mount().view.update(w.vm(w.plan.events.length));
    expect(all('[data-node]')).toHaveLength(6);
    expect(all('[data-edge]')).toHaveLength(8);
    expect(all('[data-bias]')).toHaveLength(0);
    expect(all('[data-loss]')).toHaveLength(1);
    const focusable = all('[tabindex="0"]');
    expect(focusable).toHaveLength(6 + 8 + 1);
    for (const el of focusable) {
      expect(el.getAttribute('role')).toBe('button');
      expect(el.getAttribute('aria-label')).toBeTruthy();
    }
  });

  it('orders the keyboard focus by the network: layer by layer, edges into a layer before its nodes, the loss last', () => {
    const m = setup('mazur');
    mount().view.update(m.vm(0));
    const order = all('[tabindex="0"]').map((el) => el.getAttribute('data-sel'));
    expect(order).toEqual([
      'node:0:0',
      'node:0:1',
      'edge:0:0:0',
      'edge:0:0:1',
      'edge:0:1:0',
      'edge:0:1:1',
      'bias:0:0',
      'bias:0:1',
      'node:1:0',
      'node:1:1',
      'edge:1:0:0',
      'edge:1:0:1',
      'edge:1:1:0',
      'edge:1:1:1',
      'bias:1:0',
      'bias:1:1',
      'node:2:0',
      'node:2:1',
      'loss',
    ]);
  });

  it('writes the core’s full-precision numbers as data attributes at every step position', () => {
    const w = setup('walkthrough');
    const { view: v } = mount();
    const { pass, params } = w.iteration;
    const { model } = w.compiled;
    for (const position of [0, 7, w.plan.events.length]) {
      v.update(w.vm(position, null, 1));
      for (let l = 0; l < model.depth; l++) {
        for (let j = 0; j < model.sizes[l + 1]; j++) {
          for (let i = 0; i < model.sizes[l]; i++) {
            const k = model.weightOffset[l] + j * model.sizes[l] + i;
            const el = one(`[data-edge="${l}:${j}:${i}"]`);
            expect(el.getAttribute('data-weight')).toBe(String(params.w[k]));
            expect(el.getAttribute('data-grad')).toBe(String(pass.dLdw[k]));
            expect(Number(el.getAttribute('data-grad'))).toBe(pass.dLdw[k]);
            // the value after the step appears once the weight's update is done
            const after = el.getAttribute('data-weight-after');
            if (position === w.plan.events.length) expect(after).toBe(String(w.iteration.after.w[k]));
            else expect(after).toBeNull();
          }
        }
      }
      for (let l = 0; l <= model.depth; l++) {
        for (let j = 0; j < model.sizes[l]; j++) {
          const at = model.nodeCount + model.nodeOffset[l] + j;
          const el = one(`[data-node="${l}:${j}"]`);
          expect(el.getAttribute('data-a')).toBe(String(pass.a[at]));
          expect(el.getAttribute('data-z')).toBe(String(pass.z[at]));
          expect(el.getAttribute('data-dldz')).toBe(String(pass.dLdz[at]));
        }
      }
      expect(one('[data-loss]').getAttribute('data-loss')).toBe(String(pass.loss));
    }
  });

  it('writes biases with their value and gradient', () => {
    const m = setup('mazur');
    mount().view.update(m.vm(m.plan.events.length));
    const { pass, params } = m.iteration;
    const biases = all('[data-bias]');
    expect(biases.map((b) => b.getAttribute('data-bias'))).toEqual(['0:0', '0:1', '1:0', '1:1']);
    biases.forEach((el, k) => {
      expect(el.getAttribute('data-value')).toBe(String(params.b[k]));
      expect(el.getAttribute('data-grad')).toBe(String(pass.dLdb[k]));
      expect(el.getAttribute('aria-label')).toContain('frozen');
      expect(el.classList.contains('bp-frozen')).toBe(true);
    });
  });

  it('reads name, value and gradient in the aria-label, and blanks what is not yet computed', () => {
    const m = setup('mazur');
    const { view: v } = mount();
    v.update(m.vm(m.plan.events.length));
    const w5 = one('[data-edge="1:0:0"]');
    expect(w5.getAttribute('aria-label')).toMatch(/^weight w₅ = 0\.4, updated to 0\.3589, gradient ∂L\/∂w₅ = 0\.08217/);
    expect(one('[data-node="2:0"]').getAttribute('aria-label')).toMatch(
      /^output o₁: z = .*, a = 0\.7514, δ = ∂L\/∂z = .*, target y₁ = 0\.01/,
    );
    expect(one('[data-loss]').getAttribute('aria-label')).toContain('L = 0.2984');
    v.update(m.vm(0));
    expect(w5.getAttribute('aria-label')).toBe('weight w₅ = 0.4, gradient ∂L/∂w₅ not yet computed');
    expect(one('[data-node="1:0"]').getAttribute('aria-label')).toContain('a not yet computed');
    expect(one('[data-loss]').getAttribute('aria-label')).toContain('not yet computed');
    // the numbers stay in the data attributes
    expect(w5.getAttribute('data-grad')).toBe(String(m.iteration.pass.dLdw[4]));
  });

  it('blanks visible text like a worksheet, and fills it in as the position advances', () => {
    const m = setup('mazur');
    const { view: v } = mount();
    v.update(m.vm(0));
    const label = one('.bp-edge-label[data-sel="edge:1:0:0"]');
    expect(label.textContent).toContain('w₅ = 0.4');
    expect(label.textContent).toContain(BLANK);
    const text = (sel: string) => one(`.bp-node-text[data-sel="${sel}"]`).textContent ?? '';
    expect(text('node:1:0')).toContain(`a = ${BLANK}`);
    expect(text('node:0:0')).toContain('x = 0.05');
    expect(one('.bp-loss-text').textContent).toBe(`L = ${BLANK}`);
    v.update(m.vm(m.plan.phaseStart.backward));
    expect(text('node:1:0')).toContain('a = 0.5933');
    expect(one('.bp-loss-text').textContent).toBe('L = 0.2984');
    v.update(m.vm(m.plan.events.length));
    expect(label.textContent).toContain('w₅ → 0.3589');
    expect(label.textContent).toContain('∇ 0.08217');
  });

  it('highlights the current event and outlines the selection', () => {
    const m = setup('mazur');
    const { view: v } = mount();
    v.update(m.vm(1, { kind: 'edge', l: 0, j: 1, i: 0 }));
    expect(
      all('.bp-current')
        .filter((el) => el.hasAttribute('tabindex'))
        .map((el) => el.getAttribute('data-sel')),
    ).toEqual(['node:1:0']);
    const sel = one('[data-edge="0:1:0"]');
    expect(sel.classList.contains('bp-selected')).toBe(true);
    expect(sel.getAttribute('aria-pressed')).toBe('true');
    v.update(m.vm(m.plan.lossAt + 1));
    expect(one('[data-loss]').classList.contains('bp-current')).toBe(true);
    expect(one('[data-node="1:0"]').classList.contains('bp-current')).toBe(false);
  });

  it('encodes sign with a class (dash pattern in CSS) and magnitude with stroke width', () => {
    const m = setup('mazur');
    const { view: v } = mount();
    const vm = m.vm(0);
    v.update({ ...vm, edges: vm.edges.map((e, k) => (k === 0 ? { ...e, weight: -0.15 } : e)) });
    const neg = one('[data-edge="0:0:0"]');
    const pos = one('[data-edge="0:0:1"]');
    expect(neg.classList.contains('bp-neg')).toBe(true);
    expect(pos.classList.contains('bp-pos')).toBe(true);
    const width = (el: Element) => Number(el.querySelector('.bp-line')!.getAttribute('stroke-width'));
    expect(width(one('[data-edge="1:1:1"]'))).toBeGreaterThan(width(pos));
    expect(all('.bp-legend-item.bp-neg')).toHaveLength(1);
  });

  it('reports a click on an edge, a node, a bias label and empty space through onSelect', () => {
    const m = setup('mazur');
    const { view: v, onSelect } = mount();
    v.update(m.vm(0));
    const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    click(one('[data-edge="0:1:0"] .bp-halo'));
    expect(onSelect).toHaveBeenLastCalledWith({ kind: 'edge', l: 0, j: 1, i: 0 });
    click(one('[data-node="2:1"] circle'));
    expect(onSelect).toHaveBeenLastCalledWith({ kind: 'node', l: 2, j: 1 });
    click(one('.bp-bias-label[data-sel="bias:1:0"] text'));
    expect(onSelect).toHaveBeenLastCalledWith({ kind: 'bias', l: 1, j: 0 });
    click(one('[data-loss]'));
    expect(onSelect).toHaveBeenLastCalledWith({ kind: 'loss' });
    click(one('.bp-bg'));
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('selects with Enter or Space on a focused element, and Enter on the selected one asks to edit', () => {
    const w = setup('walkthrough');
    const onEdit = vi.fn();
    const { view: v, onSelect } = mount({ onEdit });
    v.update(w.vm(0));
    const node = one('[data-node="1:1"]');
    node.focus();
    expect(document.activeElement).toBe(node);
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith({ kind: 'node', l: 1, j: 1 });
    const edge = one('[data-edge="1:0:1"]');
    edge.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith({ kind: 'edge', l: 1, j: 0, i: 1 });
    expect(onEdit).not.toHaveBeenCalled();
    v.update(w.vm(0, { kind: 'node', l: 1, j: 1 }));
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onEdit).toHaveBeenCalledWith({ kind: 'node', l: 1, j: 1 }, 'keyboard');
    one('[data-edge="0:0:0"]').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(onEdit).toHaveBeenLastCalledWith({ kind: 'edge', l: 0, j: 0, i: 0 }, 'pointer');
    // A click on the label of the selected edge edits it; on the label of another, it selects.
    v.update(w.vm(0, { kind: 'edge', l: 0, j: 0, i: 0 }));
    const calls = onEdit.mock.calls.length;
    one('.bp-label[data-sel="edge:0:0:1"] .bp-label-value').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith({ kind: 'edge', l: 0, j: 0, i: 1 });
    expect(onEdit.mock.calls.length).toBe(calls);
    one('.bp-label[data-sel="edge:0:0:0"] .bp-label-value').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onEdit).toHaveBeenLastCalledWith({ kind: 'edge', l: 0, j: 0, i: 0 }, 'pointer');
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('keeps focus and elements across updates: a second update does not rebuild the drawing', () => {
    const w = setup('walkthrough');
    const { view: v } = mount();
    v.update(w.vm(0));
    const edge = one('[data-edge="0:1:2"]');
    edge.focus();
    v.update(w.vm(10));
    v.update(w.vm(20, { kind: 'edge', l: 0, j: 1, i: 2 }));
    expect(one('[data-edge="0:1:2"]')).toBe(edge);
    expect(document.activeElement).toBe(edge);
  });

  it('draws every number at the precision of the view model, and gives the full value as the tooltip', () => {
    const m = setup('mazur');
    const { view: v } = mount();
    const end = m.vm(m.plan.events.length);
    v.update(end);
    const w5 = one('[data-edge="1:0:0"]');
    const label = () => one('.bp-edge-label[data-sel="edge:1:0:0"]');
    const w5After = Number(w5.getAttribute('data-weight-after'));
    expect(label().textContent).toContain('0.3589');
    expect(w5.querySelector('title')?.textContent).toContain(`updated to ${String(w5After)}`);
    expect(label().querySelector('title')?.textContent).toContain(String(w5After));
    v.update({ ...end, precision: 9 });
    expect(label().textContent).toContain('0.35891648');
    expect(label().textContent).not.toContain('0.3589 ');
    expect(w5.getAttribute('aria-label')).toContain('updated to 0.35891648');
    v.update({ ...end, precision: 'full' });
    expect(label().textContent).toContain(String(w5After));
    expect(one('[data-loss]').querySelector('title')?.textContent).toContain(
      `L = ${String(Number(one('[data-loss]').getAttribute('data-loss')))}`,
    );
  });

  it('with "show z" off, a step that computes z still shows it while it is the current step', () => {
    const w = setup('walkthrough');
    const { view: v } = mount();
    const k = w.plan.events.findIndex((e) => e.kind === 'z');
    const e = w.plan.events[k];
    expect(e.kind).toBe('z');
    if (e.kind !== 'z') return;
    const zOf = (position: number) => {
      v.update(w.vm(position));
      // The z line sits above its node, in the text group that follows the node's own.
      const below = one(`.bp-node-text[data-sel="node:${e.l}:${e.j}"]`);
      return `${below.textContent ?? ''} ${below.nextElementSibling?.textContent ?? ''}`;
    };
    const z = w.iteration.pass.z[w.compiled.model.nodeOffset[e.l] + e.j];
    expect(zOf(k + 1)).toContain(`z = ${String(z)}`);
    // Not before it is computed; and once the step has moved on, "show z" off hides it again.
    expect(zOf(k)).not.toContain('z =');
    expect(zOf(k + 2 + w.compiled.model.sizes[e.l])).not.toContain('z =');
  });

  it('touches only the changed edge when one weight changes', async () => {
    const w = setup('walkthrough');
    const { view: v } = mount();
    const vm = w.vm(0);
    v.update(vm);
    const changed: NetworkViewModel = {
      ...vm,
      edges: vm.edges.map((e) => (e.key === '0:1:1' ? { ...e, weight: 0.5 } : e)),
    };
    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => {
      for (const r of records) touched.add(r.target.nodeType === Node.TEXT_NODE ? r.target.parentNode! : r.target);
    });
    observer.observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
    v.update(changed);
    await Promise.resolve();
    observer.takeRecords().forEach((r) => touched.add(r.target));
    observer.disconnect();
    const edge = one('[data-edge="0:1:1"]');
    expect(edge.getAttribute('data-weight')).toBe('0.5');
    // the group (data-weight, aria-label), its line (width), its label's value text, and the
    // tooltips (full value) of the group and of the label
    expect(touched.size).toBeGreaterThanOrEqual(3);
    expect(touched.size).toBeLessThanOrEqual(6);
    const label = one('.bp-edge-label[data-sel="edge:0:1:1"]');
    for (const el of touched) expect(edge.contains(el) || label.contains(el)).toBe(true);
  });

  it('writes an element’s classes once per draw, however many of its states change (a run’s start: updated and no longer blank)', () => {
    const w = setup('walkthrough');
    const { view: v } = mount();
    v.update(w.vm(0));
    const observer = new MutationObserver(() => undefined);
    observer.observe(svg, { subtree: true, attributes: true, attributeFilter: ['class'] });
    v.update(w.vm(w.plan.events.length));
    const writes = new Map<Node, number>();
    for (const r of observer.takeRecords()) writes.set(r.target, (writes.get(r.target) ?? 0) + 1);
    observer.disconnect();
    const edge = one('[data-edge="0:1:1"]');
    // the edge was blank and not updated at position 0; at the end it is updated and known
    expect(edge.classList.contains('bp-updated')).toBe(true);
    expect(edge.classList.contains('bp-blank')).toBe(false);
    expect(writes.get(edge)).toBe(1);
    for (const n of writes.values()) expect(n).toBe(1);
  });

  it('during a run, a parameter’s updated and blank classes (no style of their own: its label shows them) wait with its names; its label’s do not', () => {
    const w = setup('walkthrough');
    const { view: v } = mount();
    v.update(w.vm(0));
    const groups = [...svg.querySelectorAll('[data-edge], [data-bias]')];
    const edge = one('[data-edge="0:1:1"]');
    const label = one('.bp-edge-label[data-sel="edge:0:1:1"]');
    expect(edge.classList.contains('bp-blank')).toBe(true);
    // a run's start shows the iteration's end: every parameter updated and its gradient known
    v.setStreaming('run');
    v.update(w.vm(w.plan.events.length));
    expect(label.classList.contains('bp-updated')).toBe(true);
    expect(label.classList.contains('bp-blank')).toBe(false);
    for (const g of groups) {
      expect(g.classList.contains('bp-updated')).toBe(false);
      expect(g.classList.contains('bp-blank')).toBe(true);
    }
    // the run's end (a small network's: at once) brings them up to date
    v.setStreaming(null);
    for (const g of groups) {
      expect(g.classList.contains('bp-updated')).toBe(true);
      expect(g.classList.contains('bp-blank')).toBe(false);
    }
  });

  it('an identical update touches nothing', async () => {
    const m = setup('mazur');
    const { view: v } = mount();
    v.update(m.vm(5));
    const observer = new MutationObserver(() => undefined);
    observer.observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
    v.update(m.vm(5));
    expect(observer.takeRecords()).toHaveLength(0);
    observer.disconnect();
  });

  it('highlights elements by selection key and shows their labels', () => {
    const m = setup('mazur');
    const { view: v } = mount();
    v.update(m.vm(0));
    v.highlight(['edge:1:0:0', 'node:1:0']);
    expect(
      all('.bp-highlighted[tabindex]')
        .map((el) => el.getAttribute('data-sel'))
        .sort(),
    ).toEqual(['edge:1:0:0', 'node:1:0']);
    v.highlight([]);
    expect(all('.bp-highlighted')).toHaveLength(0);
  });

  it('rebuilds only on a change of shape, keeping elements whose key survives', () => {
    const m = setup('mazur');
    const w = setup('walkthrough');
    const { view: v } = mount();
    v.update(m.vm(0));
    const kept = one('[data-node="0:0"]');
    v.update(w.vm(0));
    expect(all('[data-node]')).toHaveLength(6);
    expect(all('[data-bias]')).toHaveLength(0);
    expect(all('.bp-bias-label')).toHaveLength(0);
    expect(one('[data-node="0:0"]')).toBe(kept);
    expect(kept.getAttribute('aria-label')).toContain('input A');
    v.update(m.vm(0));
    expect(all('[data-bias]')).toHaveLength(4);
    expect(all('.bp-node-text[data-sel]').length).toBe(6 + 1);
  });

  it('draws a label’s leader beneath everything else, with its label’s place, shown and removed with it', async () => {
    const b = setup('by-hand-mlp');
    const { view: v } = mount();
    // a narrow diagram (a lesson's): some labels sit off their lines, on leaders
    v.resize(560, 420);
    v.update(b.vm(b.plan.events.length));
    await vi.waitFor(() => expect(svg.getAttribute('data-labels')).toBe('placed'), { timeout: 30_000 });
    const layer = one('.bp-leaders');
    // painted first: headers, edges, nodes, node text and labels hide it where it passes them
    expect(one('.bp-viewport').firstElementChild).toBe(layer);
    const labelOf = (leader: Element) => one(`.bp-label[data-sel="${leader.getAttribute('data-sel')}"]`);
    const shown = all('.bp-leader:not([display])');
    expect(shown.length).toBeGreaterThan(0);
    expect(all('.bp-leader').every((l) => l.parentNode === layer)).toBe(true);
    for (const leader of shown) {
      expect(labelOf(leader).hasAttribute('display')).toBe(false);
      expect(leader.getAttribute('transform')).toBe(labelOf(leader).getAttribute('transform'));
    }
    // a hidden label's leader hides with it
    for (const label of all('.bp-label[display="none"]'))
      expect(one(`.bp-leader[data-sel="${label.getAttribute('data-sel')}"]`).getAttribute('display')).toBe('none');
    // another shape: the labels that go take their leaders along
    const w = setup('walkthrough');
    v.update(w.vm(w.plan.events.length));
    expect(all('.bp-leader').map((l) => l.getAttribute('data-sel'))).toEqual(
      all('.bp-label').map((l) => l.getAttribute('data-sel')),
    );
    expect(all('.bp-leader').every((l) => l.parentNode === layer)).toBe(true);
  });

  it('reports hover and scrubs the selected weight’s value label', () => {
    const m = setup('mazur');
    const onHover = vi.fn();
    const onScrub = vi.fn();
    const { view: v } = mount({ onHover, onScrub });
    v.update(m.vm(0, { kind: 'edge', l: 1, j: 0, i: 0 }));
    one('[data-edge="0:0:0"] .bp-halo').dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
    expect(onHover).toHaveBeenLastCalledWith({ kind: 'edge', l: 0, j: 0, i: 0 });
    const label = one('.bp-edge-label[data-sel="edge:1:0:0"]');
    expect(label.hasAttribute('data-scrub')).toBe(true);
    const pe = (type: string, clientX: number) => {
      const ev = new MouseEvent(type, { bubbles: true, cancelable: true, clientX });
      Object.defineProperty(ev, 'pointerId', { value: 1 });
      return ev;
    };
    label.firstElementChild!.dispatchEvent(pe('pointerdown', 100));
    label.dispatchEvent(pe('pointermove', 112));
    label.dispatchEvent(pe('pointerup', 130));
    expect(onScrub.mock.calls).toEqual([
      [{ kind: 'edge', l: 1, j: 0, i: 0 }, 0, 'start'],
      [{ kind: 'edge', l: 1, j: 0, i: 0 }, 12, 'move'],
      [{ kind: 'edge', l: 1, j: 0, i: 0 }, 30, 'end'],
    ]);
    expect(one('.bp-edge-label[data-sel="edge:0:0:0"]').hasAttribute('data-scrub')).toBe(false);
  });

  it('resizes without recreating elements and cleans up on destroy', () => {
    const m = setup('mazur');
    const { view: v } = mount();
    v.update(m.vm(0));
    const node = one('[data-node="2:1"]');
    const before = node.getAttribute('transform');
    v.resize(1200, 800);
    expect(svg.getAttribute('viewBox')).toBe('0 0 1200 800');
    expect(one('[data-node="2:1"]')).toBe(node);
    expect(node.getAttribute('transform')).not.toBe(before);
    v.destroy();
    view = null;
    expect(svg.childElementCount).toBe(0);
  });

  it('draws a dense network with labels moved to hover, and writes no hidden label on a weight edit', async () => {
    const sizes = [16, 16, 16, 16, 16];
    const layers = [
      { size: 16 },
      ...sizes.slice(1).map(() => ({ size: 16, activation: { type: 'tanh' as const }, bias: true })),
    ];
    const scenario = {
      format: 'backprop-scenario/1' as const,
      layers: layers as never,
      weights: sizes
        .slice(1)
        .map((n, l) =>
          Array.from({ length: n }, (_, j) => Array.from({ length: sizes[l] }, (_, i) => Math.sin(j * 7 + i + l))),
        ),
      biases: sizes.slice(1).map((n) => Array(n).fill(0.1)),
      loss: 'mse' as const,
      data: [{ x: Array(16).fill(0.5), y: Array(16).fill(0) }],
      optimizer: { type: 'sgd' as const, learningRate: 0.1 },
    };
    const compiled = compileScenario(scenario);
    const plan = buildStepPlan(compiled.model, compiled.trainable);
    const at = (params = compiled.params) =>
      buildNetworkViewModel({
        scenario,
        compiled,
        iteration: runIteration(compiled, params),
        plan,
        position: plan.phaseStart.update + 1,
        sample: 0,
        selection: null,
      });
    const { view: v } = mount();
    v.update(at());
    expect(all('[data-edge]')).toHaveLength(1024);
    expect(all('[data-bias]')).toHaveLength(64);
    // only the current event's label (the first update) is drawn
    const labels = () => all('.bp-edge-label').map((el) => el.getAttribute('data-sel'));
    expect(labels()).toEqual(['edge:0:0:0']);
    // a weight edit changes every gradient: each edge's numbers are rewritten, no hidden label is created or written
    const edited = { w: compiled.params.w.slice(), b: compiled.params.b.slice() };
    edited.w[3] += 0.25;
    const observer = new MutationObserver(() => undefined);
    observer.observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
    v.update(at(edited));
    const records = observer.takeRecords();
    observer.disconnect();
    expect(labels()).toEqual(['edge:0:0:0']);
    const current = one('.bp-edge-label');
    const inHiddenLabel = (n: Node) => {
      const label = (n instanceof Element ? n : n.parentElement)?.closest('.bp-label');
      return label !== null && label !== undefined && label !== current;
    };
    expect(records.filter((r) => inHiddenLabel(r.target))).toEqual([]);
    const edge = one('[data-edge="0:0:3"]');
    expect(edge.getAttribute('data-weight')).toBe(String(edited.w[3]));
    expect(one('[data-edge="3:5:5"]').getAttribute('data-grad')).toBe(
      String(runIteration(compiled, edited).pass.dLdw[3 * 256 + 5 * 16 + 5]),
    );
    // hovering an edge shows its label on demand
    one('[data-edge="2:3:4"] .bp-halo').dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
    expect(all('.bp-edge-label:not([display])').map((el) => el.getAttribute('data-sel'))).toEqual([
      'edge:0:0:0',
      'edge:2:3:4',
    ]);
  });

  it('lets the selected input node’s value be scrubbed, and no other node', () => {
    const m = setup('mazur');
    const { view: v } = mount({ onScrub: vi.fn() });
    v.update(m.vm(0, { kind: 'node', l: 0, j: 1 }));
    expect(all('[data-scrub]').map((el) => el.getAttribute('data-sel'))).toEqual(['node:0:1']);
    v.update(m.vm(0, { kind: 'node', l: 1, j: 1 }));
    expect(all('[data-scrub]')).toHaveLength(0);
  });

  // (A text longer than the width budget, such as "∇ −1.235×10⁻¹²", widens its own box about its centre.)
  it('keeps every label where it is while values change: an edit or a drag moves none and hides none', () => {
    const { compiled, plan, scenario } = setup('by-hand-mlp');
    const at = atEnd(scenario, compiled, plan);
    const { view: v } = mount();
    v.update(at());
    const places = () =>
      all('.bp-label')
        .filter((el) => el.getAttribute('display') !== 'none')
        .map((el) => `${el.getAttribute('data-sel')} ${el.getAttribute('transform')}`)
        .sort();
    const before = places();
    expect(before.length).toBeGreaterThan(0);
    // A drag: many frames, each a new value (long and short texts, signs flipping), every gradient changing.
    for (const w of [0.5, -12.345678, 1e-7, -0.0001234, 3]) {
      const edited = { w: compiled.params.w.slice(), b: compiled.params.b.slice() };
      edited.w[0] = w;
      edited.b[1] = -w;
      v.update(at(edited));
      expect(places()).toEqual(before);
    }
  });

  it('during a drag draws every new number at once, and brings the data-* numbers, accessible names and tooltips up to date when it rests or ends', () => {
    vi.useFakeTimers();
    try {
      const { compiled, plan, scenario } = setup('mazur');
      const at = withFirstWeight(scenario, compiled, plan);
      const { view: v } = mount();
      v.update(at(0.15));
      const w1 = one('[data-edge="0:0:0"]');
      const w5 = one('[data-edge="1:0:0"]');
      const label = one('.bp-edge-label[data-sel="edge:1:0:0"]');
      const names = () => [
        w1.getAttribute('aria-label'),
        w5.getAttribute('aria-label'),
        w5.querySelector('title')?.textContent,
      ];
      const still = names();
      const numbers = () => [w1.getAttribute('data-weight'), w5.getAttribute('data-grad')];
      const stillNumbers = numbers();
      v.setStreaming('drag');
      v.update(at(0.25));
      // the drawn numbers follow the drag frame by frame
      expect(label.textContent).toContain(`∇ ${gradOf(compiled, 0.25, 1).toPrecision(4).replace('-', '−')}`);
      // the names and the data-* numbers wait while the drag moves
      expect(names()).toEqual(still);
      expect(numbers()).toEqual(stillNumbers);
      vi.advanceTimersByTime(100);
      v.update(at(0.35));
      expect(names()).toEqual(still);
      // a rest catches them up
      vi.advanceTimersByTime(1000);
      expect(w1.getAttribute('data-weight')).toBe('0.35');
      expect(Number(w5.getAttribute('data-grad'))).toBe(gradOf(compiled, 0.35, 1));
      expect(w1.getAttribute('aria-label')).toContain('0.35');
      expect(w5.querySelector('title')?.textContent).toContain(String(Number(w5.getAttribute('data-grad'))));
      // and so does the drag's end, at once
      v.update(at(0.45));
      expect(w1.getAttribute('aria-label')).not.toContain('0.45');
      expect(w1.getAttribute('data-weight')).toBe('0.35');
      v.setStreaming(null);
      expect(w1.getAttribute('aria-label')).toContain('0.45');
      expect(w1.getAttribute('data-weight')).toBe('0.45');
      expect(one('[data-loss]').getAttribute('aria-label')).toContain(
        `L = ${Number(one('[data-loss]').getAttribute('data-loss')).toPrecision(4)}`,
      );
      // not dragging: names are written with the numbers
      v.update(at(0.55));
      expect(w1.getAttribute('aria-label')).toContain('0.55');
      expect(w1.getAttribute('data-weight')).toBe('0.55');
    } finally {
      vi.useRealTimers();
    }
  });

  it('during a training run keeps the data-* numbers and names for the run’s end, however long its reports rest', () => {
    vi.useFakeTimers();
    try {
      const { compiled, plan, scenario } = setup('mazur');
      const at = withFirstWeight(scenario, compiled, plan);
      const { view: v } = mount();
      v.update(at(0.15));
      const w1 = one('[data-edge="0:0:0"]');
      const label = one('.bp-edge-label[data-sel="edge:0:0:0"]');
      const drawn = label.textContent;
      v.setStreaming('run');
      v.update(at(0.25));
      // the label drawn follows the run's reports
      expect(label.textContent).not.toBe(drawn);
      // a report of a big network can take longer than a drag's rest: the names do not catch up between reports
      vi.advanceTimersByTime(5000);
      expect(w1.getAttribute('data-weight')).toBe('0.15');
      expect(w1.getAttribute('aria-label')).toContain('0.15');
      v.update(at(0.35));
      vi.advanceTimersByTime(5000);
      expect(w1.getAttribute('aria-label')).not.toContain('0.35');
      // a small network's run end brings them up to date at once
      v.setStreaming(null);
      expect(w1.getAttribute('data-weight')).toBe('0.35');
      expect(w1.getAttribute('aria-label')).toContain('0.35');
      expect(one('[data-loss]').getAttribute('aria-label')).toContain(
        `L = ${Number(one('[data-loss]').getAttribute('data-loss')).toPrecision(4)}`,
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('after a big network’s run, paints its end first and catches the data-* numbers and names up in the tasks after', () => {
    vi.useFakeTimers();
    try {
      // 4-16-16-1: 336 weights, 33 biases, 37 nodes
      const sizes = [4, 16, 16, 1];
      const scenario = {
        format: 'backprop-scenario/1' as const,
        layers: sizes.map((size, k) =>
          k === 0 ? { size } : { size, activation: { type: 'tanh' as const }, bias: true },
        ) as never,
        weights: sizes
          .slice(1)
          .map((n, l) =>
            Array.from({ length: n }, (_, j) => Array.from({ length: sizes[l] }, (_, i) => Math.sin(j * 7 + i + l))),
          ),
        biases: sizes.slice(1).map((n) => Array(n).fill(0.1)),
        loss: 'mse' as const,
        data: [{ x: [0.5, -0.5, 0.25, 1], y: [0] }],
        optimizer: { type: 'sgd' as const, learningRate: 0.1 },
      };
      const compiled = compileScenario(scenario);
      const plan = buildStepPlan(compiled.model, compiled.trainable);
      const at = withFirstWeight(scenario, compiled, plan);
      const { view: v } = mount();
      v.update(at(0.15));
      const w1 = one('[data-edge="0:0:0"]');
      const last = one('[data-bias="2:0"]');
      v.setStreaming('run');
      v.update(at(0.35));
      v.setStreaming(null);
      expect(w1.getAttribute('data-weight')).toBe('0.15');
      vi.advanceTimersByTime(1000);
      expect(w1.getAttribute('data-weight')).toBe('0.35');
      expect(w1.getAttribute('aria-label')).toContain('0.35');
      // every element, to the last bias and the loss
      const moved = { w: compiled.params.w.slice(), b: compiled.params.b.slice() };
      moved.w[0] = 0.35;
      const after = runIteration(compiled, moved).after.b;
      expect(Number(last.getAttribute('data-value-after'))).toBe(after[after.length - 1]);
      expect(one('[data-loss]').getAttribute('aria-label')).toContain(
        `L = ${Number(one('[data-loss]').getAttribute('data-loss')).toPrecision(4)}`,
      );
      // a new run, and an update once it has ended: nothing stays behind
      v.setStreaming('run');
      v.update(at(0.45));
      v.setStreaming(null);
      v.update(at(0.55));
      expect(w1.getAttribute('data-weight')).toBe('0.55');
      vi.advanceTimersByTime(1000);
      expect(w1.getAttribute('data-weight')).toBe('0.55');
    } finally {
      vi.useRealTimers();
    }
  });
});
