import { exp } from './exp.ts';
import { ACT } from './model.ts';

// The batch functions below take one layer of `count` samples: node k of sample s at
// off + s·stride + k. One call per layer, not per sample, so that the activation's dispatch
// and the call itself are paid once per layer.

/** a = φ(z) over `n` nodes of `count` samples (softmax across each sample's nodes). */
export function activate(
  code: number,
  param: number,
  z: Float64Array,
  a: Float64Array,
  off: number,
  n: number,
  count: number,
  stride: number,
): void {
  const end = off + count * stride;
  switch (code) {
    case ACT.identity:
      for (let row = off; row < end; row += stride) for (let k = row; k < row + n; k++) a[k] = z[k];
      return;
    case ACT.linear:
      for (let row = off; row < end; row += stride) for (let k = row; k < row + n; k++) a[k] = param * z[k];
      return;
    case ACT.relu:
      for (let row = off; row < end; row += stride) for (let k = row; k < row + n; k++) a[k] = z[k] > 0 ? z[k] : 0;
      return;
    case ACT.leakyRelu:
      for (let row = off; row < end; row += stride)
        for (let k = row; k < row + n; k++) a[k] = z[k] > 0 ? z[k] : param * z[k];
      return;
    case ACT.sigmoid:
      for (let row = off; row < end; row += stride) for (let k = row; k < row + n; k++) a[k] = sigmoid(z[k]);
      return;
    case ACT.tanh:
      for (let row = off; row < end; row += stride) for (let k = row; k < row + n; k++) a[k] = Math.tanh(z[k]);
      return;
    default:
      for (let row = off; row < end; row += stride) softmax(z, a, row, n);
  }
}

/** σ(z) = 1/(1 + e^(−z)), written so that neither branch overflows: e = e^(−|z|) ≤ 1 in both. */
export function sigmoid(z: number): number {
  const e = exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** softmax(z)ₖ = e^(zₖ − max z) / Σₘ e^(zₘ − max z). */
function softmax(z: Float64Array, a: Float64Array, off: number, n: number): void {
  const end = off + n;
  let max = -Infinity;
  for (let k = off; k < end; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = off; k < end; k++) {
    const e = Math.exp(z[k] - max);
    a[k] = e;
    sum += e;
  }
  for (let k = off; k < end; k++) a[k] /= sum;
}

/** ∂a/∂z of one node of an elementwise activation (relu′(0) = 0, leaky-relu′(0) = alpha). */
export function dadz(code: number, param: number, z: number, a: number): number {
  switch (code) {
    case ACT.identity:
      return 1;
    case ACT.linear:
      return param;
    case ACT.relu:
      return z > 0 ? 1 : 0;
    case ACT.leakyRelu:
      return z > 0 ? 1 : param;
    case ACT.sigmoid:
      return a * (1 - a);
    case ACT.tanh:
      return 1 - a * a;
    default:
      return NaN; // softmax has a Jacobian, not one derivative per node
  }
}

/**
 * ∂L/∂z = ∂L/∂a · ∂a/∂z over `n` nodes of `count` samples; for softmax the Jacobian-vector
 * product ∂L/∂zₖ = aₖ(∂L/∂aₖ − Σₘ aₘ ∂L/∂aₘ).
 */
export function backpropActivation(
  code: number,
  param: number,
  z: Float64Array,
  a: Float64Array,
  dLda: Float64Array,
  dLdz: Float64Array,
  off: number,
  n: number,
  count: number,
  stride: number,
): void {
  const end = off + count * stride;
  switch (code) {
    case ACT.identity:
      for (let row = off; row < end; row += stride) for (let k = row; k < row + n; k++) dLdz[k] = dLda[k];
      return;
    case ACT.linear:
      for (let row = off; row < end; row += stride) for (let k = row; k < row + n; k++) dLdz[k] = dLda[k] * param;
      return;
    case ACT.relu:
      for (let row = off; row < end; row += stride)
        for (let k = row; k < row + n; k++) dLdz[k] = z[k] > 0 ? dLda[k] : 0;
      return;
    case ACT.leakyRelu:
      for (let row = off; row < end; row += stride)
        for (let k = row; k < row + n; k++) dLdz[k] = z[k] > 0 ? dLda[k] : dLda[k] * param;
      return;
    case ACT.sigmoid:
      for (let row = off; row < end; row += stride)
        for (let k = row; k < row + n; k++) dLdz[k] = dLda[k] * a[k] * (1 - a[k]);
      return;
    case ACT.tanh:
      for (let row = off; row < end; row += stride)
        for (let k = row; k < row + n; k++) dLdz[k] = dLda[k] * (1 - a[k] * a[k]);
      return;
    default:
      for (let row = off; row < end; row += stride) softmaxJvp(a, dLda, dLdz, row, n);
  }
}

/** ∂L/∂zₖ = aₖ(∂L/∂aₖ − Σₘ aₘ ∂L/∂aₘ) over one sample's softmax nodes. */
function softmaxJvp(a: Float64Array, dLda: Float64Array, dLdz: Float64Array, off: number, n: number): void {
  const end = off + n;
  let dot = 0;
  for (let k = off; k < end; k++) dot += a[k] * dLda[k];
  for (let k = off; k < end; k++) dLdz[k] = a[k] * (dLda[k] - dot);
}
