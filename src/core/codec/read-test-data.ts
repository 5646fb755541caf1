import { LIMITS, type Sample } from '../scenario.ts';
import type { ErrorList } from './error-list.ts';
import { formatLimit } from './read-json.ts';
import { readData, type DataContext } from './read-data.ts';

/**
 * `testData`: samples read as `data` is (same shapes, same target rules); the limit on
 * samples holds for `data` and `testData` together, and is checked before any sample is read.
 */
export function readTestData(
  value: unknown,
  context: DataContext,
  dataCount: number,
  errors: ErrorList,
): Sample[] | undefined {
  const path = 'testData';
  if (Array.isArray(value) && dataCount + value.length > LIMITS.samples && value.length <= LIMITS.samples) {
    errors.add(
      path,
      `${formatLimit(dataCount)} samples in data and ${formatLimit(value.length)} in testData exceed the limit of ${formatLimit(LIMITS.samples)} samples (data and testData together)`,
    );
    return undefined;
  }
  return readData(value, context, path, errors);
}
