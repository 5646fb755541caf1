import { quantityRefKey, type QuantityRef } from '../core/quantity-ref.ts';
import type { Quantity } from './line.ts';

/** The lesson reference (quantity-ref.ts) that names a line's quantity, or null where none does. */
function refKey(q: Quantity, sample: number, batchCount: number): string | null {
  // A lesson's node values and loss terms are of the sample shown; a gradient is the batch's,
  // which a per-sample line equals only when the batch is that one sample.
  const whole = (s: number | 'batch') => s === 'batch' || batchCount === 1;
  switch (q.kind) {
    case 'z':
    case 'a':
    case 'dLda':
    case 'dLdz':
      return q.sample === sample ? `${q.kind}:node:${q.l}:${q.j}` : null;
    // φ′(z) is a factor the δ line shows: revealed with δ
    case 'dadz':
      return q.sample === sample ? `dLdz:node:${q.l}:${q.j}` : null;
    case 'dLdw':
      return whole(q.sample) ? `gradient:edge:${q.l}:${q.j}:${q.i}` : null;
    case 'dLdb':
      return whole(q.sample) ? `gradient:bias:${q.l}:${q.j}` : null;
    case 'sample-loss':
      return batchCount === 1 ? 'loss' : null;
    case 'loss':
      return 'loss';
    case 'loss-term':
      return q.sample === sample ? `loss-term:${q.k}` : null;
    case 'loss-after':
      return 'after:loss';
    case 'weight-after':
      return `after:edge:${q.l}:${q.j}:${q.i}`;
    case 'bias-after':
      return `after:bias:${q.l}:${q.j}`;
  }
}

/**
 * Whether a line's quantity is one of `refs` (a lesson step's own values): for batch sample
 * `sample` of a batch of `batchCount`.
 */
export function revealedBy(refs: readonly QuantityRef[], sample: number, batchCount: number): (q: Quantity) => boolean {
  const keys = new Set(refs.map(quantityRefKey));
  return (q) => {
    const key = refKey(q, sample, batchCount);
    return key !== null && keys.has(key);
  };
}
