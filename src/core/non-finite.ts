import type { Iteration } from './iteration.ts';

/** What in an iteration is not a finite number: the loss, any node value or gradient, any parameter after the step. */
export interface NonFiniteReport {
  readonly loss: boolean;
  readonly values: boolean;
  readonly gradients: boolean;
  readonly update: boolean;
}

function anyNonFinite(xs: Float64Array, count = xs.length): boolean {
  for (let k = 0; k < count; k++) if (!Number.isFinite(xs[k])) return true;
  return false;
}

/** Which parts of an iteration's arithmetic overflowed or went undefined (NaN, ±∞); null when everything is finite. */
export function nonFiniteReport(it: Iteration, nodeCount: number): NonFiniteReport | null {
  const n = it.count * nodeCount;
  const { pass } = it;
  // the input layer's z is NaN by design (it has none): check a and the derivatives, and z past the inputs
  let values = anyNonFinite(pass.a, n);
  for (let k = 0; k < n && !values; k++) if (!Number.isNaN(pass.z[k]) && !Number.isFinite(pass.z[k])) values = true;
  const report = {
    loss: !Number.isFinite(pass.loss),
    values,
    gradients: anyNonFinite(pass.dLdw) || anyNonFinite(pass.dLdb),
    update: anyNonFinite(it.after.w) || anyNonFinite(it.after.b),
  };
  return report.loss || report.values || report.gradients || report.update ? report : null;
}
