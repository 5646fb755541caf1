import { biasName, nameToText, nodeName, weightName } from './notation.ts';
import type { Scenario } from './scenario.ts';

type Labels = Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;

/** The weight and bias names (as text) that more than one element of a network carries. */
export interface SharedNames {
  readonly weights: ReadonlySet<string>;
  readonly biases: ReadonlySet<string>;
}

const NONE: SharedNames = { weights: new Set(), biases: new Set() };

interface Cached {
  readonly weightLabels: Labels['weightLabels'];
  readonly biasLabels: Labels['biasLabels'];
  readonly value: SharedNames;
}

// Keyed on the layers array, as the notation's filled labels are: an edit of a value keeps them.
const cache = new WeakMap<Labels['layers'], Cached>();

function repeated(names: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) twice.add(n);
    else seen.add(n);
  }
  return twice;
}

/**
 * The names that look shared: a scenario may label two elements alike (Mazur's example has
 * one b₁ per hidden node and one b₂ per output node). Generated names are unique, so a
 * network without labels has none.
 */
export function sharedNames(s: Labels): SharedNames {
  if (!s.weightLabels && !s.biasLabels) return NONE;
  const hit = cache.get(s.layers);
  if (hit && hit.weightLabels === s.weightLabels && hit.biasLabels === s.biasLabels) return hit.value;
  const weights: string[] = [];
  const biases: string[] = [];
  for (let l = 0; l + 1 < s.layers.length; l++) {
    const next = s.layers[l + 1];
    for (let j = 0; j < next.size; j++) {
      for (let i = 0; i < s.layers[l].size; i++) weights.push(nameToText(weightName(s, l, j, i)));
      if ('bias' in next && next.bias) biases.push(nameToText(biasName(s, l, j)));
    }
  }
  const value: SharedNames = { weights: repeated(weights), biases: repeated(biases) };
  cache.set(s.layers, { weightLabels: s.weightLabels, biasLabels: s.biasLabels, value });
  return value;
}

/**
 * What tells biases[l][j] from another of the same name: the node it feeds ("h₁"), or '' when
 * its name is its own. The worksheet asks "∂L/∂b₁ (into h₁)", the diagram names it "b₁ (h₁)".
 */
export function biasMark(s: Labels, l: number, j: number): string {
  return sharedNames(s).biases.has(nameToText(biasName(s, l, j))) ? nameToText(nodeName(s, l + 1, j)) : '';
}

/** What tells weights[l][j][i] from another of the same name: the nodes it joins ("h₁ → o₂"), or ''. */
export function weightMark(s: Labels, l: number, j: number, i: number): string {
  return sharedNames(s).weights.has(nameToText(weightName(s, l, j, i)))
    ? `${nameToText(nodeName(s, l, i))} → ${nameToText(nodeName(s, l + 1, j))}`
    : '';
}

/** A mark as it follows a name: " (h₁)", or nothing. */
export function marked(mark: string): string {
  return mark ? ` (${mark})` : '';
}
