import { compileScenario } from './compile.ts';
import { runIteration } from './iteration.ts';
import type { Model, Params } from './model.ts';
import type { Scenario } from './scenario.ts';
import { TRACE_FORMAT } from './trace.ts';
import { createTestWorkspace, testLoss } from './test-loss.ts';
import { trainWithHistories } from './train-histories.ts';
import { createTrainer } from './train.ts';

// The `backprop-trace/1` document written piece by piece straight from the core's typed arrays,
// byte for byte what `traceToJson(traceScenario(scenario, steps))` writes, without building the
// nested arrays or one string: a trace of 1,000 samples of 15,000 nodes is over a gigabyte of text.

/** A number as JSON.stringify writes it, except that NaN, Infinity and −Infinity become strings. */
function num(v: number): string {
  return Number.isFinite(v) ? String(v) : `"${v}"`;
}

/** `[v0,v1,...]` of values[start, end). */
function list(values: Float64Array, start: number, end: number): string {
  // JSON.stringify has a fast path for an array of numbers (about twice as fast as String per
  // number), but writes NaN and ±Infinity as null: it serves only ranges without them.
  let finite = true;
  for (let k = start; k < end && finite; k++) finite = Number.isFinite(values[k]);
  if (finite) return JSON.stringify(Array.from(values.subarray(start, end)));
  let text = '[';
  for (let k = start; k < end; k++) text += k === start ? num(values[k]) : `,${num(values[k])}`;
  return `${text}]`;
}

/** One sample's values of every layer: `[[...],[...]]`, with `null` for the input layer when it has none. */
function layers(model: Model, values: Float64Array, s: number, nullInput: boolean): string {
  const row = s * model.nodeCount;
  let text = nullInput ? '[null' : '[';
  for (let l = nullInput ? 1 : 0; l <= model.depth; l++) {
    text += (l === 0 ? '' : ',') + list(values, row + model.nodeOffset[l], row + model.nodeOffset[l + 1]);
  }
  return `${text}]`;
}

/** `"weights":[[[...]]],"biases":[...]` of `p`, one weight row per piece. */
function* nested(model: Model, p: Params): Generator<string> {
  yield '"weights":[';
  for (let l = 0; l < model.depth; l++) {
    const fanIn = model.sizes[l];
    yield l === 0 ? '[' : ',[';
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      const start = model.weightOffset[l] + j * fanIn;
      yield (j === 0 ? '' : ',') + list(p.w, start, start + fanIn);
    }
    yield ']';
  }
  yield '],"biases":[';
  for (let l = 0; l < model.depth; l++) {
    const biases = model.hasBias[l] ? list(p.b, model.biasOffset[l], model.biasOffset[l + 1]) : 'null';
    yield (l === 0 ? '' : ',') + biases;
  }
  yield ']';
}

const HISTORY_PIECE = 1024;

/** A history of losses, `[h0,h1,...]` in pieces of HISTORY_PIECE numbers. */
function* history(values: Float64Array): Generator<string> {
  yield '[';
  for (let k = 0; k < values.length; k += HISTORY_PIECE) {
    const piece = list(values, k, Math.min(values.length, k + HISTORY_PIECE));
    yield (k === 0 ? '' : ',') + piece.slice(1, -1);
  }
  yield ']';
}

/** The trace of one iteration of a scenario (and of `steps` training steps when given), as pieces of its compact JSON text. */
export function* traceJsonPieces(scenario: Scenario, steps?: number): Generator<string> {
  const compiled = compileScenario(scenario);
  const { model, data } = compiled;
  const regularized = scenario.regularization !== undefined;
  const testWs = createTestWorkspace(compiled);
  const it = runIteration(compiled);
  const { pass } = it;
  const nIn = model.sizes[0];
  const nOut = model.sizes[model.depth];
  // Beside a loss: the data loss and the penalty with regularization, the test loss with test data (as traceScenario).
  const parts = (dataLoss: number, penalty: number, test: () => number) =>
    (regularized ? `,"dataLoss":${num(dataLoss)},"penalty":${num(penalty)}` : '') +
    (testWs !== null ? `,"testLoss":${num(test())}` : '');
  yield `{"format":${JSON.stringify(TRACE_FORMAT)},"loss":${num(pass.loss)}${parts(pass.dataLoss, pass.penalty, () => testLoss(compiled, compiled.params, testWs))},"samples":[`;
  for (let s = 0; s < pass.count; s++) {
    const k = it.start + s;
    yield `${s === 0 ? '' : ','}{"x":${list(data.x, k * nIn, (k + 1) * nIn)},"y":${list(data.y, k * nOut, (k + 1) * nOut)},"loss":${num(pass.sampleLoss[s])}`;
    yield `,"z":${layers(model, pass.z, s, true)}`;
    yield `,"a":${layers(model, pass.a, s, false)}`;
    yield `,"dLdz":${layers(model, pass.dLdz, s, true)}`;
    yield `,"dLda":${layers(model, pass.dLda, s, false)}}`;
  }
  yield '],"gradients":{';
  yield* nested(model, { w: pass.dLdw, b: pass.dLdb });
  yield '},"after":{';
  yield* nested(model, it.after);
  yield `,"loss":${num(it.lossAfter)}${parts(it.dataLossAfter, it.penaltyAfter, () => testLoss(compiled, it.after, testWs))}}`;
  if (steps !== undefined) {
    const trainer = createTrainer(compiled);
    const histories = trainWithHistories(trainer, steps);
    yield `,"training":{"steps":${steps},"lossHistory":`;
    yield* history(histories.loss);
    if (regularized) {
      yield ',"dataLossHistory":';
      yield* history(histories.dataLoss);
    }
    if (histories.testLoss !== null) {
      yield ',"testLossHistory":';
      yield* history(histories.testLoss);
    }
    yield ',';
    yield* nested(model, trainer.params);
    yield `,"loss":${num(histories.loss[steps])}}`;
  }
  yield '}';
}
