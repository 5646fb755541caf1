/**
 * The weight penalty of the spec's Regularization: l1·Σ|w| + (l2/2)·Σw² over every weight
 * (biases are never penalized), and its gradient l1·sign(w) + l2·w with sign(0) = 0.
 * A rate of 0 contributes nothing, not 0·∞, so a diverged weight does not turn it into NaN.
 */

/** P = l1·Σₖ|wₖ| + (l2/2)·Σₖ wₖ². */
export function weightPenalty(l1: number, l2: number, w: Float64Array): number {
  let abs = 0;
  let sq = 0;
  for (let k = 0; k < w.length; k++) {
    const v = w[k];
    abs += v < 0 ? -v : v;
    sq += v * v;
  }
  return (l1 === 0 ? 0 : l1 * abs) + (l2 === 0 ? 0 : (l2 / 2) * sq);
}

/** ∂L/∂wₖ += l1·sign(wₖ) + l2·wₖ, with sign(0) = 0. */
export function addPenaltyGradient(l1: number, l2: number, w: Float64Array, dLdw: Float64Array): void {
  if (l1 !== 0) {
    for (let k = 0; k < w.length; k++) {
      const v = w[k];
      if (v > 0) dLdw[k] += l1;
      else if (v < 0) dLdw[k] -= l1;
    }
  }
  if (l2 !== 0) for (let k = 0; k < w.length; k++) dLdw[k] += l2 * w[k];
}
