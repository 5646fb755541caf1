import { backpropActivation } from './activation.ts';
import { lossGradient, sigmoidBceDelta, softmaxCrossEntropyDelta } from './loss.ts';
import { matmulAB, matmulAtB } from './matmul.ts';
import { FUSION, type Dataset, type Model, type Params } from './model.ts';
import { addPenaltyGradient } from './regularization.ts';
import type { Workspace } from './workspace.ts';

/**
 * Backward pass over the batch the last `forward` held (first sample `start`):
 * ∂L/∂ŷ from the loss, δ = ∂L/∂z = ∂L/∂a·∂a/∂z (or the fused output δ), ∂L/∂aᵢ = Σⱼ wⱼᵢ δⱼ,
 * ∂L/∂wⱼᵢ = Σₛ δⱼ aᵢ (+ l1·sign(wⱼᵢ) + l2·wⱼᵢ with regularization) and ∂L/∂bⱼ = Σₛ δⱼ. With `inputGradient` false the input layer's
 * ∂L/∂a is not computed (training does not need it).
 */
export function backward(
  model: Model,
  p: Params,
  data: Dataset,
  start: number,
  ws: Workspace,
  inputGradient = true,
): void {
  const { depth, sizes, nodeOffset, nodeCount, weightOffset, biasOffset } = model;
  const { z, a, dLdz, dLda, dLdw, dLdb } = ws;
  const count = ws.count;
  const nOut = sizes[depth];
  const outOff = nodeOffset[depth];
  const yOff = start * nOut;
  const r = model.meanReduction ? 1 / count : 1;
  lossGradient(model.loss, r, a, outOff, nodeCount, data.y, yOff, dLda, nOut, count);
  if (model.fusion === FUSION.sigmoidBce) sigmoidBceDelta(r, a, outOff, nodeCount, data.y, yOff, dLdz, nOut, count);
  else if (model.fusion === FUSION.softmaxCrossEntropy)
    softmaxCrossEntropyDelta(r, a, outOff, nodeCount, data.y, yOff, dLdz, nOut, count);
  else
    backpropActivation(
      model.act[depth - 1],
      model.actParam[depth - 1],
      z,
      a,
      dLda,
      dLdz,
      outOff,
      nOut,
      count,
      nodeCount,
    );
  for (let l = depth - 1; l >= 0; l--) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const inOff = nodeOffset[l];
    const deltaOff = nodeOffset[l + 1];
    matmulAtB(dLdz, deltaOff, nodeCount, a, inOff, nodeCount, dLdw, weightOffset[l], count, fanOut, fanIn);
    const bOff = biasOffset[l];
    const useBias = model.hasBias[l] === 1;
    for (let j = 0; j < fanOut; j++) {
      let sum = 0;
      if (useBias) for (let s = 0; s < count; s++) sum += dLdz[s * nodeCount + deltaOff + j];
      dLdb[bOff + j] = sum;
    }
    if (l === 0 && !inputGradient) continue;
    matmulAB(dLdz, deltaOff, nodeCount, p.w, weightOffset[l], dLda, inOff, nodeCount, count, fanOut, fanIn);
    if (l === 0) continue;
    backpropActivation(model.act[l - 1], model.actParam[l - 1], z, a, dLda, dLdz, inOff, fanIn, count, nodeCount);
  }
  if (model.l1 !== 0 || model.l2 !== 0) addPenaltyGradient(model.l1, model.l2, p.w, dLdw);
}
