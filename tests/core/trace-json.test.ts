import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario.ts';
import { traceScenario, traceToJson } from '../../src/core/trace.ts';
import { traceJsonPieces } from '../../src/core/trace-json.ts';
import { loadPreset, PRESET_IDS } from '../../src/presets/index.ts';
import { loadOracleCases, oracleToScenario } from '../helpers/oracle-case.ts';

const whole = (s: Scenario, steps?: number) => traceToJson(traceScenario(s, steps));
const pieces = (s: Scenario, steps?: number) => [...traceJsonPieces(s, steps)];

describe('the trace written piece by piece', () => {
  it.each(PRESET_IDS)('%s: the same bytes as the whole document, with and without training', (id) => {
    const s = loadPreset(id)!;
    expect(pieces(s).join('')).toBe(whole(s));
    expect(pieces(s, 7).join('')).toBe(whole(s, 7));
    expect(pieces(s, 0).join('')).toBe(whole(s, 0));
  });

  it('the same bytes for every oracle case', () => {
    for (const { oracle } of loadOracleCases()) {
      const s = oracleToScenario(oracle);
      if (s === null) continue;
      const steps = oracle.expected.training?.steps;
      expect(pieces(s, steps).join('')).toBe(whole(s, steps));
    }
  });

  it('the same bytes with mini-batches, a layer without bias, and non-finite numbers', () => {
    const s: Scenario = { ...loadPreset('mazur')!, batchSize: 1 };
    expect(pieces(s, 3).join('')).toBe(whole(s, 3));
    const huge: Scenario = {
      ...loadPreset('little-network')!,
      data: [
        { x: [1e200], y: [0] },
        { x: [-0], y: [-1e-300] },
      ],
    };
    const text = pieces(huge, 2).join('');
    expect(text).toBe(whole(huge, 2));
    expect(text).toContain('"Infinity"');
  });

  it('never makes one piece of the whole: pieces stay small while the document grows', () => {
    const s = loadPreset('numpy-341')!;
    const many: Scenario = { ...s, data: Array.from({ length: 2000 }, (_, k) => ({ x: [k, 1, -k], y: [k % 2] })) };
    const all = pieces(many, 2);
    const longest = Math.max(...all.map((p) => p.length));
    const total = all.reduce((n, p) => n + p.length, 0);
    expect(total).toBeGreaterThan(1_000_000);
    expect(longest).toBeLessThan(100_000);
  });
});
