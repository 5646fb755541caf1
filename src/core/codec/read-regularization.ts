import type { Regularization } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { fieldPath } from './json-path.ts';
import { describe, isJsonObject, ownField, rejectUnknownFields } from './read-json.ts';

const RATES = ['l1', 'l2'] as const;

/** `regularization`: `{ "l1": r }`, `{ "l2": r }` or both, each rate finite and ≥ 0; written back as read. */
export function readRegularization(value: unknown, path: string, errors: ErrorList): Regularization | undefined {
  if (!isJsonObject(value)) {
    errors.add(path, `expected an object such as { "l2": 0.01 }, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, RATES, path, errors);
  const result: Regularization = {};
  let given = 0;
  for (const key of RATES) {
    const rate = ownField(value, key);
    if (rate === undefined) continue;
    given++;
    if (typeof rate === 'number' && Number.isFinite(rate) && rate >= 0) result[key] = rate + 0;
    else errors.add(fieldPath(path, key), `expected a finite number ≥ 0, got ${describe(rate)}`);
  }
  if (given === 0 && errors.count === before)
    errors.add(path, 'expected at least one of l1, l2 (leave regularization out for none)');
  return errors.count === before ? result : undefined;
}
