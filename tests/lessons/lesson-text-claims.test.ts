import { describe, expect, it } from 'vitest';
import { firstDifferingDigit } from '../../src/core/lesson-answer.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { lessonQuantityContext, resolveQuantity } from '../../src/core/lesson-quantity.ts';
import { lessonStepStates } from '../../src/core/lesson-walk.ts';
import { buildStepPlan, isKnown } from '../../src/core/step-plan.ts';
import { loadLesson } from '../../src/lessons/index.ts';
import { loadOracleCases } from '../helpers/oracle-case.ts';

/** What a built-in lesson's text says about its numbers, checked against the oracle. */
describe("claims in the lessons' text", () => {
  it('numpy-341 step 9: the printed prediction and the one after all 10,000 updates agree rounded to 4 significant digits and part digit by digit at the 3rd', () => {
    const c = loadOracleCases().find((x) => x.file === 'seed002_numpy_341_sigmoid.json')!.oracle as unknown as {
      tutorial_code_output: Record<string, { printed_final_prediction_yhat_of_iteration_10000: number[] }>;
      expected: { training: { steps: number; outputs_after: number[][] } };
    };
    const printed = c.tutorial_code_output['numpy_1.24.2'].printed_final_prediction_yhat_of_iteration_10000[0];
    expect(c.expected.training.steps).toBe(10000);
    const after = c.expected.training.outputs_after[0][0];
    expect(firstDifferingDigit(printed, after, 4)).toBeNull();
    expect(firstDifferingDigit(printed, after, 8)).toBe(3);
    const text = loadLesson('numpy-341')!.steps[8].text;
    expect(text).toContain('Rounded to 4 significant digits both are 0.005720');
    expect(text).toContain('digit by digit they part at the 3rd');
    expect(text).not.toContain('in the seventh digit');
  });
});

describe("mazur step 13: where Mazur's −0.019049119 parts from the exact term", () => {
  it('says the digit the compare marks in the words its verdict uses (the 8th significant digit, not only "the ninth decimal")', () => {
    const c = loadOracleCases().find((x) => x.file === 'mazur_222_fixed_bias.json')!.oracle as unknown as {
      network: { weights: number[][][] };
      expected: { forward_backward: { samples: { dL_dz: (number[] | null)[] }[] } };
    };
    // ∂E_o2/∂out_h1 = δ_o2 · w7 (w7: from h1 to o2)
    const term = c.expected.forward_backward.samples[0].dL_dz[2]![1] * c.network.weights[1][1][0];
    expect(firstDifferingDigit(-0.019049119, term, 9)).toBe(8);
    const text = loadLesson('mazur')!.steps[12].text;
    expect(text).toContain('the 8th significant digit');
    expect(text).toContain('≠ 8th');
  });
});

describe('tanh-221 step 9: the weight its title asks about', () => {
  it("is named as the tutorial names it and as the diagram does (the weight from hidden unit 1 to the one output: the diagram's w[2]₁₁)", () => {
    const step = loadLesson('tanh-221')!.steps[8];
    expect(step.ask?.of).toEqual({ kind: 'gradient', sel: { kind: 'edge', l: 1, j: 0, i: 0 } });
    expect(step.title).toContain('w[2]₁₂');
    expect(step.title).toContain("the diagram's w[2]₁₁");
  });
});

describe('tanh-221 step 1: the landscape the text describes can be seen', () => {
  it('names the range that shows both basins; at the map’s first range, ±1, the global minimum is off the map', () => {
    const lesson = loadLesson('tanh-221')!;
    const text = lesson.steps[0].text;
    expect(text).toContain('range ±3');
    const weights = lesson.scenario.scenario.weights.map((m) => m[0][0]);
    expect(weights).toEqual([-0.5, -0.2]);
    const inside = (r: number, p: [number, number]) =>
      Math.abs(p[0] - weights[0]) <= r && Math.abs(p[1] - weights[1]) <= r;
    const globalMinimum: [number, number] = [1, 1];
    const secondBasin: [number, number] = [-1.77, -0.88];
    expect(inside(1, globalMinimum)).toBe(false);
    expect(inside(3, globalMinimum)).toBe(true);
    expect(inside(3, secondBasin)).toBe(true);
  });
});

describe("little-network: the tutorial's Y = 4 after the update is on the screen where the text says it", () => {
  it('each step whose text gives Y = 4 shows a Y of 4 on the diagram: the forward pass with the updated xh₁ = 0.8, done at the step’s position', () => {
    const c = loadOracleCases().find((x) => x.file === 'seed001_little_network_phi2x.json')!.oracle as unknown as {
      expected: { after_one_step: { outputs: number[][]; weights: number[][][] } };
    };
    const yAfter = c.expected.after_one_step.outputs[0][0];
    expect(yAfter).toBe(4);
    const lesson = loadLesson('little-network')!;
    const states = lessonStepStates(lesson);
    const claims = lesson.steps.flatMap((s, k) => (/\bY = 4\b/.test(s.text) ? [k] : []));
    expect(claims.length, 'the tutorial’s Y = 4 is in the lesson').toBeGreaterThan(0);
    const output = { kind: 'node', l: 3, j: 0 } as const;
    for (const k of claims) {
      const { scenario, view } = states[k];
      const ctx = lessonQuantityContext(scenario, view.sample);
      expect(resolveQuantity(ctx, { kind: 'a', sel: output }), `steps[${k}]: the Y it shows`).toBe(yAfter);
      expect(resolveQuantity(ctx, { kind: 'value', sel: { kind: 'edge', l: 0, j: 0, i: 0 } })).toBe(
        c.expected.after_one_step.weights[0][0][0],
      );
      const compiled = compileScenario(scenario);
      const plan = buildStepPlan(compiled.model, compiled.trainable);
      const yAt = plan.aAt[compiled.model.nodeOffset[output.l] + output.j];
      expect(isKnown(yAt, view.pos), `steps[${k}]: Y's forward pass done at position ${view.pos}`).toBe(true);
    }
  });
});

