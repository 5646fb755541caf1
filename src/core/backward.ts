import { backpropActivation } from './activation.ts';
import { lossGradient, sigmoidBceDelta, softmaxCrossEntropyDelta } from './loss.ts';
import { FUSION, type Dataset, type Model, type Params } from './model.ts';
import type { Workspace } from './workspace.ts';

/**
 * Backward pass over the batch the last `forward` held (first sample `start`):
 * ∂L/∂ŷ from the loss, δ = ∂L/∂z = ∂L/∂a·∂a/∂z (or the fused output δ), ∂L/∂aᵢ = Σⱼ wⱼᵢ δⱼ,
 * ∂L/∂wⱼᵢ = Σₛ δⱼ aᵢ and ∂L/∂bⱼ = Σₛ δⱼ. With `inputGradient` false the input layer's
 * ∂L/∂a is not computed (training does not need it).
 */
export function backward(model: Model, p: Params, data: Dataset, start: number, ws: Workspace, inputGradient = true): void {
  const { depth, sizes, nodeOffset, nodeCount, weightOffset, biasOffset } = model;
  const { z, a, dLdz, dLda, dLdw, dLdb } = ws;
  const count = ws.count;
  const w = p.w;
  const nOut = sizes[depth];
  const outOff = nodeOffset[depth];
  const r = model.meanReduction ? 1 / count : 1;
  const outCode = model.act[depth - 1];
  const outParam = model.actParam[depth - 1];
  for (let s = 0; s < count; s++) {
    const row = s * nodeCount + outOff;
    const yOff = (start + s) * nOut;
    lossGradient(model.loss, r, a, row, data.y, yOff, dLda, nOut);
    if (model.fusion === FUSION.sigmoidBce) sigmoidBceDelta(r, a, row, data.y, yOff, dLdz, nOut);
    else if (model.fusion === FUSION.softmaxCrossEntropy) softmaxCrossEntropyDelta(r, a, row, data.y, yOff, dLdz, nOut);
    else backpropActivation(outCode, outParam, z, a, dLda, dLdz, row, nOut);
  }
  dLdw.fill(0);
  dLdb.fill(0);
  for (let l = depth - 1; l >= 0; l--) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const inOff = nodeOffset[l];
    const outOffL = nodeOffset[l + 1];
    const wOff = weightOffset[l];
    const bOff = biasOffset[l];
    const needDLda = l > 0 || inputGradient;
    for (let s = 0; s < count; s++) {
      const aRow = s * nodeCount + inOff;
      const dRow = s * nodeCount + outOffL;
      if (needDLda) for (let i = 0; i < fanIn; i++) dLda[aRow + i] = 0;
      for (let j = 0; j < fanOut; j++) {
        const delta = dLdz[dRow + j];
        const wRow = wOff + j * fanIn;
        dLdb[bOff + j] += delta;
        for (let i = 0; i < fanIn; i++) dLdw[wRow + i] += delta * a[aRow + i];
        if (needDLda) for (let i = 0; i < fanIn; i++) dLda[aRow + i] += w[wRow + i] * delta;
      }
      if (l > 0) backpropActivation(model.act[l - 1], model.actParam[l - 1], z, a, dLda, dLdz, aRow, fanIn);
    }
  }
  for (let l = 0; l < depth; l++) {
    if (model.hasBias[l]) continue;
    dLdb.fill(0, biasOffset[l], biasOffset[l + 1]);
  }
}
