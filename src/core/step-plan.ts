import { ACT, type Model, type TrainableMask } from './model.ts';
import type { Selection } from './selection.ts';
import { finish, type Sliced } from './sliced.ts';

/** The four phases of one training iteration, in order. */
export type Phase = 'forward' | 'loss' | 'backward' | 'update';
export const PHASES: readonly Phase[] = ['forward', 'loss', 'backward', 'update'];

/**
 * One small event of an iteration, in the order one would work it by hand. Indices follow
 * the scenario: node j of layer l; weight (l, j, i) from node i of layer l to node j of
 * layer l+1; bias (l, j) of node j of layer l+1.
 */
export type StepEvent =
  | { kind: 'z'; l: number; j: number }
  | { kind: 'a'; l: number; j: number }
  | { kind: 'loss' }
  | { kind: 'delta'; l: number; j: number }
  | { kind: 'weight-grad'; l: number; j: number; i: number }
  | { kind: 'bias-grad'; l: number; j: number }
  | { kind: 'weight-update'; l: number; j: number; i: number }
  | { kind: 'bias-update'; l: number; j: number };

/**
 * The events of one iteration, and for every quantity the index of the event that
 * computes it: a quantity is known at position p (events done) when its index < p.
 * Inputs and the parameters before the step are known from the start (index −1).
 */
export interface StepPlan {
  readonly events: readonly StepEvent[];
  readonly phaseStart: Readonly<Record<Phase, number>>;
  /** by node index (nodeOffset[l] + j); −1 for input nodes */
  readonly zAt: Int32Array;
  readonly aAt: Int32Array;
  /** δ and ∂L/∂a of a node; for an input node (no δ), its ∂L/∂a, complete with the last backward event */
  readonly deltaAt: Int32Array;
  readonly lossAt: number;
  /** by weight and bias index */
  readonly weightGradAt: Int32Array;
  readonly biasGradAt: Int32Array;
  /** −1 where the parameter is frozen (or the layer has no bias): it keeps its value */
  readonly weightUpdateAt: Int32Array;
  readonly biasUpdateAt: Int32Array;
}

/** Phase of event `index` (the position `index` is about to compute). */
export function phaseOf(event: StepEvent): Phase {
  switch (event.kind) {
    case 'z':
    case 'a':
      return 'forward';
    case 'loss':
      return 'loss';
    case 'weight-update':
    case 'bias-update':
      return 'update';
    default:
      return 'backward';
  }
}

/**
 * The plan of one iteration: forward layer by layer, node by node (z then a; in a softmax
 * layer every z first, then every a, since each a needs the whole z vector); the loss;
 * backward from the output δ, each edge's gradient and each bias's, then δ of the layer
 * before, down to the first layer; then the update of every trainable parameter.
 */
export function buildStepPlan(model: Model, trainable: TrainableMask): StepPlan {
  return finish(stepPlanSliced(model, trainable));
}

/** Events written between two pauses of stepPlanSliced. */
const SLICE_EVENTS = 1 << 16;

