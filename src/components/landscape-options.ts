import type { ParamRef } from '../core/landscape.ts';
import type { Model } from '../core/model.ts';
import { biasName, nameToText, weightName } from '../core/notation.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';

/** A parameter the landscape can vary: its key ("w:k", "b:k"), the parameter and its display name. */
export interface ParamOption {
  readonly key: string;
  readonly ref: ParamRef;
  readonly label: string;
}

/** Every weight, then every bias (of layers that have biases), by name. */
export function paramOptions(model: Model, s: Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>): ParamOption[] {
  const out: ParamOption[] = [];
  for (let l = 0; l < model.depth; l++) {
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      for (let i = 0; i < model.sizes[l]; i++) {
        const index = model.weightOffset[l] + j * model.sizes[l] + i;
        out.push({ key: `w:${index}`, ref: { kind: 'w', index }, label: nameToText(weightName(s, l, j, i)) });
      }
    }
  }
  for (let l = 0; l < model.depth; l++) {
    if (!model.hasBias[l]) continue;
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      const index = model.biasOffset[l] + j;
      out.push({ key: `b:${index}`, ref: { kind: 'b', index }, label: nameToText(biasName(s, l, j)) });
    }
  }
  return out;
}

/** The key ("w:k", "b:k") of the selected weight or bias; null when the selection is not a parameter. */
export function selectedParamKey(model: Model, sel: Selection | null): string | null {
  if (sel?.kind === 'edge') return `w:${model.weightOffset[sel.l] + sel.j * model.sizes[sel.l] + sel.i}`;
  if (sel?.kind === 'bias' && model.hasBias[sel.l]) return `b:${model.biasOffset[sel.l] + sel.j}`;
  return null;
}

/** The default pair: the selected weight or bias and the one after it (wrapping); the first two otherwise. */
export function defaultPair(model: Model, options: readonly ParamOption[], sel: Selection | null): [string, string] {
  const key = selectedParamKey(model, sel);
  const first =
    key === null
      ? 0
      : Math.max(
          0,
          options.findIndex((o) => o.key === key),
        );
  const a = options[first]?.key ?? 'w:0';
  const b = options[(first + 1) % Math.max(1, options.length)]?.key ?? a;
  return [a, b];
}
