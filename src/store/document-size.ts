import type { OptimizerState } from '../core/optimizer.ts';
import type { Sample, Scenario } from '../core/scenario.ts';

/**
 * How many numbers a scenario writes out when serialized: its weights and biases (unless an
 * `init` stands for them) and every number of its samples and held-out samples. Counted from
 * the sizes alone, without serializing: a document of megabytes is measured in microseconds.
 */
export function writtenNumbers(scenario: Scenario): number {
  let n = 0;
  if (scenario.init === undefined) {
    const layers = scenario.layers;
    for (let l = 1; l < layers.length; l++) {
      n += layers[l - 1].size * layers[l].size;
      if (scenario.biases[l - 1] != null) n += layers[l].size;
    }
  }
  return n + sampleNumbers(scenario.data) + sampleNumbers(scenario.testData ?? []);
}

function sampleNumbers(samples: readonly Sample[]): number {
  let n = 0;
  for (const s of samples) n += s.x.length + s.y.length;
  return n;
}

/**
 * The most numbers the address bar's share link may write: past it the link is megabytes,
 * and compressing it takes the page's thread for seconds (a 100,000-sample file: 18 MB).
 */
export const LINK_MAX_NUMBERS = 100_000;

/**
 * The most numbers a saved session may write. Past it the session is too big to keep in the
 * browser's storage (about 5 million characters per site; a number written out takes up to
 * ~24), and writing it out would take the page's thread for seconds.
 */
export const SESSION_MAX_NUMBERS = 200_000;

/** What a session writes: its scenario, the scenario it came from (when not a preset), the optimizer's state and loss history. */
export interface SessionSize {
  readonly scenario: Scenario;
  readonly origin: Scenario;
  readonly presetId: string | null;
  readonly optimizerState: OptimizerState | null;
  readonly run: { readonly lossHistory: ArrayLike<number>; readonly testLossHistory: ArrayLike<number> };
}

/** How many numbers the saved session of `s` writes (see sessionEnvelope). */
export function sessionNumbers(s: SessionSize): number {
  const opt = s.optimizerState;
  const slots = opt === null ? 0 : opt.w.first.length + opt.w.second.length + opt.b.first.length + opt.b.second.length;
  return (
    writtenNumbers(s.scenario) +
    (s.presetId === null ? writtenNumbers(s.origin) : 0) +
    slots +
    s.run.lossHistory.length +
    s.run.testLossHistory.length
  );
}
