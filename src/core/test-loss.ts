import type { Compiled } from './compile.ts';
import { forwardPass } from './forward.ts';
import type { Params } from './model.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

/** Arrays for a forward pass over all the test samples, or null when the scenario has none. */
export function createTestWorkspace(compiled: Compiled): Workspace | null {
  return compiled.testData === null ? null : createWorkspace(compiled.model, compiled.testData.count);
}

/**
 * L_test = (1/N or 1)·Σₛ lₛ over every test sample: the data loss alone (no weight penalty),
 * reduced as the scenario's `reduction` says. NaN when the scenario has no test data.
 */
export function testLoss(compiled: Compiled, params: Params, ws: Workspace | null): number {
  const test = compiled.testData;
  if (test === null || ws === null) return NaN;
  forwardPass(compiled.model, params, test, 0, test.count, ws);
  return ws.dataLoss;
}
