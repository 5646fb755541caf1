import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OracleCase } from '../../helpers/oracle-case.ts';

const DIR = fileURLToPath(new URL('../../fixtures/oracle/', import.meta.url));

/** One oracle fixture (tests/fixtures/oracle), parsed as JSON: every number is the oracle's exact double. */
export function oracleCase(file: string): OracleCase {
  return JSON.parse(readFileSync(`${DIR}${file}`, 'utf8')) as OracleCase;
}

/** What one iteration of a preset must show, from its oracle fixture. */
export interface PresetExpectation {
  readonly id: string;
  readonly file: string;
  readonly sizes: number[];
  /** the first sample's activations a[l][j] (a[0] = x) */
  readonly a0: number[][];
  /** the first sample's δ = ∂L/∂z of the reduced loss, by layer (null for the input layer) */
  readonly dLdz0: (number[] | null)[];
  readonly loss: number;
  readonly gradWeights: number[][][];
  readonly gradBiases: (number[] | null)[];
  readonly afterWeights: number[][][];
  readonly afterBiases: (number[] | null)[];
}

interface CandidateBatch {
  inputs: number[][];
  labels_by_rule: number[];
  predictions: number[];
  bce_mean: number;
  grad_weights_mean_bce: number[][][];
}

function fromCase(id: string, file: string): PresetExpectation {
  const c = oracleCase(file);
  const s0 = c.expected.forward_backward.samples[0];
  return {
    id,
    file,
    sizes: c.network.layer_sizes,
    a0: s0.a,
    dLdz0: s0.dL_dz,
    loss: c.expected.loss,
    gradWeights: c.expected.grads.weights,
    gradBiases: c.expected.grads.biases,
    afterWeights: c.expected.after_one_step.weights,
    afterBiases: c.expected.after_one_step.biases,
  };
}

/**
 * The walkthrough preset is seed 000's hypothesis B (3-2-1, all weights 1) on the six-point
 * batch of `extra.unverified_candidate_batch`, with learning rate 0.1. That block gives the
 * batch's gradients and mean BCE; the first sample's forward values are hypothesis B's
 * (same x = [1, 2, 3], same weights), its δ is (ŷ − y)/6 at the output (sigmoid + BCE, mean
 * over six) and w·δ·relu′(6) = δ at D and E; the step is w − 0.1·∂L/∂w.
 */
function walkthrough(): PresetExpectation {
  const file = 'seed000_walkthrough_hypB_3-2-1.json';
  const c = oracleCase(file);
  const batch = (c.extra as { unverified_candidate_batch: CandidateBatch }).unverified_candidate_batch;
  const n = batch.inputs.length;
  const deltaOut = (batch.predictions[0] - batch.labels_by_rule[0]) / n;
  const lr = 0.1;
  const w = c.network.weights;
  return {
    id: 'walkthrough',
    file,
    sizes: c.network.layer_sizes,
    a0: c.expected.forward_backward.samples[0].a,
    dLdz0: [null, [w[1][0][0] * deltaOut, w[1][0][1] * deltaOut], [deltaOut]],
    loss: batch.bce_mean,
    gradWeights: batch.grad_weights_mean_bce,
    gradBiases: [null, null],
    afterWeights: w.map((m, l) => m.map((row, j) => row.map((v, i) => v - lr * batch.grad_weights_mean_bce[l][j][i]))),
    afterBiases: [null, null],
  };
}

/** The six presets, in menu order, with the oracle values each must reproduce. */
export function presetExpectations(): PresetExpectation[] {
  return [
    walkthrough(),
    fromCase('little-network', 'seed001_little_network_phi2x.json'),
    fromCase('numpy-341', 'seed002_numpy_341_sigmoid.json'),
    fromCase('by-hand-mlp', 'seed003_aibyhand_mlp_exact_softmax.json'),
    fromCase('tanh-221', 'seed004_tanh_221_SYNTHETIC_WEIGHTS.json'),
    fromCase('mazur', 'mazur_222_fixed_bias.json'),
  ];
}

/** Absolute tolerance of single-step values (oracle README). */
export const SINGLE_STEP_ABS = 1e-12;
/** Relative tolerance of long training runs (oracle README). */
export const TRAINING_REL = 1e-9;
