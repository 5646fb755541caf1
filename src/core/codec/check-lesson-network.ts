import { batchRange, compileScenario } from '../compile.ts';
import type { LessonStep } from '../lesson.ts';
import { lessonTextRefs, parseStepText } from '../lesson-text.ts';
import { quantityRefKey, quantityRefProblem, selectionProblem, type QuantityRef } from '../quantity-ref.ts';
import type { Scenario } from '../scenario.ts';
import { selectionKey, type Selection } from '../selection.ts';
import { buildStepPlan } from '../step-plan.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath, indexPath } from './json-path.ts';
import { formatLimit } from './read-json.ts';

/** What the checks need of the scenario in force: its network, the events of its iteration, the samples of its first batch. */
interface Network {
  readonly model: ReturnType<typeof compileScenario>['model'];
  readonly events: number;
  readonly samples: number;
}

function networkOf(scenario: Scenario): Network {
  const compiled = compileScenario(scenario);
  const plan = buildStepPlan(compiled.model, compiled.trainable);
  return {
    model: compiled.model,
    events: plan.events.length,
    samples: batchRange(compiled.data.count, compiled.batchSize, 0).count,
  };
}

/**
 * Checks every step against the scenario in force at it (the lesson's, or the last step
 * scenario before it): the view's position within the iteration, its sample within the
 * first batch, its selection in the network, and every quantity reference (`ask`,
 * `compare`, `{{…}}` in the text); and the text's syntax. A view carried over from an
 * earlier step is checked again where a step changes the scenario.
 */
export function checkLessonSteps(scenario: Scenario, steps: readonly LessonStep[], errors: ErrorList): void {
  let network = networkOf(scenario);
  const carried: { pos: number; sample: number; sel: Selection | null } = { pos: 0, sample: 0, sel: null };
  steps.forEach((step, k) => {
    if (errors.isFull) return;
    const path = indexPath('steps', k);
    const view = step.view ?? {};
    if (step.scenario !== undefined) {
      network = networkOf(step.scenario);
      const at = fieldPath(path, 'scenario');
      if (view.pos === undefined && carried.pos > network.events)
        errors.add(
          at,
          `the position ${carried.pos} an earlier step set is past the end of this scenario's iteration (${iterationLength(network)}); give this step a view.pos`,
        );
      if (view.sample === undefined && carried.sample >= network.samples)
        errors.add(
          at,
          `the sample ${carried.sample} an earlier step set is not in this scenario's first batch (${batchLength(network)}); give this step a view.sample`,
        );
      const selProblem =
        view.sel === undefined && carried.sel !== null ? selectionProblem(network.model, carried.sel) : null;
      if (selProblem !== null && carried.sel !== null)
        errors.add(
          at,
          `the selection ${selectionKey(carried.sel)} an earlier step set: ${selProblem}; give this step a view.sel`,
        );
    }
    const viewPath = fieldPath(path, 'view');
    if (view.pos !== undefined && view.pos > network.events)
      errors.add(
        fieldPath(viewPath, 'pos'),
        `${view.pos} is past the end of the iteration (${iterationLength(network)})`,
      );
    if (view.sample !== undefined && view.sample >= network.samples)
      errors.add(
        fieldPath(viewPath, 'sample'),
        `the first batch has no sample ${view.sample} (${batchLength(network)})`,
      );
    const selProblem = view.sel === undefined || view.sel === null ? null : selectionProblem(network.model, view.sel);
    if (selProblem !== null) errors.add(fieldPath(viewPath, 'sel'), selProblem);
    if (view.pos !== undefined) carried.pos = view.pos;
    if (view.sample !== undefined) carried.sample = view.sample;
    if (view.sel !== undefined) carried.sel = view.sel;
    const checkRef = (ref: QuantityRef, at: string, prefix = '') => {
      const problem = quantityRefProblem(network.model, ref);
      if (problem !== null) errors.add(at, `${prefix}${problem}`);
    };
    if (step.ask !== undefined) checkRef(step.ask.of, fieldPath(fieldPath(path, 'ask'), 'of'));
    step.compare?.forEach((c, m) => checkRef(c.of, fieldPath(indexPath(fieldPath(path, 'compare'), m), 'of')));
    const textPath = fieldPath(path, 'text');
    const parsed = parseStepText(step.text);
    for (const problem of parsed.problems) errors.add(textPath, `character ${problem.offset + 1}: ${problem.message}`);
    // One error per distinct reference, however often the text shows it.
    const refs = new Map(lessonTextRefs(parsed).map((ref) => [quantityRefKey(ref), ref]));
    for (const [key, ref] of refs) checkRef(ref, textPath, `{{${key}}}: `);
  });
}

function iterationLength(network: Network): string {
  return `it has ${formatLimit(network.events)} steps, positions 0 to ${formatLimit(network.events)}`;
}

function batchLength(network: Network): string {
  return network.samples === 1
    ? 'it has 1 sample, 0'
    : `it has ${network.samples} samples, 0 to ${network.samples - 1}`;
}
