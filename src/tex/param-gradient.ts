import { biasContribution, edgeFactors, nodeFactors, pathTerms, type PathTerm } from '../core/chain-rule.ts';
import { biasIndex, weightIndex } from '../core/model.ts';
import type { Selection } from '../core/selection.ts';
import { dadzLine } from './activation-tex.ts';
import { chain, joinProduct, MAX_SHOWN_TERMS, productTex, sumTex, termTex } from './arithmetic-tex.ts';
import {
  biasTex,
  deltaTex,
  lossTex,
  nodeIndex,
  nodeTex,
  partial,
  sampleMark,
  weightTex,
  zTex,
  type TexContext,
} from './context.ts';
import { deltaLines, evaluatedTerms, outputGradientLine, recursiveLine } from './delta-tex.ts';
import { digitsForSum, formatNumber } from './format-number.ts';
import type { Line, Quantity, Section } from './line.ts';
import { unfusedLines } from './unfused-chain-tex.ts';

/** A weight or a bias: what the gradient sections are about. */
export type ParamSelection = Extract<Selection, { kind: 'edge' | 'bias' }>;

/** The parameter's name, its node (layer l+1, node j), and ∂z/∂θ: the source node's a, or 1 for a bias. */
interface ParamView {
  readonly symbol: string;
  /** a weight under a weight penalty: its chain rule and batch sum give ∂L_data/∂w, the penalty's term comes after */
  readonly penalized: boolean;
  readonly layer: number;
  readonly j: number;
  dzdTex(): string;
  dzdValue(s: number): number;
  quantity(sample: number | 'batch'): Quantity;
  /** this sample's term δⱼ·∂z/∂θ as the core computed it */
  contribution(s: number): number;
  total(): number;
}

function paramView(ctx: TexContext, p: ParamSelection): ParamView {
  const { model, iteration } = ctx;
  if (p.kind === 'edge') {
    return {
      symbol: weightTex(ctx, p.l, p.j, p.i),
      penalized: model.l1 !== 0 || model.l2 !== 0,
      layer: p.l + 1,
      j: p.j,
      dzdTex: () => nodeTex(ctx, p.l, p.i),
      dzdValue: (s) => iteration.pass.a[nodeIndex(ctx, s, p.l, p.i)],
      quantity: (sample) => ({ kind: 'dLdw', l: p.l, j: p.j, i: p.i, sample }),
      contribution: (s) => edgeFactors(model, iteration.pass, s, p.l, p.j, p.i).dLdw,
      total: () => iteration.pass.dLdw[weightIndex(model, p.l, p.j, p.i)],
    };
  }
  return {
    symbol: biasTex(ctx, p.l, p.j),
    penalized: false,
    layer: p.l + 1,
    j: p.j,
    dzdTex: () => '1',
    dzdValue: () => 1,
    quantity: (sample) => ({ kind: 'dLdb', l: p.l, j: p.j, sample }),
    contribution: (s) => biasContribution(model, iteration.pass, s, p.l, p.j),
    total: () => iteration.pass.dLdb[biasIndex(model, p.l, p.j)],
  };
}

/** L_data: the loss without the weight penalty. */
function dataLossTex(ctx: TexContext): string {
  return String.raw`${lossTex(ctx)}_{\mathrm{data}}`;
}

/** The loss whose gradient the chain rule gives: L, or L_data for a penalized weight. */
function chainLossTex(ctx: TexContext, view: ParamView): string {
  return view.penalized ? dataLossTex(ctx) : lossTex(ctx);
}

/** ∂L/∂θ (∂L_data/∂w under a penalty), marked with the sample where the batch has several: its term of the batch sum. */
function gradientLhs(ctx: TexContext, view: ParamView, s: number): string {
  const frac = partial(chainLossTex(ctx, view), view.symbol);
  const mark = sampleMark(ctx, s);
  return mark ? String.raw`\left.${frac}\right|_{${mark}}` : frac;
}

