import type { Model } from '../../src/core/model.ts';
import type { Selection } from '../../src/core/selection.ts';

/** Every selection of a network: each node, weight, bias (also of layers without bias, to test that case) and the loss. */
export function everySelection(model: Model): Selection[] {
  const out: Selection[] = [{ kind: 'loss' }];
  for (let l = 0; l <= model.depth; l++) for (let j = 0; j < model.sizes[l]; j++) out.push({ kind: 'node', l, j });
  for (let l = 0; l < model.depth; l++) {
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      for (let i = 0; i < model.sizes[l]; i++) out.push({ kind: 'edge', l, j, i });
      out.push({ kind: 'bias', l, j });
    }
  }
  return out;
}
