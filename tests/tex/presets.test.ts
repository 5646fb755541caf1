import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/index.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import type { Selection } from '../../src/core/selection.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { buildDerivation } from '../../src/tex/derivation.ts';
import { testOptions } from '../../src/tex/katex-options.ts';
import type { Derivation, Line } from '../../src/tex/line.ts';

function derive(id: string, selection: Selection, options: { sample?: number; links?: boolean } = {}): Derivation {
  const scenario = loadPreset(id)!;
  const compiled = compileScenario(scenario);
  const iteration = runIteration(compiled);
  return buildDerivation({
    scenario,
    compiled,
    iteration,
    selection,
    sample: options.sample ?? 0,
    links: options.links ?? false,
  });
}

function section(d: Derivation, heading: string): readonly Line[] {
  const found = d.sections.find((s) => s.heading.startsWith(heading));
  if (!found) throw new Error(`no section "${heading}" in ${d.sections.map((s) => s.heading).join(', ')}`);
  return found.lines;
}

const texts = (lines: readonly Line[]) => lines.map((l) => l.tex);

describe("Mazur's step-by-step example", () => {
  it('w₅: the local chain rule with the numbers of the post (0.74136507 · 0.186815602 · 0.593269992 = 0.082167041)', () => {
    const d = derive('mazur', { kind: 'edge', l: 1, j: 0, i: 0 });
    expect(d.title).toBe('Weight w₅: h₁ → o₁');
    const [line] = section(d, 'Chain rule');
    expect(line.tex).toBe(
      String.raw`\frac{\partial L}{\partial w_{5}} = \frac{\partial L}{\partial o_{1}}\cdot \frac{\partial o_{1}}{\partial z_{o_{1}}}\cdot \frac{\partial z_{o_{1}}}{\partial w_{5}} = 0.741365\cdot 0.186816\cdot 0.59327 = 0.082167`,
    );
    [0.74136507, 0.186815602, 0.593269992].forEach((x, k) => expect(line.factors![k]).toBeCloseTo(x, 8));
    expect(line.value).toBeCloseTo(0.082167041, 9);
    expect(texts(section(d, 'The factors'))).toEqual([
      String.raw`\frac{\partial L}{\partial o_{1}} = o_{1} - y_{1} = 0.751365 - 0.01 = 0.741365`,
      String.raw`\frac{\partial o_{1}}{\partial z_{o_{1}}} = o_{1}\,(1 - o_{1}) = 0.751365\cdot (1 - 0.751365) = 0.186816`,
      String.raw`\frac{\partial z_{o_{1}}}{\partial w_{5}} = h_{1} = 0.59327`,
    ]);
    const update = section(d, 'Update (SGD)');
    expect(update[1].tex).toBe(
      String.raw`w_{5} \leftarrow w_{5} - \eta\,g = 0.4 - 0.5\cdot 0.082167 = 0.358916\quad (\eta = 0.5)`,
    );
    expect(update[1].value).toBeCloseTo(0.35891648, 8);
    // w₅ is adjacent to the output: no recursion, no paths, one sample.
    expect(d.sections.map((s) => s.heading)).toEqual(['Chain rule', 'The factors', 'Update (SGD)']);
  });

  it('w₁: the chain rule, the recursive form and both paths (0.036350306 · 0.241300709 · 0.05 = 0.000438568)', () => {
    const d = derive('mazur', { kind: 'edge', l: 0, j: 0, i: 0 });
    const [line] = section(d, 'Chain rule');
    expect(line.tex).toBe(
      String.raw`\frac{\partial L}{\partial w_{1}} = \frac{\partial L}{\partial h_{1}}\cdot \frac{\partial h_{1}}{\partial z_{h_{1}}}\cdot \frac{\partial z_{h_{1}}}{\partial w_{1}} = 0.0363503\cdot 0.241301\cdot 0.05 = 0.000438568`,
    );
    [0.036350306, 0.241300709, 0.05].forEach((x, k) => expect(line.factors![k]).toBeCloseTo(x, 9));
    expect(texts(section(d, 'Recursive form'))).toEqual([
      // the terms evaluated (Mazur's 0.055399425 + (−0.019049119)) on a second row
      String.raw`\begin{aligned}\frac{\partial L}{\partial h_{1}} &= w_{5}\,\delta_{o_{1}} + w_{7}\,\delta_{o_{2}} = 0.4\cdot 0.138499 + 0.5\cdot (-0.0380982) \\ &= 0.0553994 + (-0.0190491) = 0.0363503\end{aligned}`,
      String.raw`\delta_{o_{1}} = \frac{\partial L}{\partial z_{o_{1}}} = \frac{\partial L}{\partial o_{1}}\cdot \frac{\partial o_{1}}{\partial z_{o_{1}}} = 0.741365\cdot 0.186816 = 0.138499`,
      String.raw`\delta_{o_{2}} = \frac{\partial L}{\partial z_{o_{2}}} = \frac{\partial L}{\partial o_{2}}\cdot \frac{\partial o_{2}}{\partial z_{o_{2}}} = -0.217072\cdot 0.17551 = -0.0380982`,
    ]);
    expect(texts(section(d, 'Every path'))).toEqual([
      String.raw`\frac{\partial L}{\partial w_{1}} = \Bigl(\frac{\partial L}{\partial o_{1}}\,\frac{\partial o_{1}}{\partial z_{o_{1}}}\,w_{5} + \frac{\partial L}{\partial o_{2}}\,\frac{\partial o_{2}}{\partial z_{o_{2}}}\,w_{7}\Bigr)\cdot \frac{\partial h_{1}}{\partial z_{h_{1}}}\cdot \frac{\partial z_{h_{1}}}{\partial w_{1}}`,
      String.raw`= \Bigl(0.741365\cdot 0.186816\cdot 0.4 - 0.217072\cdot 0.17551\cdot 0.5\Bigr)\cdot 0.241301\cdot 0.05`,
      // each path evaluated: Mazur's ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1 = 0.055399425 + (−0.019049119)
      String.raw`= \Bigl(0.0553994 + (-0.0190491)\Bigr)\cdot 0.241301\cdot 0.05 = 0.000438568`,
    ]);
    expect(section(d, 'Update')[1].value).toBeCloseTo(0.149780716, 9);
  });

  it('the loss: ½Σ(o − y)² = 0.298371109, a sum over one sample, then 0.291027774 after the step', () => {
    const d = derive('mazur', { kind: 'loss' });
    expect(d.title).toBe('Loss: half the sum of squared errors, sum over 1 sample');
    expect(texts(section(d, 'Loss of each sample'))).toEqual([
      String.raw`l = \frac{1}{2}\bigl[(o_{1} - y_{1})^{2} + (o_{2} - y_{2})^{2}\bigr]`,
      String.raw`l = \frac{1}{2}\bigl[(0.751365 - 0.01)^{2} + (0.772928 - 0.99)^{2}\bigr] = 0.298371`,
    ]);
    expect(section(d, 'Reduction')[0].tex).toBe('L = l = 0.298371');
    expect(section(d, 'After the update')[0].tex).toBe('L = 0.291028');
  });

  it('a frozen bias keeps its value', () => {
    const update = section(derive('mazur', { kind: 'bias', l: 1, j: 0 }), 'Update');
    expect(update[1].tex).toBe(String.raw`b_{2} \leftarrow b_{2} = 0.6\quad (\text{frozen})`);
    expect(update[1].note).toMatch(/frozen/);
  });

  it('a node: z = Σ w·a + b, a = σ(z) and its δ', () => {
    const d = derive('mazur', { kind: 'node', l: 2, j: 0 });
    expect(texts(section(d, 'Forward'))).toEqual([
      String.raw`z_{o_{1}} = w_{5}\,h_{1} + w_{6}\,h_{2} + b_{2} = 0.4\cdot 0.59327 + 0.45\cdot 0.596884 + 0.6 = 1.10591`,
      String.raw`o_{1} = \sigma(z_{o_{1}}) = \frac{1}{1 + e^{-z_{o_{1}}}} = \frac{1}{1 + e^{-1.10591}} = 0.751365`,
    ]);
    expect(section(d, 'Backward')[2].tex).toBe(
      String.raw`\delta_{o_{1}} = \frac{\partial L}{\partial z_{o_{1}}} = \frac{\partial L}{\partial o_{1}}\cdot \frac{\partial o_{1}}{\partial z_{o_{1}}} = 0.741365\cdot 0.186816 = 0.138499`,
    );
  });

  it('links every name to its diagram element', () => {
    const d = derive('mazur', { kind: 'edge', l: 1, j: 0, i: 0 }, { links: true });
    const [line] = section(d, 'Chain rule');
    expect(
      line.tex.startsWith(
        String.raw`\frac{\partial \htmlData{key=loss}{L}}{\partial \htmlData{key=edge:1:0:0}{w_{5}}} = \frac{\partial \htmlData{key=loss}{L}}{\partial \htmlData{key=node:2:0}{o_{1}}}`,
      ),
    ).toBe(true);
    const html = katex.renderToString(line.tex, testOptions);
    for (const key of ['loss', 'edge:1:0:0', 'node:2:0', 'node:1:0']) {
      if (key === 'node:1:0') continue; // h₁ appears in the factors, not in this line
      expect(html).toContain(`data-key="${key}"`);
    }
    expect(katex.renderToString(section(d, 'The factors')[2].tex, testOptions)).toContain('data-key="node:1:0"');
  });
});

