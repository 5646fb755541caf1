import { biasIndex, weightIndex } from '../core/model.ts';
import { updateSlot, type OptimizerState } from '../core/optimizer.ts';
import { chain } from './arithmetic-tex.ts';
import { biasTex, lossTex, partial, weightTex, type TexContext } from './context.ts';
import { digitsForSum, formatNumber, formatOperand } from './format-number.ts';
import type { Line, Quantity, Section } from './line.ts';
import type { ParamSelection } from './param-gradient.ts';

const OPTIMIZER_NAMES = {
  sgd: 'SGD',
  momentum: 'momentum',
  nesterov: 'Nesterov momentum',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adadelta: 'AdaDelta',
  adam: 'Adam',
} as const;

/** One parameter's state before and after the step, recomputed with the core's own update on a scratch copy. */
interface Step {
  readonly theta: number;
  readonly g: number;
  readonly t: number;
  readonly first: number;
  readonly second: number;
  readonly after: number;
  readonly firstAfter: number;
  readonly secondAfter: number;
}

function recompute(ctx: TexContext, slot: 'w' | 'b', k: number, state: OptimizerState | undefined): Step {
  const theta = ctx.iteration.params[slot][k];
  const g = ctx.iteration.pass[slot === 'w' ? 'dLdw' : 'dLdb'][k];
  const t = (state?.t ?? 0) + 1;
  const first = state?.[slot].first[k] ?? 0;
  const second = state?.[slot].second[k] ?? 0;
  const scratch = Float64Array.of(theta);
  const st = { first: Float64Array.of(first), second: Float64Array.of(second) };
  updateSlot(ctx.compiled.optimizer, t, scratch, Float64Array.of(g), Uint8Array.of(1), st);
  return { theta, g, t, first, second, after: scratch[0], firstAfter: st.first[0], secondAfter: st.second[0] };
}

/** s ← ρ s + (1 − ρ) x² as a line (also m, v and u of Adam and AdaDelta). */
function decayLine(
  ctx: TexContext,
  name: string,
  rho: string,
  rhoValue: number,
  before: number,
  x: number,
  xName: string,
  square: boolean,
  after: number,
): Line {
  const d = ctx.digits;
  const terms = [[rhoValue, before], square ? [1 - rhoValue, x, x] : [1 - rhoValue, x]];
  const xTex = square ? `${formatOperand(x, d)}^{2}` : formatOperand(x, d);
  const numbers = String.raw`${formatNumber(rhoValue, d)}\cdot ${formatOperand(before, d)} + ${formatNumber(1 - rhoValue, d)}\cdot ${xTex}`;
  return {
    tex: chain(
      String.raw`${name} \leftarrow ${rho}\,${name} + (1 - ${rho})\,${xName}${square ? '^{2}' : ''}`,
      numbers,
      formatNumber(after, d),
    ),
    terms,
    value: after,
  };
}

/** θ ← θ − η·(step factors) as a line, with the digits the subtraction needs. */
function thetaLine(
  ctx: TexContext,
  sym: string,
  rule: string,
  numbersAfterEta: string,
  theta: number,
  lr: number,
  step: readonly number[],
  after: number,
  quantity: Quantity,
): Line {
  const product = step.reduce((a, b) => a * b, lr);
  const digits = digitsForSum([theta, -product], ctx.digits);
  return {
    tex:
      chain(
        String.raw`${sym} \leftarrow ${sym} - \eta\,${rule}`,
        String.raw`${formatNumber(theta, digits)} - ${formatNumber(lr, ctx.digits)}\cdot ${numbersAfterEta}`,
        formatNumber(after, ctx.digits),
      ) + String.raw`\quad (\eta = ${formatNumber(lr, ctx.digits)})`,
    terms: [[theta], [-lr, ...step]],
    value: after,
    quantity,
  };
}

/**
 * The optimizer's update of one weight or bias with its numbers: the gradient g, the state
 * before and after (v, s, u, m as the rule has them) and the new value; a frozen parameter
 * keeps its value. `state` is the optimizer state before the step (fresh when absent).
 */
