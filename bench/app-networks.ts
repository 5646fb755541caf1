/**
 * Scenario documents of the sizes the app-speed bench (bench/app-speed.ts) and the browser tests (tests/e2e/app-speed.spec.ts) use: deterministic data
 * and seeded weights (the format's `init`), so a document is small however big its network.
 */

type Doc = Record<string, unknown>;

/** A dense network of `sizes` (hidden layers `hidden`, output `output`), `samples` deterministic samples, seeded Xavier weights. */
export function denseDoc(
  sizes: readonly number[],
  samples: number,
  hidden = 'tanh',
  output = 'identity',
  title?: string,
): Doc {
  const nIn = sizes[0];
  const nOut = sizes[sizes.length - 1];
  const data = Array.from({ length: samples }, (_, s) => ({
    x: Array.from({ length: nIn }, (_, i) => Math.round(1000 * Math.sin(s * 0.37 + i * 1.3)) / 1000),
    y: Array.from({ length: nOut }, (_, k) => Math.round(1000 * Math.cos(s * 0.21 + k)) / 1000),
  }));
  return {
    format: 'backprop-scenario/1',
    title: title ?? sizes.join('-'),
    layers: [
      { size: nIn },
      ...sizes.slice(1).map((size, l) => ({ size, activation: l === sizes.length - 2 ? output : hidden, bias: true })),
    ],
    init: { type: 'xavier', seed: 7 },
    loss: 'mse',
    data,
    optimizer: { type: 'sgd', learningRate: 0.01 },
  };
}

/** The throughput network: 16-16-16-16-16-1 tanh on 32 samples. */
export const stack16 = (): Doc => denseDoc([16, 16, 16, 16, 16, 1], 32);

/** The format's limit of layers, each as wide as keeps the share link short: 32 layers of 176 (about 960,000 parameters). */
export const widest32 = (): Doc =>
  denseDoc(
    Array.from({ length: 32 }, () => 176),
    1,
    'tanh',
    'identity',
    '32 layers of 176',
  );

/** Just under the 1,000,000-parameter limit in three layers: 2-997-997-1 (998,000 parameters). */
export const nearMillion = (): Doc => denseDoc([2, 997, 997, 1], 4, 'relu', 'identity', 'near a million parameters');
