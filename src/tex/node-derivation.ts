import { nodeFactors } from '../core/chain-rule.ts';
import { activationLine, dadzLine } from './activation-tex.ts';
import { chain, joinSum, sumTex } from './arithmetic-tex.ts';
import { biasTex, nodeIndex, nodeTex, weightTex, zTex, type TexContext } from './context.ts';
import { deltaDetailLines, deltaLines } from './delta-tex.ts';
import { digitsForSum, formatNumber } from './format-number.ts';
import type { Line, Section } from './line.ts';
import { recursiveLines } from './param-gradient.ts';
import { unfusedLines } from './unfused-chain-tex.ts';

/** zⱼ = Σᵢ wⱼᵢ aᵢ + bⱼ of node j of layer l ≥ 1 for batch sample s, named and with numbers. */
export function preActivationLine(ctx: TexContext, s: number, l: number, j: number): Line {
  const { model, iteration } = ctx;
  const fanIn = model.sizes[l - 1];
  const names: string[] = [];
  const terms: number[][] = [];
  for (let i = 0; i < fanIn; i++) {
    names.push(String.raw`${weightTex(ctx, l - 1, j, i)}\,${nodeTex(ctx, l - 1, i)}`);
    terms.push([
      iteration.params.w[model.weightOffset[l - 1] + j * fanIn + i],
      iteration.pass.a[nodeIndex(ctx, s, l - 1, i)],
    ]);
  }
  if (model.hasBias[l - 1]) {
    names.push(biasTex(ctx, l - 1, j));
    terms.push([iteration.params.b[model.biasOffset[l - 1] + j]]);
  }
  const value = iteration.pass.z[nodeIndex(ctx, s, l, j)];
  const digits = digitsForSum(
    terms.map((t) => t.reduce((a, b) => a * b, 1)),
    ctx.digits,
  );
  return {
    tex: chain(zTex(ctx, l, j), joinSum(names), sumTex(terms, digits), formatNumber(value, ctx.digits)),
    terms,
    value,
    quantity: { kind: 'z', l, j, sample: s },
  };
}

/** The value of input i of batch sample s. */
export function inputLine(ctx: TexContext, s: number, i: number): Line {
  const value = ctx.iteration.pass.a[nodeIndex(ctx, s, 0, i)];
  return {
    tex: chain(nodeTex(ctx, 0, i), formatNumber(value, ctx.digits)),
    value,
    quantity: { kind: 'a', l: 0, j: i, sample: s },
  };
}

/**
 * A node for batch sample s: an input's value and its gradient; for l ≥ 1 the forward
 * pass (z, then a = φ(z)) and the backward pass (∂L/∂a, ∂a/∂z and δ, or a fused δ).
 */
export function nodeSections(ctx: TexContext, s: number, l: number, j: number): Section[] {
  const n = ctx.iteration.count;
  const which = n > 1 ? ` (sample ${s + 1} of ${n})` : '';
  if (l === 0) {
    const gradient = recursiveLines(ctx, 0, j, s) ?? [];
    return [
      { heading: `Input${which}`, lines: [inputLine(ctx, s, j)] },
      { heading: 'Gradient with respect to the input', lines: gradient },
    ];
  }
  const sections: Section[] = [
    { heading: `Forward${which}`, lines: [preActivationLine(ctx, s, l, j), activationLine(ctx, s, l, j)] },
  ];
  if (l === ctx.model.depth) {
    sections.push({
      heading: 'Backward: δ = ∂L/∂z',
      lines: [...unfusedLines(ctx, s, l, j), ...deltaDetailLines(ctx, s, l, j)],
    });
    return sections;
  }
  sections.push({ heading: 'Backward: ∂L/∂a from the next layer', lines: recursiveLines(ctx, l, j, s) ?? [] });
  const form = nodeFactors(ctx.model, ctx.iteration.pass, s, l, j).form;
  const local = form === 'chain' ? dadzLine(ctx, s, l, j) : null;
  sections.push({ heading: 'Backward: δ = ∂L/∂z', lines: [...(local ? [local] : []), ...deltaLines(ctx, s, l, j)] });
  return sections;
}
