import { describe, expect, it } from 'vitest';
import { traceScenario } from '../../src/core/trace.ts';
import { expectClose } from '../helpers/expect-close.ts';
import { loadOracleCases, oracleToScenario } from '../helpers/oracle-case.ts';

const ONE_STEP = { abs: 1e-12 };
const LONG_RUN = { rel: 1e-9, abs: 1e-300 };

const cases = loadOracleCases();

describe('golden fixtures from the independent oracle', () => {
  it('covers every case the scenario format can express', () => {
    const skipped = cases.filter(({ oracle }) => oracleToScenario(oracle) === null).map(({ file }) => file);
    expect(skipped).toEqual(['seed003_aibyhand_mlp_tutorial_rounded.json']);
    expect(cases.length).toBe(8);
  });

  for (const { file, oracle } of cases) {
    const scenario = oracleToScenario(oracle);
    if (scenario === null) continue;
    const expected = oracle.expected;
    const steps = expected.training?.steps;

    describe(file, () => {
      const trace = traceScenario(scenario, steps);

      it('matches the forward pass and the loss', () => {
        expectClose(trace.loss, expected.loss, ONE_STEP, 'loss');
        expected.forward_backward.samples.forEach((s, k) => {
          const t = trace.samples[k];
          expectClose(t.x, s.x, ONE_STEP, `samples[${k}].x`);
          expectClose(t.z, s.z, ONE_STEP, `samples[${k}].z`);
          expectClose(t.a, s.a, ONE_STEP, `samples[${k}].a`);
          expectClose(t.loss, s.loss, ONE_STEP, `samples[${k}].loss`);
        });
      });

      it('matches every ∂L/∂z and ∂L/∂a', () => {
        expected.forward_backward.samples.forEach((s, k) => {
          expectClose(trace.samples[k].dLdz, s.dL_dz, ONE_STEP, `samples[${k}].dLdz`);
          expectClose(trace.samples[k].dLda, s.dL_da, ONE_STEP, `samples[${k}].dLda`);
        });
      });

      it('matches every parameter gradient', () => {
        expectClose(trace.gradients.weights, expected.grads.weights, ONE_STEP, 'gradients.weights');
        expectClose(trace.gradients.biases, expected.grads.biases, ONE_STEP, 'gradients.biases');
      });

      it('matches the parameters and the loss after one step', () => {
        expectClose(trace.after.weights, expected.after_one_step.weights, ONE_STEP, 'after.weights');
        expectClose(trace.after.biases, expected.after_one_step.biases, ONE_STEP, 'after.biases');
        expectClose(trace.after.loss, expected.after_one_step.loss, ONE_STEP, 'after.loss');
      });

      if (expected.training && steps !== undefined) {
        const training = expected.training;
        it(`matches the oracle after ${steps} training steps`, () => {
          expect(trace.training?.lossHistory.length).toBe(steps + 1);
          for (const [k, loss] of Object.entries(training.loss_history)) {
            expectClose(trace.training?.lossHistory[Number(k)], loss, LONG_RUN, `lossHistory[${k}]`);
          }
          expectClose(trace.training?.weights, training.weights_after, LONG_RUN, 'training.weights');
          expectClose(trace.training?.biases, training.biases_after, LONG_RUN, 'training.biases');
          expectClose(trace.training?.loss, training.loss_after, LONG_RUN, 'training.loss');
        });
      }
    });
  }
});
