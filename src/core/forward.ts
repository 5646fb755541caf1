import { activate } from './activation.ts';
import { sampleLoss } from './loss.ts';
import { matmulABt } from './matmul.ts';
import type { Dataset, Model, Params } from './model.ts';
import type { Workspace } from './workspace.ts';

/**
 * Forward pass over samples [start, start + count): zⱼ = Σᵢ wⱼᵢ aᵢ + bⱼ and aⱼ = φ(zⱼ)
 * layer by layer, then lₛ per sample and L = (1/N or 1)·Σₛ lₛ. Returns L.
 */
export function forward(model: Model, p: Params, data: Dataset, start: number, count: number, ws: Workspace): number {
  const { depth, sizes, nodeOffset, nodeCount, weightOffset, biasOffset } = model;
  const { z, a } = ws;
  const b = p.b;
  const nIn = sizes[0];
  const nOut = sizes[depth];
  ws.count = count;
  for (let s = 0; s < count; s++) {
    const row = s * nodeCount;
    const src = (start + s) * nIn;
    for (let i = 0; i < nIn; i++) {
      a[row + i] = data.x[src + i];
      z[row + i] = NaN;
    }
  }
  for (let l = 0; l < depth; l++) {
    const fanOut = sizes[l + 1];
    const outOff = nodeOffset[l + 1];
    matmulABt(a, nodeOffset[l], nodeCount, p.w, weightOffset[l], z, outOff, nodeCount, count, fanOut, sizes[l]);
    const bOff = biasOffset[l];
    const useBias = model.hasBias[l] === 1;
    for (let s = 0; s < count; s++) {
      const zRow = s * nodeCount + outOff;
      if (useBias) for (let j = 0; j < fanOut; j++) z[zRow + j] += b[bOff + j];
      activate(model.act[l], model.actParam[l], z, a, zRow, fanOut);
    }
  }
  const outOff = nodeOffset[depth];
  let total = 0;
  for (let s = 0; s < count; s++) {
    const ls = sampleLoss(model.loss, a, s * nodeCount + outOff, data.y, (start + s) * nOut, nOut);
    ws.sampleLoss[s] = ls;
    total += ls;
  }
  ws.loss = model.meanReduction ? total / count : total;
  return ws.loss;
}
