import {
  buildDataset,
  buildModel,
  copyLayerParams,
  buildTrainable,
  samplesToDataset,
  type Dataset,
  type Model,
  type Params,
  type TrainableMask,
} from './model.ts';
import type { Optimizer, Scenario } from './scenario.ts';
import { finish, type Sliced } from './sliced.ts';

/** A scenario turned into the flat arrays the core computes with. */
export interface Compiled {
  readonly model: Model;
  readonly params: Params;
  readonly trainable: TrainableMask;
  readonly data: Dataset;
  /** the held-out samples (`testData`), never trained on; null when the scenario has none */
  readonly testData: Dataset | null;
  readonly optimizer: Optimizer;
  /** samples per optimizer step */
  readonly batchSize: number;
}

/** The model, parameters, masks, samples, optimizer and batch size of a validated scenario. */
export function compileScenario(s: Scenario): Compiled {
  return finish(compileSliced(s));
}

/** Weights copied between two pauses of compileSliced. */
const PARAMS_SLICE = 1 << 16;

/** compileScenario in slices: it pauses after the parameters, the masks and the samples (each one pass over its arrays). */
export function* compileSliced(s: Scenario): Sliced<Compiled> {
  const model = buildModel(s);
  const params = { w: new Float64Array(model.weightCount), b: new Float64Array(model.biasCount) };
  // row by row, pausing every PARAMS_SLICE weights (a million weights read from nested arrays)
  let copied = 0;
  let pauseAt = PARAMS_SLICE;
  for (let l = 0; l < model.depth; l++) {
    const rowsPerSlice = Math.max(1, Math.floor(PARAMS_SLICE / model.sizes[l]));
    for (let j0 = 0; j0 < model.sizes[l + 1]; j0 += rowsPerSlice) {
      const j1 = Math.min(model.sizes[l + 1], j0 + rowsPerSlice);
      copyLayerParams(model, s, l, j0, j1, params);
      copied += (j1 - j0) * model.sizes[l];
      if (copied >= pauseAt) {
        pauseAt = copied + PARAMS_SLICE;
        yield (0.4 * copied) / Math.max(1, model.weightCount);
      }
    }
  }
  yield 0.4;
  const trainable = buildTrainable(model, s);
  yield 0.7;
  const data = buildDataset(model, s);
  yield 0.9;
  return {
    model,
    params,
    trainable,
    data,
    testData: s.testData === undefined ? null : samplesToDataset(model, s.testData),
    optimizer: s.optimizer,
    batchSize: s.batchSize ?? s.data.length,
  };
}

/** The first sample and the sample count of batch k: batch k mod ⌈N/B⌉, in order, the last one possibly shorter. */
export function batchRange(sampleCount: number, batchSize: number, k: number): { start: number; count: number } {
  const batches = Math.ceil(sampleCount / batchSize);
  const start = (k % batches) * batchSize;
  return { start, count: Math.min(batchSize, sampleCount - start) };
}

/** A copy of a set of parameters. */
export function cloneParams(p: Params): Params {
  return { w: p.w.slice(), b: p.b.slice() };
}
