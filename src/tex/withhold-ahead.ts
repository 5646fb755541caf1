import type { Model } from '../core/model.ts';
import type { StepPlan } from '../core/step-plan.ts';
import type { Line, Quantity, Section } from './line.ts';

/** The event of the iteration that computes a line's quantity; −1 for one known from the start. */
export function quantityEventIndex(plan: StepPlan, model: Model, q: Quantity): number {
  switch (q.kind) {
    case 'z':
      return plan.zAt[model.nodeOffset[q.l] + q.j];
    case 'a':
      return plan.aAt[model.nodeOffset[q.l] + q.j];
    // φ′(z) is a factor of the node's backward event, which the diagram shows with δ
    case 'dadz':
    case 'dLda':
    case 'dLdz':
      return plan.deltaAt[model.nodeOffset[q.l] + q.j];
    case 'dLdw':
      return plan.weightGradAt[model.weightOffset[q.l] + q.j * model.sizes[q.l] + q.i];
    case 'dLdb':
      return plan.biasGradAt[model.biasOffset[q.l] + q.j];
    case 'sample-loss':
    case 'loss-term':
    case 'loss':
      return plan.lossAt;
    case 'loss-after':
      return plan.events.length - 1;
    case 'weight-after':
      return plan.weightUpdateAt[model.weightOffset[q.l] + q.j * model.sizes[q.l] + q.i];
    case 'bias-after':
      return plan.biasUpdateAt[model.biasOffset[q.l] + q.j];
  }
}

/** Where a step position has reached a derivation: what is known, and what shows anyway. */
export interface StepReach {
  readonly plan: StepPlan;
  readonly model: Model;
  /** events done */
  readonly position: number;
  /** the event that computes what the derivation is about (selectionEventIndex): stands for lines that name no quantity */
  readonly subject: number;
  /** quantities shown whether or not the position has reached them (a lesson step's own values) */
  readonly revealed: (q: Quantity) => boolean;
}

/** A line the position has reached, or a run of lines it has not: they show from step `step` (a 1-based position). */
export type ShownLine = { readonly line: Line } | { readonly withheld: number; readonly step: number };

export interface ShownSection {
  readonly heading: string;
  readonly lines: readonly ShownLine[];
}

/** Every line of a derivation's sections shown (outside a lesson). */
export function everyLine(sections: readonly Section[]): ShownSection[] {
  return sections.map((section) => ({ heading: section.heading, lines: section.lines.map((line) => ({ line })) }));
}

/** What stands for a run of withheld lines, in the math panel and its LaTeX export. */
export function withheldText(step: number): string {
  return `Blank until step ${step}, as on the diagram.`;
}

/**
 * A derivation's sections with every line whose numbers the step position has not reached
 * withheld, as the diagram blanks them: a line arrives at its quantity from values computed
 * before it, so its quantity decides. A line that names none (a formula, the part before an
 * evaluated line) goes with the next line of its section that does, else the one before; a
 * section of such lines goes with the derivation's subject. Consecutive withheld lines are one run.
 */
export function withholdAhead(sections: readonly Section[], reach: StepReach): ShownSection[] {
  const { plan, model, position, subject, revealed } = reach;
  return sections.map((section) => {
    const { lines } = section;
    const governing: (Quantity | null)[] = lines.map(() => null);
    let next: Quantity | null = null;
    for (let n = lines.length - 1; n >= 0; n--) governing[n] = next = lines[n].quantity ?? next;
    let before: Quantity | null = null;
    for (let n = 0; n < lines.length; n++) governing[n] = before = governing[n] ?? before;
    const shown: ShownLine[] = [];
    lines.forEach((line, n) => {
      const q = governing[n];
      const at = q === null ? subject : quantityEventIndex(plan, model, q);
      if (at < position || (q !== null && revealed(q))) {
        shown.push({ line });
        return;
      }
      const last = shown[shown.length - 1];
      if (last && 'withheld' in last)
        shown[shown.length - 1] = { withheld: last.withheld + 1, step: Math.max(last.step, at + 1) };
      else shown.push({ withheld: 1, step: at + 1 });
    });
    return { heading: section.heading, lines: shown };
  });
}
