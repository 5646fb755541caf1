import type { Compiled } from '../core/compile.ts';
import type { CentralDifference } from '../core/grad-check.ts';
import type { Iteration } from '../core/iteration.ts';
import type { Model } from '../core/model.ts';
import { biasName, nodeName, targetName, weightName } from '../core/notation.ts';
import type { OptimizerState } from '../core/optimizer.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import { DEFAULT_DIGITS } from './format-number.ts';
import { nameTex } from './name-tex.ts';

/** Everything a derivation is built from, as the core gives it. */
export interface DerivationInput {
  /** for the names (labels), loss, reduction and optimizer */
  readonly scenario: Scenario;
  /** compileScenario(scenario): the model, the trainable masks, the optimizer */
  readonly compiled: Compiled;
  /** runIteration(compiled, params, state): the batch's pass, the parameters before and after the step */
  readonly iteration: Iteration;
  readonly selection: Selection;
  /** the sample shown, as an index in the batch (0 ≤ sample < iteration.count) */
  readonly sample: number;
  /** the optimizer state before the step, as passed to runIteration (fresh state when absent) */
  readonly state?: OptimizerState;
  /** the central difference of the selected weight or bias over the same parameters and batch (numericGradient), to set beside the analytic value */
  readonly gradCheck?: CentralDifference;
  /** significant digits of the numbers (6) */
  readonly digits?: number;
  /** wrap names of diagram elements in \htmlData{key=…} (true) */
  readonly links?: boolean;
}

/** What every builder reads: the input with its defaults settled. */
export interface TexContext {
  readonly scenario: Scenario;
  readonly compiled: Compiled;
  readonly model: Model;
  readonly iteration: Iteration;
  readonly digits: number;
  readonly links: boolean;
}

/** The context of an input: digits 6 and links on unless it says otherwise. */
export function texContext(
  input: Pick<DerivationInput, 'scenario' | 'compiled' | 'iteration' | 'digits' | 'links'>,
): TexContext {
  return {
    scenario: input.scenario,
    compiled: input.compiled,
    model: input.compiled.model,
    iteration: input.iteration,
    digits: input.digits ?? DEFAULT_DIGITS,
    links: input.links ?? true,
  };
}

/** `tex` wrapped so that a renderer can link it to diagram element `key` (node:l:j, edge:l:j:i, bias:l:j, loss). */
export function linked(ctx: TexContext, key: string, tex: string): string {
  return ctx.links ? String.raw`\htmlData{key=${key}}{${tex}}` : tex;
}

/** Node j of layer l by its name, which also stands for its value a. */
export function nodeTex(ctx: TexContext, l: number, j: number): string {
  return linked(ctx, `node:${l}:${j}`, nameTex(nodeName(ctx.scenario, l, j)));
}

/** The pre-activation z of node j of layer l: z_{name}. */
export function zTex(ctx: TexContext, l: number, j: number): string {
  return linked(ctx, `node:${l}:${j}`, `z_{${nameTex(nodeName(ctx.scenario, l, j))}}`);
}

/** δ = ∂L/∂z of node j of layer l: \delta_{name}. */
export function deltaTex(ctx: TexContext, l: number, j: number): string {
  return linked(ctx, `node:${l}:${j}`, String.raw`\delta_{${nameTex(nodeName(ctx.scenario, l, j))}}`);
}

export function weightTex(ctx: TexContext, l: number, j: number, i: number): string {
  return linked(ctx, `edge:${l}:${j}:${i}`, nameTex(weightName(ctx.scenario, l, j, i)));
}

export function biasTex(ctx: TexContext, l: number, j: number): string {
  return linked(ctx, `bias:${l}:${j}`, nameTex(biasName(ctx.scenario, l, j)));
}

/** The reduced batch loss L. */
export function lossTex(ctx: TexContext): string {
  return linked(ctx, 'loss', 'L');
}

/** The target of output j, by the notation's name for it. */
export function targetTex(ctx: TexContext, j: number): string {
  return nameTex(targetName(ctx.scenario, j));
}

/** ∂num/∂den as a fraction. */
export function partial(num: string, den: string): string {
  return String.raw`\frac{\partial ${num}}{\partial ${den}}`;
}

/** The 1/N of a mean over N > 1 samples, as TeX and as a number; null where the reduction adds no factor (a sum, or one sample). */
export function reductionFactor(ctx: TexContext): { tex: string; value: number } | null {
  const n = ctx.iteration.count;
  return ctx.model.meanReduction && n > 1 ? { tex: String.raw`\frac{1}{${n}}`, value: 1 / n } : null;
}

/** The sample marker of a per-sample formula: '' for a batch of one. */
export function sampleMark(ctx: TexContext, sample: number): string {
  return ctx.iteration.count > 1 ? `s=${sample + 1}` : '';
}

/** Index of node j of layer l of batch sample s in the pass's arrays. */
export function nodeIndex(ctx: TexContext, s: number, l: number, j: number): number {
  return s * ctx.model.nodeCount + ctx.model.nodeOffset[l] + j;
}