/** The local chain rule for batch sample s: ∂L/∂a · ∂a/∂z · ∂z/∂θ, or δ · ∂z/∂θ where δ is fused or softmax. */
export function chainRuleLine(ctx: TexContext, p: ParamSelection, s: number): Line {
  const view = paramView(ctx, p);
  const f = nodeFactors(ctx.model, ctx.iteration.pass, s, view.layer, view.j);
  const name = nodeTex(ctx, view.layer, view.j);
  const z = zTex(ctx, view.layer, view.j);
  const dzd = partial(z, view.symbol);
  const x = view.dzdValue(s);
  const factors = f.form === 'chain' ? [f.dLda, f.dadz, x] : [f.dLdz, x];
  const symbolic =
    f.form === 'chain'
      ? joinProduct([partial(lossTex(ctx), name), partial(name, z), dzd])
      : joinProduct([deltaTex(ctx, view.layer, view.j), dzd]);
  const value = view.contribution(s);
  return {
    tex: chain(gradientLhs(ctx, view, s), symbolic, productTex(factors, ctx.digits), formatNumber(value, ctx.digits)),
    factors,
    value,
    quantity: view.quantity(s),
  };
}

/** ∂z/∂θ = aᵢ (a weight) or 1 (a bias). */
function dzdLine(ctx: TexContext, view: ParamView, p: ParamSelection, s: number): Line {
  const lhs = partial(zTex(ctx, view.layer, view.j), view.symbol);
  if (p.kind === 'bias') return { tex: chain(lhs, '1') };
  const value = view.dzdValue(s);
  return {
    tex: chain(lhs, view.dzdTex(), formatNumber(value, ctx.digits)),
    value,
    quantity: { kind: 'a', l: p.l, j: p.i, sample: s },
  };
}

/** The factors of the chain rule, each with its own formula and numbers. */
export function factorLines(ctx: TexContext, p: ParamSelection, s: number): Line[] {
  const view = paramView(ctx, p);
  const { layer, j } = view;
  const form = nodeFactors(ctx.model, ctx.iteration.pass, s, layer, j).form;
  const atOutput = layer === ctx.model.depth;
  const lines: Line[] = [];
  if (form === 'chain') {
    if (atOutput) lines.push(outputGradientLine(ctx, s, j));
    const local = dadzLine(ctx, s, layer, j);
    if (local) lines.push(local);
  } else {
    if (form === 'softmax' && atOutput) lines.push(outputGradientLine(ctx, s, j));
    // a fused output shows its chain before the fusion first (the tutorials' order)
    lines.push(...unfusedLines(ctx, s, layer, j), ...deltaLines(ctx, s, layer, j));
  }
  lines.push(dzdLine(ctx, view, p, s));
  return lines;
}

/** ∂L/∂aⱼ = Σₖ wₖⱼ δₖ for a hidden node, then each δₖ of the next layer; null at the output. */
export function recursiveLines(ctx: TexContext, l: number, j: number, s: number): Line[] | null {
  if (l >= ctx.model.depth) return null;
  const lines: Line[] = [recursiveLine(ctx, s, l, j)];
  const size = ctx.model.sizes[l + 1];
  const shown = Math.min(size, MAX_SHOWN_TERMS);
  const seen = new Set<string>();
  for (let k = 0; k < shown; k++) {
    for (const line of deltaLines(ctx, s, l + 1, k)) {
      if (seen.has(line.tex)) continue;
      seen.add(line.tex);
      lines.push(line);
    }
  }
  if (size > shown) lines.push({ tex: String.raw`\vdots`, note: `and ${size - shown} more nodes in the next layer` });
  return lines;
}

/** A path's factors from the loss back to node j: tail, then ∂a/∂z and w layer by layer. */
function pathFactors(ctx: TexContext, path: PathTerm, layer: number): { tex: string[]; numbers: number[] } {
  const depth = ctx.model.depth;
  const last = path.nodes[path.nodes.length - 1];
  const fusedTail = path.dadz.length < path.weights.length;
  const tex = [fusedTail ? deltaTex(ctx, depth, last) : partial(lossTex(ctx), nodeTex(ctx, depth, last))];
  const numbers = [path.tail];
  for (let t = path.weights.length - 1; t >= 0; t--) {
    const m = layer + t;
    const to = path.nodes[t + 1];
    if (t < path.dadz.length) {
      tex.push(partial(nodeTex(ctx, m + 1, to), zTex(ctx, m + 1, to)));
      numbers.push(path.dadz[t]);
    }
    tex.push(weightTex(ctx, m, to, path.nodes[t]));
    numbers.push(path.weights[t]);
  }
  return { tex, numbers };
}

