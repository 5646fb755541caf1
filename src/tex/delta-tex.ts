import { nodeFactors, recursiveTerms } from '../core/chain-rule.ts';
import { LOSS } from '../core/model.ts';
import { dadzLine } from './activation-tex.ts';
import { chain, joinProduct, joinSum, MAX_SHOWN_TERMS, sumTex } from './arithmetic-tex.ts';
import {
  deltaTex,
  lossTex,
  nodeIndex,
  nodeTex,
  partial,
  reductionFactor,
  targetTex,
  weightTex,
  zTex,
  type TexContext,
} from './context.ts';
import { digitsForDifference, digitsForSum, formatNumber, formatOperand } from './format-number.ts';
import type { Line } from './line.ts';

interface Coefficient {
  readonly tex: string;
  readonly value: number;
}

/** The target y of output k of batch sample s. */
function targetValue(ctx: TexContext, s: number, k: number): number {
  const nOut = ctx.model.sizes[ctx.model.depth];
  return ctx.compiled.data.y[(ctx.iteration.start + s) * nOut + k];
}

function coefficientTex(parts: readonly Coefficient[]): string {
  return parts.length === 0 ? '' : joinProduct(parts.map((p) => p.tex)) + String.raw`\,`;
}

/** A coefficient times a difference: c\,(a - b), or a - b alone where there is no coefficient. */
function scaled(parts: readonly Coefficient[], inner: string): string {
  return parts.length === 0 ? inner : `${coefficientTex(parts)}(${inner})`;
}

/** (ŷ − y) as names and as numbers, with enough digits that the shown difference is right. */
function difference(
  ctx: TexContext,
  s: number,
  k: number,
): { names: string; numbers: string; yhat: number; y: number } {
  const depth = ctx.model.depth;
  const yhat = ctx.iteration.pass.a[nodeIndex(ctx, s, depth, k)];
  const y = targetValue(ctx, s, k);
  const dd = digitsForDifference(yhat, y, ctx.digits);
  return {
    names: `${nodeTex(ctx, depth, k)} - ${targetTex(ctx, k)}`,
    numbers: `${formatNumber(yhat, dd)} - ${formatOperand(y, dd)}`,
    yhat,
    y,
  };
}

/** ∂L/∂ŷₖ of output k for batch sample s, from the loss's formula (with the 1/N of a mean). */
export function outputGradientLine(ctx: TexContext, s: number, k: number): Line {
  const { model } = ctx;
  const depth = model.depth;
  const K = model.sizes[depth];
  const r = reductionFactor(ctx);
  const coef: Coefficient[] = r ? [r] : [];
  const diff = difference(ctx, s, k);
  const lhs = partial(lossTex(ctx), nodeTex(ctx, depth, k));
  const value = ctx.iteration.pass.dLda[nodeIndex(ctx, s, depth, k)];
  const quantity = { kind: 'dLda', l: depth, j: k, sample: s } as const;
  const d = ctx.digits;
  const squares = (c: Coefficient | null): Line => {
    const all = c ? [...coef, c] : coef;
    return {
      tex: chain(lhs, scaled(all, diff.names), scaled(all, diff.numbers), formatNumber(value, d)),
      factors: all.map((p) => p.value),
      terms: [[diff.yhat], [-diff.y]],
      value,
      quantity,
    };
  };
  switch (model.loss) {
    case LOSS.halfSse:
      return squares(null);
    case LOSS.sse:
      return squares({ tex: '2', value: 2 });
    case LOSS.mse:
      return squares(K === 1 ? { tex: '2', value: 2 } : { tex: String.raw`\frac{2}{${K}}`, value: 2 / K });
    case LOSS.bce: {
      const all = K === 1 ? coef : [...coef, { tex: String.raw`\frac{1}{${K}}`, value: 1 / K }];
      const yhat = nodeTex(ctx, depth, k);
      const y = targetTex(ctx, k);
      const symbolic = String.raw`${coefficientTex(all)}\Bigl(-\frac{${y}}{${yhat}} + \frac{1 - ${y}}{1 - ${yhat}}\Bigr)`;
      const dd = digitsForDifference(1, diff.yhat, d);
      const p = formatNumber(diff.yhat, dd);
      const parts: string[] = [];
      const terms: number[][] = [];
      // A zero coefficient drops its term (0·ln 0 = 0), as the core does.
      if (diff.y !== 0) {
        parts.push(String.raw`-\frac{${formatNumber(diff.y, d)}}{${p}}`);
        terms.push([-diff.y, 1 / diff.yhat]);
      }
      if (diff.y !== 1) {
        parts.push(String.raw`\frac{${formatNumber(1 - diff.y, d)}}{1 - ${formatOperand(diff.yhat, dd)}}`);
        terms.push([1 - diff.y, 1 / (1 - diff.yhat)]);
      }
      const numbers = `${coefficientTex(all)}\\Bigl(${parts.join(' + ')}\\Bigr)`;
      return {
        tex: chain(lhs, symbolic, numbers, formatNumber(value, d)),
        factors: all.map((c) => c.value),
        terms,
        value,
        quantity,
      };
    }
    default: {
      const symbolic = String.raw`${coefficientTex(coef)}\Bigl(-\frac{${targetTex(ctx, k)}}{${nodeTex(ctx, depth, k)}}\Bigr)`;
      if (diff.y === 0) {
        return {
          tex: chain(lhs, symbolic, formatNumber(value, d)),
          note: 'y = 0: the term is dropped (0·ln 0 = 0)',
          factors: coef.map((c) => c.value),
          terms: [],
          value,
          quantity,
        };
      }
      const numbers = String.raw`${coefficientTex(coef)}\Bigl(-\frac{${formatNumber(diff.y, d)}}{${formatNumber(diff.yhat, d)}}\Bigr)`;
      return {
        tex: chain(lhs, symbolic, numbers, formatNumber(value, d)),
        factors: coef.map((c) => c.value),
        terms: [[-diff.y, 1 / diff.yhat]],
        value,
        quantity,
      };
    }
  }
}

