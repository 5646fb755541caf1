import type { Init } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath } from './json-path.ts';
import {
  describe,
  isJsonObject,
  readChoice,
  readNumber,
  rejectUnknownFields,
  requiredField,
  type JsonObject,
} from './read-json.ts';

export type InitType = Init['type'];
export const INIT_TYPES: readonly InitType[] = ['constant', 'uniform', 'xavier', 'he'];

/** The fields of each initializer, in the order they are written. */
export const INIT_FIELDS: Readonly<Record<InitType, readonly string[]>> = {
  constant: ['value'],
  uniform: ['low', 'high', 'seed'],
  xavier: ['seed'],
  he: ['seed'],
};

const INIT_EXAMPLE = '{ "type": "xavier", "seed": 1 }';

/** An initializer object; every field is required. */
export function readInit(value: unknown, path: string, errors: ErrorList): Init | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected an initializer object such as ${INIT_EXAMPLE}, got ${describe(value)}`);
    return undefined;
  }
  const rawType = requiredField(value, 'type', path, errors, `one of ${INIT_TYPES.join(', ')}`);
  if (rawType === undefined) return undefined;
  const type = readChoice(rawType, INIT_TYPES, 'initializer', fieldPath(path, 'type'), errors);
  if (type === undefined) return undefined;
  const before = errors.count;
  rejectUnknownFields(value, ['type', ...INIT_FIELDS[type]], path, errors);
  const init = readInitFields(value, type, path, errors);
  return errors.count === before ? init : undefined;
}

function readInitFields(object: JsonObject, type: InitType, path: string, errors: ErrorList): Init | undefined {
  if (type === 'constant') {
    const value = readRequiredNumber(object, 'value', path, errors);
    return value === undefined ? undefined : { type, value };
  }
  const seed = readSeed(object, path, errors);
  if (type !== 'uniform') return seed === undefined ? undefined : { type, seed };
  const low = readRequiredNumber(object, 'low', path, errors);
  const high = readRequiredNumber(object, 'high', path, errors);
  if (low === undefined || high === undefined || seed === undefined) return undefined;
  if (!checkRange(low, high, fieldPath(path, 'high'), errors)) return undefined;
  return { type, low, high, seed };
}

function readRequiredNumber(object: JsonObject, key: string, path: string, errors: ErrorList): number | undefined {
  const value = requiredField(object, key, path, errors, 'a finite number');
  return value === undefined ? undefined : readNumber(value, fieldPath(path, key), errors);
}

/** mulberry32 takes `seed | 0`, so any integer is a seed. */
function readSeed(object: JsonObject, path: string, errors: ErrorList): number | undefined {
  const value = requiredField(object, 'seed', path, errors, 'an integer');
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value + 0;
  errors.add(fieldPath(path, 'seed'), `expected an integer, got ${describe(value)}`);
  return undefined;
}

/** low ≤ high, and high − low finite so that low + (high − low)·u is. */
function checkRange(low: number, high: number, path: string, errors: ErrorList): boolean {
  if (low > high) {
    errors.add(path, `expected high ≥ low (${low}), got ${high}`);
    return false;
  }
  if (!Number.isFinite(high - low)) {
    errors.add(path, `high − low overflows (low ${low}, high ${high}); expected a finite range`);
    return false;
  }
  return true;
}