describe('the little network of seed 001', () => {
  it('expands ∂L/∂xh₁ over the paths through hh₁, hy₁ and hh₂, hy₂: 8·[0.5·1.5·4 + 1·0.5·4] = 40', () => {
    const d = derive('little-network', { kind: 'edge', l: 0, j: 0, i: 0 });
    expect(section(d, 'Chain rule')[0].tex).toBe(
      String.raw`\frac{\partial L}{\partial \mathrm{xh}_{1}} = \frac{\partial L}{\partial H_{1}}\cdot \frac{\partial H_{1}}{\partial z_{H_{1}}}\cdot \frac{\partial z_{H_{1}}}{\partial \mathrm{xh}_{1}} = 10\cdot 2\cdot 2 = 40`,
    );
    const [symbolic, numeric] = section(d, 'Every path');
    expect(symbolic.tex).toBe(
      String.raw`\frac{\partial L}{\partial \mathrm{xh}_{1}} = \Bigl(\frac{\partial L}{\partial Y}\,\frac{\partial Y}{\partial z_{Y}}\,\mathrm{hy}_{1}\,\frac{\partial H_{21}}{\partial z_{H_{21}}}\,\mathrm{hh}_{1} + \frac{\partial L}{\partial Y}\,\frac{\partial Y}{\partial z_{Y}}\,\mathrm{hy}_{2}\,\frac{\partial H_{22}}{\partial z_{H_{22}}}\,\mathrm{hh}_{2}\Bigr)\cdot \frac{\partial H_{1}}{\partial z_{H_{1}}}\cdot \frac{\partial z_{H_{1}}}{\partial \mathrm{xh}_{1}}`,
    );
    expect(numeric.tex).toBe(
      String.raw`= \Bigl(8\cdot 2\cdot 0.25\cdot 2\cdot 0.75 + 8\cdot 2\cdot 0.5\cdot 2\cdot 0.25\Bigr)\cdot 2\cdot 2`,
    );
    // each path's product evaluated (the tutorial's 8·[3 + 2] with 8 taken in): 6 + 4
    const evaluated = section(d, 'Every path')[2];
    expect(evaluated.tex).toBe(String.raw`= \Bigl(6 + 4\Bigr)\cdot 2\cdot 2 = 40`);
    expect(evaluated.terms).toEqual([[6], [4]]);
    expect(evaluated.value).toBe(40);
    expect(numeric.terms).toEqual([
      [8, 2, 0.25, 2, 0.75],
      [8, 2, 0.5, 2, 0.25],
    ]);
    expect(numeric.factors).toEqual([2, 2]);
    expect(numeric.value).toBe(40);
    // The tutorial groups the same numbers: 8·[(0.25·2)·(0.75·2)·(2·2) + (0.5·2)·(0.25·2)·(2·2)].
    expect(8 * (0.5 * 1.5 * 4 + 1 * 0.5 * 4)).toBe(numeric.value);
    expect(section(d, 'Update')[1].tex).toBe(
      String.raw`\mathrm{xh}_{1} \leftarrow \mathrm{xh}_{1} - \eta\,g = 2 - 0.03\cdot 40 = 0.8\quad (\eta = 0.03)`,
    );
  });

  it('keeps the frozen weights and ends with Y = 4, L = 2', () => {
    expect(section(derive('little-network', { kind: 'edge', l: 1, j: 0, i: 0 }), 'Update')[1].tex).toBe(
      String.raw`\mathrm{hh}_{1} \leftarrow \mathrm{hh}_{1} = 0.75\quad (\text{frozen})`,
    );
    expect(section(derive('little-network', { kind: 'loss' }), 'After the update')[0].tex).toBe('L = 2');
  });
});