/**
 * Each product of a sum evaluated, joined by + with a negative one in parentheses, as the
 * tutorials write it (Mazur's 0.055399425 + (−0.019049119)); '' for one term or a sum too
 * long to show whole.
 */
export function evaluatedTerms(terms: readonly (readonly number[])[], digits: number): string {
  if (terms.length < 2 || terms.length > MAX_SHOWN_TERMS) return '';
  return terms
    .map((t, k) => {
      let p = 1;
      for (const x of t) p *= x;
      return k === 0 ? formatNumber(p, digits) : formatOperand(p, digits);
    })
    .join(' + ');
}

/** ∂L/∂aⱼ = Σₖ wₖⱼ δₖ of node j of layer l < depth for batch sample s, named and with numbers. */
export function recursiveLine(ctx: TexContext, s: number, l: number, j: number): Line {
  const terms = recursiveTerms(ctx.model, ctx.iteration.params, ctx.iteration.pass, s, l, j);
  const value = ctx.iteration.pass.dLda[nodeIndex(ctx, s, l, j)];
  const numbers = terms.map((t) => [t.w, t.dLdz]);
  const digits = digitsForSum(
    numbers.map(([w, delta]) => w * delta),
    ctx.digits,
  );
  const named = joinSum(terms.map((t) => String.raw`${weightTex(ctx, l, t.k, j)}\,${deltaTex(ctx, l + 1, t.k)}`));
  const lhs = partial(lossTex(ctx), nodeTex(ctx, l, j));
  const evaluated = evaluatedTerms(numbers, digits);
  const result = formatNumber(value, ctx.digits);
  // With its terms evaluated the line gets long: the evaluation goes on a second row; with more
  // than two terms the numbers get a row of their own too (an aligned block cannot break to fit
  // the panel, and three named terms with their numbers were wider than it).
  const tex = !evaluated
    ? chain(lhs, named, sumTex(numbers, digits), result)
    : terms.length > 2
      ? String.raw`\begin{aligned}${lhs} &= ${named} \\ &= ${sumTex(numbers, digits)} \\ &= ${chain(evaluated, result)}\end{aligned}`
      : String.raw`\begin{aligned}${lhs} &= ${chain(named, sumTex(numbers, digits))} \\ &= ${chain(evaluated, result)}\end{aligned}`;
  return {
    tex,
    terms: numbers,
    value,
    quantity: { kind: 'dLda', l, j, sample: s },
  };
}

/** ∂L/∂a of any node l ≥ 1: from the loss at the output, Σₖ wₖⱼ δₖ below it. */
export function dLdaLine(ctx: TexContext, s: number, l: number, j: number): Line {
  return l === ctx.model.depth ? outputGradientLine(ctx, s, j) : recursiveLine(ctx, s, l, j);
}

/** Σₘ aₘ ∂L/∂aₘ over the softmax layer l of batch sample s, the core's dot product. */
function softmaxDot(ctx: TexContext, s: number, l: number): { line: Line; dot: number } {
  const { a, dLda } = ctx.iteration.pass;
  const size = ctx.model.sizes[l];
  const numbers: number[][] = [];
  let dot = 0;
  for (let m = 0; m < size; m++) {
    const k = nodeIndex(ctx, s, l, m);
    numbers.push([a[k], dLda[k]]);
    dot += a[k] * dLda[k];
  }
  const named = joinSum(
    Array.from(
      { length: size },
      (_, m) => String.raw`${nodeTex(ctx, l, m)}\,${partial(lossTex(ctx), nodeTex(ctx, l, m))}`,
    ),
  );
  const digits = digitsForSum(
    numbers.map(([x, g]) => x * g),
    ctx.digits,
  );
  return {
    line: {
      tex: chain(
        String.raw`\sum_{m} a_m \frac{\partial ${lossTex(ctx)}}{\partial a_m}`,
        named,
        sumTex(numbers, digits),
        formatNumber(dot, ctx.digits),
      ),
      terms: numbers,
      value: dot,
    },
    dot,
  };
}

