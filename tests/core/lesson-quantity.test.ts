import { describe, expect, it } from 'vitest';
import { outputLossTerm } from '../../src/core/loss.ts';
import { LOSS } from '../../src/core/model.ts';
import { parseQuantityRef } from '../../src/core/quantity-ref.ts';
import { lessonQuantityContext, resolveQuantity } from '../../src/core/lesson-quantity.ts';
import { expectClose } from '../helpers/expect-close.ts';
import { loadOracleCases, oracleToScenario, type OracleCase } from '../helpers/oracle-case.ts';

const ONE_STEP = { abs: 1e-12 };

function ref(text: string) {
  const read = parseQuantityRef(text);
  if (!read.ok) throw new Error(read.message);
  return read.ref;
}

const cases = loadOracleCases();
function oracle(file: string): OracleCase {
  const found = cases.find((c) => c.file === file);
  if (!found) throw new Error(`no oracle case ${file}`);
  return found.oracle;
}

describe('outputLossTerm: each output’s term of one sample’s loss', () => {
  it('gives Mazur’s E_o1 and E_o2 (½(t − o)²) from the oracle’s outputs', () => {
    const c = oracle('mazur_222_fixed_bias.json') as OracleCase & {
      tutorial_published: { values: { quantity: string; exact: number }[] };
    };
    const published = (q: string) => c.tutorial_published.values.find((v) => v.quantity === q)?.exact ?? NaN;
    const [o1, o2] = c.expected.forward_backward.samples[0].a[2];
    const [t1, t2] = c.data.targets[0];
    expectClose(outputLossTerm(LOSS.halfSse, o1, t1, 2), published('E_o1'), ONE_STEP, 'E_o1');
    expectClose(outputLossTerm(LOSS.halfSse, o2, t2, 2), published('E_o2'), ONE_STEP, 'E_o2');
    expect(outputLossTerm(LOSS.halfSse, o1, t1, 2)).toBeCloseTo(0.274811083, 9);
    expect(outputLossTerm(LOSS.halfSse, o2, t2, 2)).toBeCloseTo(0.023560026, 9);
  });

  it('the terms add up to every oracle sample’s loss, for every loss', () => {
    for (const { file, oracle: c } of cases) {
      const scenario = oracleToScenario(c);
      if (scenario === null) continue;
      const code = {
        mse: LOSS.mse,
        sse: LOSS.sse,
        'half-sse': LOSS.halfSse,
        bce: LOSS.bce,
        'cross-entropy': LOSS.crossEntropy,
      }[scenario.loss];
      c.expected.forward_backward.samples.forEach((s, k) => {
        const out = s.a[s.a.length - 1];
        let sum = 0;
        out.forEach((p, o) => (sum += outputLossTerm(code, p, s.target[o], out.length)));
        expectClose(sum, s.loss, ONE_STEP, `${file} samples[${k}].loss`);
      });
    }
  });

  it('follows the spec’s conventions: a zero coefficient drops its term, a true ln 0 is infinite', () => {
    expect(outputLossTerm(LOSS.crossEntropy, 0, 0, 3)).toBe(0);
    expect(outputLossTerm(LOSS.bce, 1, 1, 1)).toBe(0);
    expect(outputLossTerm(LOSS.bce, 1, 0, 1)).toBe(Infinity);
    expect(outputLossTerm(LOSS.mse, 3, 1, 2)).toBe(2);
    expect(outputLossTerm(LOSS.sse, 3, 1, 2)).toBe(4);
  });
});

describe('resolveQuantity: a lesson’s quantity reference, valued by the core', () => {
  for (const { file, oracle: c } of cases) {
    const scenario = oracleToScenario(c);
    if (scenario === null) continue;
    const e = c.expected;
    e.forward_backward.samples.forEach((s, sample) => {
      it(`${file}, sample ${sample}: x, y, z, a, ∂L/∂z, ∂L/∂a and the loss terms match the oracle`, () => {
        const ctx = lessonQuantityContext(scenario, sample);
        s.x.forEach((x, i) => expect(resolveQuantity(ctx, ref(`x:${i}`))).toBe(x));
        s.target.forEach((y, k) => expect(resolveQuantity(ctx, ref(`y:${k}`))).toBe(y));
        for (let l = 0; l < s.a.length; l++) {
          s.a[l].forEach((a, j) => {
            expectClose(resolveQuantity(ctx, ref(`a:node:${l}:${j}`)), a, ONE_STEP, `a[${l}][${j}]`);
            expectClose(resolveQuantity(ctx, ref(`dLda:node:${l}:${j}`)), s.dL_da[l][j], ONE_STEP, `dLda[${l}][${j}]`);
            if (l > 0) {
              expectClose(resolveQuantity(ctx, ref(`z:node:${l}:${j}`)), s.z[l]?.[j] ?? NaN, ONE_STEP, `z[${l}][${j}]`);
              expectClose(
                resolveQuantity(ctx, ref(`dLdz:node:${l}:${j}`)),
                s.dL_dz[l]?.[j] ?? NaN,
                ONE_STEP,
                `dLdz[${l}][${j}]`,
              );
            }
          });
        }
      });
    });

    it(`${file}: value, gradient and after of every parameter, the loss before and after the step`, () => {
      const ctx = lessonQuantityContext(scenario, 0);
      expectClose(resolveQuantity(ctx, ref('loss')), e.loss, ONE_STEP, 'loss');
      expectClose(resolveQuantity(ctx, ref('after:loss')), e.after_one_step.loss, ONE_STEP, 'after:loss');
      c.network.weights.forEach((m, l) =>
        m.forEach((row, j) =>
          row.forEach((w, i) => {
            expect(resolveQuantity(ctx, ref(`value:edge:${l}:${j}:${i}`))).toBe(w);
            expectClose(
              resolveQuantity(ctx, ref(`gradient:edge:${l}:${j}:${i}`)),
              e.grads.weights[l][j][i],
              ONE_STEP,
              `gradient ${l}:${j}:${i}`,
            );
            expectClose(
              resolveQuantity(ctx, ref(`after:edge:${l}:${j}:${i}`)),
              e.after_one_step.weights[l][j][i],
              ONE_STEP,
              `after ${l}:${j}:${i}`,
            );
          }),
        ),
      );
      c.network.biases.forEach((b, l) =>
        b?.forEach((v, j) => {
          expect(resolveQuantity(ctx, ref(`value:bias:${l}:${j}`))).toBe(v);
          expectClose(
            resolveQuantity(ctx, ref(`gradient:bias:${l}:${j}`)),
            e.grads.biases[l]?.[j] ?? NaN,
            ONE_STEP,
            `gradient bias ${l}:${j}`,
          );
          expectClose(
            resolveQuantity(ctx, ref(`after:bias:${l}:${j}`)),
            e.after_one_step.biases[l]?.[j] ?? NaN,
            ONE_STEP,
            `after bias ${l}:${j}`,
          );
        }),
      );
    });
  }

  it('a sample past the first batch is clamped to it, never read out of range', () => {
    const scenario = oracleToScenario(oracle('mazur_222_fixed_bias.json'));
    if (scenario === null) throw new Error('mazur is expressible');
    const ctx = lessonQuantityContext(scenario, 5);
    expect(ctx.sample).toBe(0);
  });
});