describe('little-network step 2: the diagram shows both values of each node, as the text says', () => {
  it('the text says the diagram shows H (the sum, the app’s z) and A on each node: the step turns "show z" on, and the H₁ it names is that z', () => {
    const lesson = loadLesson('little-network')!;
    const k = lesson.steps.findIndex((s) => s.title === "H and A: the tutorial's names");
    expect(k).toBeGreaterThanOrEqual(0);
    expect(lesson.steps[k].text).toContain('shows both values on it');
    const { scenario, view } = lessonStepStates(lesson)[k];
    expect(view.z, 'show z at this step').toBe(true);
    const c = loadOracleCases().find((x) => x.file === 'seed001_little_network_phi2x.json')!.oracle as unknown as {
      expected: { forward_backward: { samples: { z: (number[] | null)[] }[] } };
    };
    const ctx = lessonQuantityContext(scenario, view.sample);
    expect(resolveQuantity(ctx, { kind: 'z', sel: { kind: 'node', l: 1, j: 0 } })).toBe(
      c.expected.forward_backward.samples[0].z[1]![0],
    );
  });
});

describe("by-hand-mlp's last step: one update takes the loss nearly to zero, as its text says", () => {
  it('with the preset’s learning rate, the oracle’s loss after one step is under 1e-6 (the exact-softmax case, the same rate)', () => {
    const c = loadOracleCases().find((x) => x.file === 'seed003_aibyhand_mlp_exact_softmax.json')!
      .oracle as unknown as {
      optimizer: { learning_rate: number };
      expected: { loss: number; after_one_step: { loss: number } };
    };
    const lesson = loadLesson('by-hand-mlp')!;
    expect(lesson.scenario.scenario.optimizer.learningRate).toBe(c.optimizer.learning_rate);
    const step = lesson.steps.find((s) => s.title === 'Step 11: gradient descent')!;
    expect(step.text).toContain('goes from {{loss}} to {{after:loss}}');
    expect(step.text).toContain('nearly zero after one step');
    expect(c.expected.loss).toBeGreaterThan(0.5);
    expect(c.expected.after_one_step.loss).toBeLessThan(1e-6);
  });
});

describe('numpy-341 step 7: the δ it shows and the gradient it gives are one sample against the sum of four, and it says so', () => {
  it("the δ shown is sample 1's, whose x₁ is 0, so the first weight's gradient is all the other samples' sum", () => {
    const c = loadOracleCases().find((x) => x.file === 'seed002_numpy_341_sigmoid.json')!.oracle as unknown as {
      expected: {
        forward_backward: { samples: { x: number[]; dL_dz: (number[] | null)[] }[] };
        grads: { weights: number[][][] };
      };
    };
    const samples = c.expected.forward_backward.samples;
    const sum = samples.reduce((acc, s) => acc + s.dL_dz[1]![0] * s.x[0], 0);
    expect(c.expected.grads.weights[0][0][0]).toBeCloseTo(sum, 15);
    expect(samples[0].x[0]).toBe(0);

    const lesson = loadLesson('numpy-341')!;
    const k = lesson.steps.findIndex((s) => s.title === 'The gradient of the input-to-hidden weights');
    expect(k).toBeGreaterThanOrEqual(0);
    const { scenario, view } = lessonStepStates(lesson)[k];
    const ctx = lessonQuantityContext(scenario, view.sample);
    const h1 = { kind: 'node', l: 1, j: 0 } as const;
    expect(resolveQuantity(ctx, { kind: 'dLdz', sel: h1 })).toBeCloseTo(samples[0].dL_dz[1]![0], 15);
    expect(resolveQuantity(ctx, { kind: 'x', index: 0 })).toBe(0);
    const text = lesson.steps[k].text;
    expect(text).toContain('{{dLdz:node:1:0}}');
    expect(text).toContain('{{gradient:edge:0:0:0}}');
    // the text says why δ × x of the sample shown is not the gradient it gives
    expect(text).toContain('adds the four samples up');
    expect(text).toContain("Sample 1's $x_1$ is 0, so it adds nothing");
  });
});

describe('walkthrough step 7: why the huge ∂CE/∂F and the tiny F(1 − F) multiply to F − y', () => {
  it('the text gives ∂CE/∂F = (F − y)/(F(1 − F)), which is the oracle’s ∂L/∂F, so its product with F(1 − F) is δ = F − y', () => {
    const c = loadOracleCases().find((x) => x.file === 'seed000_walkthrough_hypB_3-2-1.json')!.oracle as unknown as {
      expected: {
        forward_backward: {
          samples: { a: number[][]; dL_da: number[][]; dL_dz: (number[] | null)[]; target: number[] }[];
        };
      };
    };
    const s = c.expected.forward_backward.samples[0];
    const [F, y] = [s.a[2][0], s.target[0]];
    expect(s.dL_da[2][0] / ((F - y) / (F * (1 - F)))).toBeCloseTo(1, 9);
    expect(s.dL_dz[2]![0]).toBeCloseTo(F - y, 12);
    const lesson = loadLesson('walkthrough')!;
    const step = lesson.steps.find((st) => st.title === 'Second factor: the tutorial forgets the sigmoid')!;
    expect(step.text).toContain('\\partial CE/\\partial F = (F - y)/\\bigl(F(1 - F)\\bigr)');
    expect(step.text).toContain('F - y = {{dLdz:node:2:0}}');
  });
});
