/**
 * The scenario model `backprop-scenario/1` (see shared/spec/scenario.md): the plain,
 * JSON-shaped description of a network, its parameters, data, loss and optimizer.
 * Activations and optimizers are always held in their full object form here; the codec
 * accepts the string shorthand and the defaults, and writes back what was read.
 */

export const SCENARIO_FORMAT = 'backprop-scenario/1';

export type ActivationType = 'identity' | 'linear' | 'relu' | 'leaky-relu' | 'sigmoid' | 'tanh' | 'softmax';

export const ACTIVATION_TYPES: readonly ActivationType[] = [
  'identity',
  'linear',
  'relu',
  'leaky-relu',
  'sigmoid',
  'tanh',
  'softmax',
];

/** An activation with its parameter: `slope` for linear, `alpha` for leaky-relu. */
export type Activation =
  | { type: 'identity' | 'relu' | 'sigmoid' | 'tanh' | 'softmax' }
  | { type: 'linear'; slope: number }
  | { type: 'leaky-relu'; alpha: number };

export type LossName = 'mse' | 'sse' | 'half-sse' | 'bce' | 'cross-entropy';
export const LOSS_NAMES: readonly LossName[] = ['mse', 'sse', 'half-sse', 'bce', 'cross-entropy'];

export type Reduction = 'mean' | 'sum';
export const REDUCTIONS: readonly Reduction[] = ['mean', 'sum'];

export type OptimizerType = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adadelta' | 'adam';
export const OPTIMIZER_TYPES: readonly OptimizerType[] = [
  'sgd',
  'momentum',
  'nesterov',
  'adagrad',
  'rmsprop',
  'adadelta',
  'adam',
];

/** Every optimizer with all of its fields filled in (defaults applied by the codec). */
export type Optimizer =
  | { type: 'sgd'; learningRate: number }
  | { type: 'momentum' | 'nesterov'; learningRate: number; momentum: number }
  | { type: 'adagrad'; learningRate: number; epsilon: number }
  | { type: 'rmsprop'; learningRate: number; decay: number; epsilon: number }
  | { type: 'adadelta'; learningRate: number; decay: number; epsilon: number }
  | { type: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number };

export type Init =
  | { type: 'constant'; value: number }
  | { type: 'uniform'; low: number; high: number; seed: number }
  | { type: 'xavier'; seed: number }
  | { type: 'he'; seed: number };

export interface InputLayer {
  size: number;
  labels?: string[];
}

export interface DenseLayer {
  size: number;
  activation: Activation;
  bias: boolean;
  labels?: string[];
}

/** The activation of layer `l`; identity for the input layer (and past the last layer). */
export function layerActivation(layers: readonly (InputLayer | DenseLayer)[], l: number): ActivationType {
  const layer = layers[l];
  return layer !== undefined && 'activation' in layer ? layer.activation.type : 'identity';
}

/** A layer's trainable entry: one flag for the whole layer or a mask of its shape. */
export type TrainableEntry = boolean | boolean[][];
export type TrainableBiasEntry = boolean | boolean[] | null;

export interface Sample {
  x: number[];
  y: number[];
}

/**
 * A fully validated scenario, normalized: `weights` is always present (an `init` is
 * resolved into weights when parsed; `init` is kept so that the file writes back the
 * same, and an app edit of a weight drops it), `biases` has one entry per layer (zeros
 * filled in for a bias layer given as null or omitted), activations and optimizers are
 * in their full object form with every default filled in.
 */
export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  title?: string;
  description?: string;
  layers: [InputLayer, ...DenseLayer[]];
  weightLabels?: string[][][];
  biasLabels?: (string[] | null)[];
  /** `weights[l][j][i]`: from node i of layer l to node j of layer l+1. */
  weights: number[][][];
  /** `biases[l][j]`: bias of node j of layer l+1; null for a layer without bias. */
  biases: (number[] | null)[];
  init?: Init;
  trainable?: { weights?: TrainableEntry[]; biases?: TrainableBiasEntry[] };
  loss: LossName;
  reduction?: Reduction;
  data: Sample[];
  batchSize?: number;
  optimizer: Optimizer;
  /** a penalty on the weights added to the loss: l1·Σ|w| + (l2/2)·Σw²; a missing rate is 0 */
  regularization?: Regularization;
  /** held-out samples, never trained on; their data loss is reported beside the training loss */
  testData?: Sample[];
}

/** The rates of the weight penalty, as the file gives them (at least one of the two). */
export interface Regularization {
  l1?: number;
  l2?: number;
}

/** The spec's limits; a document over one is rejected with a message naming it. */
export const LIMITS = {
  layers: 32,
  layerSize: 1024,
  parameters: 1_000_000,
  samples: 100_000,
  title: 500,
  description: 10_000,
  label: 64,
  traceSteps: 10_000_000,
} as const;

/** The default value of every optional optimizer field. */
export const OPTIMIZER_DEFAULTS = {
  momentum: { momentum: 0.9 },
  nesterov: { momentum: 0.9 },
  adagrad: { epsilon: 1e-8 },
  rmsprop: { decay: 0.9, epsilon: 1e-8 },
  adadelta: { learningRate: 1, decay: 0.95, epsilon: 1e-6 },
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
} as const;
