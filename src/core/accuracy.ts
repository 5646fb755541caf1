import type { Dataset, Model } from './model.ts';
import { classOf, type OutputReading } from './output-reading.ts';

/**
 * accuracy = (1/N)·#{s : class(ŷₛ) = class(yₛ)} over the N samples whose outputs `a` holds
 * (sample-major, `model.nodeCount` per sample, as a workspace after a forward pass over `data`).
 * NaN for a regression reading or no samples.
 */
export function accuracy(model: Model, a: Float64Array, data: Dataset, r: OutputReading): number {
  if (r.kind !== 'classes' || data.count === 0) return NaN;
  const nOut = model.sizes[model.depth];
  const outOff = model.nodeOffset[model.depth];
  let right = 0;
  for (let s = 0; s < data.count; s++) {
    if (classOf(a, s * model.nodeCount + outOff, nOut, r) === classOf(data.y, s * nOut, nOut, r)) right++;
  }
  return right / data.count;
}
