import type { Model } from './model.ts';

/**
 * Every array one pass over a batch writes, allocated once per network shape and batch
 * capacity: node values sample-major (`s·nodeCount + nodeOffset[l] + j`), the per-sample
 * losses, and the batch totals ∂L/∂w and ∂L/∂b.
 */
export interface Workspace {
  readonly capacity: number;
  /** samples held by the last pass */
  count: number;
  readonly z: Float64Array;
  readonly a: Float64Array;
  readonly dLdz: Float64Array;
  readonly dLda: Float64Array;
  readonly sampleLoss: Float64Array;
  readonly dLdw: Float64Array;
  readonly dLdb: Float64Array;
  /** the reduced loss of the last forward pass: the data loss plus the weight penalty */
  loss: number;
  /** the reduced data loss of the last forward pass (the loss without the penalty) */
  dataLoss: number;
  /** the weight penalty at the parameters of the last forward pass (0 without regularization) */
  penalty: number;
}

/** Arrays for up to `capacity` samples of `model`. */
export function createWorkspace(model: Model, capacity: number): Workspace {
  const nodes = model.nodeCount * capacity;
  return {
    capacity,
    count: 0,
    z: new Float64Array(nodes),
    a: new Float64Array(nodes),
    dLdz: new Float64Array(nodes),
    dLda: new Float64Array(nodes),
    sampleLoss: new Float64Array(capacity),
    dLdw: new Float64Array(model.weightCount),
    dLdb: new Float64Array(model.biasCount),
    loss: NaN,
    dataLoss: NaN,
    penalty: 0,
  };
}
