import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import type { Selection } from '../../src/core/selection.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { loadPreset, PRESET_IDS } from '../../src/presets/index.ts';
import { testOptions } from '../../src/tex/katex-options.ts';
import { BLANK, buildMatrixView, eventCell, shownIndices, type MatrixLayer } from '../../src/tex/matrix-view.ts';

function view(scenario: Scenario, position: number | 'end', focus: Selection | null = null, sample = 0): MatrixLayer[] {
  const compiled = compileScenario(scenario);
  const iteration = runIteration(compiled);
  const plan = buildStepPlan(compiled.model, compiled.trainable);
  return buildMatrixView({
    compiled,
    iteration,
    plan,
    position: position === 'end' ? plan.events.length : position,
    sample,
    focus,
  });
}

const render = (tex: string) => katex.renderToString(tex, { ...testOptions, displayMode: true });
const w = (l: number, j: number, i: number, v: number) =>
  String.raw`\htmlData{key=edge:${l}:${j}:${i}, quantity=weight, value=${v}}{${v}}`;
const b = (l: number, j: number, v: number) =>
  String.raw`\htmlData{key=bias:${l}:${j}, quantity=bias, value=${v}}{${v}}`;
const n = (l: number, j: number, q: string, v: number) =>
  String.raw`\htmlData{key=node:${l}:${j}, quantity=${q}, value=${v}}{${v}}`;
const blank = (key: string, q: string) => String.raw`\htmlData{key=${key}, quantity=${q}}{${BLANK}}`;

describe('the matrix view of the by-hand worksheet (seed 003)', () => {
  const byHand = loadPreset('by-hand-mlp')!;

  it('layer 1 forward: [W₁ | b₁]·[x | 1] = z₁ with [x | 1] = [2 1 3 1] and z₁ = [-1 3 5 3], then a₁ = ReLU(z₁)', () => {
    const [layer1] = view(byHand, 'end');
    const W = [
      [1, -1, 1],
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ];
    const B = [-5, 0, 1, -2];
    const rows = W.map((row, j) => [...row.map((v, i) => w(0, j, i, v)), b(0, j, B[j])].join(' & ')).join(
      String.raw` \\ `,
    );
    const x = [2, 1, 3].map((v, i) => n(0, i, 'a', v)).join(String.raw` \\ `);
    const z = [-1, 3, 5, 3].map((v, j) => n(1, j, 'z', v)).join(String.raw` \\ `);
    expect(layer1.l).toBe(0);
    expect(layer1.forward[0]).toBe(
      String.raw`\underbrace{\left[\begin{array}{rrr|r} ${rows} \end{array}\right]}_{[W_{1} \mid b_{1}]}\,` +
        String.raw`\underbrace{\left[\begin{array}{r} ${x} \\ \hline 1 \end{array}\right]}_{[x \mid 1]} = ` +
        String.raw`\underbrace{\begin{bmatrix} ${z} \end{bmatrix}}_{z_{1}}`,
    );
    const a = [0, 3, 5, 3].map((v, j) => n(1, j, 'a', v)).join(String.raw` \\ `);
    expect(layer1.forward[1]).toBe(String.raw`a_{1} = \operatorname{ReLU}(z_{1}) = \begin{bmatrix} ${a} \end{bmatrix}`);
  });

  it('backward: the outer product ∂L/∂z₁·[x | 1]ᵀ gives [∂L/∂W₁ | ∂L/∂b₁], entry by entry the core gradient', () => {
    const compiled = compileScenario(byHand);
    const it1 = runIteration(compiled);
    const [layer1] = view(byHand, 'end');
    const product = layer1.backward[1];
    expect(product).toContain(String.raw`_{\partial L/\partial z_{1}}`);
    expect(product).toContain(String.raw`_{[x \mid 1]^{\top}}`);
    expect(product).toContain(String.raw`_{[\partial L/\partial W_{1} \mid \partial L/\partial b_{1}]}`);
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < 3; i++)
        expect(product).toContain(
          String.raw`key=edge:0:${j}:${i}, quantity=dLdw, value=${String(it1.pass.dLdw[j * 3 + i])}}`,
        );
      expect(product).toContain(String.raw`key=bias:0:${j}, quantity=dLdb, value=${String(it1.pass.dLdb[j])}}`);
    }
    // δ₁ ⊗ [x | 1]: row j is δ₁[j]·[2, 1, 3, 1].
    const d = it1.pass.dLdz[compiled.model.nodeOffset[1] + 1];
    expect(it1.pass.dLdw[1 * 3 + 2]).toBeCloseTo(3 * d, 12);
  });

  it('position 0: parameters and inputs are shown, everything computed is a blank', () => {
    const layers = view(byHand, 0);
    expect(layers[0].forward[0]).toContain(w(0, 0, 1, -1));
    expect(layers[0].forward[0]).toContain(n(0, 1, 'a', 1));
    expect(layers[0].forward[0]).toContain(blank('node:1:0', 'z'));
    expect(layers[0].forward[1]).toContain(blank('node:1:3', 'a'));
    for (const layer of layers) {
      for (const tex of layer.backward) expect(tex).not.toMatch(/quantity=(dLdz|dLdw|dLdb), value=/);
      for (const tex of layer.forward) expect(tex).not.toMatch(/quantity=z, value=/);
    }
  });

  it('position 1: only z of the first node of layer 1 has appeared', () => {
    const [layer1] = view(byHand, 1);
    expect(layer1.forward[0]).toContain(n(1, 0, 'z', -1));
    expect(layer1.forward[0]).toContain(blank('node:1:1', 'z'));
    expect(layer1.forward[1]).toContain(blank('node:1:0', 'a'));
  });
});