/** (row₁ + row₂ …)·tail, one row per term where there are more than two. */
function groupedSum(head: string, rows: string[], tail: string): string {
  if (rows.length <= 2) return String.raw`${head}\Bigl(${rows.join('')}\Bigr)${tail}`;
  return String.raw`\begin{aligned}${head}\Bigl(&${rows.join(String.raw`\\ &`)}\Bigr)${tail}\end{aligned}`;
}

/**
 * ∂L/∂θ expanded over every path from its node to the outputs (seed 001's equation 9), for a
 * node below the last hidden layer's outputs; null where pathTerms gives none (past 16
 * paths, or a softmax on the way) or the node's own δ is not ∂L/∂a·∂a/∂z.
 */
export function pathLines(ctx: TexContext, p: ParamSelection, s: number): Line[] | null {
  const view = paramView(ctx, p);
  const { layer, j } = view;
  if (layer >= ctx.model.depth) return null;
  const f = nodeFactors(ctx.model, ctx.iteration.pass, s, layer, j);
  if (f.form !== 'chain') return null;
  const paths = pathTerms(ctx.model, ctx.iteration.params, ctx.iteration.pass, s, layer, j);
  if (!paths) return null;
  const name = nodeTex(ctx, layer, j);
  const z = zTex(ctx, layer, j);
  const expanded = paths.map((path) => pathFactors(ctx, path, layer));
  const x = view.dzdValue(s);
  const outside = [f.dadz, x];
  const digits = digitsForSum(
    paths.map((path) => path.value),
    ctx.digits,
  );
  const symbolTail = String.raw`\cdot ${joinProduct([partial(name, z), partial(z, view.symbol)])}`;
  const numberTail = String.raw`\cdot ${productTex(outside, ctx.digits)}`;
  const symbolRows = expanded.map((e, k) => (k === 0 ? '' : ' + ') + e.tex.join(String.raw`\,`));
  const numberRows = expanded.map((e, k) => termTex(e.numbers, digits, k === 0));
  const value = view.contribution(s);
  const result = ` = ${formatNumber(value, ctx.digits)}`;
  // each path's product evaluated, as the tutorials write it: 8·[3 + 2]·…, (0.055399 + (−0.019049))·…
  const evaluated = evaluatedTerms(
    paths.map((path) => [path.value]),
    digits,
  );
  const lines: Line[] = [
    { tex: groupedSum(`${gradientLhs(ctx, view, s)} = `, symbolRows, symbolTail) },
    {
      tex: groupedSum('= ', numberRows, `${numberTail}${evaluated ? '' : result}`),
      factors: outside,
      terms: expanded.map((e) => e.numbers),
      value,
      quantity: view.quantity(s),
    },
  ];
  if (evaluated) {
    lines.push({
      tex: String.raw`= \Bigl(${evaluated}\Bigr)${numberTail}${result}`,
      factors: outside,
      terms: paths.map((path) => [path.value]),
      value,
      quantity: view.quantity(s),
    });
  }
  return lines;
}

/** ∂L/∂θ over the batch: the samples' terms δⱼ·∂z/∂θ, which already carry the 1/N of a mean, added up. */
export function batchLines(ctx: TexContext, p: ParamSelection): Line[] | null {
  const n = ctx.iteration.count;
  if (n <= 1) return null;
  const view = paramView(ctx, p);
  const per =
    p.kind === 'edge'
      ? String.raw`\bigl(${deltaTex(ctx, view.layer, view.j)}\,${view.dzdTex()}\bigr)_{s}`
      : String.raw`\bigl(${deltaTex(ctx, view.layer, view.j)}\bigr)_{s}`;
  const ls = partial('l_{s}', view.symbol);
  const mean = ctx.model.meanReduction === 1;
  const reduced = mean ? String.raw`\frac{1}{${n}}\sum_{s=1}^{${n}} ${ls}` : String.raw`\sum_{s=1}^{${n}} ${ls}`;
  const terms: number[][] = [];
  for (let s = 0; s < n; s++) {
    const delta = ctx.iteration.pass.dLdz[nodeIndex(ctx, s, view.layer, view.j)];
    terms.push(p.kind === 'edge' ? [delta, view.dzdValue(s)] : [delta]);
  }
  // under a penalty the samples' terms add up to ∂L_data/∂w; the penalty's section adds its term
  const value = view.penalized ? dataGradient(view, n) : view.total();
  const digits = digitsForSum(
    terms.map((t) => t.reduce((a, b) => a * b, 1)),
    ctx.digits,
  );
  return [
    {
      tex: chain(partial(chainLossTex(ctx, view), view.symbol), reduced, String.raw`\sum_{s=1}^{${n}} ${per}`),
      note: mean
        ? `δ is ∂L/∂z of the mean loss L: it already carries the 1/${n}, so the samples' terms simply add up.`
        : "L is the sum of the samples' losses, so their terms add up.",
    },
    {
      tex: `= ${sumTex(terms, digits)} = ${formatNumber(value, ctx.digits)}`,
      terms,
      value,
      ...(view.penalized ? {} : { quantity: view.quantity('batch') }),
    },
  ];
}

