import { backward } from './backward.ts';
import type { Compiled } from './compile.ts';
import { forward } from './forward.ts';
import type { Iteration } from './iteration.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

/**
 * The iteration's forward and backward pass again, with sample `sample`'s outputs ŷ replaced
 * by `yhat` before the backward pass (a tutorial's rounded prediction, the oracle's
 * `output_override`): ∂L/∂z_L from the replaced ŷ (ŷ − y for softmax with cross-entropy),
 * then back through the network as usual. z and the other samples are as computed; the
 * loss (ws.loss) is the exact one.
 */
export function passWithOutputs(
  compiled: Compiled,
  iteration: Iteration,
  sample: number,
  yhat: ArrayLike<number>,
): Workspace {
  const { model, data } = compiled;
  const ws = createWorkspace(model, iteration.count);
  forward(model, iteration.params, data, iteration.start, iteration.count, ws);
  const at = sample * model.nodeCount + model.nodeOffset[model.depth];
  const n = Math.min(yhat.length, model.sizes[model.depth]);
  for (let k = 0; k < n; k++) ws.a[at + k] = yhat[k];
  backward(model, iteration.params, data, iteration.start, ws);
  return ws;
}
