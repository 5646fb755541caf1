import { LOSS } from '../core/model.ts';
import type { LossName } from '../core/scenario.ts';
import { chain, elide, joinSum, sumTex } from './arithmetic-tex.ts';
import { lossTex, nodeIndex, nodeTex, targetTex, type TexContext } from './context.ts';
import { digitsForDifference, digitsForSum, formatNumber, formatOperand } from './format-number.ts';
import type { Line, Section } from './line.ts';
import { lossTermLines } from './loss-terms-tex.ts';

/** Per-sample lines are shown for every sample of a batch up to this size, else for the selected one. */
const MAX_SAMPLE_LINES = 8;

/** The losses by their plain-text names. */
export const LOSS_LABELS: Readonly<Record<LossName, string>> = {
  mse: 'mean squared error',
  sse: 'sum of squared errors',
  'half-sse': 'half the sum of squared errors',
  bce: 'binary cross-entropy',
  'cross-entropy': 'cross-entropy',
};

/** l of a sample over its outputs: the loss's sum, as a function of per-output terms. */
function wrapSum(ctx: TexContext, inner: string, K: number): string {
  switch (ctx.model.loss) {
    case LOSS.mse:
      return K === 1 ? inner : String.raw`\frac{1}{${K}}\bigl[${inner}\bigr]`;
    case LOSS.sse:
      return inner;
    case LOSS.halfSse:
      return K === 1 ? String.raw`\frac{1}{2}${inner}` : String.raw`\frac{1}{2}\bigl[${inner}\bigr]`;
    case LOSS.bce:
      return K === 1 ? String.raw`-\bigl[${inner}\bigr]` : String.raw`-\frac{1}{${K}}\bigl[${inner}\bigr]`;
    default:
      return String.raw`-\bigl[${inner}\bigr]`;
  }
}

function isCrossEntropy(ctx: TexContext): boolean {
  return ctx.model.loss === LOSS.bce || ctx.model.loss === LOSS.crossEntropy;
}

/** The loss of one sample in the network's names: ½[(o₁ − y₁)² + …], −[y ln ŷ + (1 − y) ln(1 − ŷ)], … */
export function lossFormulaLine(ctx: TexContext): Line {
  const depth = ctx.model.depth;
  const K = ctx.model.sizes[depth];
  const parts = Array.from({ length: K }, (_, k) => {
    const yhat = nodeTex(ctx, depth, k);
    const y = targetTex(ctx, k);
    if (ctx.model.loss === LOSS.bce) return String.raw`${y}\ln ${yhat} + (1 - ${y})\ln(1 - ${yhat})`;
    if (ctx.model.loss === LOSS.crossEntropy) return String.raw`${y}\ln ${yhat}`;
    return `(${yhat} - ${y})^{2}`;
  });
  return { tex: chain('l', wrapSum(ctx, joinSum(parts), K)), note: LOSS_LABELS[ctx.scenario.loss] };
}

/** lₛ of batch sample s with its numbers; a zero coefficient drops its term (0·ln 0 = 0). */
export function sampleLossLine(ctx: TexContext, s: number): Line {
  const { model, iteration, compiled } = ctx;
  const depth = model.depth;
  const K = model.sizes[depth];
  const d = ctx.digits;
  const yRow = (iteration.start + s) * K;
  const parts: string[] = [];
  for (const k of elide(Array.from({ length: K }, (_, m) => m))) {
    if (k === null) {
      parts.push(String.raw`\cdots`);
      continue;
    }
    const yhat = iteration.pass.a[nodeIndex(ctx, s, depth, k)];
    const y = compiled.data.y[yRow + k];
    if (!isCrossEntropy(ctx)) {
      const dd = digitsForDifference(yhat, y, d);
      parts.push(`(${formatNumber(yhat, dd)} - ${formatOperand(y, dd)})^{2}`);
      continue;
    }
    // Near 1, ln needs the digits of ŷ that its small result depends on.
    const dd = digitsForDifference(1, yhat, d);
    const term = (c: number, log: string) => (c === 1 ? log : String.raw`${formatNumber(c, d)}\,${log}`);
    if (y !== 0) parts.push(term(y, String.raw`\ln ${formatOperand(yhat, dd)}`));
    if (model.loss === LOSS.bce && y !== 1) parts.push(term(1 - y, String.raw`\ln(1 - ${formatOperand(yhat, dd)})`));
  }
  const value = iteration.pass.sampleLoss[s];
  const name = iteration.count > 1 ? `l_{${s + 1}}` : 'l';
  return {
    tex: chain(name, wrapSum(ctx, parts.length ? parts.join(' + ') : '0', K), formatNumber(value, d)),
    value,
    quantity: { kind: 'sample-loss', sample: s },
  };
}

