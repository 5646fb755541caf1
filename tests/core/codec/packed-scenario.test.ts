import { describe, expect, it } from 'vitest';
import { packScenario, unpackScenario } from '../../../src/core/codec/packed-scenario.ts';
import { parseScenario } from '../../../src/core/codec/parse-scenario.ts';
import { finish } from '../../../src/core/sliced.ts';
import { loadPreset, PRESET_IDS } from '../../../src/presets/index.ts';
import { denseDoc } from '../../../bench/app-networks.ts';

function parsed(doc: unknown) {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('a scenario packed for a worker’s message', () => {
  it('unpacks to the same scenario, field for field and in the same field order, for every preset', () => {
    for (const id of PRESET_IDS) {
      const s = loadPreset(id)!;
      const back = finish(unpackScenario(structuredClone(packScenario(s))));
      expect(back, id).toEqual(s);
      expect(Object.keys(back), id).toEqual(Object.keys(s));
      expect(JSON.stringify(back), id).toBe(JSON.stringify(s));
    }
  });

  it('keeps layers without a bias, test samples and an empty test set', () => {
    const doc = denseDoc([3, 4, 2], 5);
    (doc.layers as { bias?: boolean }[])[1].bias = false;
    const withTest = { ...doc, testData: [{ x: [1, 2, 3], y: [0.5, -0] }] };
    for (const d of [doc, withTest]) {
      const s = parsed(d);
      expect(finish(unpackScenario(packScenario(s)))).toEqual(s);
    }
    const s = parsed(doc);
    expect(finish(unpackScenario(packScenario({ ...s, testData: [] })))).toEqual({ ...s, testData: [] });
  });

  it('pauses along the way on a big one, saying how far it is', () => {
    const s = parsed(denseDoc([2, 300, 300, 1], 5000));
    const g = unpackScenario(packScenario(s));
    const fractions: number[] = [];
    for (let r = g.next(); ; r = g.next()) {
      if (r.done) {
        expect(r.value).toEqual(s);
        break;
      }
      fractions.push(r.value);
    }
    expect(fractions.length).toBeGreaterThan(3);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    expect(fractions[fractions.length - 1]).toBeLessThanOrEqual(1);
  });
});
