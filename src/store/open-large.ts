import { compileSliced, type Compiled } from '../core/compile.ts';
import { forward } from '../core/forward.ts';
import { iterationSliced, type Iteration } from '../core/iteration.ts';
import { nonFiniteReport, type NonFiniteReport } from '../core/non-finite.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Sliced } from '../core/sliced.ts';
import { stepPlanSliced, type StepPlan } from '../core/step-plan.ts';
import { createWorkspace, type Workspace } from '../core/workspace.ts';

/**
 * Past this many weights and biases, what the page derives from a scenario (compiling it, the
 * step plan, the first iteration, the data set's forward pass) takes longer than a frame or two
 * in one go: such a scenario is derived in slices before it is shown (see `deriveInSlices`).
 */
export const HEAVY_PARAMETERS = 100_000;

/** How long one slice may run before the page gets the thread back, in ms. */
export const SLICE_BUDGET_MS = 30;

/** The weights and biases of a scenario, from its layer sizes (nothing compiled). */
export function parameterCount(s: Pick<Scenario, 'layers'>): number {
  let n = 0;
  for (let l = 1; l < s.layers.length; l++) {
    const layer = s.layers[l] as Scenario['layers'][1];
    n += layer.size * s.layers[l - 1].size + (layer.bias ? layer.size : 0);
  }
  return n;
}

/** True when a scenario is derived in slices before it is shown. */
export function isHeavy(s: Pick<Scenario, 'layers'>): boolean {
  return parameterCount(s) > HEAVY_PARAMETERS;
}

/** An opening in progress, as the page shows it: what is opened, what is being done, how far (0 … 1). */
export interface Opening {
  readonly what: string;
  /** null while the document is still being read (not yet known) */
  readonly parameters: number | null;
  readonly stage: string;
  readonly fraction: number;
}

/** What the page derives from a scenario before it can show it. */
export interface Derived {
  readonly compiled: Compiled;
  /** the optimizer state and step the iteration was computed at (an undo onto a trained scenario has one) */
  readonly optimizerState: OptimizerState | null;
  readonly step: number;
  readonly plan: StepPlan;
  readonly iteration: Iteration;
  readonly dataset: Workspace;
  readonly nonFinite: NonFiniteReport | null;
}

function* datasetSliced(c: Compiled): Sliced<Workspace> {
  const ws = createWorkspace(c.model, c.data.count);
  yield 0;
  forward(c.model, c.params, c.data, 0, c.data.count, ws);
  return ws;
}

/** Each stage: what the page says it is doing, and its share of the whole. */
const STAGES = [
  { stage: 'compiling the network', share: 0.3 },
  { stage: 'building the step plan', share: 0.35 },
  { stage: 'computing the first iteration', share: 0.25 },
  { stage: 'computing every sample’s output', share: 0.1 },
] as const;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Derives a scenario in slices of about SLICE_BUDGET_MS, giving the thread back to the page
 * between them (so it answers input and paints), and reporting each stage and how far it is.
 * Resolves to null as soon as `signal` aborts. The iteration is the one at `optimizerState`'s
 * step (none: the first), as the page shows it.
 */
export async function deriveInSlices(
  scenario: Scenario,
  report: (stage: string, fraction: number) => void,
  signal: AbortSignal,
  optimizerState: OptimizerState | null = null,
): Promise<Derived | null> {
  let done = 0;
  let sliceStart = performance.now();
  const run = async <T>(k: number, g: Sliced<T>): Promise<T | null> => {
    const { stage, share } = STAGES[k];
    report(stage, done);
    for (;;) {
      const r = g.next();
      if (r.done) {
        done += share;
        return r.value;
      }
      if (performance.now() - sliceStart >= SLICE_BUDGET_MS) {
        report(stage, done + share * r.value);
        await nextTask();
        if (signal.aborted) return null;
        sliceStart = performance.now();
      }
    }
  };
  await nextTask();
  if (signal.aborted) return null;
  sliceStart = performance.now();
  const compiled = await run(0, compileSliced(scenario));
  if (compiled === null) return null;
  const plan = await run(1, stepPlanSliced(compiled.model, compiled.trainable));
  if (plan === null) return null;
  const step = optimizerState?.t ?? 0;
  const iteration = await run(2, iterationSliced(compiled, compiled.params, optimizerState ?? undefined, step));
  if (iteration === null) return null;
  const dataset = await run(3, datasetSliced(compiled));
  if (dataset === null) return null;
  const nonFinite = nonFiniteReport(iteration, compiled.model.nodeCount);
  report('drawing', 1);
  await nextTask();
  return signal.aborted ? null : { compiled, optimizerState, step, plan, iteration, dataset, nonFinite };
}
