import { compileScenario, type Compiled } from '../core/compile.ts';
import { numericGradient, type CentralDifference } from '../core/grad-check.ts';
import { runIteration, type Iteration } from '../core/iteration.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import { buildStepPlan, type StepPlan } from '../core/step-plan.ts';
import { forward } from '../core/forward.ts';
import type { QuantityContext } from '../core/lesson-quantity.ts';
import { nonFiniteReport, type NonFiniteReport } from '../core/non-finite.ts';
import { createWorkspace, type Workspace } from '../core/workspace.ts';
import type { Model, TrainableMask } from '../core/model.ts';
import { shownStep, type AppInputs } from './app-state.ts';
import type { Derived } from './open-large.ts';
import { createPlaneGridCache, type PlaneGridFn } from '../core/output-grid.ts';

/**
 * A memo keyed on the identity of its inputs, keeping the last `slots` results: derived data
 * is recomputed only when an input reference changes. Two slots let a panel that shows a
 * settled scenario (during a drag or a training run) and the diagram that shows the live one
 * share a selector without evicting each other's result every frame.
 */
type Memo<A extends readonly unknown[], R> = ((...args: A) => R) & {
  /** stores a result computed elsewhere (in slices) as the one for `args` */
  put(args: A, result: R): void;
  /** true when the result for `args` is kept (nothing is computed) */
  has(...args: A): boolean;
};

function memo<A extends readonly unknown[], R>(compute: (...args: A) => R, slots = 1): Memo<A, R> {
  const cache: { args: A; result: R }[] = [];
  const put = (args: A, result: R) => {
    cache.unshift({ args, result });
    if (cache.length > slots) cache.pop();
  };
  const find = (args: A) =>
    cache.findIndex((e) => e.args.length === args.length && e.args.every((a, n) => a === args[n]));
  const has = (...args: A) => find(args) >= 0;
  const get = (...args: A) => {
    const k = find(args);
    if (k >= 0) {
      const hit = cache[k];
      if (k > 0) {
        cache.splice(k, 1);
        cache.unshift(hit);
      }
      return hit.result;
    }
    const result = compute(...args);
    put(args, result);
    return result;
  };
  return Object.assign(get, { put, has });
}

/**
 * Compiles `s`, reusing the model and the trainable masks of the last scenario compiled when
 * `s` has the same shape, loss and masks (an edit of a value, a training run): the step plan,
 * keyed on those two, is then not rebuilt (a million-weight network has two million events).
 */
function compileReusing(s: Scenario, last: { scenario: Scenario; compiled: Compiled } | null): Compiled {
  const c = compileScenario(s);
  if (
    last === null ||
    last.scenario.layers !== s.layers ||
    last.scenario.loss !== s.loss ||
    last.scenario.reduction !== s.reduction ||
    last.scenario.regularization !== s.regularization ||
    last.scenario.trainable !== s.trainable
  )
    return c;
  return { ...c, model: last.compiled.model, trainable: last.compiled.trainable };
}

/** Memoized selectors of one store: each store gets its own, so tests and two stores do not share caches. */
export interface Selectors {
  compiled(s: Pick<AppInputs, 'scenario'>): Compiled;
  plan(s: Pick<AppInputs, 'scenario'>): StepPlan;
  /** the iteration shown: step t's batch, or the batch picked (shownStep) */
  iteration(s: Pick<AppInputs, 'scenario' | 'optimizerState'> & Partial<Pick<AppInputs, 'batchShown'>>): Iteration;
  /** the forward pass over every sample of the data set (for the data table's ŷ and losses) */
  dataset(s: Pick<AppInputs, 'scenario'>): Workspace;
  /** the central-difference estimate of the selected weight's or bias's gradient, or null */
  numeric(s: Pick<AppInputs, 'scenario' | 'optimizerState' | 'selection'>): CentralDifference | null;
  /** what a lesson's quantity references are read from: the iteration shown, and the sample shown */
  quantityContext(
    s: Pick<AppInputs, 'scenario' | 'optimizerState' | 'sample'> & Partial<Pick<AppInputs, 'batchShown'>>,
  ): QuantityContext;
  /** which parts of the current iteration are not finite (NaN, ±∞); null when all are */
  nonFinite(
    s: Pick<AppInputs, 'scenario' | 'optimizerState'> & Partial<Pick<AppInputs, 'batchShown'>>,
  ): NonFiniteReport | null;
  /**
   * the network's activations over a plane of two inputs (core/output-grid.ts), the last one
   * kept: the data view's heatmap and the diagram's neuron pictures of a frame share one pass
   */
  planeGrid: PlaneGridFn;
  /** Takes what was derived from `scenario` elsewhere (in slices, see open-large.ts) as the selectors' results for it, at the optimizer state it was derived at. */
  prime(scenario: Scenario, derived: Derived): void;
  /** True when what the page shows of `scenario` at `optimizerState` is kept (an undo back onto it computes nothing). */
  holds(scenario: Scenario, optimizerState: OptimizerState | null): boolean;
}

export function createSelectors(): Selectors {
  let last: { scenario: Scenario; compiled: Compiled } | null = null;
  // three slots: a training report reads the live scenario before and after it, and the
  // panels' settled one must stay (evicted, its iteration was recomputed on every report)
  const compiled = memo((scenario: Scenario) => {
    const c = compileReusing(scenario, last);
    last = { scenario, compiled: c };
    return c;
  }, 3);
  const plan = memo((model: Model, trainable: TrainableMask) => buildStepPlan(model, trainable), 2);
  const iteration = memo(
    (c: Compiled, state: OptimizerState | null, step: number) => runIteration(c, c.params, state ?? undefined, step),
    2,
  );
  const nonFinite = memo((it: Iteration, nodeCount: number) => nonFiniteReport(it, nodeCount), 2);
  const planeGrid = createPlaneGridCache();
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
    plan: (s) => {
      const c = compiled(s.scenario);
      return plan(c.model, c.trainable);
    },
    iteration: (s) => iteration(compiled(s.scenario), s.optimizerState, shownStep(s)),
    dataset: (s) => dataset(compiled(s.scenario)),
    numeric: (s) => numeric(compiled(s.scenario), s.optimizerState, s.selection),
    quantityContext: (s) =>
      quantityContext(compiled(s.scenario), iteration(compiled(s.scenario), s.optimizerState, shownStep(s)), s.sample),
    planeGrid,
    nonFinite: (s) => {
      const c = compiled(s.scenario);
      return nonFinite(iteration(c, s.optimizerState, shownStep(s)), c.model.nodeCount);
    },
    holds: (scenario, state) => {
      if (!compiled.has(scenario)) return false;
      const c = compiled(scenario);
      return plan.has(c.model, c.trainable) && iteration.has(c, state, state?.t ?? 0);
    },
    prime: (scenario, d) => {
      compiled.put([scenario], d.compiled);
      last = { scenario, compiled: d.compiled };
      plan.put([d.compiled.model, d.compiled.trainable], d.plan);
      iteration.put([d.compiled, d.optimizerState, d.step], d.iteration);
      dataset.put([d.compiled], d.dataset);
      nonFinite.put([d.iteration, d.compiled.model.nodeCount], d.nonFinite);
    },
  };
}
