import { LOSS } from './model.ts';

/** −c·ln(p) with the spec's convention that a zero coefficient drops the term (0·ln 0 = 0). */
function xlog(c: number, p: number): number {
  return c === 0 ? 0 : -c * Math.log(p);
}

/**
 * lₛ for each of `count` samples over K outputs ŷ = a[off + s·stride …], y = y[yOff + s·K …],
 * written to sampleLoss[s]: mse (1/K)Σ(ŷ−y)², sse Σ(ŷ−y)², half-sse ½Σ(ŷ−y)²,
 * bce (1/K)Σ−[y ln ŷ + (1−y) ln(1−ŷ)], cross-entropy −Σ y ln ŷ. Returns Σₛ lₛ.
 */
export function sampleLosses(
  loss: number,
  a: Float64Array,
  off: number,
  stride: number,
  y: Float64Array,
  yOff: number,
  K: number,
  count: number,
  sampleLoss: Float64Array,
): number {
  let total = 0;
  for (let s = 0; s < count; s++) {
    const ls = oneSampleLoss(loss, a, off + s * stride, y, yOff + s * K, K);
    sampleLoss[s] = ls;
    total += ls;
  }
  return total;
}

function oneSampleLoss(loss: number, a: Float64Array, aOff: number, y: Float64Array, yOff: number, K: number): number {
  let sum = 0;
  if (loss === LOSS.bce) {
    for (let k = 0; k < K; k++) {
      const p = a[aOff + k];
      const t = y[yOff + k];
      sum += xlog(t, p) + xlog(1 - t, 1 - p);
    }
    return sum / K;
  }
  if (loss === LOSS.crossEntropy) {
    for (let k = 0; k < K; k++) sum += xlog(y[yOff + k], a[aOff + k]);
    return sum;
  }
  for (let k = 0; k < K; k++) {
    const d = a[aOff + k] - y[yOff + k];
    sum += d * d;
  }
  return loss === LOSS.mse ? sum / K : loss === LOSS.halfSse ? 0.5 * sum : sum;
}

/**
 * ∂L/∂ŷₖ = r·∂lₛ/∂ŷₖ for each of `count` samples (ŷ at off + s·stride, y at yOff + s·K), where r
 * is 1/N for a mean over N samples and 1 for a sum: mse 2(ŷ−y)/K, sse 2(ŷ−y), half-sse ŷ−y,
 * bce (−y/ŷ + (1−y)/(1−ŷ))/K, cross-entropy −y/ŷ (a zero coefficient drops its term).
 */
export function lossGradient(
  loss: number,
  r: number,
  a: Float64Array,
  off: number,
  stride: number,
  y: Float64Array,
  yOff: number,
  dLda: Float64Array,
  K: number,
  count: number,
): void {
  for (let s = 0; s < count; s++) {
    const aOff = off + s * stride;
    const tOff = yOff + s * K;
    for (let k = 0; k < K; k++) {
      const p = a[aOff + k];
      const t = y[tOff + k];
      let g: number;
      switch (loss) {
        case LOSS.mse:
          g = (2 * (p - t)) / K;
          break;
        case LOSS.sse:
          g = 2 * (p - t);
          break;
        case LOSS.halfSse:
          g = p - t;
          break;
        case LOSS.bce:
          g = ((t === 0 ? 0 : -t / p) + (t === 1 ? 0 : (1 - t) / (1 - p))) / K;
          break;
        default:
          g = t === 0 ? 0 : -t / p;
      }
      dLda[aOff + k] = r * g;
    }
  }
}

/** Fused sigmoid + bce, for each of `count` samples: ∂L/∂zₖ = r·(ŷₖ − yₖ)/K. */
export function sigmoidBceDelta(
  r: number,
  a: Float64Array,
  off: number,
  stride: number,
  y: Float64Array,
  yOff: number,
  dLdz: Float64Array,
  K: number,
  count: number,
): void {
  for (let s = 0; s < count; s++) {
    const aOff = off + s * stride;
    const tOff = yOff + s * K;
    for (let k = 0; k < K; k++) dLdz[aOff + k] = (r * (a[aOff + k] - y[tOff + k])) / K;
  }
}

/** Fused softmax + cross-entropy, for each of `count` samples: ∂L/∂z = r·(ŷ·Σₖyₖ − y). */
export function softmaxCrossEntropyDelta(
  r: number,
  a: Float64Array,
  off: number,
  stride: number,
  y: Float64Array,
  yOff: number,
  dLdz: Float64Array,
  K: number,
  count: number,
): void {
  for (let s = 0; s < count; s++) {
    const aOff = off + s * stride;
    const tOff = yOff + s * K;
    let total = 0;
    for (let k = 0; k < K; k++) total += y[tOff + k];
    for (let k = 0; k < K; k++) dLdz[aOff + k] = r * (a[aOff + k] * total - y[tOff + k]);
  }
}

/**
 * The k-th output's term of one sample's loss, lₛ = Σₖ termₖ (without the 1/N of a mean):
 * mse (ŷₖ−yₖ)²/K, sse (ŷₖ−yₖ)², half-sse ½(ŷₖ−yₖ)² (Mazur's E_o1), bce −[yₖ ln ŷₖ + (1−yₖ) ln(1−ŷₖ)]/K,
 * cross-entropy −yₖ ln ŷₖ; a zero coefficient drops its term (0·ln 0 = 0).
 */
export function outputLossTerm(loss: number, p: number, t: number, K: number): number {
  const d = p - t;
  switch (loss) {
    case LOSS.mse:
      return (d * d) / K;
    case LOSS.sse:
      return d * d;
    case LOSS.halfSse:
      return 0.5 * d * d;
    case LOSS.bce:
      return (xlog(t, p) + xlog(1 - t, 1 - p)) / K;
    default:
      return xlog(t, p);
  }
}