describe('the by-hand 3-4-2-3 network', () => {
  it('shows the fused softmax + cross-entropy δ = ŷ − y, with t for targets where the outputs are named y', () => {
    const d = derive('by-hand-mlp', { kind: 'node', l: 3, j: 1 });
    // the unfused chain comes first; the fused δ is the section's last line
    const delta = section(d, 'Backward').at(-1)!;
    expect(delta.tex).toBe(
      String.raw`\delta_{y_{2}} = \frac{\partial L}{\partial z_{y_{2}}} = y_{2} - t_{2} = 0.495463 - 1 = -0.504537`,
    );
    expect(delta.note).toMatch(/fused/);
    expect(section(d, 'Forward')[1].tex).toBe(
      String.raw`y_{2} = \frac{e^{z_{y_{2}}}}{e^{z_{y_{1}}} + e^{z_{y_{2}}} + e^{z_{y_{3}}}} = \frac{e^{3}}{e^{3} + e^{3} + e^{-1}} = 0.495463`,
    );
  });

  it('writes ∂L/∂w = δ·∂z/∂w for a weight into the softmax layer', () => {
    const d = derive('by-hand-mlp', { kind: 'edge', l: 2, j: 1, i: 0 });
    expect(section(d, 'Chain rule')[0].tex).toBe(
      String.raw`\frac{\partial L}{\partial w_{21}^{(3)}} = \delta_{y_{2}}\cdot \frac{\partial z_{y_{2}}}{\partial w_{21}^{(3)}} = -0.504537\cdot 2 = -1.00907`,
    );
  });

  it('ends every path of a first-layer weight in the fused δ of an output: 2·3 = 6 paths, one row each', () => {
    const d = derive('by-hand-mlp', { kind: 'edge', l: 0, j: 0, i: 0 });
    const [symbolic, numeric] = section(d, 'Every path');
    expect(
      symbolic.tex.startsWith(
        String.raw`\begin{aligned}\frac{\partial L}{\partial w_{11}^{(1)}} = \Bigl(&\delta_{y_{1}}\,w_{11}^{(3)}\,\frac{\partial h_{1}^{(2)}}{\partial z_{h_{1}^{(2)}}}\,w_{11}^{(2)}\\ & + `,
      ),
    ).toBe(true);
    expect(numeric.terms).toHaveLength(6);
  });
});

