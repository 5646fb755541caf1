import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expect-close.ts';
import { loadOracleCases, oracleToScenario } from '../helpers/oracle-case.ts';
import { traceInProcess } from '../helpers/trace-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'trace-test-'));

describe('the trace command reproduces the oracle', () => {
  for (const { file, oracle } of loadOracleCases()) {
    const scenario = oracleToScenario(oracle);
    if (scenario === null) continue;
    it(file, async () => {
      writeFileSync(join(dir, file), JSON.stringify(scenario));
      const steps = oracle.expected.training?.steps;
      // a relative FILE is taken from the directory the command was started in
      const { status, stdout, stderr } = await traceInProcess(
        steps === undefined ? [file] : [file, '--steps', String(steps)],
        { cwd: dir },
      );
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const trace = JSON.parse(stdout);
      const e = oracle.expected;
      expect(trace.format).toBe('backprop-trace/1');
      expectClose(trace.loss, e.loss, { abs: 1e-12 }, 'loss');
      e.forward_backward.samples.forEach((s, k) => {
        expectClose(trace.samples[k].a, s.a, { abs: 1e-12 }, `samples[${k}].a`);
        expectClose(trace.samples[k].dLdz, s.dL_dz, { abs: 1e-12 }, `samples[${k}].dLdz`);
        expectClose(trace.samples[k].dLda, s.dL_da, { abs: 1e-12 }, `samples[${k}].dLda`);
      });
      expectClose(trace.gradients.weights, e.grads.weights, { abs: 1e-12 }, 'gradients.weights');
      expectClose(trace.gradients.biases, e.grads.biases, { abs: 1e-12 }, 'gradients.biases');
      expectClose(trace.after.weights, e.after_one_step.weights, { abs: 1e-12 }, 'after.weights');
      expectClose(trace.after.loss, e.after_one_step.loss, { abs: 1e-12 }, 'after.loss');
      if (e.training) {
        expect(trace.training.lossHistory).toHaveLength(e.training.steps + 1);
        expectClose(trace.training.weights, e.training.weights_after, { rel: 1e-9 }, 'training.weights');
        expectClose(trace.training.loss, e.training.loss_after, { rel: 1e-9 }, 'training.loss');
      } else {
        expect(trace.training).toBeUndefined();
      }
    });
  }
});

describe('the trace command’s contract', () => {
  it('traces a preset', async () => {
    const { status, stdout } = await traceInProcess(['--preset', 'little-network']);
    expect(status).toBe(0);
    const trace = JSON.parse(stdout);
    expect(trace.samples[0].a[3]).toEqual([10]);
    expect(trace.gradients.weights[0]).toEqual([[40]]);
    expect(trace.after.weights[0]).toEqual([[2 - 0.03 * 40]]);
  });

  it('writes non-finite numbers as strings', async () => {
    const file = join(dir, 'overflow.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'backprop-scenario/1',
        layers: [{ size: 1 }, { size: 1, activation: 'identity', bias: false }],
        weights: [[[1e200]]],
        loss: 'mse',
        data: [{ x: [1e200], y: [0] }],
        optimizer: { type: 'sgd', learningRate: 0.1 },
      }),
    );
    const { status, stdout } = await traceInProcess([file]);
    expect(status).toBe(0);
    const trace = JSON.parse(stdout);
    expect(trace.samples[0].z[1]).toEqual(['Infinity']);
    expect(trace.loss).toBe('Infinity');
    expect(trace.gradients.weights[0][0][0]).toBe('Infinity');
    expect(trace.after.weights[0][0][0]).toBe('-Infinity');
    expect(trace.after.loss).toBe('Infinity');
  });

  it('rejects an invalid scenario with path-named errors on standard error, exit 1', async () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'backprop-scenario/1',
        layers: [{ size: 2 }, { size: 1, activation: 'relux', bias: false }],
        weights: [[[1, 2]]],
        loss: 'mse',
        data: [{ x: [1, 2], y: [1] }],
        optimizer: { type: 'sgd', learningRate: 0.1 },
      }),
    );
    const { status, stdout, stderr } = await traceInProcess([file]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'layers[1].activation: unknown activation "relux" (expected identity, linear, relu, leaky-relu, sigmoid, tanh, softmax)',
    ]);
  });

  it('says a file that is not JSON is not JSON, exit 1', async () => {
    const file = join(dir, 'junk.json');
    writeFileSync(file, '{"format": ');
    const { status, stdout, stderr } = await traceInProcess([file]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/JSON/);
  });

  it('says an unreadable file cannot be read, exit 1', async () => {
    const { status, stdout, stderr } = await traceInProcess(['no-such-file.json'], { cwd: dir });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^no-such-file\.json: cannot read the file/);
  });

  it.each([
    [[], /no scenario/],
    [['a.json', '--steps'], /--steps takes a whole number/],
    [['a.json', '--steps', '-3'], /--steps takes a whole number/],
    [['a.json', '--steps', '1.5'], /--steps takes a whole number/],
    [['a.json', '--steps', '10000001'], /limit of 10,000,000 steps/],
    [['a.json', '--frobnicate'], /unknown option --frobnicate/],
    [['a.json', 'b.json'], /one scenario file at a time/],
    [['a.json', '--preset', 'mazur'], /not both/],
  ])('exits 2 on bad arguments %j', async (args, message) => {
    const { status, stdout, stderr } = await traceInProcess(args as string[]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message as RegExp);
  });

  it('says which presets exist when given an unknown one', async () => {
    const { status, stderr } = await traceInProcess(['--preset', 'nope']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/unknown preset "nope" \(expected walkthrough, little-network/);
  });
});