/** The lines that form δ of node j of layer l ≥ 1 for batch sample s: one line, or the softmax sum and then δ. */
export function deltaLines(ctx: TexContext, s: number, l: number, j: number): Line[] {
  const f = nodeFactors(ctx.model, ctx.iteration.pass, s, l, j);
  const delta = deltaTex(ctx, l, j);
  const lhs = chain(delta, partial(lossTex(ctx), zTex(ctx, l, j)));
  const quantity = { kind: 'dLdz', l, j, sample: s } as const;
  const d = ctx.digits;
  const value = f.dLdz;
  const name = nodeTex(ctx, l, j);
  const r = reductionFactor(ctx);
  switch (f.form) {
    case 'chain':
      return [
        {
          tex: chain(
            lhs,
            joinProduct([partial(lossTex(ctx), name), partial(name, zTex(ctx, l, j))]),
            joinProduct([formatNumber(f.dLda, d), formatOperand(f.dadz, d)]),
            formatNumber(value, d),
          ),
          factors: [f.dLda, f.dadz],
          value,
          quantity,
        },
      ];
    case 'sigmoid-bce': {
      const K = ctx.model.sizes[l];
      const coef: Coefficient[] = [
        ...(r ? [r] : []),
        ...(K > 1 ? [{ tex: String.raw`\frac{1}{${K}}`, value: 1 / K }] : []),
      ];
      const diff = difference(ctx, s, j);
      return [
        {
          tex: chain(lhs, scaled(coef, diff.names), scaled(coef, diff.numbers), formatNumber(value, d)),
          note: 'sigmoid and binary cross-entropy fused: ∂a/∂z cancels against the loss',
          factors: coef.map((c) => c.value),
          terms: [[diff.yhat], [-diff.y]],
          value,
          quantity,
        },
      ];
    }
    case 'softmax-cross-entropy': {
      const K = ctx.model.sizes[l];
      let total = 0;
      for (let m = 0; m < K; m++) total += targetValue(ctx, s, m);
      const coef: Coefficient[] = r ? [r] : [];
      const diff = difference(ctx, s, j);
      const note = 'softmax and cross-entropy fused: the Jacobian collapses to ŷ·Σy − y';
      if (total === 1) {
        return [
          {
            tex: chain(lhs, scaled(coef, diff.names), scaled(coef, diff.numbers), formatNumber(value, d)),
            note: `${note}, which is ŷ − y as the targets sum to 1`,
            factors: coef.map((c) => c.value),
            terms: [[diff.yhat], [-diff.y]],
            value,
            quantity,
          },
        ];
      }
      const sumY = joinSum(Array.from({ length: K }, (_, m) => targetTex(ctx, m)));
      const dd = digitsForDifference(diff.yhat * total, diff.y, d);
      return [
        {
          tex: chain(
            lhs,
            String.raw`${coefficientTex(coef)}\bigl(${name}\,(${sumY}) - ${targetTex(ctx, j)}\bigr)`,
            String.raw`${coefficientTex(coef)}\bigl(${formatNumber(diff.yhat, dd)}\cdot ${formatOperand(total, dd)} - ${formatOperand(diff.y, dd)}\bigr)`,
            formatNumber(value, d),
          ),
          note,
          factors: coef.map((c) => c.value),
          terms: [[diff.yhat, total], [-diff.y]],
          value,
          quantity,
        },
      ];
    }
    default: {
      const { line, dot } = softmaxDot(ctx, s, l);
      const dd = digitsForDifference(f.dLda, dot, d);
      return [
        line,
        {
          tex: chain(
            lhs,
            String.raw`${name}\Bigl(${partial(lossTex(ctx), name)} - \sum_{m} a_m \frac{\partial ${lossTex(ctx)}}{\partial a_m}\Bigr)`,
            String.raw`${formatNumber(f.a, d)}\cdot (${formatNumber(f.dLda, dd)} - ${formatOperand(dot, dd)})`,
            formatNumber(value, d),
          ),
          note: 'softmax: δ is the Jacobian-vector product, not ∂L/∂a·∂a/∂z',
          factors: [f.a],
          terms: [[f.dLda], [-dot]],
          value,
          quantity,
        },
      ];
    }
  }
}

/** Where δ of node j of layer l comes from: ∂L/∂a, ∂a/∂z and δ (chain), ∂L/∂a and δ (softmax), or δ alone (fused). */
export function deltaDetailLines(ctx: TexContext, s: number, l: number, j: number): Line[] {
  const form = nodeFactors(ctx.model, ctx.iteration.pass, s, l, j).form;
  if (form === 'sigmoid-bce' || form === 'softmax-cross-entropy') return deltaLines(ctx, s, l, j);
  const local = form === 'chain' ? dadzLine(ctx, s, l, j) : null;
  return [dLdaLine(ctx, s, l, j), ...(local ? [local] : []), ...deltaLines(ctx, s, l, j)];
}
