import { DEFAULT_PRECISION, type Precision } from '../core/format-number.ts';
import type { Compiled } from '../core/compile.ts';
import type { Iteration } from '../core/iteration.ts';
import { outputLossTerm } from '../core/loss.ts';
import { ACT, LOSS, type Model } from '../core/model.ts';
import { biasName, nameToText, nodeName, targetName, weightName } from '../core/notation.ts';
import { biasMark, marked, weightMark } from '../core/shared-names.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import { currentEvent, phaseOf, type Phase, type StepPlan } from '../core/step-plan.ts';

/**
 * The plain data the network diagram draws, built from core numbers. Every number is the
 * core's own (full precision); the `…Known` flags say whether the step position has reached
 * the event computing it, and the view blanks the visible text of what is not known.
 */

export type NodeKind = 'input' | 'hidden' | 'output';

export interface NodeView {
  /** "l:j" */
  readonly key: string;
  readonly l: number;
  readonly j: number;
  /** node index in the core's tables (nodeOffset[l] + j) */
  readonly index: number;
  readonly kind: NodeKind;
  readonly name: string;
  /** of the selected sample; z is NaN for an input node */
  readonly z: number;
  readonly a: number;
  readonly dLdz: number;
  readonly dLda: number;
  /** output nodes: the selected sample's target */
  readonly target: number | null;
  readonly targetName: string | null;
  readonly zKnown: boolean;
  readonly aKnown: boolean;
  /** δ (for an input node: ∂L/∂a) known */
  readonly deltaKnown: boolean;
  /** the event at the step position computes this node's z, a or δ */
  readonly current: boolean;
  readonly currentPart: 'z' | 'a' | 'delta' | null;
  readonly selected: boolean;
}

export interface EdgeView {
  /** "l:j:i": from node i of layer l to node j of layer l+1 */
  readonly key: string;
  readonly l: number;
  readonly j: number;
  readonly i: number;
  /** weight index in the core's tables */
  readonly index: number;
  readonly name: string;
  /** before the step */
  readonly weight: number;
  readonly weightAfter: number;
  /** its update event is done (never for a frozen weight) */
  readonly updated: boolean;
  /** ∂L/∂w of the batch */
  readonly grad: number;
  readonly gradKnown: boolean;
  readonly frozen: boolean;
  readonly current: boolean;
  readonly currentPart: 'grad' | 'update' | null;
  readonly selected: boolean;
}

export interface BiasView {
  /** "l:j": the bias of node j of layer l+1 */
  readonly key: string;
  readonly l: number;
  readonly j: number;
  readonly index: number;
  readonly name: string;
  readonly value: number;
  readonly valueAfter: number;
  readonly updated: boolean;
  readonly grad: number;
  readonly gradKnown: boolean;
  readonly frozen: boolean;
  readonly current: boolean;
  readonly currentPart: 'grad' | 'update' | null;
  readonly selected: boolean;
}

export interface LossView {
  readonly key: 'loss';
  readonly name: string;
  /** the batch's reduced loss */
  readonly value: number;
  /** the selected sample's own loss */
  readonly sampleValue: number;
  /** each output's term of the selected sample's loss (Mazur's E_o1, E_o2); empty for one output or more than 8 */
  readonly terms: readonly { readonly name: string; readonly value: number }[];
  readonly known: boolean;
  readonly current: boolean;
  readonly selected: boolean;
}

export interface LayerView {
  readonly l: number;
  readonly size: number;
  readonly kind: NodeKind;
  /** the scenario's activation type ('input' for layer 0) */
  readonly activation: string;
  /** short display name: "ReLU", "σ", "tanh", … */
  readonly activationLabel: string;
  /** the layer has biases (false for the input layer) */
  readonly bias: boolean;
}

export interface NetworkViewModel {
  /** sizes and bias flags, e.g. "3-2-1|00": equal shapes keep every element of the diagram */
  readonly shape: string;
  readonly layers: readonly LayerView[];
  /** in node index order: layer by layer */
  readonly nodes: readonly NodeView[];
  /** in weight index order */
  readonly edges: readonly EdgeView[];
  /** only layers with biases, in bias index order */
  readonly biases: readonly BiasView[];
  readonly loss: LossView;
  /** events done; the last of them (index position − 1) is the current one, none at 0 */
  readonly position: number;
  readonly eventCount: number;
  readonly phase: Phase | 'done';
  /** sample index within the batch, and the batch */
  readonly sample: number;
  readonly batchStart: number;
  readonly batchCount: number;
  /** show z beside a on the nodes */
  readonly showZ: boolean;
  /** significant digits of every number drawn */
  readonly precision: Precision;
  /** short name of the loss function: "MSE", "BCE", … */
  readonly lossFunction: string;
}

const LOSS_LABEL: Record<number, string> = {
  [LOSS.mse]: 'MSE',
  [LOSS.sse]: 'SSE',
  [LOSS.halfSse]: '½ SSE',
  [LOSS.bce]: 'BCE',
  [LOSS.crossEntropy]: 'cross-entropy',
};

