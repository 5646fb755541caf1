import { nodeFactors, softmaxJacobianTerms } from '../core/chain-rule.ts';
import { nameToText, nodeName } from '../core/notation.ts';
import { dadzLine } from './activation-tex.ts';
import { chain, joinProduct, joinSum, MAX_SHOWN_TERMS, productTex, sumTex } from './arithmetic-tex.ts';
import { deltaTex, lossTex, nodeTex, partial, zTex, type TexContext } from './context.ts';
import { outputGradientLine } from './delta-tex.ts';
import { digitsForSum, formatNumber } from './format-number.ts';
import type { Line } from './line.ts';

/** A factor that is not a number: the plain-text reason, for a note (never NaN on screen). */
function infiniteNote(what: string, where: string): string {
  return `${what} is infinite at ${where} exactly (a division by zero), so the unfused product has no value; the fused form on the next line has`;
}

/**
 * Output node j (layer l) of sample s with sigmoid + binary cross-entropy, before the fusion:
 * ∂L/∂F, then ∂F/∂z = F(1 − F), then their product δ = ∂L/∂F · ∂F/∂z (seed 000's order).
 */
function sigmoidBceLines(ctx: TexContext, s: number, l: number, j: number): Line[] {
  const f = nodeFactors(ctx.model, ctx.iteration.pass, s, l, j);
  const name = nodeTex(ctx, l, j);
  const symbolic = joinProduct([partial(lossTex(ctx), name), partial(name, zTex(ctx, l, j))]);
  const lhs = deltaTex(ctx, l, j);
  const local = dadzLine(ctx, s, l, j);
  const lines: Line[] = [outputGradientLine(ctx, s, j), ...(local ? [local] : [])];
  if (!Number.isFinite(f.dLda)) {
    const where = f.a >= 1 ? `${nameText(ctx, l, j)} = 1` : `${nameText(ctx, l, j)} = 0`;
    lines.push({ tex: chain(lhs, symbolic), note: infiniteNote(`∂L/∂${nameText(ctx, l, j)}`, where) });
    return lines;
  }
  const product = f.dLda * f.dadz;
  lines.push({
    tex: chain(lhs, symbolic, productTex([f.dLda, f.dadz], ctx.digits), formatNumber(product, ctx.digits)),
    note: "unfused: the loss's derivative times the sigmoid's; the next line cancels the two",
    factors: [f.dLda, f.dadz],
    value: product,
  });
  return lines;
}

/** A node's name as plain text, for a note. */
function nameText(ctx: TexContext, l: number, j: number): string {
  return nameToText(nodeName(ctx.scenario, l, j));
}

/**
 * Output node k (layer l) of sample s with softmax + cross-entropy, before the fusion: each
 * ∂L/∂ŷⱼ, each ∂ŷⱼ/∂zₖ = ŷⱼ(𝟙[j=k] − ŷₖ) of the Jacobian's column k, then δₖ as their sum
 * Σⱼ ∂L/∂ŷⱼ · ∂ŷⱼ/∂zₖ evaluated (seed 003's step 3 before ŷ − y). Empty past the shown terms.
 */
function softmaxCrossEntropyLines(ctx: TexContext, s: number, l: number, k: number): Line[] {
  const size = ctx.model.sizes[l];
  if (size > MAX_SHOWN_TERMS) return [];
  const terms = softmaxJacobianTerms(ctx.model, ctx.iteration.pass, s, l, k);
  const lines: Line[] = terms.map((t) => outputGradientLine(ctx, s, t.j));
  const d = ctx.digits;
  const nameK = nodeTex(ctx, l, k);
  const zk = zTex(ctx, l, k);
  const { a } = ctx.iteration.pass;
  const row = s * ctx.model.nodeCount + ctx.model.nodeOffset[l];
  for (const t of terms) {
    const nameJ = nodeTex(ctx, l, t.j);
    const own = t.j === k;
    const factors = own ? [a[row + k], 1 - a[row + k]] : [-a[row + t.j], a[row + k]];
    const symbolic = own ? String.raw`${nameK}\,(1 - ${nameK})` : String.raw`-${nameJ}\,${nameK}`;
    lines.push({
      tex: chain(partial(nameJ, zk), symbolic, productTex(factors, d), formatNumber(t.dadz, d)),
      ...(t.j === 0 ? { note: 'the softmax Jacobian: ∂ŷⱼ/∂zₖ = ŷⱼ(1 − ŷₖ) where j = k, −ŷⱼŷₖ elsewhere' } : {}),
      factors,
      value: t.dadz,
    });
  }
  const named = joinSum(
    terms.map((t) => joinProduct([partial(lossTex(ctx), nodeTex(ctx, l, t.j)), partial(nodeTex(ctx, l, t.j), zk)])),
  );
  const lhs = chain(
    deltaTex(ctx, l, k),
    String.raw`\sum_{m} \frac{\partial ${lossTex(ctx)}}{\partial a_m}\frac{\partial a_m}{\partial ${zk}}`,
  );
  const infinite = terms.find((t) => !Number.isFinite(t.dLda));
  if (infinite) {
    const where = `${nameText(ctx, l, infinite.j)} = 0`;
    lines.push({ tex: chain(lhs, named), note: infiniteNote(`∂L/∂${nameText(ctx, l, infinite.j)}`, where) });
    return lines;
  }
  const numbers = terms.map((t) => [t.dLda, t.dadz]);
  const digits = digitsForSum(
    numbers.map(([g, j]) => g * j),
    d,
  );
  let sum = 0;
  for (const [g, j] of numbers) sum += g * j;
  lines.push({
    tex: chain(lhs, named, sumTex(numbers, digits), formatNumber(sum, d)),
    note: 'unfused: every ŷⱼ depends on zₖ, so δₖ sums over the column k of the Jacobian; the next line is the fused form',
    terms: numbers,
    value: sum,
  });
  return lines;
}

/**
 * The unfused chain of a fused output node (sigmoid + BCE or softmax + cross-entropy), the
 * lines that come before its fused δ; empty for any other node.
 */
export function unfusedLines(ctx: TexContext, s: number, l: number, j: number): Line[] {
  const form = nodeFactors(ctx.model, ctx.iteration.pass, s, l, j).form;
  if (form === 'sigmoid-bce') return sigmoidBceLines(ctx, s, l, j);
  if (form === 'softmax-cross-entropy') return softmaxCrossEntropyLines(ctx, s, l, j);
  return [];
}
