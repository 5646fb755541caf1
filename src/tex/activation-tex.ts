import { nodeFactors } from '../core/chain-rule.ts';
import { ACT } from '../core/model.ts';
import { chain, elide, joinSum, productTex } from './arithmetic-tex.ts';
import { nodeIndex, nodeTex, partial, zTex, type TexContext } from './context.ts';
import { digitsForDifference, formatNumber, formatOperand } from './format-number.ts';
import type { Line } from './line.ts';

/** x² without a double superscript where the name already has one. */
export function squared(tex: string): string {
  return tex.includes('^') ? `(${tex})^{2}` : `${tex}^{2}`;
}

function condition(ctx: TexContext, z: number, zName: string): string {
  return String.raw`\quad (${zName} = ${formatNumber(z, ctx.digits)} ${z > 0 ? '>' : String.raw`\le`} 0)`;
}

/** softmax: aⱼ = e^{zⱼ} / Σₘ e^{zₘ}, with every z of the layer. */
function softmaxLine(ctx: TexContext, s: number, l: number, j: number): Line {
  const size = ctx.model.sizes[l];
  const { z, a } = ctx.iteration.pass;
  const ks = Array.from({ length: size }, (_, k) => k);
  const exp = (tex: string) => `e^{${tex}}`;
  const symbolic = String.raw`\frac{${exp(zTex(ctx, l, j))}}{${joinSum(ks.map((k) => exp(zTex(ctx, l, k))))}}`;
  const numbers = String.raw`\frac{${exp(formatNumber(z[nodeIndex(ctx, s, l, j)], ctx.digits))}}{${elide(ks)
    .map((k) => (k === null ? String.raw`\cdots` : exp(formatNumber(z[nodeIndex(ctx, s, l, k)], ctx.digits))))
    .join(' + ')}}`;
  const value = a[nodeIndex(ctx, s, l, j)];
  return {
    tex: chain(nodeTex(ctx, l, j), symbolic, numbers, formatNumber(value, ctx.digits)),
    value,
    quantity: { kind: 'a', l, j, sample: s },
  };
}

/** a = φ(z) of node j of layer l ≥ 1 for batch sample s, with the activation's formula and numbers. */
export function activationLine(ctx: TexContext, s: number, l: number, j: number): Line {
  const code = ctx.model.act[l - 1];
  if (code === ACT.softmax) return softmaxLine(ctx, s, l, j);
  const param = ctx.model.actParam[l - 1];
  const { z, a } = nodeFactors(ctx.model, ctx.iteration.pass, s, l, j);
  const name = nodeTex(ctx, l, j);
  const zName = zTex(ctx, l, j);
  const d = ctx.digits;
  const zNum = formatNumber(z, d);
  const quantity = { kind: 'a', l, j, sample: s } as const;
  const done = (parts: string[], extra: Partial<Line> = {}): Line => ({
    tex: chain(name, ...parts, formatNumber(a, d)),
    value: a,
    quantity,
    ...extra,
  });
  switch (code) {
    case ACT.identity:
      return done([zName]);
    case ACT.linear:
      return done([`${formatNumber(param, d)}\\,${zName}`, productTex([param, z], d)], { factors: [param, z] });
    case ACT.relu:
      return done([String.raw`\max(0, ${zName})`, String.raw`\max(0, ${zNum})`]);
    case ACT.leakyRelu: {
      const cases = String.raw`\begin{cases} ${zName} & ${zName} > 0 \\ ${formatNumber(param, d)}\,${zName} & ${zName} \le 0 \end{cases}`;
      return z > 0 ? done([cases, zNum]) : done([cases, productTex([param, z], d)], { factors: [param, z] });
    }
    case ACT.sigmoid:
      return done([
        String.raw`\sigma(${zName})`,
        String.raw`\frac{1}{1 + e^{-${zName}}}`,
        String.raw`\frac{1}{1 + e^{${formatNumber(-z, d)}}}`,
      ]);
    default:
      return done([String.raw`\tanh(${zName})`, String.raw`\tanh(${zNum})`]);
  }
}

/**
 * ∂a/∂z of node j of layer l for batch sample s, with the derivative's formula and
 * numbers; null for a softmax node, which has a Jacobian rather than one derivative.
 */
export function dadzLine(ctx: TexContext, s: number, l: number, j: number): Line | null {
  const code = ctx.model.act[l - 1];
  if (code === ACT.softmax) return null;
  const param = ctx.model.actParam[l - 1];
  const f = nodeFactors(ctx.model, ctx.iteration.pass, s, l, j);
  const name = nodeTex(ctx, l, j);
  const zName = zTex(ctx, l, j);
  const lhs = partial(name, zName);
  const d = ctx.digits;
  const quantity = { kind: 'dadz', l, j, sample: s } as const;
  const value = f.dadz;
  const done = (parts: string[], extra: Partial<Line> = {}): Line => ({
    tex: chain(lhs, ...parts, formatNumber(value, d)),
    value,
    quantity,
    ...extra,
  });
  switch (code) {
    case ACT.identity:
      return done([]);
    case ACT.linear:
      return done([], {
        tex: chain(lhs, formatNumber(value, d)) + String.raw`\quad (${name} = ${formatNumber(param, d)}\,${zName})`,
      });
    case ACT.relu: {
      const cases = String.raw`\begin{cases} 1 & ${zName} > 0 \\ 0 & ${zName} \le 0 \end{cases}`;
      return done([], { tex: chain(lhs, cases, formatNumber(value, d)) + condition(ctx, f.z, zName) });
    }
    case ACT.leakyRelu: {
      const cases = String.raw`\begin{cases} 1 & ${zName} > 0 \\ ${formatNumber(param, d)} & ${zName} \le 0 \end{cases}`;
      return done([], { tex: chain(lhs, cases, formatNumber(value, d)) + condition(ctx, f.z, zName) });
    }
    case ACT.sigmoid: {
      const dd = digitsForDifference(1, f.a, d);
      return done(
        [String.raw`${name}\,(1 - ${name})`, String.raw`${formatNumber(f.a, dd)}\cdot (1 - ${formatOperand(f.a, dd)})`],
        { factors: [f.a, 1 - f.a] },
      );
    }
    default: {
      const dd = digitsForDifference(1, f.a * f.a, d);
      return done([String.raw`1 - ${squared(name)}`, String.raw`1 - ${formatOperand(f.a, dd)}^{2}`], {
        terms: [[1], [-f.a, f.a]],
      });
    }
  }
}