/** buildStepPlan in slices: it pauses after every SLICE_EVENTS or so events (a network of a million weights has two million). */
export function* stepPlanSliced(model: Model, trainable: TrainableMask): Sliced<StepPlan> {
  const zAt = new Int32Array(model.nodeCount).fill(-1);
  const aAt = new Int32Array(model.nodeCount).fill(-1);
  const deltaAt = new Int32Array(model.nodeCount).fill(-1);
  const weightGradAt = new Int32Array(model.weightCount).fill(-1);
  const biasGradAt = new Int32Array(model.biasCount).fill(-1);
  const weightUpdateAt = new Int32Array(model.weightCount).fill(-1);
  const biasUpdateAt = new Int32Array(model.biasCount).fill(-1);
  const { depth, sizes, nodeOffset, weightOffset, biasOffset } = model;
  // Events as typed columns (a network of a million weights has millions of events: no object each).
  const total = stepEventCount(model, trainable);
  const kind = new Uint8Array(total);
  const lj = new Int32Array(2 * total);
  const ii = new Int32Array(total);
  let n = 0;
  let pauseAt = SLICE_EVENTS;
  const push = (k: number, l: number, j: number, i: number) => {
    kind[n] = k;
    lj[2 * n] = l;
    lj[2 * n + 1] = j;
    ii[n] = i;
    return n++;
  };

  for (let l = 1; l <= depth; l++) {
    if (model.act[l - 1] === ACT.softmax) {
      // a of a softmax node needs z of every node of its layer: the vector z, then softmax of it
      for (let j = 0; j < sizes[l]; j++) zAt[nodeOffset[l] + j] = push(Z, l, j, 0);
      for (let j = 0; j < sizes[l]; j++) aAt[nodeOffset[l] + j] = push(A, l, j, 0);
      continue;
    }
    for (let j = 0; j < sizes[l]; j++) {
      zAt[nodeOffset[l] + j] = push(Z, l, j, 0);
      aAt[nodeOffset[l] + j] = push(A, l, j, 0);
    }
  }
  const lossAt = push(LOSS_EVENT, 0, 0, 0);
  const backwardStart = n;
  for (let j = 0; j < sizes[depth]; j++) deltaAt[nodeOffset[depth] + j] = push(DELTA, depth, j, 0);
  for (let l = depth - 1; l >= 0; l--) {
    for (let j = 0; j < sizes[l + 1]; j++) {
      // the hot loops write the columns directly (a million weights: no call per event)
      const row = weightOffset[l] + j * sizes[l];
      for (let i = 0; i < sizes[l]; i++, n++) {
        kind[n] = WEIGHT_GRAD;
        lj[2 * n] = l;
        lj[2 * n + 1] = j;
        ii[n] = i;
        weightGradAt[row + i] = n;
      }
      if (model.hasBias[l]) biasGradAt[biasOffset[l] + j] = push(BIAS_GRAD, l, j, 0);
      if (n >= pauseAt) {
        pauseAt = n + SLICE_EVENTS;
        yield n / total;
      }
    }
    if (l >= 1) for (let j = 0; j < sizes[l]; j++) deltaAt[nodeOffset[l] + j] = push(DELTA, l, j, 0);
  }
  const updateStart = n;
  // The input layer has no δ; its ∂L/∂a is complete once the last backward event is done.
  for (let i = 0; i < sizes[0]; i++) deltaAt[i] = updateStart - 1;
  for (let l = 0; l < depth; l++) {
    for (let j = 0; j < sizes[l + 1]; j++) {
      const row = weightOffset[l] + j * sizes[l];
      for (let i = 0; i < sizes[l]; i++) {
        if (!trainable.w[row + i]) continue;
        kind[n] = WEIGHT_UPDATE;
        lj[2 * n] = l;
        lj[2 * n + 1] = j;
        ii[n] = i;
        weightUpdateAt[row + i] = n++;
      }
      const kb = biasOffset[l] + j;
      if (model.hasBias[l] && trainable.b[kb]) biasUpdateAt[kb] = push(BIAS_UPDATE, l, j, 0);
      if (n >= pauseAt) {
        pauseAt = n + SLICE_EVENTS;
        yield n / total;
      }
    }
  }
  return {
    events: eventList(kind, lj, ii),
    phaseStart: { forward: 0, loss: lossAt, backward: backwardStart, update: updateStart },
    zAt,
    aAt,
    deltaAt,
    lossAt,
    weightGradAt,
    biasGradAt,
    weightUpdateAt,
    biasUpdateAt,
  };
}

const Z = 0,
  A = 1,
  LOSS_EVENT = 2,
  DELTA = 3,
  WEIGHT_GRAD = 4,
  BIAS_GRAD = 5,
  WEIGHT_UPDATE = 6,
  BIAS_UPDATE = 7;

