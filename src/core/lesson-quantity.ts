import { compileScenario, type Compiled } from './compile.ts';
import { runIteration, type Iteration } from './iteration.ts';
import { outputLossTerm } from './loss.ts';
import type { QuantityRef } from './quantity-ref.ts';
import type { Scenario } from './scenario.ts';
import type { Selection } from './selection.ts';

/** The iteration a lesson step's quantities are read from: its scenario's first iteration, and the sample shown. */
export interface QuantityContext {
  readonly compiled: Compiled;
  readonly iteration: Iteration;
  /** index of the sample shown within the batch (clamped into it) */
  readonly sample: number;
}

/** The first iteration of `scenario` (fresh optimizer state), with sample `sample` of its batch shown. */
export function lessonQuantityContext(scenario: Scenario, sample = 0): QuantityContext {
  const compiled = compileScenario(scenario);
  const iteration = runIteration(compiled);
  return { compiled, iteration, sample: Math.min(Math.max(0, Math.trunc(sample)), iteration.count - 1) };
}

function paramIndex(
  compiled: Compiled,
  sel: Extract<Selection, { kind: 'edge' | 'bias' }>,
): { weight: boolean; k: number } {
  const { model } = compiled;
  if (sel.kind === 'edge') return { weight: true, k: model.weightOffset[sel.l] + sel.j * model.sizes[sel.l] + sel.i };
  return { weight: false, k: model.biasOffset[sel.l] + sel.j };
}

/**
 * The number a quantity reference names (lesson spec, "Quantity references"), for a reference
 * the network has (quantityRefProblem is null): the parameter before or after the update or
 * ∂L/∂θ of the batch, a node's z, a, ∂L/∂z or ∂L/∂a for the sample shown (∂L of the reduced
 * batch loss, as the diagram shows them), the batch loss before or after the update, an
 * output's term of the sample's own loss, an input or a target of the sample shown.
 */
export function resolveQuantity(ctx: QuantityContext, q: QuantityRef): number {
  const { compiled, iteration, sample } = ctx;
  const { model, data } = compiled;
  const { pass } = iteration;
  const row = sample * model.nodeCount;
  const outputs = model.sizes[model.depth];
  const s = iteration.start + sample;
  switch (q.kind) {
    case 'loss':
      return pass.loss;
    case 'x':
      return data.x[s * model.sizes[0] + q.index];
    case 'y':
      return data.y[s * outputs + q.index];
    case 'loss-term': {
      const p = pass.a[row + model.nodeOffset[model.depth] + q.index];
      return outputLossTerm(model.loss, p, data.y[s * outputs + q.index], outputs);
    }
    case 'z':
      return pass.z[row + model.nodeOffset[q.sel.l] + q.sel.j];
    case 'a':
      return pass.a[row + model.nodeOffset[q.sel.l] + q.sel.j];
    case 'dLdz':
      return pass.dLdz[row + model.nodeOffset[q.sel.l] + q.sel.j];
    case 'dLda':
      return pass.dLda[row + model.nodeOffset[q.sel.l] + q.sel.j];
    case 'after': {
      if (q.sel.kind === 'loss') return iteration.lossAfter;
      const { weight, k } = paramIndex(compiled, q.sel);
      return weight ? iteration.after.w[k] : iteration.after.b[k];
    }
    case 'value': {
      const { weight, k } = paramIndex(compiled, q.sel);
      return weight ? iteration.params.w[k] : iteration.params.b[k];
    }
    case 'gradient': {
      const { weight, k } = paramIndex(compiled, q.sel);
      return weight ? pass.dLdw[k] : pass.dLdb[k];
    }
  }
}
