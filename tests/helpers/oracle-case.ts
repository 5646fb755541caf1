import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Activation, DenseLayer, LossName, Scenario } from '../../src/core/scenario.ts';

/** One `nn-oracle-case/1` file (shared/oracle/README.md), typed as far as the tests read it. */
export interface OracleCase {
  id: string;
  network: {
    layer_sizes: number[];
    layers: {
      activation: { name: string; scale?: number; negative_slope?: number };
      has_bias: boolean;
      bias_trainable: boolean | null;
      weights_trainable: boolean | boolean[][];
    }[];
    weights: number[][][];
    biases: (number[] | null)[];
  };
  loss: { elementwise: string; output_reduction: string; sample_reduction: string; scale: number };
  optimizer: { name: string; learning_rate: number };
  data: { inputs: number[][]; targets: number[][] };
  output_override?: unknown;
  extra?: unknown;
  expected: {
    loss: number;
    forward_backward: {
      samples: {
        x: number[];
        target: number[];
        z: (number[] | null)[];
        a: number[][];
        loss: number;
        dL_dz: (number[] | null)[];
        dL_da: number[][];
      }[];
    };
    grads: { weights: number[][][]; biases: (number[] | null)[] };
    after_one_step: { weights: number[][][]; biases: (number[] | null)[]; loss: number; loss_per_sample: number[] };
    training?: {
      steps: number;
      loss_after: number;
      weights_after: number[][][];
      biases_after: (number[] | null)[];
      loss_history: Record<string, number>;
    };
  };
}

const DIR = fileURLToPath(new URL('../fixtures/oracle/', import.meta.url));

/** Every oracle case copied into tests/fixtures/oracle, by file name. */
export function loadOracleCases(): { file: string; oracle: OracleCase }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, oracle: JSON.parse(readFileSync(DIR + file, 'utf8')) as OracleCase }));
}

function activation(a: OracleCase['network']['layers'][number]['activation']): Activation {
  switch (a.name) {
    case 'scaled_identity':
      return { type: 'linear', slope: a.scale ?? 1 };
    case 'leaky_relu':
      return { type: 'leaky-relu', alpha: a.negative_slope ?? 0.01 };
    case 'identity':
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'softmax':
      return { type: a.name };
    default:
      throw new Error(`unknown oracle activation ${a.name}`);
  }
}

function lossName(l: OracleCase['loss']): LossName {
  const key = `${l.elementwise}/${l.output_reduction}/${l.scale}`;
  const names: Record<string, LossName> = {
    'squared_error/mean/1': 'mse',
    'squared_error/sum/1': 'sse',
    'squared_error/sum/0.5': 'half-sse',
    'binary_cross_entropy/mean/1': 'bce',
    'categorical_cross_entropy/sum/1': 'cross-entropy',
  };
  const name = names[key];
  if (!name) throw new Error(`oracle loss ${key} has no scenario equivalent`);
  return name;
}

/**
 * The scenario an oracle case describes, or null when the format cannot express it
 * (a substituted, rounded prediction). Shared frozen biases (Mazur) are per-node biases
 * of equal value: with the biases frozen, forward values and gradients are the same.
 */
export function oracleToScenario(c: OracleCase): Scenario | null {
  if (c.output_override !== undefined || c.optimizer.name !== 'sgd') return null;
  const sizes = c.network.layer_sizes;
  const layers: DenseLayer[] = c.network.layers.map((layer, l) => ({
    size: sizes[l + 1],
    activation: activation(layer.activation),
    bias: layer.has_bias,
  }));
  return {
    format: 'backprop-scenario/1',
    layers: [{ size: sizes[0] }, ...layers],
    weights: c.network.weights,
    biases: c.network.biases.map((b) => (b === null ? null : [...b])),
    trainable: {
      weights: c.network.layers.map((layer) => layer.weights_trainable),
      biases: c.network.layers.map((layer) => (layer.has_bias ? (layer.bias_trainable ?? true) : null)),
    },
    loss: lossName(c.loss),
    reduction: c.loss.sample_reduction === 'sum' ? 'sum' : 'mean',
    data: c.data.inputs.map((x, s) => ({ x, y: c.data.targets[s] })),
    optimizer: { type: 'sgd', learningRate: c.optimizer.learning_rate },
  };
}
