import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { formatCodecError } from '../../src/core/codec/codec-result.ts';
import { readScenarioHash, SCENARIO_TEXT_LIMIT } from '../../src/store/share-link.ts';
import { lzBomb } from '../helpers/lz-bomb.ts';

describe('a share link that is a decompression bomb', () => {
  it('is refused with a message naming the limit, without writing past it', () => {
    // Inflates to more than the limit from 14 KB: lz-string alone would write it all.
    const bomb = lzBomb(7000);
    expect(bomb.inflated).toBeGreaterThan(SCENARIO_TEXT_LIMIT);
    expect(bomb.encoded.length).toBeLessThan(20_000);
    const result = readScenarioHash(`#scenario=${bomb.encoded}`);
    expect(result?.ok).toBe(false);
    const text = result !== null && !result.ok ? result.errors.map(formatCodecError).join('\n') : '';
    expect(text).toMatch(/share link: the scenario in the link would be more than 20,971,520 characters/);
  });

  it('within the limit reads as before', () => {
    const ok = readScenarioHash(`#scenario=${lz.compressToEncodedURIComponent('{"format":"backprop-scenario/1"}')}`);
    expect(ok?.ok).toBe(false);
    expect(ok !== null && !ok.ok ? ok.errors[0].path : '').not.toBe('share link');
  });
});
