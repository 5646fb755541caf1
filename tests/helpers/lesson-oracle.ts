import type { QuantityRef } from '../../src/core/quantity-ref.ts';
import { loadOracleCases, type OracleCase } from './oracle-case.ts';

/**
 * For each built-in lesson, where the oracle (shared/oracle, tests/fixtures/oracle) keeps the
 * value of each quantity a `compare` names: one lookup per stretch of steps (the lesson's
 * scenario, then each step scenario in turn). Read straight from the oracle's files, never
 * from the app; the unit test and the browser walk of the lessons share it.
 */

/** An oracle's value of a quantity for one sample, with the tolerance the oracle recommends for it. */
export type OracleValue = { value: number; tol: { abs?: number; rel?: number } } | undefined;
export type OracleLookup = (q: QuantityRef, sample: number) => OracleValue;

const ONE_STEP = { abs: 1e-12 };
const LONG_RUN = { rel: 1e-9 };

const cases = new Map(loadOracleCases().map(({ file, oracle }) => [file, oracle]));
function oracleCase(file: string): OracleCase & Record<string, unknown> {
  const c = cases.get(file);
  if (!c) throw new Error(`no oracle case ${file}`);
  return c as OracleCase & Record<string, unknown>;
}

/** The value of a quantity in one oracle case's first iteration (its `expected` block), read straight from the file. */
function fromCase(file: string): OracleLookup {
  const c = oracleCase(file);
  const e = c.expected;
  const one = (value: number | null | undefined): OracleValue =>
    value === undefined || value === null ? undefined : { value, tol: ONE_STEP };
  return (q, s) => {
    const sample = e.forward_backward.samples[s];
    switch (q.kind) {
      case 'x':
        return one(c.data.inputs[s][q.index]);
      case 'y':
        return one(c.data.targets[s][q.index]);
      case 'loss':
        return one(e.loss);
      case 'z':
        return one(sample.z[q.sel.l]?.[q.sel.j]);
      case 'a':
        return one(sample.a[q.sel.l][q.sel.j]);
      case 'dLdz':
        return one(sample.dL_dz[q.sel.l]?.[q.sel.j]);
      case 'dLda':
        return one(sample.dL_da[q.sel.l][q.sel.j]);
      case 'value':
        return one(
          q.sel.kind === 'edge' ? c.network.weights[q.sel.l][q.sel.j][q.sel.i] : c.network.biases[q.sel.l]?.[q.sel.j],
        );
      case 'gradient':
        return one(
          q.sel.kind === 'edge' ? e.grads.weights[q.sel.l][q.sel.j][q.sel.i] : e.grads.biases[q.sel.l]?.[q.sel.j],
        );
      case 'after':
        if (q.sel.kind === 'loss') return one(e.after_one_step.loss);
        return one(
          q.sel.kind === 'edge'
            ? e.after_one_step.weights[q.sel.l][q.sel.j][q.sel.i]
            : e.after_one_step.biases[q.sel.l]?.[q.sel.j],
        );
      case 'loss-term': {
        // Only Mazur prints the terms; the oracle lists them with its exact values.
        const published = (c.tutorial_published as { values: { quantity: string; exact: number }[] } | undefined)
          ?.values;
        return one(published?.find((v) => v.quantity === `E_o${q.index + 1}`)?.exact);
      }
    }
  };
}

/** Mazur after 10,000 steps: the oracle's training block. */
const mazurTrained: OracleLookup = (q) => {
  const t = oracleCase('mazur_222_fixed_bias.json').expected.training as unknown as {
    loss_after: number;
    outputs_after: number[][];
  };
  if (q.kind === 'loss') return { value: t.loss_after, tol: LONG_RUN };
  if (q.kind === 'a' && q.sel.l === 2) return { value: t.outputs_after[0][q.sel.j], tol: LONG_RUN };
  return undefined;
};

/** seed 002 after 9,999 updates: ŷ as the verbatim code prints it (numpy 1.24.2), from the oracle. */
const numpyPrinted: OracleLookup = (q, s) => {
  const out = oracleCase('seed002_numpy_341_sigmoid.json').tutorial_code_output as Record<
    string,
    { printed_final_prediction_yhat_of_iteration_10000: number[] }
  >;
  if (q.kind === 'a' && q.sel.l === 2)
    return { value: out['numpy_1.24.2'].printed_final_prediction_yhat_of_iteration_10000[s], tol: LONG_RUN };
  return undefined;
};