/** ∂L_data/∂w over the batch: the samples' terms δⱼ·aᵢ added up, as the batch line shows them. */
function dataGradient(view: ParamView, n: number): number {
  let sum = 0;
  for (let s = 0; s < n; s++) sum += view.contribution(s);
  return sum;
}

/**
 * A penalized weight's gradient: ∂L/∂w = ∂L_data/∂w + l1·sign(w) + l2·w (the terms whose rate
 * is not 0), with numbers; null for a bias or without regularization.
 */
export function penaltyLines(ctx: TexContext, p: ParamSelection): Line[] | null {
  const view = paramView(ctx, p);
  if (!view.penalized || p.kind !== 'edge') return null;
  const { l1, l2 } = ctx.model;
  const w = ctx.iteration.params.w[weightIndex(ctx.model, p.l, p.j, p.i)];
  const sign = w > 0 ? 1 : w < 0 ? -1 : 0;
  const data = dataGradient(view, ctx.iteration.count);
  const symbols = [partial(dataLossTex(ctx), view.symbol)];
  const terms: number[][] = [[data]];
  if (l1 !== 0) {
    symbols.push(String.raw`\lambda_1\,\operatorname{sign}(${view.symbol})`);
    terms.push([l1, sign]);
  }
  if (l2 !== 0) {
    symbols.push(String.raw`\lambda_2\,${view.symbol}`);
    terms.push([l2, w]);
  }
  const value = view.total();
  const digits = digitsForSum(
    terms.map((t) => t.reduce((a, b) => a * b, 1)),
    ctx.digits,
  );
  const rates = [l1 !== 0 ? `λ₁ = l1 = ${l1}` : '', l2 !== 0 ? `λ₂ = l2 = ${l2}` : '']
    .filter((t) => t !== '')
    .join(', ');
  return [
    {
      tex: chain(partial(lossTex(ctx), view.symbol), symbols.join(' + ')),
      note: `L = L_data + λ₁·Σ|w| + (λ₂/2)·Σw², added once per batch over every weight (biases are not penalized); ${rates}.`,
    },
    {
      tex: `= ${sumTex(terms, digits)} = ${formatNumber(value, ctx.digits)}`,
      terms,
      value,
      quantity: view.quantity('batch'),
    },
  ];
}

/** Every gradient section of a weight or bias for batch sample s: chain rule, factors, recursion, paths, batch. */
export function gradientSections(ctx: TexContext, p: ParamSelection, s: number): Section[] {
  const view = paramView(ctx, p);
  const n = ctx.iteration.count;
  const which = n > 1 ? `, sample ${s + 1} of ${n}` : '';
  const sections: Section[] = [
    { heading: `Chain rule${which}`, lines: [chainRuleLine(ctx, p, s)] },
    { heading: 'The factors', lines: factorLines(ctx, p, s) },
  ];
  const recursive = recursiveLines(ctx, view.layer, view.j, s);
  if (recursive) sections.push({ heading: 'Recursive form: ∂L/∂a = Σ w·δ of the next layer', lines: recursive });
  const paths = pathLines(ctx, p, s);
  if (paths) sections.push({ heading: 'Every path to the output', lines: paths });
  const batch = batchLines(ctx, p);
  if (batch)
    sections.push({
      heading: ctx.model.meanReduction ? 'Over the batch (mean)' : 'Over the batch (sum)',
      lines: batch,
    });
  const penalty = penaltyLines(ctx, p);
  if (penalty) sections.push({ heading: 'With the weight penalty', lines: penalty });
  return sections;
}