/** Display names of every node, weight, bias and target, computed once per scenario labels. */
export interface NetworkNames {
  readonly nodes: readonly string[];
  readonly weights: readonly string[];
  readonly biases: readonly string[];
  readonly targets: readonly string[];
}

export interface NetworkViewInput {
  readonly scenario: Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;
  readonly compiled: Compiled;
  readonly iteration: Iteration;
  readonly plan: StepPlan;
  readonly position: number;
  readonly sample: number;
  readonly selection: Selection | null;
  readonly showZ?: boolean;
  readonly precision?: Precision;
  /** names from buildNetworkNames, to skip recomputing them on every frame of a drag */
  readonly names?: NetworkNames;
}

const ACT_LABEL: Record<number, string> = {
  [ACT.identity]: 'identity',
  [ACT.linear]: 'linear',
  [ACT.relu]: 'ReLU',
  [ACT.leakyRelu]: 'leaky ReLU',
  [ACT.sigmoid]: 'σ',
  [ACT.tanh]: 'tanh',
  [ACT.softmax]: 'softmax',
};

/** The display names of a scenario's nodes, weights, biases and targets, by core index. */
export function buildNetworkNames(scenario: NetworkViewInput['scenario'], model: Model): NetworkNames {
  const nodes: string[] = [];
  const weights: string[] = [];
  const biases: string[] = [];
  const targets: string[] = [];
  for (let l = 0; l <= model.depth; l++)
    for (let j = 0; j < model.sizes[l]; j++) nodes.push(nameToText(nodeName(scenario, l, j)));
  for (let l = 0; l < model.depth; l++) {
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      for (let i = 0; i < model.sizes[l]; i++)
        weights.push(nameToText(weightName(scenario, l, j, i)) + marked(weightMark(scenario, l, j, i)));
      // a name two biases share (Mazur's two b₁) carries the node it feeds: b₁ (h₁), b₁ (h₂)
      biases.push(nameToText(biasName(scenario, l, j)) + marked(biasMark(scenario, l, j)));
    }
  }
  for (let j = 0; j < model.sizes[model.depth]; j++) targets.push(nameToText(targetName(scenario, j)));
  return { nodes, weights, biases, targets };
}

/** The shape key of a model: layer sizes and, per layer after the input, whether it has biases. */
export function shapeKey(model: Model): string {
  return `${Array.from(model.sizes).join('-')}|${Array.from(model.hasBias).join('')}`;
}

