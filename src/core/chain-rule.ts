import { dadz } from './activation.ts';
import { ACT, FUSION, type Model, type Params } from './model.ts';
import type { Workspace } from './workspace.ts';

/** How a node's δ = ∂L/∂z is formed. */
export type DeltaForm = 'chain' | 'softmax' | 'sigmoid-bce' | 'softmax-cross-entropy';

/** The value of one node of one sample, with its local derivative and its two upstream gradients. */
export interface NodeFactors {
  readonly z: number;
  readonly a: number;
  /** ∂a/∂z (a fused sigmoid's too: σ(1−σ), the factor the fusion cancels); NaN where the layer is softmax (a Jacobian, not one number) */
  readonly dadz: number;
  readonly dLda: number;
  readonly dLdz: number;
  readonly form: DeltaForm;
}

/** ∂L/∂w of one edge for one sample as ∂L/∂a · ∂a/∂z · ∂z/∂w (∂z/∂w = aᵢ of the source node). */
export interface EdgeFactors {
  readonly target: NodeFactors;
  readonly dzdw: number;
  /** this sample's contribution δⱼ·aᵢ to the batch's ∂L/∂w */
  readonly dLdw: number;
}

/** One term wₖⱼ·δₖ of ∂L/∂aⱼ = Σₖ wₖⱼ δₖ. */
export interface RecursiveTerm {
  readonly k: number;
  readonly w: number;
  readonly dLdz: number;
}

/** One path from a node to an output: the weights crossed and the ∂a/∂z of each node passed. */
export interface PathTerm {
  /** node index in each layer from the start layer to the output layer */
  readonly nodes: readonly number[];
  /** weights along the path, one per layer crossed */
  readonly weights: readonly number[];
  /** ∂a/∂z of every node after the first, up to and including the output node (the output's only where form is 'chain') */
  readonly dadz: readonly number[];
  /** ∂L/∂a of the output node (form 'chain') or its δ (a fused or softmax output) */
  readonly tail: number;
  /** the product of every factor */
  readonly value: number;
}

function deltaForm(model: Model, l: number): DeltaForm {
  if (l === model.depth) {
    if (model.fusion === FUSION.sigmoidBce) return 'sigmoid-bce';
    if (model.fusion === FUSION.softmaxCrossEntropy) return 'softmax-cross-entropy';
  }
  return model.act[l - 1] === ACT.softmax ? 'softmax' : 'chain';
}

/** z, a, ∂a/∂z, ∂L/∂a and δ of node j of layer l (l ≥ 1) for sample s of the pass. */
export function nodeFactors(model: Model, pass: Workspace, s: number, l: number, j: number): NodeFactors {
  const k = s * model.nodeCount + model.nodeOffset[l] + j;
  const form = deltaForm(model, l);
  const local =
    form === 'chain' || form === 'sigmoid-bce'
      ? dadz(model.act[l - 1], model.actParam[l - 1], pass.z[k], pass.a[k])
      : NaN;
  return { z: pass.z[k], a: pass.a[k], dadz: local, dLda: pass.dLda[k], dLdz: pass.dLdz[k], form };
}

/** One term ∂L/∂aⱼ · ∂aⱼ/∂zₖ of a softmax node's δₖ = Σⱼ ∂L/∂aⱼ ∂aⱼ/∂zₖ. */
export interface JacobianTerm {
  readonly j: number;
  /** ∂L/∂aⱼ (unfused: the loss's own derivative at a fused output) */
  readonly dLda: number;
  /** ∂aⱼ/∂zₖ = aⱼ(𝟙[j=k] − aₖ) */
  readonly dadz: number;
}

/** The column k of the softmax layer l's Jacobian, each entry with its ∂L/∂aⱼ: δₖ = Σⱼ ∂L/∂aⱼ · aⱼ(𝟙[j=k] − aₖ), sample s. */
export function softmaxJacobianTerms(model: Model, pass: Workspace, s: number, l: number, k: number): JacobianTerm[] {
  const row = s * model.nodeCount + model.nodeOffset[l];
  const ak = pass.a[row + k];
  const terms: JacobianTerm[] = [];
  for (let j = 0; j < model.sizes[l]; j++) {
    const aj = pass.a[row + j];
    terms.push({ j, dLda: pass.dLda[row + j], dadz: j === k ? aj * (1 - ak) : -aj * ak });
  }
  return terms;
}

