import { compileScenario, type Compiled } from '../core/compile.ts';
import { numericGradient, type CentralDifference } from '../core/grad-check.ts';
import { runIteration, type Iteration } from '../core/iteration.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import { buildStepPlan, type StepPlan } from '../core/step-plan.ts';
import { forward } from '../core/forward.ts';
import type { QuantityContext } from '../core/lesson-quantity.ts';
import { createWorkspace, type Workspace } from '../core/workspace.ts';
import type { AppInputs } from './app-state.ts';

/**
 * A memo keyed on the identity of its inputs, keeping the last `slots` results: derived data
 * is recomputed only when an input reference changes. Two slots let a panel that shows a
 * settled scenario (during a drag or a training run) and the diagram that shows the live one
 * share a selector without evicting each other's result every frame.
 */
function memo<A extends readonly unknown[], R>(compute: (...args: A) => R, slots = 1): (...args: A) => R {
  const cache: { args: A; result: R }[] = [];
  return (...args: A) => {
    const k = cache.findIndex((e) => e.args.length === args.length && e.args.every((a, n) => a === args[n]));
    if (k >= 0) {
      const hit = cache[k];
      if (k > 0) {
        cache.splice(k, 1);
        cache.unshift(hit);
      }
      return hit.result;
    }
    const result = compute(...args);
    cache.unshift({ args, result });
    if (cache.length > slots) cache.pop();
    return result;
  };
}

/** Memoized selectors of one store: each store gets its own, so tests and two stores do not share caches. */
export interface Selectors {
  compiled(s: Pick<AppInputs, 'scenario'>): Compiled;
  plan(s: Pick<AppInputs, 'scenario'>): StepPlan;
  iteration(s: Pick<AppInputs, 'scenario' | 'optimizerState'>): Iteration;
  /** the forward pass over every sample of the data set (for the data table's ŷ and losses) */
  dataset(s: Pick<AppInputs, 'scenario'>): Workspace;
  /** the central-difference estimate of the selected weight's or bias's gradient, or null */
  numeric(s: Pick<AppInputs, 'scenario' | 'optimizerState' | 'selection'>): CentralDifference | null;
  /** what a lesson's quantity references are read from: the iteration shown, and the sample shown */
  quantityContext(s: Pick<AppInputs, 'scenario' | 'optimizerState' | 'sample'>): QuantityContext;
}

export function createSelectors(): Selectors {
  const compiled = memo((scenario: Scenario) => compileScenario(scenario), 2);
  const plan = memo((c: Compiled) => buildStepPlan(c.model, c.trainable), 2);
  const iteration = memo(
    (c: Compiled, state: OptimizerState | null) => runIteration(c, c.params, state ?? undefined),
    2,
  );
  const dataset = memo((c: Compiled) => {
    const ws = createWorkspace(c.model, c.data.count);
    forward(c.model, c.params, c.data, 0, c.data.count, ws);
    return ws;
  });
  const numeric = memo((c: Compiled, state: OptimizerState | null, sel: Selection | null) => {
    if (sel === null || (sel.kind !== 'edge' && sel.kind !== 'bias')) return null;
    const m = c.model;
    const k =
      sel.kind === 'edge' ? m.weightOffset[sel.l] + sel.j * m.sizes[sel.l] + sel.i : m.biasOffset[sel.l] + sel.j;
    if (sel.kind === 'bias' && !m.hasBias[sel.l]) return null;
    return numericGradient(c, c.params, state?.t ?? 0, sel.kind === 'edge' ? 'w' : 'b', k);
  });
  const quantityContext = memo(
    (c: Compiled, it: Iteration, sample: number): QuantityContext => ({
      compiled: c,
      iteration: it,
      sample: Math.min(Math.max(0, sample), it.count - 1),
    }),
    2,
  );
  return {
    compiled: (s) => compiled(s.scenario),
    plan: (s) => plan(compiled(s.scenario)),
    iteration: (s) => iteration(compiled(s.scenario), s.optimizerState),
    dataset: (s) => dataset(compiled(s.scenario)),
    numeric: (s) => numeric(compiled(s.scenario), s.optimizerState, s.selection),
    quantityContext: (s) =>
      quantityContext(compiled(s.scenario), iteration(compiled(s.scenario), s.optimizerState), s.sample),
  };
}
