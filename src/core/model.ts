import type { Activation, LossName, Sample, Scenario } from './scenario.ts';

/** Activation codes, as stored per weight block in `Model.act`. */
export const ACT = { identity: 0, linear: 1, relu: 2, leakyRelu: 3, sigmoid: 4, tanh: 5, softmax: 6 } as const;
export type ActCode = (typeof ACT)[keyof typeof ACT];

/** Loss codes, as stored in `Model.loss`. */
export const LOSS = { mse: 0, sse: 1, halfSse: 2, bce: 3, crossEntropy: 4 } as const;
export type LossCode = (typeof LOSS)[keyof typeof LOSS];

/** How an output layer's δ is formed: through ∂a/∂z, or by a textbook fusion with the loss. */
export const FUSION = { none: 0, sigmoidBce: 1, softmaxCrossEntropy: 2 } as const;
export type FusionCode = (typeof FUSION)[keyof typeof FUSION];

/**
 * The shape of a network as flat index tables. Layers are 0..depth; weight block l
 * (0 ≤ l < depth) maps layer l to layer l+1 and holds weights[l][j][i] at
 * `weightOffset[l] + j·sizes[l] + i`; bias block l holds the biases of layer l+1 at
 * `biasOffset[l] + j`. Node j of layer l of one sample sits at `nodeOffset[l] + j`.
 */
export interface Model {
  readonly depth: number;
  readonly sizes: Int32Array;
  readonly nodeOffset: Int32Array;
  readonly nodeCount: number;
  readonly weightOffset: Int32Array;
  readonly weightCount: number;
  readonly biasOffset: Int32Array;
  readonly biasCount: number;
  /** 1 where layer l+1 has biases. */
  readonly hasBias: Uint8Array;
  readonly act: Uint8Array;
  /** slope (linear) or alpha (leaky-relu) of block l; 0 otherwise. */
  readonly actParam: Float64Array;
  readonly loss: LossCode;
  /** 1 for a mean over the samples of a batch, 0 for a sum. */
  readonly meanReduction: 0 | 1;
  readonly fusion: FusionCode;
  /** the rates of the weight penalty l1·Σ|w| + (l2/2)·Σw² added to the loss (0 without regularization) */
  readonly l1: number;
  readonly l2: number;
}

/** The parameters of a model: every weight and every bias (zeros, and never updated, where a layer has none). */
export interface Params {
  readonly w: Float64Array;
  readonly b: Float64Array;
}

/** 1 where a parameter is trainable. */
export interface TrainableMask {
  readonly w: Uint8Array;
  readonly b: Uint8Array;
}