/** The number of events of an iteration: z and a of every non-input node, the loss, δ and the gradients, and the trainable parameters' updates. */
export function stepEventCount(model: Model, trainable: TrainableMask): number {
  let n = 1;
  // z, a and δ of every non-input node, then the gradients of the weights and biases
  for (let l = 1; l <= model.depth; l++) n += 3 * model.sizes[l];
  n += model.weightCount;
  for (let l = 0; l < model.depth; l++) if (model.hasBias[l]) n += model.sizes[l + 1];
  for (let k = 0; k < trainable.w.length; k++) n += trainable.w[k];
  for (let l = 0; l < model.depth; l++) {
    if (!model.hasBias[l]) continue;
    for (let j = 0; j < model.sizes[l + 1]; j++) n += trainable.b[model.biasOffset[l] + j];
  }
  return n;
}

function eventAt(kind: Uint8Array, lj: Int32Array, ii: Int32Array, k: number): StepEvent {
  const l = lj[2 * k];
  const j = lj[2 * k + 1];
  switch (kind[k]) {
    case Z:
      return { kind: 'z', l, j };
    case A:
      return { kind: 'a', l, j };
    case LOSS_EVENT:
      return { kind: 'loss' };
    case DELTA:
      return { kind: 'delta', l, j };
    case WEIGHT_GRAD:
      return { kind: 'weight-grad', l, j, i: ii[k] };
    case BIAS_GRAD:
      return { kind: 'bias-grad', l, j };
    case WEIGHT_UPDATE:
      return { kind: 'weight-update', l, j, i: ii[k] };
    default:
      return { kind: 'bias-update', l, j };
  }
}

/**
 * The events as a read-only array over the typed columns: an event object is made when it is
 * read (the step controls and panels read a few), never millions at once.
 */
function eventList(kind: Uint8Array, lj: Int32Array, ii: Int32Array): readonly StepEvent[] {
  const length = kind.length;
  return new Proxy([] as StepEvent[], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      if (typeof key === 'string') {
        const k = Number(key);
        if (Number.isInteger(k) && k >= 0 && String(k) === key)
          return k < length ? eventAt(kind, lj, ii, k) : undefined;
      }
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') {
        const k = Number(key);
        if (Number.isInteger(k) && String(k) === key) return k >= 0 && k < length;
      }
      return Reflect.has(target, key);
    },
  });
}

/**
 * The current event at a position: the one just done, whose value has just appeared and
 * whose formula the math panel shows; null at the start, before any event.
 */
export function currentEvent(plan: StepPlan, position: number): StepEvent | null {
  return position > 0 && position <= plan.events.length ? plan.events[position - 1] : null;
}

/** True when the event at `index` has been done at position `position` (events done so far). */
export function isKnown(index: number, position: number): boolean {
  return index < position;
}

/**
 * The event that computes the value a selection's derivation is about: an edge's ∂L/∂w, a
 * bias's ∂L/∂b, a node's δ (an input node's ∂L/∂a), the loss. Before it (position ≤ the
 * index) the diagram still shows that value as a blank. −1 for the bias of a layer without biases.
 */
export function selectionEventIndex(plan: StepPlan, model: Model, sel: Selection): number {
  switch (sel.kind) {
    case 'edge':
      return plan.weightGradAt[model.weightOffset[sel.l] + sel.j * model.sizes[sel.l] + sel.i];
    case 'bias':
      return plan.biasGradAt[model.biasOffset[sel.l] + sel.j];
    case 'node':
      return plan.deltaAt[model.nodeOffset[sel.l] + sel.j];
    default:
      return plan.lossAt;
  }
}

/** What an event computes, as a selection: its node, its weight, its bias, or the loss. */
export function eventSelection(e: StepEvent): Selection {
  switch (e.kind) {
    case 'z':
    case 'a':
    case 'delta':
      return { kind: 'node', l: e.l, j: e.j };
    case 'loss':
      return { kind: 'loss' };
    case 'weight-grad':
    case 'weight-update':
      return { kind: 'edge', l: e.l, j: e.j, i: e.i };
    default:
      return { kind: 'bias', l: e.l, j: e.j };
  }
}