describe('a network with more than 16 paths from a node', () => {
  it('shows the recursive form alone', () => {
    const result = parseScenario({
      format: 'backprop-scenario/1',
      layers: [
        { size: 1 },
        { size: 2, activation: 'tanh', bias: false },
        { size: 5, activation: 'tanh', bias: false },
        { size: 5, activation: 'tanh', bias: false },
        { size: 1, activation: 'identity', bias: false },
      ],
      init: { type: 'uniform', low: -1, high: 1, seed: 1 },
      loss: 'half-sse',
      data: [{ x: [1], y: [0] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    if (!result.ok) throw new Error('invalid test scenario');
    const scenario = result.value;
    const compiled = compileScenario(scenario);
    const iteration = runIteration(compiled);
    const headings = (l: number) =>
      buildDerivation({
        scenario,
        compiled,
        iteration,
        selection: { kind: 'edge', l, j: 0, i: 0 },
        sample: 0,
      }).sections.map((x) => x.heading);
    expect(headings(0)).not.toContain('Every path to the output');
    expect(headings(0)).toContain('Recursive form: ∂L/∂a = Σ w·δ of the next layer');
    expect(headings(1)).toContain('Every path to the output');
  });
});

describe('the walkthrough (six samples, mean)', () => {
  it("adds the samples' terms δ·E, which already carry the 1/6", () => {
    const d = derive('walkthrough', { kind: 'edge', l: 1, j: 0, i: 1 }, { sample: 0 });
    expect(section(d, 'Chain rule, sample 1 of 6')[0].tex).toBe(
      String.raw`\left.\frac{\partial L}{\partial \mathrm{EF}}\right|_{s=1} = \delta_{F}\cdot \frac{\partial z_{F}}{\partial \mathrm{EF}} = (-1.02403\times10^{-6})\cdot 6 = -6.14417\times10^{-6}`,
    );
    // ∂L/∂F, ∂F/∂z and their product come first (the unfused chain), then the fused δ
    expect(section(d, 'The factors')[3].tex).toBe(
      String.raw`\delta_{F} = \frac{\partial L}{\partial z_{F}} = \frac{1}{6}\,(F - y) = \frac{1}{6}\,(0.99999385583 - 1) = -1.02403\times10^{-6}`,
    );
    const [symbolic, numeric] = section(d, 'Over the batch (mean)');
    expect(symbolic.tex).toBe(
      String.raw`\frac{\partial L}{\partial \mathrm{EF}} = \frac{1}{6}\sum_{s=1}^{6} \frac{\partial l_{s}}{\partial \mathrm{EF}} = \sum_{s=1}^{6} \bigl(\delta_{F}\,E\bigr)_{s}`,
    );
    expect(numeric.tex).toBe(
      String.raw`= (-1.02403\times10^{-6})\cdot 6 + 0.163669\cdot 2 - 0.0029977\cdot 2 + 0.0833333\cdot 0 - (5.58917\times10^{-5})\cdot 4 + 0.0833333\cdot 0 = 0.321113`,
    );
    expect(numeric.terms).toHaveLength(6);
  });

  it('writes the mean of the per-sample losses', () => {
    const reduction = section(derive('walkthrough', { kind: 'loss' }), 'Reduction')[0];
    expect(reduction.tex).toBe(
      String.raw`L = \frac{1}{6}\sum_{s=1}^{6} l_{s} = \frac{1}{6}(l_{1} + l_{2} + l_{3} + l_{4} + l_{5} + l_{6}) = \frac{1}{6}(6.14419\times10^{-6} + 4.01815 + 0.0181499 + 0.693147 + 0.000335406 + 0.693147) = 0.903823`,
    );
    expect(reduction.factors).toEqual([1 / 6]);
  });
});

describe('buildDerivation', () => {
  it('without links writes no \\htmlData', () => {
    const all = derive('mazur', { kind: 'edge', l: 0, j: 1, i: 1 })
      .sections.flatMap((s) => s.lines.map((l) => l.tex))
      .join('\n');
    expect(all).not.toContain(String.raw`\htmlData`);
  });

  it('shows an input node and the gradient with respect to it', () => {
    const d = derive('mazur', { kind: 'node', l: 0, j: 0 });
    expect(d.title).toBe('Input i₁');
    expect(section(d, 'Input')[0].tex).toBe('i_{1} = 0.05');
    expect(section(d, 'Gradient with respect to the input')[0].tex).toMatch(
      /^\\begin\{aligned\}\\frac\{\\partial L\}\{\\partial i_\{1\}\} &= w_\{1\}\\,\\delta_\{h_\{1\}\} \+ w_\{3\}\\,\\delta_\{h_\{2\}\} = /,
    );
  });

  it('says so for a bias of a layer without bias, and for a selection outside the network', () => {
    const d = derive('little-network', { kind: 'bias', l: 0, j: 0 });
    expect(d.sections[0].lines[0].tex).toBe(String.raw`\text{This layer has no bias.}`);
    expect(derive('mazur', { kind: 'edge', l: 5, j: 0, i: 0 })).toEqual({ title: 'Nothing selected', sections: [] });
  });
});

describe('a sum over more than two nodes of the next layer (seed 003, h₁⁽²⁾ of the by-hand network)', () => {
  it('sets the named terms, their numbers and the evaluated sum on rows of their own: each row fits a panel where the three together did not', () => {
    const d = derive('by-hand-mlp', { kind: 'node', l: 2, j: 0 });
    const [line] = section(d, 'Backward: ∂L/∂a from the next layer');
    expect(line.tex).toMatch(/^\\begin\{aligned\}/);
    const rows = line.tex.replace(/^\\begin\{aligned\}|\\end\{aligned\}$/g, '').split(String.raw` \\ `);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/&= w_\{11\}\^\{\(3\)\}/);
    expect(rows[1]).toBe(String.raw`&= 2\cdot 0.495463 + 0\cdot (-0.504537) + 1\cdot 0.00907471`);
    expect(rows[2]).toMatch(/^&= 0\.990925 \+ 0 \+ 0\.00907471 = 1$/);
    expect(() => katex.renderToString(line.tex, testOptions)).not.toThrow();
  });
});