/** The diagram's view model at a step position, for one sample of the iteration's batch. */
export function buildNetworkViewModel(input: NetworkViewInput): NetworkViewModel {
  const { compiled, iteration, plan, selection } = input;
  const { model, trainable, data } = compiled;
  const { pass, params, after } = iteration;
  const names = input.names ?? buildNetworkNames(input.scenario, model);
  const position = Math.max(0, Math.min(plan.events.length, Math.floor(input.position)));
  const sample = Math.max(0, Math.min(iteration.count - 1, Math.floor(input.sample)));
  const event = currentEvent(plan, position);
  const { depth, sizes, nodeOffset, nodeCount, weightOffset, biasOffset } = model;
  const row = sample * nodeCount;
  const nOut = sizes[depth];
  const sel = selection;

  const layers: LayerView[] = [];
  for (let l = 0; l <= depth; l++) {
    const kind: NodeKind = l === 0 ? 'input' : l === depth ? 'output' : 'hidden';
    const layer = input.scenario.layers[l] as { activation?: { type: string } };
    layers.push({
      l,
      size: sizes[l],
      kind,
      activation: l === 0 ? 'input' : (layer?.activation?.type ?? 'identity'),
      activationLabel: l === 0 ? 'input' : (ACT_LABEL[model.act[l - 1]] ?? ''),
      bias: l > 0 && model.hasBias[l - 1] === 1,
    });
  }

  const nodes: NodeView[] = [];
  for (let l = 0; l <= depth; l++) {
    const kind = layers[l].kind;
    for (let j = 0; j < sizes[l]; j++) {
      const n = nodeOffset[l] + j;
      let currentPart: NodeView['currentPart'] = null;
      if (event && 'j' in event && event.l === l && event.j === j) {
        if (event.kind === 'z') currentPart = 'z';
        else if (event.kind === 'a') currentPart = 'a';
        else if (event.kind === 'delta') currentPart = 'delta';
      }
      const isOut = l === depth;
      nodes.push({
        key: `${l}:${j}`,
        l,
        j,
        index: n,
        kind,
        name: names.nodes[n],
        z: pass.z[row + n],
        a: pass.a[row + n],
        dLdz: pass.dLdz[row + n],
        dLda: pass.dLda[row + n],
        target: isOut ? data.y[(iteration.start + sample) * nOut + j] : null,
        targetName: isOut ? names.targets[j] : null,
        zKnown: plan.zAt[n] < position,
        aKnown: plan.aAt[n] < position,
        deltaKnown: plan.deltaAt[n] < position,
        current: currentPart !== null,
        currentPart,
        selected: sel !== null && sel.kind === 'node' && sel.l === l && sel.j === j,
      });
    }
  }

  const edges: EdgeView[] = [];
  const biases: BiasView[] = [];
  for (let l = 0; l < depth; l++) {
    const fanIn = sizes[l];
    for (let j = 0; j < sizes[l + 1]; j++) {
      for (let i = 0; i < fanIn; i++) {
        const k = weightOffset[l] + j * fanIn + i;
        const part =
          event && event.kind === 'weight-grad' && event.l === l && event.j === j && event.i === i
            ? 'grad'
            : event && event.kind === 'weight-update' && event.l === l && event.j === j && event.i === i
              ? 'update'
              : null;
        const upd = plan.weightUpdateAt[k];
        edges.push({
          key: `${l}:${j}:${i}`,
          l,
          j,
          i,
          index: k,
          name: names.weights[k],
          weight: params.w[k],
          weightAfter: after.w[k],
          updated: upd >= 0 && upd < position,
          grad: pass.dLdw[k],
          gradKnown: plan.weightGradAt[k] < position,
          frozen: trainable.w[k] === 0,
          current: part !== null,
          currentPart: part,
          selected: sel !== null && sel.kind === 'edge' && sel.l === l && sel.j === j && sel.i === i,
        });
      }
    }
    if (!model.hasBias[l]) continue;
    for (let j = 0; j < sizes[l + 1]; j++) {
      const k = biasOffset[l] + j;
      const part =
        event && event.kind === 'bias-grad' && event.l === l && event.j === j
          ? 'grad'
          : event && event.kind === 'bias-update' && event.l === l && event.j === j
            ? 'update'
            : null;
      const upd = plan.biasUpdateAt[k];
      biases.push({
        key: `${l}:${j}`,
        l,
        j,
        index: k,
        name: names.biases[k],
        value: params.b[k],
        valueAfter: after.b[k],
        updated: upd >= 0 && upd < position,
        grad: pass.dLdb[k],
        gradKnown: plan.biasGradAt[k] < position,
        frozen: trainable.b[k] === 0,
        current: part !== null,
        currentPart: part,
        selected: sel !== null && sel.kind === 'bias' && sel.l === l && sel.j === j,
      });
    }
  }

  const lossCurrent = event !== null && event.kind === 'loss';
  return {
    shape: shapeKey(model),
    layers,
    nodes,
    edges,
    biases,
    loss: {
      key: 'loss',
      name: 'L',
      value: pass.loss,
      sampleValue: pass.sampleLoss[sample],
      terms: lossTerms(model, pass.a, data.y, row + nodeOffset[depth], (iteration.start + sample) * nOut, names),
      known: plan.lossAt < position,
      current: lossCurrent,
      selected: sel !== null && sel.kind === 'loss',
    },
    position,
    eventCount: plan.events.length,
    phase: position >= plan.events.length ? 'done' : event ? phaseOf(event) : 'forward',
    sample,
    batchStart: iteration.start,
    batchCount: iteration.count,
    showZ: input.showZ ?? false,
    precision: input.precision ?? DEFAULT_PRECISION,
    lossFunction: LOSS_LABEL[model.loss] ?? '',
  };
}

/** Output k's term of one sample's loss for each output, by the output's name; empty for one output or more than 8. */
function lossTerms(
  model: Model,
  a: Float64Array,
  y: Float64Array,
  aOff: number,
  yOff: number,
  names: NetworkNames,
): { name: string; value: number }[] {
  const K = model.sizes[model.depth];
  if (K < 2 || K > 8) return [];
  const out: { name: string; value: number }[] = [];
  for (let k = 0; k < K; k++) {
    out.push({
      name: names.nodes[model.nodeOffset[model.depth] + k],
      value: outputLossTerm(model.loss, a[aOff + k], y[yOff + k], K),
    });
  }
  return out;
}

/** The longest name of a weight or bias, in UTF-16 units (labels reserve room for it). */
export function maxParameterNameLength(vm: NetworkViewModel): number {
  let m = maxWeightNameLength(vm);
  for (const b of vm.biases) if (b.name.length > m) m = b.name.length;
  return m;
}

/** The longest edge name, in characters (a weight label named where it stands takes this room). */
export function maxWeightNameLength(vm: NetworkViewModel): number {
  let m = 0;
  for (const e of vm.edges) if (e.name.length > m) m = e.name.length;
  return m;
}

/** The largest finite |value| the diagram shows for a parameter (its value after the step once updated). */
export function maxAbsShownParameter(vm: NetworkViewModel): number {
  let m = 0;
  for (const e of vm.edges) {
    const a = Math.abs(e.updated ? e.weightAfter : e.weight);
    if (a > m && a !== Infinity) m = a;
  }
  for (const b of vm.biases) {
    const a = Math.abs(b.updated ? b.valueAfter : b.value);
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}
