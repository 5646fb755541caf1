/**
 * The loss-landscape goal: a 64×64 grid of the batch loss over two weights of a classroom
 * network (4-12-8-1 tanh/sigmoid, 152 weights + 21 biases, 6 samples) in under 100 ms.
 * Median of 15 timed grids after a warm-up.
 */
import { performance } from 'node:perf_hooks';
import { compileScenario } from '../src/core/compile.ts';
import { gridWindow, lossGrid } from '../src/core/landscape.ts';
import { mulberry32 } from '../src/core/init.ts';
import { SCENARIO_FORMAT, type Scenario } from '../src/core/scenario.ts';
import { median } from './measure.ts';

export const LANDSCAPE_GOAL_MS = 100;
const REPS = 15;

export interface LandscapeResult {
  readonly parameters: number;
  readonly resolution: number;
  readonly medianMs: number;
  readonly ms: number[];
  readonly pass: boolean;
}

function classroom(): Scenario {
  const rand = mulberry32(7);
  const sizes = [4, 12, 8, 1];
  const weights = sizes
    .slice(1)
    .map((n, l) => Array.from({ length: n }, () => Array.from({ length: sizes[l] }, () => rand() - 0.5)));
  const biases = sizes.slice(1).map((n) => Array.from({ length: n }, () => rand() - 0.5));
  const data = Array.from({ length: 6 }, (_, k) => ({
    x: Array.from({ length: 4 }, () => rand() * 2 - 1),
    y: [k % 2],
  }));
  return {
    format: SCENARIO_FORMAT,
    layers: [
      { size: 4 },
      { size: 12, activation: { type: 'tanh' }, bias: true },
      { size: 8, activation: { type: 'tanh' }, bias: true },
      { size: 1, activation: { type: 'sigmoid' }, bias: true },
    ],
    weights,
    biases,
    loss: 'bce',
    reduction: 'mean',
    data,
    optimizer: { type: 'sgd', learningRate: 0.1 },
  };
}

/** Times lossGrid(…, 64) on the classroom network and reports the median. */
export function landscapeBench(): LandscapeResult {
  const c = compileScenario(classroom());
  const p1 = { kind: 'w' as const, index: 0 };
  const p2 = { kind: 'w' as const, index: 60 };
  const win = gridWindow(c.params.w[0], c.params.w[60], 'fixed', 1);
  for (let k = 0; k < 3; k++) lossGrid(c, c.params, p1, p2, win, 64);
  const ms: number[] = [];
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    lossGrid(c, c.params, p1, p2, win, 64);
    ms.push(performance.now() - t0);
  }
  const medianMs = median(ms);
  return {
    parameters: c.model.weightCount + c.model.biasCount,
    resolution: 64,
    medianMs,
    ms,
    pass: medianMs < LANDSCAPE_GOAL_MS,
  };
}
