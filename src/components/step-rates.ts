import type { Compiled } from '../core/compile.ts';
import type { Model } from '../core/model.ts';

/** A step's measured time on the page's thread, for one network trained on one data set. */
interface Measured {
  readonly samples: number;
  readonly testSamples: number;
  readonly batchSize: number;
  readonly msPerStep: number;
}

/**
 * How long training steps take on the page's thread, measured (an idle warm-up, a run), per
 * network: the model is kept while only the parameters change, so a measurement holds from
 * run to run (a run compiles its samples anew: they are told apart by count); another number
 * of samples or another batch size needs a measurement of its own.
 */
export interface StepRates {
  /** `steps` steps of `compiled` took `ms` */
  record(compiled: Compiled, steps: number, ms: number): void;
  /** the time `steps` steps of `compiled` should take; null when it was never measured */
  predictMs(compiled: Compiled, steps: number): number | null;
}

export function createStepRates(): StepRates {
  const byModel = new WeakMap<Model, Measured>();
  return {
    record(compiled, steps, ms) {
      if (!(steps > 0 && ms > 0)) return;
      byModel.set(compiled.model, { ...counts(compiled), msPerStep: ms / steps });
    },
    predictMs(compiled, steps) {
      const m = byModel.get(compiled.model);
      if (m === undefined) return null;
      const c = counts(compiled);
      const same = m.samples === c.samples && m.testSamples === c.testSamples && m.batchSize === c.batchSize;
      return same ? steps * m.msPerStep : null;
    },
  };
}

function counts(c: Compiled): { samples: number; testSamples: number; batchSize: number } {
  return { samples: c.data.count, testSamples: c.testData?.count ?? 0, batchSize: c.batchSize };
}
