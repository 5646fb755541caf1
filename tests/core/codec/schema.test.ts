import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lessonCases } from './schema-cases/backprop-lesson-1.ts';
import { scenarioCases } from './schema-cases/backprop-scenario-1.ts';
import type { SchemaCases } from './schema-cases/schema-cases.ts';

// Every JSON Schema published in public/ is checked here, with Ajv, against the app's own
// reader. A new schema adds its file to CASES (and a file of cases beside scenario's).
const CASES: Record<string, SchemaCases> = {
  'backprop-lesson-1.schema.json': lessonCases,
  'backprop-scenario-1.schema.json': scenarioCases,
};

const PUBLIC = new URL('../../../public/', import.meta.url);
const published = readdirSync(PUBLIC)
  .filter((name) => name.endsWith('.schema.json'))
  .sort();

type SchemaObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.stringify drops the fields set to undefined in the cases, as a file would not have them. */
function asJson(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc));
}

/** Every path to a leaf (a number, string, boolean or null) of a JSON value. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, k) => leafPaths(item, [...prefix, k]));
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  return [prefix];
}

function replaceAt(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** Values a leaf is plausibly replaced with: some keep the document valid, many do not. */
const plausibleLeaf = fc.oneof(
  fc.constantFrom(
    0,
    1,
    -1,
    0.5,
    1.5,
    1024,
    1025,
    1e-9,
    null,
    true,
    false,
    '',
    'relu',
    'linear',
    'sgd',
    'adam',
    'mse',
    'sum',
    'he',
    'x'.repeat(65),
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -3, max: 40 }),
);

/** A validator for `schema`: Ajv for draft 2020-12, strict about unknown keywords (a typo is an error, not an ignored annotation). */
function compile(schema: SchemaObject, name: string) {
  // strictRequired would refuse `oneOf: [{ required: ['weights'] }, { required: ['init'] }]`, a
  // sound way to say "exactly one of"; strictTypes and strictTuples are about style (a `type`
  // beside each `items`, a `minItems` equal to the length of `prefixItems`), not meaning.
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    strictTypes: false,
    strictTuples: false,
    allErrors: true,
  });
  // A schema may refer to another by its file name, as they are served side by side (a lesson's scenario).
  for (const other of published) {
    if (other !== name) ajv.addSchema(JSON.parse(readFileSync(new URL(other, PUBLIC), 'utf8')) as SchemaObject, other);
  }
  return ajv.compile(schema);
}

describe('the JSON Schemas in public/', () => {
  test('each has its cases here', () => {
    expect(published.length).toBeGreaterThan(0);
    expect(published).toEqual(Object.keys(CASES).sort());
  });

  describe.each(published.filter((name) => name in CASES))('%s', (name) => {
    const schema = JSON.parse(readFileSync(new URL(name, PUBLIC), 'utf8')) as SchemaObject;
    const cases = CASES[name];
    const validate = compile(schema, name);
    const valid = (doc: unknown) => validate(doc) === true;

    test('is a draft 2020-12 schema titled with its format, that describes every field and definition', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toBe(cases.format);
      const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
      const defs = (schema.$defs ?? {}) as Record<string, SchemaObject>;
      for (const [field, sub] of [...Object.entries(properties), ...Object.entries(defs)]) {
        expect(typeof sub.description, field).toBe('string');
      }
    });

    test('accepts the valid cases, as the app does', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      for (const doc of cases.valid) {
        expect(cases.read(doc).ok).toBe(true);
        expect(valid(asJson(doc)), JSON.stringify(validate.errors)).toBe(true);
      }
    });

    test.each(cases.invalid.map(([what, doc]) => [what, doc] as const))('rejects %s, as the app does', (_what, doc) => {
      expect(cases.read(asJson(doc)).ok).toBe(false);
      expect(valid(asJson(doc))).toBe(false);
    });

    test('accepts every document the app accepts, and what the app writes back', () => {
      const mutated = fc
        .constantFrom(...cases.valid.map(asJson))
        .chain((doc) => fc.tuple(fc.constant(doc), fc.constantFrom(...leafPaths(doc)), plausibleLeaf))
        .map(([doc, path, value]) => replaceAt(doc, path, value));
      fc.assert(
        fc.property(mutated, (doc) => {
          const result = cases.read(doc);
          if (!result.ok) return;
          expect(valid(doc), JSON.stringify(validate.errors)).toBe(true);
          expect(valid(asJson(result.written)), JSON.stringify(validate.errors)).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