/** L = (1/N)·Σₛ lₛ or Σₛ lₛ over the batch, with every sample's number. */
export function reductionLine(ctx: TexContext): Line {
  const { iteration, model } = ctx;
  const n = iteration.count;
  // under a weight penalty the samples give the data loss; penaltyLines adds the penalty
  const penalized = model.l1 !== 0 || model.l2 !== 0;
  const value = penalized ? iteration.pass.dataLoss : iteration.pass.loss;
  const losses = Array.from(iteration.pass.sampleLoss.subarray(0, n));
  const L = penalized ? String.raw`${lossTex(ctx)}_{\mathrm{data}}` : lossTex(ctx);
  const quantity = penalized ? undefined : ({ kind: 'loss' } as const);
  if (n === 1) {
    return {
      tex: chain(L, 'l', formatNumber(value, ctx.digits)),
      note: model.meanReduction ? 'the mean over one sample' : 'the sum over one sample',
      value,
      ...(quantity ? { quantity } : {}),
    };
  }
  const names = joinSum(losses.map((_, s) => `l_{${s + 1}}`));
  const numbers = sumTex(
    losses.map((x) => [x]),
    digitsForSum(losses, ctx.digits),
  );
  const mean = model.meanReduction === 1;
  return {
    tex: mean
      ? chain(
          L,
          String.raw`\frac{1}{${n}}\sum_{s=1}^{${n}} l_{s}`,
          String.raw`\frac{1}{${n}}(${names})`,
          String.raw`\frac{1}{${n}}(${numbers})`,
          formatNumber(value, ctx.digits),
        )
      : chain(L, String.raw`\sum_{s=1}^{${n}} l_{s}`, names, numbers, formatNumber(value, ctx.digits)),
    factors: mean ? [1 / n] : [],
    terms: losses.map((x) => [x]),
    value,
    ...(quantity ? { quantity } : {}),
  };
}

/**
 * The weight penalty as its own term of the loss: L = L_data + λ₁·Σ|w| + (λ₂/2)·Σw², with
 * numbers; null without regularization.
 */
export function penaltyLines(ctx: TexContext): Line[] | null {
  const { model, iteration } = ctx;
  const { l1, l2 } = model;
  if (l1 === 0 && l2 === 0) return null;
  const w = iteration.params.w;
  let abs = 0;
  let sq = 0;
  for (let k = 0; k < w.length; k++) {
    abs += Math.abs(w[k]);
    sq += w[k] * w[k];
  }
  const L = lossTex(ctx);
  const symbols = [String.raw`${L}_{\mathrm{data}}`];
  const terms: number[][] = [[iteration.pass.dataLoss]];
  if (l1 !== 0) {
    symbols.push(String.raw`\lambda_1 \sum |w|`);
    terms.push([l1, abs]);
  }
  if (l2 !== 0) {
    symbols.push(String.raw`\tfrac{\lambda_2}{2} \sum w^2`);
    terms.push([l2 / 2, sq]);
  }
  const value = iteration.pass.loss;
  const digits = digitsForSum(
    terms.map((t) => t[0] * (t[1] ?? 1)),
    ctx.digits,
  );
  return [
    {
      tex: chain(L, symbols.join(' + ')),
      note: `the penalty ${formatNumber(iteration.pass.penalty, ctx.digits)} is added once per batch, over every weight (biases are not penalized)`,
    },
    {
      tex: `= ${sumTex(terms, digits)} = ${formatNumber(value, ctx.digits)}`,
      terms,
      value,
      quantity: { kind: 'loss' },
    },
  ];
}

/** The loss: its per-sample formula, each sample's number, the reduction, and the loss after the step. */
export function lossSections(ctx: TexContext, sample: number): Section[] {
  const n = ctx.iteration.count;
  const shown = n <= MAX_SAMPLE_LINES ? Array.from({ length: n }, (_, s) => s) : [sample];
  const penalty = penaltyLines(ctx);
  const terms = lossTermLines(ctx, sample);
  const which = n > 1 ? ` (sample ${sample + 1} of ${n})` : '';
  return [
    { heading: 'Loss of each sample', lines: [lossFormulaLine(ctx), ...shown.map((s) => sampleLossLine(ctx, s))] },
    ...(terms === null ? [] : [{ heading: `Each output's term of the loss${which}`, lines: terms }]),
    {
      heading: ctx.model.meanReduction ? 'Reduction: mean over the batch' : 'Reduction: sum over the batch',
      lines: [reductionLine(ctx)],
    },
    ...(penalty === null ? [] : [{ heading: 'Plus the weight penalty', lines: penalty }]),
    {
      heading: 'After the update',
      lines: [
        {
          tex: chain(lossTex(ctx), formatNumber(ctx.iteration.lossAfter, ctx.digits)),
          note: 'the same batch at the parameters after one step',
          value: ctx.iteration.lossAfter,
          quantity: { kind: 'loss-after' },
        },
      ],
    },
  ];
}
