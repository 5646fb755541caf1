import { compileScenario, type Compiled } from '../core/compile.ts';
import { comparisonOf, runComparison, type ComparisonRun, type ComparisonSetup } from '../core/comparison.ts';
import { numericGradient, type CentralDifference } from '../core/grad-check.ts';
import { runIteration, type Iteration } from '../core/iteration.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Optimizer, Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import { buildStepPlan, type StepPlan } from '../core/step-plan.ts';
import { forward } from '../core/forward.ts';
import { createWorkspace, type Workspace } from '../core/workspace.ts';
import type { AppInputs } from './app-state.ts';

/** A one-slot memo keyed on the identity of its inputs: derived data is recomputed only when an input reference changes. */
function memo<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last!: R;
  return (...args: A) => {
    if (lastArgs === null || args.length !== lastArgs.length || args.some((a, k) => a !== lastArgs![k])) {
      last = compute(...args);
      lastArgs = args;
    }
    return last;
  };
}

/** Memoized selectors of one store: each store gets its own, so tests and two stores do not share caches. */
export interface Selectors {
  compiled(s: AppInputs): Compiled;
  plan(s: AppInputs): StepPlan;
  iteration(s: AppInputs): Iteration;
  /** the forward pass over every sample of the data set (for the data table's ŷ and losses) */
  dataset(s: AppInputs): Workspace;
  /** the central-difference estimate of the selected weight's or bias's gradient, or null */
  numeric(s: AppInputs): CentralDifference | null;
  /** the optimizer comparison's runs from the current parameters (each with fresh optimizer state) */
  comparison(s: AppInputs): readonly ComparisonRun[];
}

export function createSelectors(): Selectors {
  const compiled = memo((scenario: Scenario) => compileScenario(scenario));
  const plan = memo((c: Compiled) => buildStepPlan(c.model, c.trainable));
  const iteration = memo((c: Compiled, state: OptimizerState | null) => runIteration(c, c.params, state ?? undefined));
  const dataset = memo((c: Compiled) => {
    const ws = createWorkspace(c.model, c.data.count);
    forward(c.model, c.params, c.data, 0, c.data.count, ws);
    return ws;
  });
  const numeric = memo((c: Compiled, state: OptimizerState | null, sel: Selection | null) => {
    if (sel === null || (sel.kind !== 'edge' && sel.kind !== 'bias')) return null;
    const m = c.model;
    const k = sel.kind === 'edge' ? m.weightOffset[sel.l] + sel.j * m.sizes[sel.l] + sel.i : m.biasOffset[sel.l] + sel.j;
    if (sel.kind === 'bias' && !m.hasBias[sel.l]) return null;
    return numericGradient(c, c.params, state?.t ?? 0, sel.kind === 'edge' ? 'w' : 'b', k);
  });
  const comparison = memo((c: Compiled, setup: ComparisonSetup | null, current: Optimizer) => runComparison(c, comparisonOf(setup, current)));
  return {
    compiled: (s) => compiled(s.scenario),
    comparison: (s) => comparison(compiled(s.scenario), s.comparison, s.scenario.optimizer),
    plan: (s) => plan(compiled(s.scenario)),
    iteration: (s) => iteration(compiled(s.scenario), s.optimizerState),
    dataset: (s) => dataset(compiled(s.scenario)),
    numeric: (s) => numeric(compiled(s.scenario), s.optimizerState, s.selection),
  };
}
