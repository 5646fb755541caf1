import { compileScenario, type Compiled } from './compile.ts';
import { runIteration } from './iteration.ts';
import { paramsToNested, type Model } from './model.ts';
import type { Scenario } from './scenario.ts';
import { createTestWorkspace, testLoss } from './test-loss.ts';
import { createTrainer } from './train.ts';
import { trainWithHistories } from './train-histories.ts';
import type { Workspace } from './workspace.ts';

export const TRACE_FORMAT = 'backprop-trace/1';

export interface TraceSample {
  x: number[];
  y: number[];
  loss: number;
  z: (number[] | null)[];
  a: number[][];
  dLdz: (number[] | null)[];
  dLda: number[][];
}

type Nested = ReturnType<typeof paramsToNested>;

/** The `backprop-trace/1` document (shared/spec/scenario.md, "Trace output"). */
export interface Trace {
  format: typeof TRACE_FORMAT;
  loss: number;
  /** with regularization: loss = dataLoss + penalty */
  dataLoss?: number;
  penalty?: number;
  /** with testData: the data loss over every test sample */
  testLoss?: number;
  samples: TraceSample[];
  gradients: Nested;
  after: Nested & { loss: number; dataLoss?: number; penalty?: number; testLoss?: number };
  training?: {
    steps: number;
    lossHistory: number[];
    dataLossHistory?: number[];
    testLossHistory?: number[];
  } & Nested & { loss: number };
}

function layerSlices(model: Model, values: Float64Array, s: number): number[][] {
  const out: number[][] = [];
  const row = s * model.nodeCount;
  for (let l = 0; l <= model.depth; l++) {
    out.push(Array.from(values.subarray(row + model.nodeOffset[l], row + model.nodeOffset[l + 1])));
  }
  return out;
}

function traceSamples(compiled: Compiled, pass: Workspace, start: number): TraceSample[] {
  const { model, data } = compiled;
  const nIn = model.sizes[0];
  const nOut = model.sizes[model.depth];
  const samples: TraceSample[] = [];
  for (let s = 0; s < pass.count; s++) {
    const k = start + s;
    const z: (number[] | null)[] = layerSlices(model, pass.z, s);
    const dLdz: (number[] | null)[] = layerSlices(model, pass.dLdz, s);
    z[0] = null;
    dLdz[0] = null;
    samples.push({
      x: Array.from(data.x.subarray(k * nIn, (k + 1) * nIn)),
      y: Array.from(data.y.subarray(k * nOut, (k + 1) * nOut)),
      loss: pass.sampleLoss[s],
      z,
      a: layerSlices(model, pass.a, s),
      dLdz,
      dLda: layerSlices(model, pass.dLda, s),
    });
  }
  return samples;
}

/**
 * The trace of one iteration of a scenario, and of `steps` training steps when given. With
 * regularization the data loss and the penalty are reported beside each loss; with test data,
 * the test loss.
 */
export function traceScenario(scenario: Scenario, steps?: number): Trace {
  const compiled = compileScenario(scenario);
  const { model } = compiled;
  const regularized = scenario.regularization !== undefined;
  const testWs = createTestWorkspace(compiled);
  const it = runIteration(compiled);
  const trace: Trace = {
    format: TRACE_FORMAT,
    loss: it.pass.loss,
    ...(regularized ? { dataLoss: it.pass.dataLoss, penalty: it.pass.penalty } : {}),
    ...(testWs !== null ? { testLoss: testLoss(compiled, compiled.params, testWs) } : {}),
    samples: traceSamples(compiled, it.pass, it.start),
    gradients: paramsToNested(model, { w: it.pass.dLdw, b: it.pass.dLdb }),
    after: {
      ...paramsToNested(model, it.after),
      loss: it.lossAfter,
      ...(regularized ? { dataLoss: it.dataLossAfter, penalty: it.penaltyAfter } : {}),
      ...(testWs !== null ? { testLoss: testLoss(compiled, it.after, testWs) } : {}),
    },
  };
  if (steps !== undefined) {
    const trainer = createTrainer(compiled);
    const history = trainWithHistories(trainer, steps);
    trace.training = {
      steps,
      lossHistory: Array.from(history.loss),
      ...(regularized ? { dataLossHistory: Array.from(history.dataLoss) } : {}),
      ...(history.testLoss !== null ? { testLossHistory: Array.from(history.testLoss) } : {}),
      ...paramsToNested(model, trainer.params),
      loss: history.loss[steps],
    };
  }
  return trace;
}

/** JSON text in which NaN, Infinity and −Infinity are written as the strings "NaN", "Infinity", "-Infinity". */
export function traceToJson(trace: Trace, indent?: number): string {
  return JSON.stringify(
    trace,
    (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value),
    indent,
  );
}
