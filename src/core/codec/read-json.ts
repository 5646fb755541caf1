import type { ErrorList } from './error-list.ts';
import { fieldPath, indexPath } from './json-path.ts';

/**
 * JSON text without one leading byte order mark (U+FEFF), the one rule for every way a
 * document arrives: a file picked or dropped (the browser's decoder already drops it), pasted
 * text (which keeps it), a file the trace command reads. A BOM anywhere else is an error.
 */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A JSON object as read from an unknown value: only its own fields count. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a plain object (what JSON.parse makes of `{...}`), false for arrays, null, dates, maps… */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';
}

/** The object's own field `key`; undefined when absent (inherited fields such as `toString` do not count). */
export function ownField(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Reports every field of `object` that is not in `allowed`. */
export function rejectUnknownFields(
  object: JsonObject,
  allowed: readonly string[],
  path: string,
  errors: ErrorList,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) errors.add(fieldPath(path, key), `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

/** Reports a missing required field; returns the field's value, or undefined when it is missing. */
export function requiredField(
  object: JsonObject,
  key: string,
  path: string,
  errors: ErrorList,
  expected: string,
): unknown {
  const value = ownField(object, key);
  if (value === undefined) errors.add(fieldPath(path, key), `required field is missing (expected ${expected})`);
  return value;
}

/** A short, safe description of a value for an error message: `"abc"`, `NaN`, `an array`, `null`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `1 number`, `3 numbers`, `2 matrices`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A limit as the spec writes it: 1,000,000. */
export function formatLimit(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A finite number; -0 is read as 0 because JSON.stringify cannot write it back. */
export function readNumber(value: unknown, path: string, errors: ErrorList): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value + 0;
  // JSON has no infinity: JSON.parse gives one for a number too large for a double.
  const got =
    value === Infinity || value === -Infinity
      ? 'a number out of range (beyond ±1.8e308, such as 1e999)'
      : describe(value);
  errors.add(path, `expected a finite number, got ${got}`);
  return undefined;
}

/** An integer ≥ min. */
export function readInteger(value: unknown, min: number, path: string, errors: ErrorList): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value + 0;
  errors.add(path, `expected an integer ≥ ${min}, got ${describe(value)}`);
  return undefined;
}

export function readBoolean(value: unknown, path: string, errors: ErrorList): boolean | undefined {
  if (typeof value === 'boolean') return value;
  errors.add(path, `expected true or false, got ${describe(value)}`);
  return undefined;
}

/** The length in characters (Unicode code points, as JSON Schema's maxLength counts them). */
export function characterCount(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    const isPairStart = unit >= 0xd800 && unit <= 0xdbff && k + 1 < text.length;
    if (isPairStart && text.charCodeAt(k + 1) >= 0xdc00 && text.charCodeAt(k + 1) <= 0xdfff) k++;
    n++;
  }
  return n;
}

/** A string of at most `limit` characters. */
export function readText(value: unknown, limit: number, path: string, errors: ErrorList): string | undefined {
  if (typeof value !== 'string') {
    errors.add(path, `expected a string, got ${describe(value)}`);
    return undefined;
  }
  // A string no longer than the limit in UTF-16 units is within it in characters: skip the count.
  const characters = value.length <= limit ? value.length : characterCount(value);
  if (characters <= limit) return value;
  errors.add(path, `${formatLimit(characters)} characters exceed the limit of ${formatLimit(limit)}`);
  return undefined;
}

/** One of a fixed set of names; the message lists them all. */
export function readChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  noun: string,
  path: string,
  errors: ErrorList,
): T | undefined {
  const found = choices.find((choice) => choice === value);
  if (found !== undefined) return found;
  const expected = `expected ${choices.join(', ')}`;
  errors.add(
    path,
    typeof value === 'string'
      ? `unknown ${noun} ${describe(value)} (${expected})`
      : `${expected}, got ${describe(value)}`,
  );
  return undefined;
}

/** What a list should be: its exact length when known, and how to say it (`3 numbers (layers[0].size)`, `numbers`). */
export interface ListShape {
  length: number | undefined;
  expected: string;
}

/**
 * An array whose every entry `readItem` accepts (it returns undefined for a bad entry, after
 * reporting it). A wrong length is reported without walking the entries.
 */
export function readList<T>(
  value: unknown,
  shape: ListShape,
  path: string,
  errors: ErrorList,
  readItem: (item: unknown, itemPath: string, index: number) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value)) {
    errors.add(path, `expected an array of ${shape.expected}, got ${describe(value)}`);
    return undefined;
  }
  if (shape.length !== undefined && value.length !== shape.length) {
    errors.add(path, `expected ${shape.expected}, got ${value.length}`);
    return undefined;
  }
  const items: T[] = [];
  let valid = true;
  for (let k = 0; k < value.length && !errors.isFull; k++) {
    const item = readItem(value[k], indexPath(path, k), k);
    if (item === undefined) valid = false;
    else items.push(item);
  }
  return valid && items.length === value.length ? items : undefined;
}
