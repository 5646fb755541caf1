import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/index.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { weightIndex } from '../../src/core/model.ts';
import type { Optimizer, Scenario } from '../../src/core/scenario.ts';
import { texContext } from '../../src/tex/context.ts';
import { katexOptions, testOptions } from '../../src/tex/katex-options.ts';
import type { Line } from '../../src/tex/line.ts';
import { updateLines } from '../../src/tex/update-rule.ts';

function scenarioWith(optimizer: Record<string, unknown>): Scenario {
  const result = parseScenario({
    format: 'backprop-scenario/1',
    layers: [{ size: 2 }, { size: 2, activation: 'tanh', bias: true }, { size: 1, activation: 'sigmoid', bias: true }],
    weights: [
      [
        [0.5, -0.3],
        [0.8, 0.2],
      ],
      [[0.7, -0.4]],
    ],
    biases: [[0.1, -0.1], [0.05]],
    trainable: {
      weights: [
        [
          [true, false],
          [true, true],
        ],
        true,
      ],
    },
    loss: 'mse',
    data: [
      { x: [1, 1], y: [1] },
      { x: [-1, 0.5], y: [0] },
    ],
    optimizer,
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.value;
}

/** The second step, so that every state variable starts from a non-zero value. */
function secondStep(optimizer: Record<string, unknown>) {
  const scenario = scenarioWith(optimizer);
  const compiled = compileScenario(scenario);
  const first = runIteration(compiled);
  const iteration = runIteration(compiled, first.after, first.stateAfter);
  const ctx = texContext({ scenario, compiled, iteration });
  return { ctx, iteration, state: first.stateAfter, k: weightIndex(compiled.model, 0, 1, 0) };
}

function lineStarting(lines: readonly Line[], prefix: string): Line {
  const found = lines.find((l) => l.tex.startsWith(prefix));
  if (!found) throw new Error(`no line starting with ${prefix}`);
  return found;
}

const OPTIMIZERS: { opt: { type: Optimizer['type'] } & Record<string, unknown>; first?: string; second?: string }[] = [
  { opt: { type: 'sgd', learningRate: 0.5 } },
  { opt: { type: 'momentum', learningRate: 0.5 }, first: 'v' },
  { opt: { type: 'nesterov', learningRate: 0.5 }, first: 'v' },
  { opt: { type: 'adagrad', learningRate: 0.5 }, second: 's' },
  { opt: { type: 'rmsprop', learningRate: 0.5 }, second: 's' },
  { opt: { type: 'adadelta' }, first: 'u', second: 's' },
  { opt: { type: 'adam', learningRate: 0.1 }, first: 'm', second: 'v' },
];

describe('updateLines', () => {
  it.each(OPTIMIZERS)(
    "$opt.type: the state and the parameter after the step are the core's",
    ({ opt, first, second }) => {
      const { ctx, iteration, state, k } = secondStep(opt);
      const lines = updateLines(ctx, { kind: 'edge', l: 0, j: 1, i: 0 }, state);
      expect(lines[0].value).toBe(iteration.pass.dLdw[k]);
      expect(lines[lines.length - 1].value).toBe(iteration.after.w[k]);
      if (first) expect(lineStarting(lines, `${first} \\leftarrow`).value).toBe(iteration.stateAfter.w.first[k]);
      if (second) expect(lineStarting(lines, `${second} \\leftarrow`).value).toBe(iteration.stateAfter.w.second[k]);
      for (const line of lines) expect(() => katex.renderToString(line.tex, testOptions)).not.toThrow();
    },
  );

  it('writes momentum with the velocity before and after', () => {
    const { ctx, state } = secondStep({ type: 'momentum', learningRate: 0.5, momentum: 0.9 });
    const texts = updateLines({ ...ctx, links: false }, { kind: 'edge', l: 1, j: 0, i: 0 }, state).map((l) => l.tex);
    expect(texts).toHaveLength(3);
    // The formula's shape is kept: μ·v + g with g substituted as it is, in parentheses.
    expect(texts).toEqual([
      String.raw`g = \frac{\partial L}{\partial w_{11}^{(2)}} = -0.105764`,
      String.raw`v \leftarrow \mu\,v + g = 0.9\cdot (-0.0984573) + (-0.105764) = -0.194376\quad (\mu = 0.9)`,
      String.raw`w_{11}^{(2)} \leftarrow w_{11}^{(2)} - \eta\,v = 0.749229 - 0.5\cdot (-0.194376) = 0.846416\quad (\eta = 0.5)`,
    ]);
  });

  it('writes Adam with t and the bias-corrected moments', () => {
    const { ctx, state } = secondStep({ type: 'adam', learningRate: 0.1 });
    const texts = updateLines({ ...ctx, links: false }, { kind: 'bias', l: 1, j: 0 }, state).map((l) => l.tex);
    expect(texts.map((t) => t.split(' = ')[0])).toEqual([
      'g',
      String.raw`m \leftarrow \beta_1\,m + (1 - \beta_1)\,g`,
      String.raw`v \leftarrow \beta_2\,v + (1 - \beta_2)\,g^{2}`,
      String.raw`\hat{m}`,
      String.raw`\hat{v}`,
      String.raw`b_{1}^{(2)} \leftarrow b_{1}^{(2)} - \eta\,\frac{\hat{m}}{\sqrt{\hat{v}} + \epsilon}`,
    ]);
    expect(texts[3]).toContain(String.raw`1 - 0.9^{2}`);
  });

  it('keeps a frozen weight, whatever the optimizer', () => {
    for (const { opt } of OPTIMIZERS) {
      const { ctx, state, iteration } = secondStep(opt);
      const lines = updateLines({ ...ctx, links: false }, { kind: 'edge', l: 0, j: 0, i: 1 }, state);
      expect(lines).toHaveLength(2);
      expect(lines[1].tex).toBe(String.raw`w_{12}^{(1)} \leftarrow w_{12}^{(1)} = -0.3\quad (\text{frozen})`);
      expect(lines[1].value).toBe(iteration.after.w[weightIndex(ctx.model, 0, 0, 1)]);
    }
  });
});

describe('the KaTeX options', () => {
  it('trust \\htmlData and nothing else', () => {
    expect(katexOptions.throwOnError).toBe(false);
    expect(testOptions.throwOnError).toBe(true);
    expect(katexOptions.strict).toBe(false);
    expect(katex.renderToString(String.raw`\htmlData{key=loss}{L}`, testOptions)).toContain('data-key="loss"');
    expect(katex.renderToString(String.raw`\href{https://example.org}{x}`, katexOptions)).not.toContain('<a ');
    expect(katex.renderToString(String.raw`\htmlClass{x}{y}`, katexOptions)).not.toContain('class="x');
  });

  it('render a bad string as an error in the app and throw in tests', () => {
    expect(() => katex.renderToString(String.raw`\frac{1}{`, katexOptions)).not.toThrow();
    expect(() => katex.renderToString(String.raw`\frac{1}{`, testOptions)).toThrow();
  });
});
