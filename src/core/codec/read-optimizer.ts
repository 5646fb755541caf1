import { OPTIMIZER_DEFAULTS, OPTIMIZER_TYPES, type Optimizer, type OptimizerType } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath } from './json-path.ts';
import {
  describe,
  isJsonObject,
  ownField,
  readChoice,
  rejectUnknownFields,
  requiredField,
  type JsonObject,
} from './read-json.ts';

export type OptimizerField = 'learningRate' | 'momentum' | 'decay' | 'beta1' | 'beta2' | 'epsilon';

/** The fields of each optimizer type, in the order they are written. */
export const OPTIMIZER_FIELDS: Readonly<Record<OptimizerType, readonly OptimizerField[]>> = {
  sgd: ['learningRate'],
  momentum: ['learningRate', 'momentum'],
  nesterov: ['learningRate', 'momentum'],
  adagrad: ['learningRate', 'epsilon'],
  rmsprop: ['learningRate', 'decay', 'epsilon'],
  adadelta: ['learningRate', 'decay', 'epsilon'],
  adam: ['learningRate', 'beta1', 'beta2', 'epsilon'],
};

/** η and ε are > 0; μ, ρ, β₁ and β₂ are in [0, 1). */
const IS_POSITIVE: Readonly<Record<OptimizerField, boolean>> = {
  learningRate: true,
  epsilon: true,
  momentum: false,
  decay: false,
  beta1: false,
  beta2: false,
};

const OPTIMIZER_EXAMPLE = '{ "type": "sgd", "learningRate": 0.1 }';

/** An optimizer object, every field not given filled with its default. */
export function readOptimizer(value: unknown, path: string, errors: ErrorList): Optimizer | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected an optimizer object such as ${OPTIMIZER_EXAMPLE}, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  const rawType = requiredField(value, 'type', path, errors, `one of ${OPTIMIZER_TYPES.join(', ')}`);
  if (rawType === undefined) return undefined;
  const type = readChoice(rawType, OPTIMIZER_TYPES, 'optimizer', fieldPath(path, 'type'), errors);
  if (type === undefined) return undefined;
  const fields = OPTIMIZER_FIELDS[type];
  rejectUnknownFields(value, ['type', ...fields], path, errors);
  const numbers: Partial<Record<OptimizerField, number>> = {};
  for (const field of fields) numbers[field] = readOptimizerField(value, type, field, path, errors);
  return errors.count === before ? buildOptimizer(type, numbers) : undefined;
}

function expectedRange(field: OptimizerField): string {
  return IS_POSITIVE[field] ? 'a number > 0' : 'a number in [0, 1)';
}

function defaultFor(type: OptimizerType, field: OptimizerField): number | undefined {
  if (type === 'sgd') return undefined;
  const defaults: Partial<Record<OptimizerField, number>> = OPTIMIZER_DEFAULTS[type];
  return defaults[field];
}

function readOptimizerField(
  object: JsonObject,
  type: OptimizerType,
  field: OptimizerField,
  path: string,
  errors: ErrorList,
): number | undefined {
  const value = ownField(object, field);
  const fallback = defaultFor(type, field);
  if (value === undefined) {
    if (fallback === undefined) requiredField(object, field, path, errors, expectedRange(field));
    return fallback;
  }
  const inRange =
    typeof value === 'number' && Number.isFinite(value) && (IS_POSITIVE[field] ? value > 0 : value >= 0 && value < 1);
  if (inRange) return value + 0;
  errors.add(fieldPath(path, field), `expected ${expectedRange(field)}, got ${describe(value)}`);
  return undefined;
}

/** Called once every field of `type` has been read without error, so the zero fallbacks never apply. */
function buildOptimizer(type: OptimizerType, numbers: Partial<Record<OptimizerField, number>>): Optimizer {
  const { learningRate = 0, momentum = 0, decay = 0, beta1 = 0, beta2 = 0, epsilon = 0 } = numbers;
  switch (type) {
    case 'sgd':
      return { type, learningRate };
    case 'momentum':
    case 'nesterov':
      return { type, learningRate, momentum };
    case 'adagrad':
      return { type, learningRate, epsilon };
    case 'rmsprop':
    case 'adadelta':
      return { type, learningRate, decay, epsilon };
    case 'adam':
      return { type, learningRate, beta1, beta2, epsilon };
  }
}
