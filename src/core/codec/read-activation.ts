import { ACTIVATION_TYPES, type Activation, type ActivationType } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath } from './json-path.ts';
import {
  describe,
  isJsonObject,
  ownField,
  readChoice,
  readNumber,
  rejectUnknownFields,
  requiredField,
  type JsonObject,
} from './read-json.ts';

/** φ(z) = slope·z for linear, max(αz, z) for leaky-relu: the defaults of the shorthand forms. */
export const ACTIVATION_DEFAULTS = { slope: 1, alpha: 0.01 } as const;

export const ACTIVATION_EXPECTED = `an activation (${ACTIVATION_TYPES.join(', ')})`;

/** An activation from its name (`"relu"`) or its object form (`{ "type": "linear", "slope": 2 }`), defaults filled in. */
export function readActivation(value: unknown, path: string, errors: ErrorList): Activation | undefined {
  if (typeof value === 'string') {
    const type = readActivationType(value, path, errors);
    return type === undefined ? undefined : withDefaults(type);
  }
  if (isJsonObject(value)) return readActivationObject(value, path, errors);
  errors.add(path, `expected ${ACTIVATION_EXPECTED} or an object with a type, got ${describe(value)}`);
  return undefined;
}

function readActivationType(value: unknown, path: string, errors: ErrorList): ActivationType | undefined {
  return readChoice(value, ACTIVATION_TYPES, 'activation', path, errors);
}

function withDefaults(type: ActivationType): Activation {
  if (type === 'linear') return { type, slope: ACTIVATION_DEFAULTS.slope };
  if (type === 'leaky-relu') return { type, alpha: ACTIVATION_DEFAULTS.alpha };
  return { type };
}

function readActivationObject(object: JsonObject, path: string, errors: ErrorList): Activation | undefined {
  const before = errors.count;
  const rawType = requiredField(object, 'type', path, errors, ACTIVATION_EXPECTED);
  if (rawType === undefined) return undefined;
  const type = readActivationType(rawType, fieldPath(path, 'type'), errors);
  if (type === undefined) return undefined;
  const parameter = type === 'linear' ? 'slope' : type === 'leaky-relu' ? 'alpha' : undefined;
  rejectUnknownFields(object, parameter === undefined ? ['type'] : ['type', parameter], path, errors);
  const activation = withDefaults(type);
  if (activation.type === 'linear') activation.slope = readParameter(object, 'slope', activation.slope, path, errors);
  if (activation.type === 'leaky-relu')
    activation.alpha = readParameter(object, 'alpha', activation.alpha, path, errors);
  return errors.count === before ? activation : undefined;
}

function readParameter(
  object: JsonObject,
  key: 'slope' | 'alpha',
  fallback: number,
  path: string,
  errors: ErrorList,
): number {
  const value = ownField(object, key);
  if (value === undefined) return fallback;
  return readNumber(value, fieldPath(path, key), errors) ?? fallback;
}