describe('every preset', () => {
  for (const id of PRESET_IDS) {
    it(`${id}: renders at the start, midway and at the end without a KaTeX error`, () => {
      const scenario = loadPreset(id)!;
      const compiled = compileScenario(scenario);
      const total = buildStepPlan(compiled.model, compiled.trainable).events.length;
      for (const position of [0, Math.floor(total / 2), total]) {
        const layers = view(scenario, position);
        expect(layers).toHaveLength(compiled.model.depth);
        for (const layer of layers)
          for (const tex of [...layer.forward, ...layer.backward]) expect(() => render(tex)).not.toThrow();
      }
    });
  }
});

describe('wide layers', () => {
  it('keep the first six, the last two and the focus, with gaps between', () => {
    expect(shownIndices(4)).toEqual([0, 1, 2, 3]);
    expect(shownIndices(10)).toHaveLength(10);
    expect(shownIndices(20)).toEqual([0, 1, 2, 3, 4, 5, -1, 18, 19]);
    expect(shownIndices(20, 11)).toEqual([0, 1, 2, 3, 4, 5, -1, 11, -1, 18, 19]);
  });

  it('a 30-20-2 network is elided with \\cdots, \\vdots and \\ddots, keeps the selected weight, and renders', () => {
    const scenario: Scenario = {
      ...loadPreset('by-hand-mlp')!,
      layers: [
        { size: 30 },
        { size: 20, activation: { type: 'tanh' }, bias: true },
        { size: 2, activation: { type: 'sigmoid' }, bias: false },
      ],
      weights: [
        Array.from({ length: 20 }, (_, j) => Array.from({ length: 30 }, (_, i) => ((j * 7 + i * 3) % 11) / 10 - 0.5)),
        Array.from({ length: 2 }, (_, j) => Array.from({ length: 20 }, (_, i) => ((j + i) % 5) / 5 - 0.4)),
      ],
      biases: [Array.from({ length: 20 }, () => 0.1), null],
      loss: 'mse',
      data: [
        { x: Array.from({ length: 30 }, (_, i) => i / 30), y: [1, 0] },
        { x: Array.from({ length: 30 }, () => 0.5), y: [0, 1] },
      ],
    } as Scenario;
    const layers = view(scenario, 'end', { kind: 'edge', l: 0, j: 12, i: 17 }, 1);
    const fwd = layers[0].forward[0];
    expect(fwd).toContain(String.raw`\cdots`);
    expect(fwd).toContain(String.raw`\vdots`);
    expect(fwd).toContain(String.raw`\ddots`);
    expect(fwd).toContain('key=edge:0:12:17,');
    expect(fwd).not.toContain('key=edge:0:8:8,');
    // A batch of two: the sample's own outer product, then the sum over the batch.
    expect(layers[0].backward).toHaveLength(3);
    expect(layers[0].backward[2]).toContain(String.raw`\sum_{s=1}^{2}`);
    expect(layers[1].forward[0]).toContain('_{W_{2}}');
    for (const layer of layers)
      for (const tex of [...layer.forward, ...layer.backward]) expect(() => render(tex)).not.toThrow();
  });
});

describe('eventCell: the cell that shows what a step computes', () => {
  it('names, for every event but the loss, a cell the matrices show with that value once it is computed', () => {
    for (const id of ['mazur', 'by-hand-mlp']) {
      const scenario = loadPreset(id)!;
      const compiled = compileScenario(scenario);
      const plan = buildStepPlan(compiled.model, compiled.trainable);
      plan.events.forEach((e, k) => {
        const cell = eventCell(e);
        if (e.kind === 'loss') {
          expect(cell).toBeNull();
          return;
        }
        expect(cell, `${id} event ${k}`).not.toBeNull();
        // just after the event, the matrices show that cell with a value (not a blank)
        const tex = view(scenario, k + 1)
          .flatMap((layer) => [...layer.forward, ...layer.backward])
          .join(' ');
        expect(tex, `${id} event ${k} ${e.kind}`).toContain(`key=${cell!.key}, quantity=${cell!.quantity}, value=`);
      });
    }
  });
});
