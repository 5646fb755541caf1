import type { Activation, ActivationType, Optimizer } from '../core/scenario.ts';

/** An activation of the given type, keeping the parameter of the current one where it has the same type. */
export function activationOfType(type: ActivationType, current?: Activation): Activation {
  if (current?.type === type) return current;
  if (type === 'linear') return { type, slope: 1 };
  if (type === 'leaky-relu') return { type, alpha: 0.01 };
  return { type };
}

/** The hyper-parameters of an optimizer other than its type, in display order, with their symbols. */
export function optimizerFields(o: Optimizer): { key: string; symbol: string; value: number }[] {
  const symbols: Record<string, string> = {
    learningRate: 'η',
    momentum: 'μ',
    decay: 'ρ',
    beta1: 'β₁',
    beta2: 'β₂',
    epsilon: 'ε',
  };
  return Object.entries(o)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => ({ key, symbol: symbols[key] ?? key, value: value as number }));
}