/** Samples as row-major matrices: x of sample s at `s·sizes[0]`, y at `s·sizes[depth]`. */
export interface Dataset {
  readonly count: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

const LOSS_CODES: Record<LossName, LossCode> = {
  mse: LOSS.mse,
  sse: LOSS.sse,
  'half-sse': LOSS.halfSse,
  bce: LOSS.bce,
  'cross-entropy': LOSS.crossEntropy,
};

function actCode(a: Activation): { code: ActCode; param: number } {
  switch (a.type) {
    case 'identity':
      return { code: ACT.identity, param: 0 };
    case 'linear':
      return { code: ACT.linear, param: a.slope };
    case 'relu':
      return { code: ACT.relu, param: 0 };
    case 'leaky-relu':
      return { code: ACT.leakyRelu, param: a.alpha };
    case 'sigmoid':
      return { code: ACT.sigmoid, param: 0 };
    case 'tanh':
      return { code: ACT.tanh, param: 0 };
    case 'softmax':
      return { code: ACT.softmax, param: 0 };
  }
}

/** The index tables and codes of a scenario's network, loss, reduction and weight penalty. */
export function buildModel(s: Pick<Scenario, 'layers' | 'loss' | 'reduction' | 'regularization'>): Model {
  const depth = s.layers.length - 1;
  const sizes = new Int32Array(depth + 1);
  const nodeOffset = new Int32Array(depth + 2);
  for (let l = 0; l <= depth; l++) {
    sizes[l] = s.layers[l].size;
    nodeOffset[l + 1] = nodeOffset[l] + sizes[l];
  }
  const weightOffset = new Int32Array(depth + 1);
  const biasOffset = new Int32Array(depth + 1);
  const hasBias = new Uint8Array(depth);
  const act = new Uint8Array(depth);
  const actParam = new Float64Array(depth);
  for (let l = 0; l < depth; l++) {
    const layer = s.layers[l + 1] as Scenario['layers'][1];
    weightOffset[l + 1] = weightOffset[l] + sizes[l + 1] * sizes[l];
    biasOffset[l + 1] = biasOffset[l] + sizes[l + 1];
    hasBias[l] = layer.bias ? 1 : 0;
    const { code, param } = actCode(layer.activation);
    act[l] = code;
    actParam[l] = param;
  }
  const loss = LOSS_CODES[s.loss];
  const outAct = act[depth - 1];
  const fusion: FusionCode =
    outAct === ACT.sigmoid && loss === LOSS.bce
      ? FUSION.sigmoidBce
      : outAct === ACT.softmax && loss === LOSS.crossEntropy
        ? FUSION.softmaxCrossEntropy
        : FUSION.none;
  return {
    depth,
    sizes,
    nodeOffset,
    nodeCount: nodeOffset[depth + 1],
    weightOffset,
    weightCount: weightOffset[depth],
    biasOffset,
    biasCount: biasOffset[depth],
    hasBias,
    act,
    actParam,
    loss,
    meanReduction: s.reduction === 'sum' ? 0 : 1,
    fusion,
    l1: s.regularization?.l1 ?? 0,
    l2: s.regularization?.l2 ?? 0,
  };
}

/** The scenario's weights and biases copied into flat arrays. */
export function buildParams(model: Model, s: Pick<Scenario, 'weights' | 'biases'>): Params {
  const p = { w: new Float64Array(model.weightCount), b: new Float64Array(model.biasCount) };
  for (let l = 0; l < model.depth; l++) copyLayerParams(model, s, l, 0, model.sizes[l + 1], p);
  return p;
}

/** Copies rows j0 … j1−1 of weights[l] (and, with the first row, biases[l]) into the flat parameters `p`. */
export function copyLayerParams(
  model: Model,
  s: Pick<Scenario, 'weights' | 'biases'>,
  l: number,
  j0: number,
  j1: number,
  p: Params,
): void {
  const rows = s.weights[l];
  const fanIn = model.sizes[l];
  const { w } = p;
  for (let j = j0; j < j1; j++) {
    const row = rows[j];
    const at = model.weightOffset[l] + j * fanIn;
    for (let i = 0; i < fanIn; i++) w[at + i] = row[i];
  }
  const bias = s.biases[l];
  if (j0 === 0 && model.hasBias[l] && bias) p.b.set(bias, model.biasOffset[l]);
}

/** The trainable masks of a scenario; a layer without bias is never trainable. */
export function buildTrainable(model: Model, s: Pick<Scenario, 'trainable'>): TrainableMask {
  const w = new Uint8Array(model.weightCount).fill(1);
  const b = new Uint8Array(model.biasCount);
  for (let l = 0; l < model.depth; l++) {
    const fanIn = model.sizes[l];
    const wEntry = s.trainable?.weights?.[l];
    if (wEntry !== undefined) {
      for (let j = 0; j < model.sizes[l + 1]; j++) {
        for (let i = 0; i < fanIn; i++) {
          const on = typeof wEntry === 'boolean' ? wEntry : wEntry[j][i];
          w[model.weightOffset[l] + j * fanIn + i] = on ? 1 : 0;
        }
      }
    }
    if (!model.hasBias[l]) continue;
    const bEntry = s.trainable?.biases?.[l];
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      const on = bEntry === undefined || bEntry === null ? true : typeof bEntry === 'boolean' ? bEntry : bEntry[j];
      b[model.biasOffset[l] + j] = on ? 1 : 0;
    }
  }
  return { w, b };
}

/** The scenario's samples as flat row-major matrices. */
export function buildDataset(model: Model, s: Pick<Scenario, 'data'>): Dataset {
  return samplesToDataset(model, s.data);
}

/** Samples (`data` or `testData`) as flat row-major matrices. */
export function samplesToDataset(model: Model, samples: readonly Sample[]): Dataset {
  const nIn = model.sizes[0];
  const nOut = model.sizes[model.depth];
  const count = samples.length;
  const x = new Float64Array(count * nIn);
  const y = new Float64Array(count * nOut);
  for (let k = 0; k < count; k++) {
    x.set(samples[k].x, k * nIn);
    y.set(samples[k].y, k * nOut);
  }
  return { count, x, y };
}

/** Flat parameters back into the scenario's nested weights[l][j][i] and biases[l][j]. */
export function paramsToNested(model: Model, p: Params): { weights: number[][][]; biases: (number[] | null)[] } {
  const weights: number[][][] = [];
  const biases: (number[] | null)[] = [];
  for (let l = 0; l < model.depth; l++) {
    const fanIn = model.sizes[l];
    const rows: number[][] = [];
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      const start = model.weightOffset[l] + j * fanIn;
      rows.push(Array.from(p.w.subarray(start, start + fanIn)));
    }
    weights.push(rows);
    biases.push(model.hasBias[l] ? Array.from(p.b.subarray(model.biasOffset[l], model.biasOffset[l + 1])) : null);
  }
  return { weights, biases };
}

/** The index of weights[l][j][i] in `Params.w`. */
export function weightIndex(model: Model, l: number, j: number, i: number): number {
  return model.weightOffset[l] + j * model.sizes[l] + i;
}

/** The index of biases[l][j] in `Params.b`. */
export function biasIndex(model: Model, l: number, j: number): number {
  return model.biasOffset[l] + j;
}
