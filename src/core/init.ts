import type { Init } from './scenario.ts';

/** mulberry32(seed): a deterministic stream of u ∈ [0, 1), exactly as the spec gives it. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * weights[l][j][i] from `init`: one draw per weight, weights[0] row by row, then weights[1]…
 * uniform: low + (high − low)·u; xavier: r(2u − 1), r = √(6/(fan_in + fan_out)); he: r = √(6/fan_in).
 */
export function initWeights(init: Init, sizes: readonly number[]): number[][][] {
  const draw = init.type === 'constant' ? null : mulberry32(init.seed);
  const weights: number[][][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const matrix: number[][] = [];
    for (let j = 0; j < fanOut; j++) {
      const row: number[] = [];
      for (let i = 0; i < fanIn; i++) {
        if (init.type === 'constant' || draw === null) {
          row.push(init.type === 'constant' ? init.value : 0);
          continue;
        }
        const u = draw();
        if (init.type === 'uniform') row.push(init.low + (init.high - init.low) * u);
        else if (init.type === 'xavier') row.push(Math.sqrt(6 / (fanIn + fanOut)) * (2 * u - 1));
        else row.push(Math.sqrt(6 / fanIn) * (2 * u - 1));
      }
      matrix.push(row);
    }
    weights.push(matrix);
  }
  return weights;
}
