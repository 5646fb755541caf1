import { biasName, nodeName, weightName, type NameParts, type Notation } from './notation.ts';
import type { Scenario } from './scenario.ts';

type Labels = Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;

/** A name written back as a label that parseLabel reads as the same parts: base_{sub}^{sup}. */
export function nameToLabel(n: NameParts): string {
  return n.base + (n.sub ? `_{${n.sub}}` : '') + (n.sup ? `^{${n.sup}}` : '');
}

interface Filled {
  readonly weightLabels: Labels['weightLabels'];
  readonly biasLabels: Labels['biasLabels'];
  readonly notation: Notation;
  readonly value: Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;
}

// Keyed on the layers array: an edit of a value keeps the labels, and so the filled names.
const cache = new WeakMap<Labels['layers'], Filled>();

function fill(s: Labels, notation: Notation): Filled['value'] {
  const layers = s.layers.map((layer, l) => ({
    ...layer,
    labels: Array.from({ length: layer.size }, (_, j) => nameToLabel(nodeName(s, l, j, notation))),
  })) as Scenario['layers'];
  const weightLabels: string[][][] = [];
  const biasLabels: (string[] | null)[] = [];
  for (let l = 0; l + 1 < s.layers.length; l++) {
    const next = s.layers[l + 1];
    weightLabels.push(
      Array.from({ length: next.size }, (_, j) =>
        Array.from({ length: s.layers[l].size }, (_, i) => nameToLabel(weightName(s, l, j, i, notation))),
      ),
    );
    biasLabels.push(
      'bias' in next && next.bias
        ? Array.from({ length: next.size }, (_, j) => nameToLabel(biasName(s, l, j, notation)))
        : null,
    );
  }
  return { layers, weightLabels, biasLabels };
}

/**
 * The scenario with every unlabelled node, weight and bias labelled by `notation`; its own
 * labels win. Anything that names elements from labels (the diagram, the TeX builders) then
 * speaks the notation. 'indices' is the default naming and returns `s` itself.
 */
export function withNotation<S extends Labels>(s: S, notation: Notation): S {
  if (notation === 'indices') return s;
  let hit = cache.get(s.layers);
  if (!hit || hit.notation !== notation || hit.weightLabels !== s.weightLabels || hit.biasLabels !== s.biasLabels) {
    hit = { weightLabels: s.weightLabels, biasLabels: s.biasLabels, notation, value: fill(s, notation) };
    cache.set(s.layers, hit);
  }
  return { ...s, ...hit.value };
}
