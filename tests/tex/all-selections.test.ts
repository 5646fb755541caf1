import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { biasContribution, edgeFactors, nodeFactors } from '../../src/core/chain-rule.ts';
import { parseScenario } from '../../src/core/codec/index.ts';
import { compileScenario, type Compiled } from '../../src/core/compile.ts';
import { numericGradient } from '../../src/core/grad-check.ts';
import { resolveQuantity } from '../../src/core/lesson-quantity.ts';
import { runIteration, type Iteration } from '../../src/core/iteration.ts';
import { biasIndex, weightIndex } from '../../src/core/model.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import type { Selection } from '../../src/core/selection.ts';
import { loadPreset, PRESET_IDS } from '../../src/presets/index.ts';
import { buildDerivation } from '../../src/tex/derivation.ts';
import { testOptions } from '../../src/tex/katex-options.ts';
import { shownMagnitude, shownValue, type Derivation, type Line, type Quantity } from '../../src/tex/line.ts';
import { everySelection } from '../helpers/every-selection.ts';

/** Scenarios that between them use every activation, loss, fusion, optimizer and odd label. */
const SYNTHETIC: Record<string, unknown> = {
  'every activation, mse, adam, mini-batches, TeX specials in labels': {
    layers: [
      { size: 3, labels: ['x&1', 'α', 'a\\b'] },
      { size: 4, activation: { type: 'leaky-relu', alpha: 0.1 }, bias: true, labels: ['h_1', 'h~2', '{h}', '50%'] },
      { size: 3, activation: { type: 'linear', slope: 0.5 }, bias: true },
      { size: 2, activation: 'identity', bias: false, labels: ['$u', 'v^#'] },
      { size: 3, activation: 'tanh', bias: true },
    ],
    init: { type: 'uniform', low: -1, high: 1, seed: 7 },
    loss: 'mse',
    reduction: 'mean',
    data: [
      { x: [1, -2, 0.5], y: [0.5, -0.5, 0] },
      { x: [-1, 0.3, 2], y: [0, 0.2, 1] },
      { x: [0.1, 0.2, 0.3], y: [1, 1, 1] },
    ],
    batchSize: 2,
    optimizer: { type: 'adam', learningRate: 0.01 },
  },
  'softmax hidden layer, sigmoid + bce fused, fractional targets, rmsprop': {
    layers: [
      { size: 2 },
      { size: 3, activation: 'relu', bias: true },
      { size: 3, activation: 'softmax', bias: true },
      { size: 2, activation: 'sigmoid', bias: true },
    ],
    init: { type: 'uniform', low: -1, high: 1, seed: 3 },
    loss: 'bce',
    reduction: 'sum',
    data: [
      { x: [1, 2], y: [0.3, 1] },
      { x: [-1, 0.5], y: [0, 0.5] },
    ],
    optimizer: { type: 'rmsprop', learningRate: 0.1 },
  },
  'softmax output with mse, momentum': {
    layers: [
      { size: 2 },
      { size: 2, activation: 'sigmoid', bias: true },
      { size: 3, activation: 'softmax', bias: false },
    ],
    init: { type: 'xavier', seed: 5 },
    loss: 'mse',
    reduction: 'mean',
    data: [
      { x: [0.5, -0.5], y: [1, 0, 0] },
      { x: [2, 1], y: [0, 0, 1] },
    ],
    optimizer: { type: 'momentum', learningRate: 0.5 },
  },
  'softmax + cross-entropy with targets that do not sum to 1, nesterov': {
    layers: [{ size: 2 }, { size: 3, activation: 'tanh', bias: true }, { size: 3, activation: 'softmax', bias: true }],
    init: { type: 'he', seed: 11 },
    loss: 'cross-entropy',
    data: [
      { x: [1, 0], y: [0.5, 0.8, 0] },
      { x: [0, 1], y: [0, 0, 0] },
    ],
    optimizer: { type: 'nesterov', learningRate: 0.2, momentum: 0.8 },
  },
  'sigmoid output with cross-entropy (unfused), adagrad': {
    layers: [{ size: 2 }, { size: 2, activation: 'relu', bias: true }, { size: 2, activation: 'sigmoid', bias: true }],
    weights: [
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [0.5, -0.5],
        [0.25, 0.75],
      ],
    ],
    biases: [
      [0, 0],
      [0.1, -0.1],
    ],
    loss: 'cross-entropy',
    data: [
      { x: [1, 1], y: [1, 0] },
      { x: [2, -1], y: [0, 2] },
    ],
    optimizer: { type: 'adagrad', learningRate: 0.1 },
  },
  'softmax output with bce, adadelta': {
    layers: [
      { size: 1 },
      { size: 2, activation: { type: 'leaky-relu', alpha: 0.2 }, bias: false },
      { size: 2, activation: 'softmax', bias: true },
    ],
    weights: [
      [[1], [-1]],
      [
        [1, 0.5],
        [-0.5, 2],
      ],
    ],
    biases: [null, [0, 0.5]],
    loss: 'bce',
    data: [
      { x: [1], y: [1, 0] },
      { x: [-2], y: [0.25, 0.75] },
    ],
    optimizer: { type: 'adadelta' },
  },
  'dead relu, sse, frozen weights and biases': {
    layers: [{ size: 2 }, { size: 2, activation: 'relu', bias: true }, { size: 1, activation: 'identity', bias: true }],
    weights: [
      [
        [1, 1],
        [-1, -1],
      ],
      [[1, 2]],
    ],
    biases: [[0, -1], [0]],
    trainable: {
      weights: [
        [
          [true, false],
          [false, true],
        ],
        true,
      ],
      biases: [[false, true], false],
    },
    loss: 'sse',
    reduction: 'sum',
    data: [{ x: [1, 2], y: [3] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  },
  'wide layers (sums elided), half-sse': {
    layers: [
      { size: 10 },
      { size: 10, activation: 'relu', bias: true },
      { size: 1, activation: 'sigmoid', bias: false },
    ],
    init: { type: 'uniform', low: -0.5, high: 1, seed: 2 },
    loss: 'half-sse',
    data: [{ x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], y: [1] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  },
  'six paths per node (aligned rows) and more than 16 (none)': {
    layers: [
      { size: 1 },
      { size: 5, activation: 'tanh', bias: false },
      { size: 3, activation: 'tanh', bias: false },
      { size: 2, activation: 'sigmoid', bias: false },
      { size: 3, activation: 'tanh', bias: false },
    ],
    init: { type: 'uniform', low: -1, high: 1, seed: 9 },
    loss: 'half-sse',
    reduction: 'sum',
    data: [{ x: [0.7], y: [0.1, 0.2, 0.3] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
  },
  'ten samples (batch sums elided)': {
    layers: [
      { size: 1 },
      { size: 2, activation: 'sigmoid', bias: true },
      { size: 1, activation: 'sigmoid', bias: true },
    ],
    init: { type: 'uniform', low: -1, high: 1, seed: 4 },
    loss: 'bce',
    data: Array.from({ length: 10 }, (_, k) => ({ x: [k / 3 - 1], y: [k % 2] })),
    optimizer: { type: 'sgd', learningRate: 1 },
  },
};

interface Case {
  readonly name: string;
  readonly scenario: Scenario;
}

function parse(name: string, doc: unknown): Scenario {
  const result = parseScenario({ format: 'backprop-scenario/1', ...(doc as object) });
  if (!result.ok) throw new Error(`${name}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.value;
}

const CASES: Case[] = [
  ...PRESET_IDS.map((id) => ({ name: `preset ${id}`, scenario: loadPreset(id)! })),
  ...Object.entries(SYNTHETIC).map(([name, doc]) => ({ name, scenario: parse(name, doc) })),
  // a weight's gradient with a penalty: ∂L_data/∂w + l1·sign(w) + l2·w, each number shown
  { name: 'mazur with l1 and l2', scenario: { ...loadPreset('mazur')!, regularization: { l1: 0.01, l2: 0.1 } } },
  { name: 'walkthrough with l2', scenario: { ...loadPreset('walkthrough')!, regularization: { l2: 0.05 } } },
  { name: 'numpy-341 with l1', scenario: { ...loadPreset('numpy-341')!, regularization: { l1: 0.02 } } },
];

function selections(compiled: Compiled): Selection[] {
  return everySelection(compiled.model);
}

/** The core's own number for a quantity. */
function coreValue(q: Quantity, compiled: Compiled, it: Iteration): number {
  const { model } = compiled;
  const { pass } = it;
  switch (q.kind) {
    case 'z':
    case 'a':
    case 'dLda':
    case 'dLdz':
      return pass[q.kind][q.sample * model.nodeCount + model.nodeOffset[q.l] + q.j];
    case 'dadz':
      return nodeFactors(model, pass, q.sample, q.l, q.j).dadz;
    case 'dLdw':
      return q.sample === 'batch'
        ? pass.dLdw[weightIndex(model, q.l, q.j, q.i)]
        : edgeFactors(model, pass, q.sample, q.l, q.j, q.i).dLdw;
    case 'dLdb':
      return q.sample === 'batch'
        ? pass.dLdb[biasIndex(model, q.l, q.j)]
        : biasContribution(model, pass, q.sample, q.l, q.j);
    case 'sample-loss':
      return pass.sampleLoss[q.sample];
    case 'loss-term': {
      // the lesson resolver's own number for `loss-term:k` of the sample shown
      const scenarioless = { compiled, iteration: it, sample: q.sample };
      return resolveQuantity(scenarioless, { kind: 'loss-term', index: q.k });
    }
    case 'loss':
      return pass.loss;
    case 'loss-after':
      return it.lossAfter;
    case 'weight-after':
      return it.after.w[weightIndex(model, q.l, q.j, q.i)];
    case 'bias-after':
      return it.after.b[biasIndex(model, q.l, q.j)];
  }
}

interface Built {
  readonly label: string;
  readonly compiled: Compiled;
  readonly iteration: Iteration;
  readonly selection: Selection;
  readonly sample: number;
  readonly derivation: Derivation;
}

/** Every derivation of a case: two iterations (fresh state, then the state after one step), every selection, every sample. */
function buildAll(c: Case): Built[] {
  const compiled = compileScenario(c.scenario);
  const first = runIteration(compiled);
  const second = runIteration(compiled, first.after, first.stateAfter);
  const runs = [
    { iteration: first, state: undefined, step: 0 },
    { iteration: second, state: first.stateAfter, step: 1 },
  ];
  const out: Built[] = [];
  runs.forEach(({ iteration, state, step }, run) => {
    for (const selection of selections(compiled)) {
      const check =
        selection.kind === 'edge'
          ? numericGradient(
              compiled,
              iteration.params,
              step,
              'w',
              weightIndex(compiled.model, selection.l, selection.j, selection.i),
            )
          : selection.kind === 'bias'
            ? numericGradient(
                compiled,
                iteration.params,
                step,
                'b',
                biasIndex(compiled.model, selection.l, selection.j),
              )
            : undefined;
      for (let sample = 0; sample < iteration.count; sample++) {
        const derivation = buildDerivation({
          scenario: c.scenario,
          compiled,
          iteration,
          selection,
          sample,
          state,
          gradCheck: check,
        });
        const where = selection.kind === 'loss' ? 'loss' : Object.values(selection).join(':');
        out.push({
          label: `${c.name} step ${run + 1} ${where} sample ${sample}`,
          compiled,
          iteration,
          selection,
          sample,
          derivation,
        });
      }
    }
  });
  return out;
}

function lines(d: Derivation): Line[] {
  return d.sections.flatMap((s) => s.lines);
}

/** The control characters in a text: \r of \right, \f of \frac, \t of \times, \n of \nabla, \b of \beta, \v of \vec. */
function controlCharacters(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0)).filter((code) => code < 0x20 || code === 0x7f);
}

function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b) || a === b || (Number.isNaN(a) && Number.isNaN(b));
}

describe.each(CASES)('$name', (c) => {
  const built = buildAll(c);

  it('shows numbers that multiply (and add) to the value of their line', () => {
    let products = 0;
    for (const b of built) {
      for (const line of lines(b.derivation)) {
        const shown = shownValue(line);
        if (shown === undefined || line.value === undefined) continue;
        products++;
        const value = line.value;
        if (!Number.isFinite(value)) {
          expect(sameNumber(shown, value), `${b.label}: ${line.tex}`).toBe(true);
          continue;
        }
        // A pure product is exact to rounding; a sum is exact to rounding of its largest terms.
        const scale = line.terms ? Math.max(Math.abs(value), shownMagnitude(line)) : Math.abs(value);
        expect(Math.abs(shown - value) <= 1e-12 * scale, `${b.label}: ${line.tex} shows ${shown}, value ${value}`).toBe(
          true,
        );
      }
    }
    expect(products).toBeGreaterThan(0);
  });

  it("arrives at the core's own numbers", () => {
    for (const b of built) {
      for (const line of lines(b.derivation)) {
        if (!line.quantity) continue;
        expect(line.value, `${b.label}: ${line.tex}`).toBeDefined();
        const core = coreValue(line.quantity, b.compiled, b.iteration);
        expect(sameNumber(line.value!, core), `${b.label}: ${line.tex}: ${line.value} vs core ${core}`).toBe(true);
      }
    }
  });

  it('derives every gradient the core computed, for the sample and over the batch, and the update', () => {
    for (const b of built) {
      const sel = b.selection;
      if (sel.kind !== 'edge' && sel.kind !== 'bias') continue;
      if (sel.kind === 'bias' && !b.compiled.model.hasBias[sel.l]) continue;
      const qs = lines(b.derivation).flatMap((line) => (line.quantity ? [line.quantity] : []));
      const gradKind = sel.kind === 'edge' ? 'dLdw' : 'dLdb';
      const afterKind = sel.kind === 'edge' ? 'weight-after' : 'bias-after';
      expect(
        qs.some((q) => q.kind === gradKind && q.sample === b.sample),
        `${b.label}: per-sample gradient`,
      ).toBe(true);
      expect(
        qs.some((q) => q.kind === gradKind && q.sample === 'batch'),
        `${b.label}: batch gradient`,
      ).toBe(true);
      expect(
        qs.some((q) => q.kind === afterKind),
        `${b.label}: update`,
      ).toBe(true);
      expect(
        b.derivation.sections.some((s) => s.heading === 'Gradient check'),
        b.label,
      ).toBe(true);
    }
  });

  it('renders every TeX string with KaTeX, term ids included', () => {
    const seen = new Set<string>();
    for (const b of built) for (const line of lines(b.derivation)) seen.add(line.tex);
    for (const tex of seen) {
      expect(() => katex.renderToString(tex, { ...testOptions, displayMode: true }), tex).not.toThrow();
    }
    const keys = [...seen].join('\n').match(/\\htmlData\{key=([^}]*)\}/g) ?? [];
    expect(keys.length).toBeGreaterThan(0);
    const html = katex.renderToString(
      [...seen].find((t) => t.includes(String.raw`\htmlData`))!,
      testOptions,
    );
    expect(html).toMatch(/data-key="(node|edge|bias):[\d:]+|data-key="loss"/);
  });

  it('never holds what a template literal does to \\right, \\frac or \\nabla (ight, control characters)', () => {
    for (const b of built) {
      const plain = [
        b.derivation.title,
        ...b.derivation.sections.map((s) => s.heading),
        ...lines(b.derivation).map((l) => l.note ?? ''),
      ];
      const tex = lines(b.derivation).map((l) => l.tex);
      for (const text of [...plain, ...tex]) expect(controlCharacters(text), `${b.label}: ${text}`).toEqual([]);
      // In TeX, "ight" only ever follows \r (\right); plain text may say "weight".
      for (const text of tex) expect(text, b.label).not.toMatch(/(?<!\\r)ight/);
    }
  });
});
