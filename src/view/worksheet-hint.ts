import { biasName, nameToText, nodeName, targetName, weightName } from '../core/notation.ts';
import { layerActivation, type Scenario } from '../core/scenario.ts';
import type { StepEvent } from '../core/step-plan.ts';

type HintScenario = Pick<
  Scenario,
  'layers' | 'weightLabels' | 'biasLabels' | 'loss' | 'reduction' | 'optimizer' | 'data' | 'batchSize'
>;

const ACTIVATION_FORMULAS: Readonly<Record<string, string>> = {
  identity: 'z',
  linear: 'slope·z',
  relu: 'max(0, z)',
  'leaky-relu': 'z if z > 0, else α·z',
  sigmoid: '1 / (1 + e^(−z))',
  tanh: 'tanh(z)',
};

const LOSS_FORMULAS: Readonly<Record<string, string>> = {
  mse: 'mean over outputs of (ŷ − y)²',
  sse: 'Σ (ŷ − y)²',
  'half-sse': 'Σ ½(y − ŷ)²',
  bce: '−[y·ln ŷ + (1 − y)·ln(1 − ŷ)]',
  'cross-entropy': '−Σ y·ln ŷ',
};

function layerHasBias(s: HintScenario, l: number): boolean {
  const layer = s.layers[l];
  return layer !== undefined && 'bias' in layer && layer.bias;
}

/**
 * δ of output j where the loss fuses with the activation (as the core's model does: sigmoid +
 * bce, softmax + cross-entropy): ŷ − y, divided by what the loss averages over; null otherwise.
 */
function fusedDeltaHint(s: HintScenario, j: number): string | null {
  const depth = s.layers.length - 1;
  const type = layerActivation(s.layers, depth);
  const sigmoid = type === 'sigmoid' && s.loss === 'bce';
  if (!sigmoid && !(type === 'softmax' && s.loss === 'cross-entropy')) return null;
  const out = nameToText(nodeName(s, depth, j));
  const target = nameToText(targetName(s, j));
  const divisors: string[] = [];
  const outputs = s.layers[depth]?.size ?? 1;
  if (sigmoid && outputs > 1) divisors.push(`${outputs} (the outputs)`);
  const batch = Math.min(s.batchSize ?? s.data.length, s.data.length);
  if ((s.reduction ?? 'mean') === 'mean' && batch > 1) divisors.push('N, N the samples in the batch');
  const difference = divisors.length ? `(${out} − ${target}) / ${divisors.join(' / ')}` : `${out} − ${target}`;
  const why = sigmoid
    ? `sigmoid and binary cross-entropy fused: ${out}(1 − ${out}) cancels against ∂L/∂${out}`
    : `softmax and cross-entropy fused: Σ ∂L/∂ŷ · ∂ŷ/∂z over the softmax's Jacobian collapses to the difference`;
  return `δ of ${out} = ${difference} (${why})`;
}

/**
 * The formula of an event with the network's names and no numbers, for a worksheet's hint:
 * "z of h₁ = w₁·i₁ + w₂·i₂ + b₁".
 */
export function eventHint(s: HintScenario, e: StepEvent): string {
  const node = (l: number, j: number) => nameToText(nodeName(s, l, j));
  const size = (l: number) => s.layers[l]?.size ?? 0;
  switch (e.kind) {
    case 'z': {
      const terms = Array.from(
        { length: size(e.l - 1) },
        (_, i) => `${nameToText(weightName(s, e.l - 1, e.j, i))}·${node(e.l - 1, i)}`,
      );
      if (layerHasBias(s, e.l)) terms.push(nameToText(biasName(s, e.l - 1, e.j)));
      return `z of ${node(e.l, e.j)} = ${terms.join(' + ')}`;
    }
    case 'a': {
      const type = layerActivation(s.layers, e.l);
      if (type === 'softmax') {
        // every z of the layer, each asked before the layer's first a
        const exps = Array.from({ length: size(e.l) }, (_, k) => `e^(z of ${node(e.l, k)})`);
        const sum = exps.length > 4 ? [exps[0], '…', exps[exps.length - 1]] : exps;
        return `${node(e.l, e.j)} = softmax of the layer’s z = ${exps[e.j]} / (${sum.join(' + ')})`;
      }
      return `${node(e.l, e.j)} = φ(z) = ${ACTIVATION_FORMULAS[type] ?? 'φ(z)'}, with z of ${node(e.l, e.j)}`;
    }
    case 'loss':
      return `L = ${LOSS_FORMULAS[s.loss] ?? 'the loss'} for each sample, then the ${s.reduction ?? 'mean'} over the batch`;
    case 'delta': {
      if (e.l === s.layers.length - 1)
        return fusedDeltaHint(s, e.j) ?? `δ of ${node(e.l, e.j)} = ∂L/∂${node(e.l, e.j)} · φ′(z)`;
      const terms = Array.from(
        { length: size(e.l + 1) },
        (_, k) => `${nameToText(weightName(s, e.l, k, e.j))}·δ(${node(e.l + 1, k)})`,
      );
      return `δ of ${node(e.l, e.j)} = (${terms.join(' + ')}) · φ′(z)`;
    }
    case 'weight-grad':
      return `∂L/∂${nameToText(weightName(s, e.l, e.j, e.i))} = Σ over the batch of δ(${node(e.l + 1, e.j)}) · ${node(e.l, e.i)}`;
    case 'bias-grad':
      return `∂L/∂${nameToText(biasName(s, e.l, e.j))} = Σ over the batch of δ(${node(e.l + 1, e.j)})`;
    case 'weight-update':
    case 'bias-update': {
      const name = nameToText(e.kind === 'weight-update' ? weightName(s, e.l, e.j, e.i) : biasName(s, e.l, e.j));
      return s.optimizer.type === 'sgd'
        ? `${name} ← ${name} − η·∂L/∂${name}, with η = ${s.optimizer.learningRate}`
        : `${name} ← the ${s.optimizer.type} step from ∂L/∂${name}`;
    }
  }
}
