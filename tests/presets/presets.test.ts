import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { serializeScenario } from '../../src/core/codec/serialize-scenario.ts';
import { traceScenario } from '../../src/core/trace.ts';
import { DEFAULT_PRESET_ID, loadPreset, PRESET_IDS } from '../../src/presets/index.ts';
import { expectClose } from '../helpers/expect-close.ts';
import { loadOracleCases } from '../helpers/oracle-case.ts';

const oracle = (prefix: string) => loadOracleCases().find((c) => c.file.startsWith(prefix))!.oracle;
const preset = (id: string) => {
  const s = loadPreset(id);
  if (s === null) throw new Error(`no preset ${id}`);
  return s;
};

describe('presets', () => {
  it('are the six of the issue, the landscape one and the two playground ones, walkthrough first and default', () => {
    expect(PRESET_IDS).toEqual([
      'walkthrough',
      'little-network',
      'numpy-341',
      'by-hand-mlp',
      'tanh-221',
      'mazur',
      'landscape-local-minimum',
      'playground',
      'playground-xor',
    ]);
    expect(DEFAULT_PRESET_ID).toBe('walkthrough');
    expect(loadPreset('nope')).toBeNull();
  });

  it.each(PRESET_IDS)('%s is a valid scenario with notes, and round-trips', (id) => {
    const s = preset(id);
    expect(s.title?.length).toBeGreaterThan(10);
    expect(s.description?.length).toBeGreaterThan(200);
    const again = parseScenario(JSON.parse(JSON.stringify(serializeScenario(s))));
    expect(again.ok && again.value).toEqual(s);
  });

  it('walkthrough: all-ones 3-2-1, six points labelled by the rule, matching the oracle’s candidate batch', () => {
    const s = preset('walkthrough');
    expect(s.data.map((d) => d.y[0])).toEqual([1, 0, 1, 0, 1, 0]);
    expect(s.optimizer).toEqual({ type: 'sgd', learningRate: 0.1 });
    const trace = traceScenario(s);
    const candidate = (
      oracle('seed000_walkthrough_hypB').extra as {
        unverified_candidate_batch: { bce_mean: number; predictions: number[]; grad_weights_mean_bce: number[][][] };
      }
    ).unverified_candidate_batch;
    expectClose(trace.loss, candidate.bce_mean, { abs: 1e-12 });
    expectClose(
      trace.samples.map((x) => x.a[2][0]),
      candidate.predictions,
      { abs: 1e-12 },
    );
    expectClose(trace.gradients.weights, candidate.grad_weights_mean_bce, { abs: 1e-12 });
    // "E = 6, F = 0.999" for [1, 2, 3]
    expect(trace.samples[0].a[1][1]).toBe(6);
    expect(trace.samples[0].a[2][0]).toBeCloseTo(0.99999, 5);
  });

  it('little-network: Y = 10, ∂L/∂xh₁ = 40, xh₁ → 0.8, next output Y = 4', () => {
    const trace = traceScenario(preset('little-network'));
    expect(trace.samples[0].a[3]).toEqual([10]);
    expect(trace.gradients.weights[0][0][0]).toBe(40);
    expect(trace.after.weights[0][0][0]).toBeCloseTo(0.8, 15);
    expect(trace.after.weights.slice(1)).toEqual(preset('little-network').weights.slice(1));
    const next = traceScenario({ ...preset('little-network'), weights: trace.after.weights });
    expect(next.samples[0].a[3][0]).toBeCloseTo(4, 14);
  });

  it('numpy-341: the oracle’s numbers after 1 and after 10,000 steps', () => {
    const o = oracle('seed002').expected;
    const trace = traceScenario(preset('numpy-341'), 10_000);
    expectClose(trace.loss, o.loss, { abs: 1e-12 });
    expectClose(trace.after.weights, o.after_one_step.weights, { abs: 1e-12 });
    expectClose(trace.training?.weights, o.training!.weights_after, { rel: 1e-9 });
    expectClose(trace.training?.loss, o.training!.loss_after, { rel: 1e-9 });
  });

  it('by-hand-mlp: the exact-softmax oracle case', () => {
    const o = oracle('seed003_aibyhand_mlp_exact').expected;
    const trace = traceScenario(preset('by-hand-mlp'));
    expectClose(trace.samples[0].z, o.forward_backward.samples[0].z, { abs: 1e-12 });
    expectClose(trace.gradients.weights, o.grads.weights, { abs: 1e-12 });
    expectClose(trace.gradients.biases, o.grads.biases, { abs: 1e-12 });
    expectClose(trace.after.weights, o.after_one_step.weights, { abs: 1e-12 });
  });

  it('tanh-221: the oracle’s (invented) weights, only hidden-1 → output updated', () => {
    const o = oracle('seed004').expected;
    const trace = traceScenario(preset('tanh-221'));
    expectClose(trace.gradients.weights, o.grads.weights, { abs: 1e-12 });
    expectClose(trace.after.weights, o.after_one_step.weights, { abs: 1e-12 });
    expect(preset('tanh-221').description).toMatch(/invented/);
  });

  it('mazur: E = 0.298371109, w₅ → 0.35891648, w₁ → 0.149780716, then 0.291027774', () => {
    const trace = traceScenario(preset('mazur'));
    expect(trace.loss.toFixed(9)).toBe('0.298371109');
    expect(trace.after.weights[1][0][0].toFixed(8)).toBe('0.35891648');
    expect(trace.after.weights[0][0][0].toFixed(9)).toBe('0.149780716');
    expect(trace.after.biases).toEqual([
      [0.35, 0.35],
      [0.6, 0.6],
    ]);
    expect(trace.after.loss.toFixed(9)).toBe('0.291027774');
    expect(preset('mazur').description).toMatch(/0\.291027924/);
  });
});
