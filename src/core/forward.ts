import { activate } from './activation.ts';
import { sampleLosses } from './loss.ts';
import { matmulABt } from './matmul.ts';
import type { Dataset, Model, Params } from './model.ts';
import { weightPenalty } from './regularization.ts';
import type { Workspace } from './workspace.ts';

/**
 * Forward pass over samples [start, start + count): zⱼ = Σᵢ wⱼᵢ aᵢ + bⱼ and aⱼ = φ(zⱼ)
 * layer by layer, then lₛ per sample, L_data = (1/N or 1)·Σₛ lₛ and L = L_data + P(w), P the
 * weight penalty (0 without regularization). Returns L.
 */
export function forward(model: Model, p: Params, data: Dataset, start: number, count: number, ws: Workspace): number {
  forwardPass(model, p, data, start, count, ws);
  return ws.loss;
}

/**
 * {@link forward} without the return value, L left in `ws.loss`: a double returned from a
 * call the JIT does not inline is boxed, an allocation per training step.
 */
export function forwardPass(model: Model, p: Params, data: Dataset, start: number, count: number, ws: Workspace): void {
  const { depth, sizes, nodeOffset, nodeCount, weightOffset, biasOffset } = model;
  const { z, a } = ws;
  const b = p.b;
  const x = data.x;
  const nIn = sizes[0];
  const nOut = sizes[depth];
  ws.count = count;
  for (let s = 0; s < count; s++) {
    const row = s * nodeCount;
    const src = (start + s) * nIn;
    for (let i = 0; i < nIn; i++) {
      a[row + i] = x[src + i];
      z[row + i] = NaN;
    }
  }
  for (let l = 0; l < depth; l++) {
    const fanOut = sizes[l + 1];
    const outOff = nodeOffset[l + 1];
    matmulABt(a, nodeOffset[l], nodeCount, p.w, weightOffset[l], z, outOff, nodeCount, count, fanOut, sizes[l]);
    if (model.hasBias[l] === 1) {
      const bOff = biasOffset[l];
      for (let s = 0; s < count; s++) {
        const zRow = s * nodeCount + outOff;
        for (let j = 0; j < fanOut; j++) z[zRow + j] += b[bOff + j];
      }
    }
    activate(model.act[l], model.actParam[l], z, a, outOff, fanOut, count, nodeCount);
  }
  const total = sampleLosses(
    model.loss,
    a,
    nodeOffset[depth],
    nodeCount,
    data.y,
    start * nOut,
    nOut,
    count,
    ws.sampleLoss,
  );
  const dataLoss = model.meanReduction ? total / count : total;
  ws.dataLoss = dataLoss;
  if (model.l1 === 0 && model.l2 === 0) {
    ws.penalty = 0;
    ws.loss = dataLoss;
  } else {
    const penalty = weightPenalty(model.l1, model.l2, p.w);
    ws.penalty = penalty;
    ws.loss = dataLoss + penalty;
  }
}
