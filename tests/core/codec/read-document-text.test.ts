import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/core/codec/parse-scenario.ts';
import { readDocumentText } from '../../../src/core/codec/read-document-text.ts';
import { serializeScenario } from '../../../src/core/codec/serialize-scenario.ts';
import { loadPreset } from '../../../src/presets/index.ts';

const valid = serializeScenario(loadPreset('mazur')!) as Record<string, unknown>;

/** Invalid documents of every kind the codec names by path. */
const INVALID: readonly string[] = [
  '',
  '{',
  '{"format": "backprop-scenario/1",}',
  '\uFEFF{"format": 1}',
  '[]',
  'null',
  JSON.stringify({ ...valid, format: 'backprop-scenario/2' }),
  JSON.stringify({ ...valid, extra: true }),
  JSON.stringify({ ...valid, loss: 'hinge' }),
  JSON.stringify({ ...valid, batchSize: 0 }),
  JSON.stringify({ ...valid, title: 'x'.repeat(501) }),
  JSON.stringify({ ...valid, weights: [[[1, 2]]] }),
  JSON.stringify({ ...valid, data: [{ x: [1], y: [] }] }),
  JSON.stringify({ ...valid, layers: Array.from({ length: 33 }, () => ({ size: 1 })) }),
  JSON.stringify({ ...valid, optimizer: { type: 'sgd' } }),
  JSON.stringify({ ...valid, optimizer: { type: 'sgd', learningRate: 0.5 } }).replace('0.5}', '1e999}'),
  // names the lesson format but is no lesson: read as a scenario
  JSON.stringify({ ...valid, title: 'backprop-lesson/1', loss: 'nope' }),
  '{"format": "backprop-lesson/1", ',
];

describe('readDocumentText (the reading of imported text, in one go or in a worker)', () => {
  it('gives exactly the scenario codec’s errors, path by path, for invalid documents', () => {
    for (const text of INVALID) {
      const read = readDocumentText(text);
      expect(read.kind, text.slice(0, 60)).toBe('scenario');
      if (read.kind !== 'scenario') continue;
      expect(read.result.ok).toBe(false);
      expect(read.result).toEqual(parseScenarioText(text));
    }
  });

  it('reads a valid scenario as the codec does, a BOM first included', () => {
    const text = JSON.stringify(valid);
    for (const t of [text, `\uFEFF${text}`]) {
      const read = readDocumentText(t);
      expect(read).toEqual({ kind: 'scenario', result: parseScenarioText(t) });
      expect(read.kind === 'scenario' && read.result.ok).toBe(true);
    }
  });

  it('tells a lesson document apart by its format, and hands its JSON over', () => {
    const lesson = { format: 'backprop-lesson/1', title: 'L', steps: [] };
    expect(readDocumentText(JSON.stringify(lesson))).toEqual({ kind: 'lesson', document: lesson });
  });

  it('never throws on junk, and its result survives a structured clone (a worker’s message) unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant('{"format":"backprop-lesson/1"}')), (text) => {
        const read = readDocumentText(text);
        expect(structuredClone(read)).toEqual(read);
      }),
      { numRuns: 300 },
    );
  });
});
