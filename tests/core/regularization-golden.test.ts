import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { gradCheck } from '../../src/core/grad-check.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { traceScenario, type Trace } from '../../src/core/trace.ts';
import { expectClose } from '../helpers/expect-close.ts';
import { runTrace } from '../helpers/run-trace.ts';

/** A case written by tests/fixtures/independent/make_regularization_cases.py (NumPy, not the core). */
interface Losses {
  loss: number;
  dataLoss: number;
  penalty: number;
  testLoss?: number;
}
interface Case {
  name: string;
  scenario: unknown;
  expected: Losses & {
    samples: { loss: number; z: unknown; a: unknown; dLdz: unknown; dLda: unknown }[];
    gradients: { weights: unknown; biases: unknown };
    sgd: Losses & { weights: unknown; biases: unknown };
    adam: Losses & { optimizer: unknown; weights: unknown; biases: unknown };
    training: {
      steps: number;
      lossHistory: number[];
      dataLossHistory: number[];
      testLossHistory?: number[];
      weights: unknown;
      biases: unknown;
      loss: number;
    };
  };
}

const DIR = new URL('../fixtures/independent/regularization/', import.meta.url);
const CASES: Case[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Case);
const TOL = { abs: 1e-12 };
const tmp = mkdtempSync(join(tmpdir(), 'regularization-golden-'));

function read(doc: unknown): Scenario {
  const result = parseScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** Everything the NumPy case expects of one iteration (and of its training, when `training` is set), checked on a trace. */
function expectTraceMatches(t: Trace, c: Case, regularized: boolean, training: boolean): void {
  const e = c.expected;
  expectClose(t.loss, e.loss, TOL, 'loss');
  if (regularized) {
    expectClose(t.dataLoss, e.dataLoss, TOL, 'dataLoss');
    expectClose(t.penalty, e.penalty, TOL, 'penalty');
  } else {
    expect(t.dataLoss).toBeUndefined();
  }
  if (e.testLoss !== undefined) expectClose(t.testLoss, e.testLoss, TOL, 'testLoss');
  else expect(t.testLoss).toBeUndefined();
  expect(t.samples).toHaveLength(e.samples.length);
  e.samples.forEach((s, k) => {
    expectClose(t.samples[k].loss, s.loss, TOL, `samples[${k}].loss`);
    expectClose(t.samples[k].z, s.z, TOL, `samples[${k}].z`);
    expectClose(t.samples[k].a, s.a, TOL, `samples[${k}].a`);
    expectClose(t.samples[k].dLdz, s.dLdz, TOL, `samples[${k}].dLdz`);
    expectClose(t.samples[k].dLda, s.dLda, TOL, `samples[${k}].dLda`);
  });
  expectClose(t.gradients.weights, e.gradients.weights, TOL, 'gradients.weights');
  expectClose(t.gradients.biases, e.gradients.biases, TOL, 'gradients.biases');
  expectClose(t.after.weights, e.sgd.weights, TOL, 'after.weights');
  expectClose(t.after.biases, e.sgd.biases, TOL, 'after.biases');
  expectClose(t.after.loss, e.sgd.loss, TOL, 'after.loss');
  if (regularized) {
    expectClose(t.after.dataLoss, e.sgd.dataLoss, TOL, 'after.dataLoss');
    expectClose(t.after.penalty, e.sgd.penalty, TOL, 'after.penalty');
  }
  if (e.sgd.testLoss !== undefined) expectClose(t.after.testLoss, e.sgd.testLoss, TOL, 'after.testLoss');
  if (!training) return;
  const tr = t.training!;
  expect(tr.steps).toBe(e.training.steps);
  expectClose(tr.lossHistory, e.training.lossHistory, TOL, 'training.lossHistory');
  if (regularized) expectClose(tr.dataLossHistory, e.training.dataLossHistory, TOL, 'training.dataLossHistory');
  else expect(tr.dataLossHistory).toBeUndefined();
  if (e.training.testLossHistory)
    expectClose(tr.testLossHistory, e.training.testLossHistory, TOL, 'training.testLossHistory');
  else expect(tr.testLossHistory).toBeUndefined();
  expectClose(tr.weights, e.training.weights, TOL, 'training.weights');
  expectClose(tr.biases, e.training.biases, TOL, 'training.biases');
  expectClose(tr.loss, e.training.loss, TOL, 'training.loss');
}

describe('regularization and test loss against an independent NumPy computation', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(4);
  for (const c of CASES) {
    const scenario = read(c.scenario);
    const regularized = scenario.regularization !== undefined;

    it(`${c.name}: the core's forward, backward, penalty, test loss, SGD step and training`, () => {
      expectTraceMatches(traceScenario(scenario, c.expected.training.steps), c, regularized, true);
    });

    it(`${c.name}: one Adam step`, () => {
      const t = traceScenario(read({ ...(c.scenario as object), optimizer: c.expected.adam.optimizer }));
      expectClose(t.after.weights, c.expected.adam.weights, TOL, 'adam weights');
      expectClose(t.after.biases, c.expected.adam.biases, TOL, 'adam biases');
      expectClose(t.after.loss, c.expected.adam.loss, TOL, 'adam loss');
      if (regularized) expectClose(t.after.penalty, c.expected.adam.penalty, TOL, 'adam penalty');
      if (c.expected.adam.testLoss !== undefined)
        expectClose(t.after.testLoss, c.expected.adam.testLoss, TOL, 'adam testLoss');
    });

    it(`${c.name}: central differences over every parameter agree with the core's ∂L/∂θ`, () => {
      const check = gradCheck(compileScenario(scenario));
      expect(check.maxError).toBeLessThan(1e-6);
    });

    it(`${c.name}: the trace command prints the same`, () => {
      const file = join(tmp, `${c.name}.json`);
      writeFileSync(file, JSON.stringify(c.scenario));
      const { status, stdout, stderr } = runTrace([file, '--steps', String(c.expected.training.steps)]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expectTraceMatches(JSON.parse(stdout) as Trace, c, regularized, true);
    });
  }
});
