import { outputLossTerm } from '../core/loss.ts';
import { LOSS } from '../core/model.ts';
import { nodeName } from '../core/notation.ts';
import { chain, joinSum, MAX_SHOWN_TERMS, sumTex } from './arithmetic-tex.ts';
import { nodeIndex, nodeTex, targetTex, type TexContext } from './context.ts';
import { digitsForDifference, digitsForSum, formatNumber, formatOperand } from './format-number.ts';
import type { Line } from './line.ts';
import { nameTex } from './name-tex.ts';

/** The name of output k's term of a sample's loss: l_{o₁} (Mazur's E_{o1}). */
function termName(ctx: TexContext, k: number): string {
  return `l_{${nameTex(nodeName(ctx.scenario, ctx.model.depth, k))}}`;
}

/** Output k's term of sample s's loss: its formula in the network's names, its numbers and its value. */
function termLine(ctx: TexContext, s: number, k: number): Line {
  const { model, iteration, compiled } = ctx;
  const depth = model.depth;
  const K = model.sizes[depth];
  const d = ctx.digits;
  const p = iteration.pass.a[nodeIndex(ctx, s, depth, k)];
  const t = compiled.data.y[(iteration.start + s) * K + k];
  const yhat = nodeTex(ctx, depth, k);
  const y = targetTex(ctx, k);
  const value = outputLossTerm(model.loss, p, t, K);
  const over = K > 1 ? String.raw`\frac{1}{${K}}` : '';
  let symbolic: string;
  let numbers: string;
  if (model.loss === LOSS.bce || model.loss === LOSS.crossEntropy) {
    // Near 1, ln needs the digits of ŷ that its small result depends on; a zero coefficient drops its term.
    const dd = digitsForDifference(1, p, d);
    const term = (c: number, log: string) => (c === 1 ? log : String.raw`${formatNumber(c, d)}\,${log}`);
    const parts: string[] = [];
    if (t !== 0) parts.push(term(t, String.raw`\ln ${formatOperand(p, dd)}`));
    if (model.loss === LOSS.bce) {
      if (t !== 1) parts.push(term(1 - t, String.raw`\ln(1 - ${formatOperand(p, dd)})`));
      symbolic = String.raw`-${over}\bigl[${y}\ln ${yhat} + (1 - ${y})\ln(1 - ${yhat})\bigr]`;
    } else {
      symbolic = String.raw`-${y}\ln ${yhat}`;
    }
    numbers = String.raw`-${model.loss === LOSS.bce ? over : ''}\bigl[${parts.length ? parts.join(' + ') : '0'}\bigr]`;
  } else {
    const dd = digitsForDifference(p, t, d);
    const coef = model.loss === LOSS.halfSse ? String.raw`\frac{1}{2}` : model.loss === LOSS.mse ? over : '';
    symbolic = `${coef}(${yhat} - ${y})^{2}`;
    numbers = `${coef}(${formatNumber(p, dd)} - ${formatOperand(t, dd)})^{2}`;
  }
  return {
    tex: chain(termName(ctx, k), symbolic, numbers, formatNumber(value, d)),
    value,
    quantity: { kind: 'loss-term', sample: s, k },
  };
}

/**
 * Each output's term of sample s's loss, then the sample's loss as their sum, every term
 * evaluated (Mazur's E_o1 + E_o2 = E_total); null for one output, or more than can be shown.
 */
export function lossTermLines(ctx: TexContext, s: number): Line[] | null {
  const K = ctx.model.sizes[ctx.model.depth];
  if (K < 2 || K > MAX_SHOWN_TERMS) return null;
  const lines = Array.from({ length: K }, (_, k) => termLine(ctx, s, k));
  const values = lines.map((l) => l.value!);
  const value = ctx.iteration.pass.sampleLoss[s];
  const name = ctx.iteration.count > 1 ? `l_{${s + 1}}` : 'l';
  lines.push({
    tex: chain(
      name,
      joinSum(lines.map((_, k) => termName(ctx, k))),
      sumTex(
        values.map((v) => [v]),
        digitsForSum(values, ctx.digits),
      ),
      formatNumber(value, ctx.digits),
    ),
    note: "the sample's loss is the sum of its outputs' terms",
    terms: values.map((v) => [v]),
    value,
    quantity: { kind: 'sample-loss', sample: s },
  });
  return lines;
}
