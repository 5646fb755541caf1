import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/core/codec/parse-scenario.ts';
import {
  DATASET_GENERATORS,
  generateDataset,
  targetEncodingFor,
  type DatasetOptions,
  type GeneratedDataset,
  type TargetEncoding,
} from '../../../src/core/datasets/generate-dataset.ts';
import type { Sample } from '../../../src/core/scenario.ts';

function generated(options: DatasetOptions): GeneratedDataset {
  const result = generateDataset(options);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.value;
}

const all = (g: GeneratedDataset): Sample[] => [...g.data, ...g.testData];
const radius = (s: Sample) => Math.hypot(s.x[0], s.x[1]);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
/** The class of a sample under each encoding: 1 or 0. */
function classOf(s: Sample, encoding: TargetEncoding): number {
  if (encoding === 'one-hot') return s.y[1] === 1 ? 1 : 0;
  if (encoding === 'sign') return s.y[0] === 1 ? 1 : 0;
  return s.y[0];
}

describe('dataset generators', () => {
  it('offer the four classification and two regression sets of the issue', () => {
    expect(DATASET_GENERATORS.map((g) => `${g.name}:${g.kind}`)).toEqual([
      'circle:classification',
      'xor:classification',
      'gaussians:classification',
      'spiral:classification',
      'plane:regression',
      'sine:regression',
    ]);
  });

  for (const { name } of DATASET_GENERATORS) {
    it(`${name}: the same settings give the same points, another seed others`, () => {
      const options = { generator: name, count: 50, noise: 0.2, seed: 3, testFraction: 0.2 };
      expect(generated(options)).toEqual(generated({ ...options }));
      expect(all(generated({ ...options, seed: 4 }))).not.toEqual(all(generated(options)));
    });

    it(`${name}: honours the count and the test fraction`, () => {
      for (const [count, fraction, test] of [
        [100, 0.2, 20],
        [101, 0.5, 51],
        [10, 0, 0],
        [7, 0.3, 2],
      ]) {
        const g = generated({ generator: name, count, noise: 0.1, seed: 1, testFraction: fraction });
        expect(g.testData).toHaveLength(test);
        expect(g.data).toHaveLength(count - test);
      }
    });

    it(`${name}: is a valid scenario's data and testData for the loss it says its targets match`, () => {
      const g = generated({ generator: name, count: 40, noise: 0.3, seed: 9, testFraction: 0.25 });
      const doc = {
        format: 'backprop-scenario/1',
        layers: [
          { size: g.inputs },
          { size: 3, activation: 'tanh', bias: true },
          { size: g.outputs, activation: g.suggested.outputActivation, bias: true },
        ],
        init: { type: 'xavier', seed: 1 },
        loss: g.suggested.loss,
        data: g.data,
        testData: g.testData,
        optimizer: { type: 'sgd', learningRate: 0.1 },
      };
      const result = parseScenario(doc);
      expect(result.ok ? [] : result.errors).toEqual([]);
    });
  }

  it('circle: class 1 inside radius 0.5, class 0 between 0.7 and 1 (no noise), half and half', () => {
    const g = generated({ generator: 'circle', count: 400, noise: 0, seed: 11, testFraction: 0.1 });
    const points = all(g);
    const inside = points.filter((s) => s.y[0] === 1);
    const outside = points.filter((s) => s.y[0] === 0);
    expect(inside).toHaveLength(200);
    expect(outside).toHaveLength(200);
    for (const s of inside) expect(radius(s)).toBeLessThanOrEqual(0.5);
    for (const s of outside) {
      expect(radius(s)).toBeGreaterThanOrEqual(0.7);
      expect(radius(s)).toBeLessThanOrEqual(1);
    }
    // angles spread around the circle: every quadrant holds about a quarter of each class
    const quadrant = (s: Sample) => (s.x[0] >= 0 ? 1 : 0) + (s.x[1] >= 0 ? 2 : 0);
    for (let q = 0; q < 4; q++) expect(inside.filter((s) => quadrant(s) === q).length).toBeGreaterThan(30);
    // noise moves the points but never their class
    const noisy = all(generated({ generator: 'circle', count: 400, noise: 0.5, seed: 11, testFraction: 0.1 }));
    expect(noisy.map((s) => s.y)).toEqual(points.map((s) => s.y));
    expect(noisy.some((s) => s.y[0] === 1 && radius(s) > 0.5)).toBe(true);
  });

  it('xor: the class is the sign of x₁·x₂ (no noise), points kept off the axes', () => {
    const points = all(generated({ generator: 'xor', count: 300, noise: 0, seed: 5, testFraction: 0 }));
    for (const s of points) {
      expect(s.y[0]).toBe(s.x[0] * s.x[1] > 0 ? 1 : 0);
      expect(Math.abs(s.x[0])).toBeGreaterThanOrEqual(0.1);
      expect(Math.abs(s.x[1])).toBeGreaterThanOrEqual(0.1);
      expect(Math.max(Math.abs(s.x[0]), Math.abs(s.x[1]))).toBeLessThanOrEqual(1);
    }
    const quadrant = (s: Sample) => (s.x[0] >= 0 ? 1 : 0) + (s.x[1] >= 0 ? 2 : 0);
    for (let q = 0; q < 4; q++) expect(points.filter((s) => quadrant(s) === q).length).toBeGreaterThan(50);
  });

  it('gaussians: class 1 around (0.5, 0.5), class 0 around (−0.5, −0.5), spread growing with the noise', () => {
    const spread = (noise: number) => {
      const points = all(generated({ generator: 'gaussians', count: 4000, noise, seed: 2, testFraction: 0.3 }));
      const stats = [0, 1].map((c) => {
        const xs = points.filter((s) => s.y[0] === c);
        const mx = mean(xs.map((s) => s.x[0]));
        const my = mean(xs.map((s) => s.x[1]));
        const sd = Math.sqrt(mean(xs.map((s) => (s.x[0] - mx) ** 2)));
        return { n: xs.length, mx, my, sd };
      });
      return stats;
    };
    const [c0, c1] = spread(0.2);
    expect(c0.n).toBe(2000);
    // σ = 0.1 + 0.5·noise = 0.2: the means are within 4 standard errors (0.2/√2000 ≈ 0.0045)
    expect(Math.abs(c1.mx - 0.5)).toBeLessThan(0.018);
    expect(Math.abs(c1.my - 0.5)).toBeLessThan(0.018);
    expect(Math.abs(c0.mx + 0.5)).toBeLessThan(0.018);
    expect(Math.abs(c0.my + 0.5)).toBeLessThan(0.018);
    expect(c0.sd).toBeGreaterThan(0.19);
    expect(c0.sd).toBeLessThan(0.21);
    expect(spread(0.8)[0].sd).toBeGreaterThan(0.47);
  });

  it('spiral: two arms, one the other turned by half a turn (no noise), radii spread evenly to 1', () => {
    const g = generated({ generator: 'spiral', count: 200, noise: 0, seed: 8, testFraction: 0 });
    const arm = (c: number) => g.data.filter((s) => s.y[0] === c).map((s) => s.x);
    const a0 = arm(0);
    const a1 = arm(1);
    expect(a0).toHaveLength(100);
    const key = (p: number[]) => `${p[0].toFixed(9)},${p[1].toFixed(9)}`;
    const mirrored = new Set(a1.map((p) => key([-p[0], -p[1]])));
    for (const p of a0) expect(mirrored.has(key(p))).toBe(true);
    const radii = a0.map((p) => Math.hypot(p[0], p[1])).sort((x, y) => x - y);
    expect(radii[radii.length - 1]).toBeLessThanOrEqual(1);
    expect(Math.abs(mean(radii) - 0.5)).toBeLessThan(0.05);
    // the angle winds with the radius: θ = 1.75·2π·r (mod 2π) on arm 0
    for (const p of a0) {
      const r = Math.hypot(p[0], p[1]);
      if (r < 1e-9) continue;
      const turn = (Math.atan2(p[0], p[1]) - 1.75 * 2 * Math.PI * r) / (2 * Math.PI);
      expect(Math.abs(turn - Math.round(turn))).toBeLessThan(1e-9);
    }
  });

  it('plane: y = (x₁ + x₂)/2 exactly without noise, scattered around it with noise', () => {
    const points = all(generated({ generator: 'plane', count: 100, noise: 0, seed: 4, testFraction: 0.2 }));
    for (const s of points) expect(s.y[0]).toBe((s.x[0] + s.x[1]) / 2);
    const noisy = all(generated({ generator: 'plane', count: 2000, noise: 0.5, seed: 4, testFraction: 0.2 }));
    const residuals = noisy.map((s) => s.y[0] - (s.x[0] + s.x[1]) / 2);
    expect(Math.abs(mean(residuals))).toBeLessThan(0.03);
    // noise σ = 0.5·noise = 0.25
    expect(Math.sqrt(mean(residuals.map((r) => r * r)))).toBeGreaterThan(0.23);
    expect(Math.sqrt(mean(residuals.map((r) => r * r)))).toBeLessThan(0.27);
  });

  it('sine: one input, y = sin(πx) exactly without noise, x spread over [−1, 1]', () => {
    const g = generated({ generator: 'sine', count: 500, noise: 0, seed: 6, testFraction: 0.1 });
    expect(g.inputs).toBe(1);
    for (const s of all(g)) {
      expect(s.x).toHaveLength(1);
      expect(s.y[0]).toBe(Math.sin(Math.PI * s.x[0]));
      expect(Math.abs(s.x[0])).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(mean(all(g).map((s) => s.x[0])))).toBeLessThan(0.08);
  });

  it.each([
    ['binary', 1, 'sigmoid', 'bce'],
    ['one-hot', 2, 'softmax', 'cross-entropy'],
    ['sign', 1, 'tanh', 'mse'],
  ] as const)('classification targets %s: %i output(s), for %s with %s', (encoding, outputs, activation, loss) => {
    const g = generated({ generator: 'xor', count: 60, noise: 0.1, seed: 1, testFraction: 0.5, targets: encoding });
    expect(g.encoding).toBe(encoding);
    expect(g.outputs).toBe(outputs);
    expect(g.suggested).toEqual({ outputActivation: activation, loss });
    const binary = all(generated({ generator: 'xor', count: 60, noise: 0.1, seed: 1, testFraction: 0.5 }));
    all(g).forEach((s, k) => {
      expect(s.x).toEqual(binary[k].x);
      expect(classOf(s, encoding)).toBe(binary[k].y[0]);
      const allowed = encoding === 'sign' ? [-1, 1] : [0, 1];
      for (const t of s.y) expect(allowed).toContain(t);
      if (encoding === 'one-hot') expect(s.y[0] + s.y[1]).toBe(1);
    });
  });

  it('regression targets are values for an identity output with mse', () => {
    const g = generated({ generator: 'sine', count: 10, noise: 0.1, seed: 1, testFraction: 0 });
    expect(g.encoding).toBe('value');
    expect(g.suggested).toEqual({ outputActivation: 'identity', loss: 'mse' });
  });

  it('says which targets match a scenario’s output and loss', () => {
    expect(targetEncodingFor('bce', 'sigmoid', 1)).toBe('binary');
    expect(targetEncodingFor('cross-entropy', 'softmax', 2)).toBe('one-hot');
    expect(targetEncodingFor('mse', 'tanh', 1)).toBe('sign');
    expect(targetEncodingFor('half-sse', 'sigmoid', 1)).toBe('binary');
    expect(targetEncodingFor('mse', 'identity', 2)).toBe('one-hot');
    expect(targetEncodingFor('cross-entropy', 'softmax', 3)).toBeNull();
  });

  it.each([
    [{ count: 0 }, 'count: expected an integer in [1, 100,000], got 0'],
    [{ count: 2.5 }, 'count: expected an integer in [1, 100,000], got 2.5'],
    [{ count: 100_001 }, 'count: expected an integer in [1, 100,000], got 100001'],
    [{ noise: -0.1 }, 'noise: expected a number in [0, 1], got -0.1'],
    [{ noise: NaN }, 'noise: expected a number in [0, 1], got NaN'],
    [{ seed: 1.5 }, 'seed: expected an integer, got 1.5'],
    [{ testFraction: 1 }, 'testFraction: expected a number in [0, 1), got 1'],
    [{ count: 2, testFraction: 0.9 }, 'testFraction: 0.9 of 2 points leaves no training point'],
    [
      { generator: 'moons' },
      'generator: unknown generator "moons" (expected circle, xor, gaussians, spiral, plane, sine)',
    ],
    [{ generator: 'sine', targets: 'one-hot' }, 'targets: sine is a regression set: its targets are values'],
  ])('rejects %j: %s', (change, message) => {
    const result = generateDataset({
      generator: 'circle',
      count: 10,
      noise: 0,
      seed: 1,
      testFraction: 0.2,
      ...change,
    } as DatasetOptions);
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([message]);
  });
});
