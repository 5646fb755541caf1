import { useMemo } from 'react';
import { accuracy } from '../core/accuracy.ts';
import { compileScenario } from '../core/compile.ts';
import { forward } from '../core/forward.ts';
import { outputReading, type OutputReading } from '../core/output-reading.ts';
import type { Scenario } from '../core/scenario.ts';
import { createTestWorkspace, testLoss } from '../core/test-loss.ts';
import { createWorkspace } from '../core/workspace.ts';

/** The numbers the data view reads out: losses and (for classes) accuracy, on the training and the test data. */
export interface DataReadout {
  readonly reading: OutputReading;
  readonly loss: number;
  readonly dataLoss: number;
  readonly penalty: number;
  readonly testLoss: number;
  readonly accuracy: number;
  readonly testAccuracy: number;
}

/** The readout of a (settled) scenario, recomputed when it changes. */
export function useDataReadout(scenario: Scenario): DataReadout {
  return useMemo(() => {
    const c = compileScenario(scenario);
    const reading = outputReading(c.model, [c.data, c.testData]);
    const ws = createWorkspace(c.model, c.data.count);
    const loss = forward(c.model, c.params, c.data, 0, c.data.count, ws);
    const testWs = createTestWorkspace(c);
    const lt = testLoss(c, c.params, testWs);
    return {
      reading,
      loss,
      dataLoss: ws.dataLoss,
      penalty: ws.penalty,
      testLoss: lt,
      accuracy: accuracy(c.model, ws.a, c.data, reading),
      testAccuracy: testWs === null || c.testData === null ? NaN : accuracy(c.model, testWs.a, c.testData, reading),
    };
  }, [scenario]);
}
