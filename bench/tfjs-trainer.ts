/**
 * The same network trained by TensorFlow.js on its pure-JS CPU backend (float32, the only
 * float type tfjs has): same initial weights and biases, same data, full batch, same loss
 * and reduction, plain SGD through `tf.train.sgd(lr).minimize`.
 */
import * as tf from '@tensorflow/tfjs-core';
// Shipped only as extensionless ES modules, which Node's own resolver rejects: this file is
// meant to be bundled (bench/run.ts bundles it with esbuild, which resolves them).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import type { Activation, Scenario } from '../src/core/scenario.ts';

let ready: Promise<void> | null = null;

/** Selects the CPU backend once, in prod mode (which also silences the "install tfjs-node" notice). */
export function loadTfjs(): Promise<void> {
  ready ??= (async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
  })();
  return ready;
}

export function tfjsInfo(): { version: string; backend: string } {
  return { version: tf.version_core, backend: tf.getBackend() };
}

export interface TfjsTrainer {
  /** `steps` optimizer steps. */
  run(steps: number): void;
  /** One step, returning the batch loss before it (read back from the tensor). */
  stepWithLoss(): number;
  /** Live tensors held by the engine (stays flat while training). */
  tensors(): number;
  dispose(): void;
}

type Act = Activation['type'];

function apply(act: Act, z: tf.Tensor2D): tf.Tensor2D {
  switch (act) {
    case 'identity':
      return z;
    case 'relu':
      return tf.relu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    default:
      throw new Error(`tfjs bench: activation ${act} not supported`);
  }
}

/**
 * Variables W_l of shape [fan_in, fan_out] (the transpose of the scenario's weights[l][j][i])
 * and b_l of shape [fan_out]; z = a·W + b. Only sgd and the squared-error losses are supported.
 */
export function createTfjsTrainer(s: Scenario): TfjsTrainer {
  if (s.optimizer.type !== 'sgd') throw new Error('tfjs bench: sgd only');
  if (s.batchSize !== undefined && s.batchSize !== s.data.length) throw new Error('tfjs bench: full batch only');
  const depth = s.layers.length - 1;
  const nIn = s.layers[0].size;
  const nOut = s.layers[depth].size;
  const n = s.data.length;
  const ws: tf.Variable[] = [];
  const bs: (tf.Variable | null)[] = [];
  const acts: Act[] = [];
  for (let l = 0; l < depth; l++) {
    const fanIn = s.layers[l].size;
    const layer = s.layers[l + 1] as Scenario['layers'][1];
    const fanOut = layer.size;
    const wt = new Float32Array(fanIn * fanOut);
    for (let j = 0; j < fanOut; j++) for (let i = 0; i < fanIn; i++) wt[i * fanOut + j] = s.weights[l][j][i];
    ws.push(tf.variable(tf.tensor2d(wt, [fanIn, fanOut])));
    const bias = s.biases[l];
    bs.push(layer.bias ? tf.variable(tf.tensor1d(bias ?? new Array<number>(fanOut).fill(0))) : null);
    acts.push(layer.activation.type);
  }
  const xs = new Float32Array(n * nIn);
  const ys = new Float32Array(n * nOut);
  s.data.forEach((d, k) => {
    xs.set(d.x, k * nIn);
    ys.set(d.y, k * nOut);
  });
  const x = tf.tensor2d(xs, [n, nIn]);
  const y = tf.tensor2d(ys, [n, nOut]);
  // L = c·Σ(ŷ−y)² over the batch: mse (1/K)·, half-sse ½·, sse 1·, then 1/N for a mean.
  const perSample = s.loss === 'mse' ? 1 / nOut : s.loss === 'half-sse' ? 0.5 : s.loss === 'sse' ? 1 : NaN;
  if (Number.isNaN(perSample)) throw new Error(`tfjs bench: loss ${s.loss} not supported`);
  const c = tf.scalar((s.reduction ?? 'mean') === 'mean' ? perSample / n : perSample);
  const opt = tf.train.sgd(s.optimizer.learningRate);
  const varList = [...ws, ...bs.filter((b): b is tf.Variable => b !== null)];

  const lossFn = (): tf.Scalar => {
    let a: tf.Tensor2D = x;
    for (let l = 0; l < depth; l++) {
      const b = bs[l];
      const z: tf.Tensor2D = tf.matMul(a, ws[l]);
      a = apply(acts[l], b ? tf.add(z, b) : z);
    }
    return tf.mul(tf.sum(tf.squaredDifference(a, y)), c);
  };

  return {
    run(steps: number): void {
      for (let k = 0; k < steps; k++)
        tf.tidy(() => {
          opt.minimize(lossFn, false, varList);
        });
    },
    stepWithLoss(): number {
      return tf.tidy(() => (opt.minimize(lossFn, true, varList) as tf.Scalar).dataSync()[0]);
    },
    tensors: () => tf.memory().numTensors,
    dispose(): void {
      tf.dispose([...varList, x, y, c]);
      opt.dispose();
    },
  };
}
