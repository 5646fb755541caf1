import type { Compiled } from '../core/compile.ts';
import type { Model } from '../core/model.ts';

/** A step's measured time on the page's thread, for one network trained on one data set. */
interface Measured {
  readonly samples: number;
  readonly testSamples: number;
  readonly batchSize: number;
  /** the last measurement */
  readonly msPerStep: number;
  /** the measurement before it, of the same network and data; null when there was none */
  readonly before: number | null;
  /** the fastest of them: what the network costs when nothing else takes the thread */
  readonly best: number;
}

/**
 * A network's rate has settled when its last two measurements agree within this share: the
 * engine has compiled its hot loops (a first measurement at idle, of code not yet optimized,
 * was about 5–15 times the core's time per step on numpy-341, and the next ones halved it).
 */
const SETTLED_WITHIN = 0.25;

/**
 * How long training steps take on the page's thread, measured (an idle warm-up, a run), per
 * network: the model is kept while only the parameters change, so a measurement holds from
 * run to run (a run compiles its samples anew: they are told apart by count); another number
 * of samples or another batch size needs a measurement of its own.
 */
export interface StepRates {
  /** `steps` steps of `compiled` took `ms` */
  record(compiled: Compiled, steps: number, ms: number): void;
  /** the time `steps` steps of `compiled` should take (at its fastest measured rate); null when it was never measured */
  predictMs(compiled: Compiled, steps: number): number | null;
  /** whether `compiled`'s last two measurements agree (see SETTLED_WITHIN) */
  settled(compiled: Compiled): boolean;
}

export function createStepRates(): StepRates {
  const byModel = new WeakMap<Model, Measured>();
  return {
    record(compiled, steps, ms) {
      if (!(steps > 0 && ms > 0)) return;
      const m = measured(compiled);
      const msPerStep = ms / steps;
      byModel.set(compiled.model, {
        ...counts(compiled),
        msPerStep,
        before: m?.msPerStep ?? null,
        best: Math.min(msPerStep, m?.best ?? Infinity),
      });
    },
    predictMs(compiled, steps) {
      const m = measured(compiled);
      return m === null ? null : steps * m.best;
    },
    settled(compiled) {
      const m = measured(compiled);
      return m !== null && m.before !== null && Math.abs(m.msPerStep - m.before) <= SETTLED_WITHIN * m.before;
    },
  };

  /** the measurement of `compiled` with its data's counts; null when there is none */
  function measured(compiled: Compiled): Measured | null {
    const m = byModel.get(compiled.model);
    if (m === undefined) return null;
    const c = counts(compiled);
    const same = m.samples === c.samples && m.testSamples === c.testSamples && m.batchSize === c.batchSize;
    return same ? m : null;
  }
}

function counts(c: Compiled): { samples: number; testSamples: number; batchSize: number } {
  return { samples: c.data.count, testSamples: c.testData?.count ?? 0, batchSize: c.batchSize };
}
