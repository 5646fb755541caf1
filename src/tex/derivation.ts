import { biasName, nameToText, nodeName, weightName } from '../core/notation.ts';
import { texContext, type DerivationInput, type TexContext } from './context.ts';
import { gradCheckSection } from './grad-check-tex.ts';
import type { Derivation, Section } from './line.ts';
import { LOSS_LABELS, lossSections } from './loss-derivation.ts';
import { nodeSections } from './node-derivation.ts';
import { gradientSections, type ParamSelection } from './param-gradient.ts';
import { updateSection } from './update-rule.ts';

function nodeText(ctx: TexContext, l: number, j: number): string {
  return nameToText(nodeName(ctx.scenario, l, j));
}

function parameterDerivation(ctx: TexContext, input: DerivationInput, p: ParamSelection, sample: number): Derivation {
  const { scenario } = ctx;
  const title =
    p.kind === 'edge'
      ? `Weight ${nameToText(weightName(scenario, p.l, p.j, p.i))}: ${nodeText(ctx, p.l, p.i)} → ${nodeText(ctx, p.l + 1, p.j)}`
      : `Bias ${nameToText(biasName(scenario, p.l, p.j))} of ${nodeText(ctx, p.l + 1, p.j)}`;
  if (p.kind === 'bias' && !ctx.model.hasBias[p.l]) {
    return { title, sections: [{ heading: 'No bias', lines: [{ tex: String.raw`\text{This layer has no bias.}` }] }] };
  }
  const sections: Section[] = [...gradientSections(ctx, p, sample), updateSection(ctx, p, input.state)];
  if (input.gradCheck) sections.push(gradCheckSection(ctx, p, input.gradCheck));
  return { title, sections };
}

function inRange(x: number, size: number): boolean {
  return Number.isInteger(x) && x >= 0 && x < size;
}

/** True when the selection names a node, weight or bias the network has. */
function exists(ctx: TexContext, input: DerivationInput): boolean {
  const { model } = ctx;
  const sel = input.selection;
  switch (sel.kind) {
    case 'loss':
      return true;
    case 'node':
      return inRange(sel.l, model.depth + 1) && inRange(sel.j, model.sizes[sel.l]);
    case 'edge':
      return (
        inRange(sel.l, model.depth) && inRange(sel.j, model.sizes[sel.l + 1]) && inRange(sel.i, model.sizes[sel.l])
      );
    default:
      return inRange(sel.l, model.depth) && inRange(sel.j, model.sizes[sel.l + 1]);
  }
}

/**
 * The math panel's content for any selection: a plain-text title and sections of TeX lines.
 * Per-sample sections show batch sample `input.sample` (clamped into the batch).
 */
export function buildDerivation(input: DerivationInput): Derivation {
  const ctx = texContext(input);
  const sample = Math.min(Math.max(0, Math.trunc(input.sample) || 0), ctx.iteration.count - 1);
  const sel = input.selection;
  if (!exists(ctx, input)) return { title: 'Nothing selected', sections: [] };
  switch (sel.kind) {
    case 'loss': {
      const reduction = ctx.model.meanReduction ? 'mean' : 'sum';
      return {
        title: `Loss: ${LOSS_LABELS[ctx.scenario.loss]}, ${reduction} over ${ctx.iteration.count} sample${ctx.iteration.count > 1 ? 's' : ''}`,
        sections: lossSections(ctx, sample),
      };
    }
    case 'node': {
      const kind = sel.l === 0 ? 'Input' : sel.l === ctx.model.depth ? 'Output' : 'Hidden node';
      return { title: `${kind} ${nodeText(ctx, sel.l, sel.j)}`, sections: nodeSections(ctx, sample, sel.l, sel.j) };
    }
    default:
      return parameterDerivation(ctx, input, sel, sample);
  }
}
