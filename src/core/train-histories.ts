import { createTestWorkspace, testLoss } from './test-loss.ts';
import { datasetLoss, trainStep, type Trainer } from './train.ts';

/** The losses a training run records after each of its steps, k = 0 … steps. */
export interface LossHistories {
  /** L (data loss plus weight penalty) over the whole data set */
  readonly loss: Float64Array;
  /** the data loss alone over the whole data set */
  readonly dataLoss: Float64Array;
  /** the data loss over the test samples; null when the scenario has none */
  readonly testLoss: Float64Array | null;
}

/**
 * `steps` optimizer steps as `train` takes them, recording after k steps (k = 0 … steps) the
 * whole data set's L and data loss and the test set's data loss. Full-batch runs reuse each
 * step's forward pass for the first two.
 */
export function trainWithHistories(tr: Trainer, steps: number): LossHistories {
  const loss = new Float64Array(steps + 1);
  const dataLoss = new Float64Array(steps + 1);
  const testWs = createTestWorkspace(tr.compiled);
  const test = testWs === null ? null : new Float64Array(steps + 1);
  const fullBatch = tr.all === tr.batch;
  for (let k = 0; k < steps; k++) {
    if (test !== null) test[k] = testLoss(tr.compiled, tr.params, testWs);
    if (fullBatch) {
      loss[k] = trainStep(tr);
      dataLoss[k] = tr.batch.dataLoss;
    } else {
      loss[k] = datasetLoss(tr);
      dataLoss[k] = tr.all.dataLoss;
      trainStep(tr);
    }
  }
  if (test !== null) test[steps] = testLoss(tr.compiled, tr.params, testWs);
  loss[steps] = datasetLoss(tr);
  dataLoss[steps] = tr.all.dataLoss;
  return { loss, dataLoss, testLoss: test };
}
