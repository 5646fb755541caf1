import { ACT } from './model.ts';

/** a = φ(z) over `n` nodes starting at `off` (softmax across those nodes). */
export function activate(code: number, param: number, z: Float64Array, a: Float64Array, off: number, n: number): void {
  const end = off + n;
  switch (code) {
    case ACT.identity:
      for (let k = off; k < end; k++) a[k] = z[k];
      return;
    case ACT.linear:
      for (let k = off; k < end; k++) a[k] = param * z[k];
      return;
    case ACT.relu:
      for (let k = off; k < end; k++) a[k] = z[k] > 0 ? z[k] : 0;
      return;
    case ACT.leakyRelu:
      for (let k = off; k < end; k++) a[k] = z[k] > 0 ? z[k] : param * z[k];
      return;
    case ACT.sigmoid:
      for (let k = off; k < end; k++) a[k] = sigmoid(z[k]);
      return;
    case ACT.tanh:
      for (let k = off; k < end; k++) a[k] = Math.tanh(z[k]);
      return;
    default:
      softmax(z, a, off, n);
  }
}

/** σ(z) = 1/(1 + e^(−z)), written so that neither branch overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
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
    case ACT.identity: return 1;
    case ACT.linear: return param;
    case ACT.relu: return z > 0 ? 1 : 0;
    case ACT.leakyRelu: return z > 0 ? 1 : param;
    case ACT.sigmoid: return a * (1 - a);
    case ACT.tanh: return 1 - a * a;
    default: return NaN; // softmax has a Jacobian, not one derivative per node
  }
}

/**
 * ∂L/∂z = ∂L/∂a · ∂a/∂z over one layer of one sample; for softmax the Jacobian-vector
 * product ∂L/∂zₖ = aₖ(∂L/∂aₖ − Σₘ aₘ ∂L/∂aₘ).
 */
export function backpropActivation(
  code: number, param: number, z: Float64Array, a: Float64Array, dLda: Float64Array, dLdz: Float64Array, off: number, n: number,
): void {
  const end = off + n;
  switch (code) {
    case ACT.identity:
      for (let k = off; k < end; k++) dLdz[k] = dLda[k];
      return;
    case ACT.linear:
      for (let k = off; k < end; k++) dLdz[k] = dLda[k] * param;
      return;
    case ACT.relu:
      for (let k = off; k < end; k++) dLdz[k] = z[k] > 0 ? dLda[k] : 0;
      return;
    case ACT.leakyRelu:
      for (let k = off; k < end; k++) dLdz[k] = z[k] > 0 ? dLda[k] : dLda[k] * param;
      return;
    case ACT.sigmoid:
      for (let k = off; k < end; k++) dLdz[k] = dLda[k] * a[k] * (1 - a[k]);
      return;
    case ACT.tanh:
      for (let k = off; k < end; k++) dLdz[k] = dLda[k] * (1 - a[k] * a[k]);
      return;
    default: {
      let dot = 0;
      for (let k = off; k < end; k++) dot += a[k] * dLda[k];
      for (let k = off; k < end; k++) dLdz[k] = a[k] * (dLda[k] - dot);
    }
  }
}
