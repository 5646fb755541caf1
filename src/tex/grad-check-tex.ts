import { formatValue } from '../core/format-number.ts';
import { relativeError, type CentralDifference } from '../core/grad-check.ts';
import { biasIndex, weightIndex } from '../core/model.ts';
import { chain } from './arithmetic-tex.ts';
import { biasTex, lossTex, partial, weightTex, type TexContext } from './context.ts';
import { digitsForDifference, formatNumber } from './format-number.ts';
import type { Line, Section } from './line.ts';
import type { ParamSelection } from './param-gradient.ts';

/**
 * The central-difference estimate beside the analytic ∂L/∂θ of the backward pass, and their
 * relative error. Both are shown with the digits their difference needs.
 */
export function gradCheckLines(ctx: TexContext, p: ParamSelection, check: CentralDifference): Line[] {
  if (p.kind === 'bias' && !ctx.model.hasBias[p.l]) return [];
  const k = p.kind === 'edge' ? weightIndex(ctx.model, p.l, p.j, p.i) : biasIndex(ctx.model, p.l, p.j);
  const sym = p.kind === 'edge' ? weightTex(ctx, p.l, p.j, p.i) : biasTex(ctx, p.l, p.j);
  const numeric = check.numeric;
  const analytic = p.kind === 'edge' ? ctx.iteration.pass.dLdw[k] : ctx.iteration.pass.dLdb[k];
  const error = relativeError(analytic, numeric);
  // Enough digits to see where the two part, but not the noise of the difference quotient.
  const digits = Math.min(digitsForDifference(analytic, numeric, ctx.digits), ctx.digits + 6);
  const L = lossTex(ctx);
  return [
    {
      tex: String.raw`n = \frac{${L}(${sym} + h) - ${L}(${sym} - h)}{2h} \approx ${formatNumber(numeric, digits)}`,
      note: `central difference over the batch, h = ${formatValue(check.h, 'full')}`,
      value: numeric,
    },
    {
      tex: chain('g', partial(L, sym), formatNumber(analytic, digits)),
      note: 'analytic, from backpropagation',
      value: analytic,
    },
    {
      tex: chain(
        String.raw`\frac{\lvert g - n \rvert}{\max(\lvert g \rvert, \lvert n \rvert, 10^{-4})}`,
        formatNumber(error, 3),
      ),
      note: 'relative error (absolute, scaled by 10⁴, where both are below 10⁻⁴)',
      value: error,
    },
  ];
}

export function gradCheckSection(ctx: TexContext, p: ParamSelection, check: CentralDifference): Section {
  return { heading: 'Gradient check', lines: gradCheckLines(ctx, p, check) };
}
