/**
 * The benchmark networks, as plain scenarios the core compiles and the tfjs trainer
 * mirrors: numpy-341, Mazur 2-2-2 and three square ReLU stacks on seeded random data.
 */
import { initWeights, mulberry32 } from '../src/core/init.ts';
import {
  SCENARIO_FORMAT,
  type Activation,
  type DenseLayer,
  type LossName,
  type Reduction,
  type Sample,
  type Scenario,
} from '../src/core/scenario.ts';

export interface BenchCase {
  /** short id, used by `--only` and in the JSON */
  readonly id: string;
  /** what the table shows */
  readonly label: string;
  readonly scenario: Scenario;
  /** weights (not biases) of the network: Σ fan_in·fan_out */
  readonly weights: number;
  /** samples per step (full batch) */
  readonly batch: number;
  /** 6·W·B: 2·W·B forward matmuls + 4·W·B backward (input-grad and weight-grad) matmuls */
  readonly flopsPerStep: number;
  /** the goal ratio core/tfjs for this case, if there is one */
  readonly goalRatio?: number;
}

/** 2·W·B forward + 4·W·B backward; activations, loss and the update are not counted. */
export function flopsPerStep(weights: number, batch: number): number {
  return 6 * weights * batch;
}

function dense(size: number, activation: Activation['type'], bias: boolean): DenseLayer {
  return { size, activation: { type: activation } as Activation, bias };
}

function makeCase(
  id: string,
  label: string,
  init: { sizes: number[]; hidden: Activation['type']; output: Activation['type']; bias: boolean },
  weights: number[][][],
  biases: (number[] | null)[],
  data: Sample[],
  loss: LossName,
  reduction: Reduction,
  learningRate: number,
  goalRatio?: number,
): BenchCase {
  const { sizes } = init;
  const layers: Scenario['layers'] = [{ size: sizes[0] }];
  for (let l = 1; l < sizes.length; l++)
    layers.push(dense(sizes[l], l === sizes.length - 1 ? init.output : init.hidden, init.bias));
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    title: label,
    layers,
    weights,
    biases,
    loss,
    reduction,
    data,
    optimizer: { type: 'sgd', learningRate },
  };
  let w = 0;
  for (let l = 0; l + 1 < sizes.length; l++) w += sizes[l] * sizes[l + 1];
  return { id, label, scenario, weights: w, batch: data.length, flopsPerStep: flopsPerStep(w, data.length), goalRatio };
}

/**
 * numpy-341: the tutorial's 3-4-1 sigmoid net without biases, its np.random.seed(10) initial
 * weights, 4 samples, L = ½Σ(ŷ−y)² summed over the samples, plain SGD with learning rate 1.
 */
export function numpy341(): BenchCase {
  const weights = [
    [
      [0.771320643266746, 0.4985070123025904, 0.16911083656253545],
      [0.0207519493594015, 0.22479664553084766, 0.08833981417401027],
      [0.6336482349262754, 0.19806286475962398, 0.6853598183677972],
      [0.7488038825386119, 0.7605307121989587, 0.9533933461949365],
    ],
    [[0.003948266327914451, 0.5121922633857766, 0.8126209616521135, 0.6125260668293881]],
  ];
  const xs = [
    [0, 0, 1],
    [1, 1, 1],
    [1, 0, 1],
    [0, 1, 1],
  ];
  const ys = [[0], [1], [1], [0]];
  return makeCase(
    'numpy-341',
    '3-4-1 sigmoid, 4 samples (numpy-341)',
    { sizes: [3, 4, 1], hidden: 'sigmoid', output: 'sigmoid', bias: false },
    weights,
    [null, null],
    xs.map((x, k) => ({ x, y: ys[k] })),
    'half-sse',
    'sum',
    1,
  );
}

/** The reference loss of numpy-341 after 10 000 steps (tests/fixtures/oracle/seed002_numpy_341_sigmoid.json). */
export const NUMPY341_LOSS_AFTER_10K = 5.401159552863036e-5;

/** Mazur's 2-2-2 sigmoid net with biases (trainable here), one sample, ½Σ(ŷ−y)², SGD lr 0.5. */
export function mazur222(): BenchCase {
  return makeCase(
    'mazur-222',
    '2-2-2 sigmoid, 1 sample (Mazur)',
    { sizes: [2, 2, 2], hidden: 'sigmoid', output: 'sigmoid', bias: true },
    [
      [
        [0.15, 0.2],
        [0.25, 0.3],
      ],
      [
        [0.4, 0.45],
        [0.5, 0.55],
      ],
    ],
    [
      [0.35, 0.35],
      [0.6, 0.6],
    ],
    [{ x: [0.05, 0.1], y: [0.01, 0.99] }],
    'half-sse',
    'sum',
    0.5,
  );
}

/**
 * `depth` dense n×n layers (sizes [n × (depth+1)]), ReLU hidden layers, identity output,
 * biases on (zero), xavier weights (seed 1), mse averaged over the batch, SGD lr 0.01;
 * inputs and targets uniform in [−1, 1) from mulberry32(seed 7).
 */
export function squareStack(n: number, depth: number, samples: number, goalRatio?: number): BenchCase {
  const sizes = new Array<number>(depth + 1).fill(n);
  const weights = initWeights({ type: 'xavier', seed: 1 }, sizes);
  const biases = sizes.slice(1).map((size) => new Array<number>(size).fill(0));
  const draw = mulberry32(7);
  const data: Sample[] = [];
  for (let s = 0; s < samples; s++) {
    const x = Array.from({ length: n }, () => 2 * draw() - 1);
    const y = Array.from({ length: n }, () => 2 * draw() - 1);
    data.push({ x, y });
  }
  return makeCase(
    `stack-${n}x${depth}`,
    `${depth} dense ${n}×${n} ReLU, ${samples} samples`,
    { sizes, hidden: 'relu', output: 'identity', bias: true },
    weights,
    biases,
    data,
    'mse',
    'mean',
    0.01,
    goalRatio,
  );
}

/** Every benchmark case, smallest first. */
export function benchCases(): BenchCase[] {
  return [numpy341(), mazur222(), squareStack(16, 10, 32), squareStack(64, 4, 256, 4), squareStack(256, 3, 256, 4)];
}