export function updateLines(ctx: TexContext, p: ParamSelection, state?: OptimizerState): Line[] {
  const { model, compiled } = ctx;
  if (p.kind === 'bias' && !model.hasBias[p.l]) return [{ tex: String.raw`\text{This layer has no bias.}` }];
  const slot = p.kind === 'edge' ? 'w' : 'b';
  const k = p.kind === 'edge' ? weightIndex(model, p.l, p.j, p.i) : biasIndex(model, p.l, p.j);
  const sym = p.kind === 'edge' ? weightTex(ctx, p.l, p.j, p.i) : biasTex(ctx, p.l, p.j);
  const quantity: Quantity =
    p.kind === 'edge' ? { kind: 'weight-after', l: p.l, j: p.j, i: p.i } : { kind: 'bias-after', l: p.l, j: p.j };
  const d = ctx.digits;
  const n = (x: number) => formatNumber(x, d);
  const o = (x: number) => formatOperand(x, d);
  const step = recompute(ctx, slot, k, state);
  const gLine: Line = {
    tex: chain('g', partial(lossTex(ctx), sym), n(step.g)),
    value: step.g,
    quantity:
      p.kind === 'edge'
        ? { kind: 'dLdw', l: p.l, j: p.j, i: p.i, sample: 'batch' }
        : { kind: 'dLdb', l: p.l, j: p.j, sample: 'batch' },
  };
  if (!compiled.trainable[slot][k]) {
    return [
      gLine,
      {
        tex: chain(String.raw`${sym} \leftarrow ${sym}`, n(step.theta)) + String.raw`\quad (\text{frozen})`,
        note: 'frozen: the update skips it and its optimizer state does not advance',
        value: step.theta,
        quantity,
      },
    ];
  }
  const opt = compiled.optimizer;
  const lr = opt.learningRate;
  switch (opt.type) {
    case 'sgd':
      return [gLine, thetaLine(ctx, sym, 'g', o(step.g), step.theta, lr, [step.g], step.after, quantity)];
    case 'momentum':
    case 'nesterov': {
      const mu = opt.momentum;
      const v: Line = {
        tex:
          chain(
            String.raw`v \leftarrow \mu\,v + g`,
            String.raw`${n(mu)}\cdot ${o(step.first)} + ${o(step.g)}`,
            n(step.firstAfter),
          ) + String.raw`\quad (\mu = ${n(mu)})`,
        terms: [[mu, step.first], [step.g]],
        value: step.firstAfter,
      };
      if (opt.type === 'momentum')
        return [
          gLine,
          v,
          thetaLine(ctx, sym, 'v', o(step.firstAfter), step.theta, lr, [step.firstAfter], step.after, quantity),
        ];
      const digits = digitsForSum([step.theta, -lr * (step.g + mu * step.firstAfter)], d);
      return [
        gLine,
        v,
        {
          tex:
            chain(
              String.raw`${sym} \leftarrow ${sym} - \eta\,(g + \mu\,v)`,
              String.raw`${formatNumber(step.theta, digits)} - ${n(lr)}\cdot (${n(step.g)} + ${n(mu)}\cdot ${o(step.firstAfter)})`,
              n(step.after),
            ) + String.raw`\quad (\eta = ${n(lr)})`,
          terms: [[step.theta], [-lr, step.g], [-lr, mu, step.firstAfter]],
          value: step.after,
          quantity,
        },
      ];
    }
    case 'adagrad':
    case 'rmsprop': {
      const eps = opt.epsilon;
      const s: Line =
        opt.type === 'adagrad'
          ? {
              tex: chain(
                String.raw`s \leftarrow s + g^{2}`,
                String.raw`${n(step.second)} + ${o(step.g)}^{2}`,
                n(step.secondAfter),
              ),
              terms: [[step.second], [step.g, step.g]],
              value: step.secondAfter,
            }
          : decayLine(ctx, 's', String.raw`\rho`, opt.decay, step.second, step.g, 'g', true, step.secondAfter);
      const denominator = Math.sqrt(step.secondAfter) + eps;
      const frac = String.raw`\frac{${n(step.g)}}{\sqrt{${n(step.secondAfter)}} + ${n(eps)}}`;
      return [
        gLine,
        s,
        thetaLine(
          ctx,
          sym,
          String.raw`\frac{g}{\sqrt{s} + \epsilon}`,
          frac,
          step.theta,
          lr,
          [step.g, 1 / denominator],
          step.after,
          quantity,
        ),
      ];
    }
    case 'adadelta': {
      // The core keeps u (squared updates) in `first` and s (squared gradients) in `second`.
      const eps = opt.epsilon;
      const s = decayLine(ctx, 's', String.raw`\rho`, opt.decay, step.second, step.g, 'g', true, step.secondAfter);
      const ratio = Math.sqrt(step.first + eps) / Math.sqrt(step.secondAfter + eps);
      const delta = ratio * step.g;
      const deltaLine: Line = {
        tex: chain(
          String.raw`\Delta = \frac{\sqrt{u + \epsilon}}{\sqrt{s + \epsilon}}\,g`,
          String.raw`\frac{\sqrt{${n(step.first)} + ${n(eps)}}}{\sqrt{${n(step.secondAfter)} + ${n(eps)}}}\cdot ${o(step.g)}`,
          n(delta),
        ),
        factors: [ratio, step.g],
        value: delta,
      };
      const u = decayLine(
        ctx,
        'u',
        String.raw`\rho`,
        opt.decay,
        step.first,
        delta,
        String.raw`\Delta`,
        true,
        step.firstAfter,
      );
      return [
        gLine,
        s,
        deltaLine,
        u,
        thetaLine(ctx, sym, String.raw`\Delta`, o(delta), step.theta, lr, [delta], step.after, quantity),
      ];
    }
    case 'adam': {
      const { beta1, beta2, epsilon: eps } = opt;
      const m = decayLine(ctx, 'm', String.raw`\beta_1`, beta1, step.first, step.g, 'g', false, step.firstAfter);
      const v = decayLine(ctx, 'v', String.raw`\beta_2`, beta2, step.second, step.g, 'g', true, step.secondAfter);
      const c1 = 1 - Math.pow(beta1, step.t);
      const c2 = 1 - Math.pow(beta2, step.t);
      const mHat = step.firstAfter / c1;
      const vHat = step.secondAfter / c2;
      const hat = (name: string, beta: string, betaValue: number, x: number, value: number): Line => ({
        tex:
          chain(
            String.raw`\hat{${name}} = \frac{${name}}{1 - ${beta}^{t}}`,
            String.raw`\frac{${n(x)}}{1 - ${n(betaValue)}^{${step.t}}}`,
            n(value),
          ) + String.raw`\quad (t = ${step.t})`,
        factors: [x, 1 / (1 - Math.pow(betaValue, step.t))],
        value,
      });
      const frac = String.raw`\frac{${n(mHat)}}{\sqrt{${n(vHat)}} + ${n(eps)}}`;
      return [
        gLine,
        m,
        v,
        hat('m', String.raw`\beta_1`, beta1, step.firstAfter, mHat),
        hat('v', String.raw`\beta_2`, beta2, step.secondAfter, vHat),
        thetaLine(
          ctx,
          sym,
          String.raw`\frac{\hat{m}}{\sqrt{\hat{v}} + \epsilon}`,
          frac,
          step.theta,
          lr,
          [mHat, 1 / (Math.sqrt(vHat) + eps)],
          step.after,
          quantity,
        ),
      ];
    }
  }
}

/** The update as a section headed by the optimizer's name. */
export function updateSection(ctx: TexContext, p: ParamSelection, state?: OptimizerState): Section {
  return { heading: `Update (${OPTIMIZER_NAMES[ctx.compiled.optimizer.type]})`, lines: updateLines(ctx, p, state) };
}