/** The chain-rule factors of weights[l][j][i] for sample s: ∂L/∂w = ∂L/∂aⱼ · ∂aⱼ/∂zⱼ · aᵢ. */
export function edgeFactors(model: Model, pass: Workspace, s: number, l: number, j: number, i: number): EdgeFactors {
  const target = nodeFactors(model, pass, s, l + 1, j);
  const dzdw = pass.a[s * model.nodeCount + model.nodeOffset[l] + i];
  return { target, dzdw, dLdw: target.dLdz * dzdw };
}

/** This sample's contribution δⱼ of biases[l][j] to the batch's ∂L/∂b (∂z/∂b = 1). */
export function biasContribution(model: Model, pass: Workspace, s: number, l: number, j: number): number {
  return pass.dLdz[s * model.nodeCount + model.nodeOffset[l + 1] + j];
}

/** The terms of ∂L/∂aⱼ = Σₖ wₖⱼ δₖ for node j of layer l < depth, sample s. */
export function recursiveTerms(
  model: Model,
  p: Params,
  pass: Workspace,
  s: number,
  l: number,
  j: number,
): RecursiveTerm[] {
  const terms: RecursiveTerm[] = [];
  const fanIn = model.sizes[l];
  const next = s * model.nodeCount + model.nodeOffset[l + 1];
  for (let k = 0; k < model.sizes[l + 1]; k++) {
    terms.push({ k, w: p.w[model.weightOffset[l] + k * fanIn + j], dLdz: pass.dLdz[next + k] });
  }
  return terms;
}

/** How many paths lead from a node of layer l to the outputs: the product of the later layers' sizes. */
export function pathCount(model: Model, l: number): number {
  let n = 1;
  for (let m = l + 1; m <= model.depth; m++) n *= model.sizes[m];
  return n;
}

/**
 * Every path from node j of layer l to an output, for ∂L/∂aⱼ = Σ_paths Π w · Π ∂a/∂z · ∂L/∂ŷ
 * (seed 001's equation 9). Where the output's δ is fused or softmax, the path ends in that δ.
 * Returns null past `limit` paths, or where a hidden layer on the way is softmax (no
 * per-node ∂a/∂z to multiply).
 */
export function pathTerms(
  model: Model,
  p: Params,
  pass: Workspace,
  s: number,
  l: number,
  j: number,
  limit = 16,
): PathTerm[] | null {
  if (l >= model.depth || pathCount(model, l) > limit) return null;
  for (let m = l + 1; m < model.depth; m++) if (model.act[m - 1] === ACT.softmax) return null;
  const outForm = deltaForm(model, model.depth);
  const paths: PathTerm[] = [];
  const nodes = [j];
  const weights: number[] = [];
  const locals: number[] = [];
  const walk = (m: number): void => {
    const from = nodes[nodes.length - 1];
    for (let k = 0; k < model.sizes[m + 1]; k++) {
      const f = nodeFactors(model, pass, s, m + 1, k);
      nodes.push(k);
      weights.push(p.w[model.weightOffset[m] + k * model.sizes[m] + from]);
      const atOutput = m + 1 === model.depth;
      const local = atOutput && outForm !== 'chain' ? null : f.dadz;
      if (local !== null) locals.push(local);
      if (atOutput) {
        const tail = outForm === 'chain' ? f.dLda : f.dLdz;
        let value = tail;
        for (const w of weights) value *= w;
        for (const d of locals) value *= d;
        paths.push({ nodes: [...nodes], weights: [...weights], dadz: [...locals], tail, value });
      } else {
        walk(m + 1);
      }
      if (local !== null) locals.pop();
      weights.pop();
      nodes.pop();
    }
  };
  walk(l);
  return paths;
}