const noOracle: OracleLookup = () => undefined;

/**
 * A case's network after its one update (its `after_one_step` block): the parameters, the
 * outputs and the loss there (seed 001's forward pass with xh₁ = 0.8, where Y = 4).
 */
function afterOneStep(file: string): OracleLookup {
  const c = oracleCase(file);
  const e = c.expected.after_one_step as unknown as {
    weights: number[][][];
    outputs: number[][];
    loss: number;
  };
  const last = c.network.layer_sizes.length - 1;
  return (q, s) => {
    if (q.kind === 'loss') return { value: e.loss, tol: ONE_STEP };
    if (q.kind === 'a' && q.sel.l === last) return { value: e.outputs[s][q.sel.j], tol: ONE_STEP };
    if (q.kind === 'value' && q.sel.kind === 'edge')
      return { value: e.weights[q.sel.l][q.sel.j][q.sel.i], tol: ONE_STEP };
    if (q.kind === 'x') return { value: c.data.inputs[s][q.index], tol: ONE_STEP };
    if (q.kind === 'y') return { value: c.data.targets[s][q.index], tol: ONE_STEP };
    return undefined;
  };
}

/**
 * Mazur with one output's target set to its own output (the lesson's steps that isolate one path
 * into out_h1): the forward values are the case's, and ∂L/∂out_h1 is that path's term, which
 * the oracle lists among the published values with its exact value.
 */
function mazurOnePath(term: 'dE_o1/dout_h1' | 'dE_o2/dout_h1'): OracleLookup {
  const file = 'mazur_222_fixed_bias.json';
  const forward = fromCase(file);
  const published = (oracleCase(file).tutorial_published as { values: { quantity: string; exact: number }[] }).values;
  return (q, s) => {
    if (q.kind === 'dLda' && q.sel.l === 1 && q.sel.j === 0) {
      const v = published.find((p) => p.quantity === term)?.exact;
      return v === undefined ? undefined : { value: v, tol: ONE_STEP };
    }
    if (q.kind === 'z' || q.kind === 'a' || q.kind === 'x' || q.kind === 'value') return forward(q, s);
    return undefined;
  };
}

/** For each lesson, the oracle of each stretch of steps: the lesson's scenario, then each step scenario in turn. */
export const ORACLES: Record<string, OracleLookup[]> = {
  walkthrough: [fromCase('seed000_walkthrough_hypB_3-2-1.json')],
  'little-network': [fromCase('seed001_little_network_phi2x.json'), afterOneStep('seed001_little_network_phi2x.json')],
  'numpy-341': [fromCase('seed002_numpy_341_sigmoid.json'), numpyPrinted],
  'by-hand-mlp': [fromCase('seed003_aibyhand_mlp_exact_softmax.json')],
  'tanh-221': [noOracle, fromCase('seed004_tanh_221_SYNTHETIC_WEIGHTS.json')],
  mazur: [
    fromCase('mazur_222_fixed_bias.json'),
    mazurOnePath('dE_o1/dout_h1'),
    mazurOnePath('dE_o2/dout_h1'),
    fromCase('mazur_222_fixed_bias.json'),
    mazurTrained,
  ],
};

/** The largest difference the oracle's tolerance allows from its value. */
export function oracleBound(oracle: NonNullable<OracleValue>): number {
  return Math.max(oracle.tol.abs ?? 0, (oracle.tol.rel ?? 0) * Math.abs(oracle.value));
}

/** seed 003 with the exercise's rounded Ŷ: the oracle's rounded case, its ŷ the values it plugs in (its `output_override`). */
const byHandRounded: OracleLookup = (q, s) => {
  const c = oracleCase('seed003_aibyhand_mlp_tutorial_rounded.json');
  const override = c.output_override as { layer: number; values: number[][] };
  if (q.kind === 'a' && q.sel.l === override.layer) return { value: override.values[s][q.sel.j], tol: ONE_STEP };
  return fromCase('seed003_aibyhand_mlp_tutorial_rounded.json')(q, s);
};

/**
 * For a lesson that prints a tutorial's rounded prediction, the oracle of the values that follow
 * from it (the compare table's "from its rounded ŷ" column); lessons without one are absent.
 */
export const ROUNDED_ORACLES: Record<string, OracleLookup> = { 'by-hand-mlp': byHandRounded };
