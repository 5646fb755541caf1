import type { LossName } from '../scenario.ts';

/** How a generated set writes its targets: a class as 0/1, as one-hot over two outputs, or as ±1; a regression value as it is. */
export type TargetEncoding = 'binary' | 'one-hot' | 'sign' | 'value';
export type ClassEncoding = Exclude<TargetEncoding, 'value'>;
export const CLASS_ENCODINGS: readonly ClassEncoding[] = ['binary', 'one-hot', 'sign'];

/** The output activation and loss each encoding is made for. */
export const SUGGESTED: Readonly<
  Record<TargetEncoding, { outputActivation: 'sigmoid' | 'softmax' | 'tanh' | 'identity'; loss: LossName }>
> = {
  binary: { outputActivation: 'sigmoid', loss: 'bce' },
  'one-hot': { outputActivation: 'softmax', loss: 'cross-entropy' },
  sign: { outputActivation: 'tanh', loss: 'mse' },
  value: { outputActivation: 'identity', loss: 'mse' },
};

/** The number of outputs a class encoding needs. */
export function encodingOutputs(encoding: TargetEncoding): number {
  return encoding === 'one-hot' ? 2 : 1;
}

/** The targets of class `cls` (0 or 1): binary [cls], one-hot [1 − cls, cls], sign [2·cls − 1]. */
export function encodeClass(cls: 0 | 1, encoding: ClassEncoding): number[] {
  if (encoding === 'one-hot') return cls === 1 ? [0, 1] : [1, 0];
  if (encoding === 'sign') return [cls === 1 ? 1 : -1];
  return [cls];
}

/**
 * The class encoding whose targets suit a network's output and loss: one-hot for two outputs,
 * ±1 for one tanh output under a squared loss, 0/1 for one output otherwise; null when none fits.
 */
export function targetEncodingFor(loss: LossName, outputActivation: string, outputSize: number): ClassEncoding | null {
  if (outputSize === 2) return 'one-hot';
  if (outputSize !== 1 || loss === 'cross-entropy') return null;
  if (loss === 'bce') return 'binary';
  return outputActivation === 'tanh' ? 'sign' : 'binary';
}
