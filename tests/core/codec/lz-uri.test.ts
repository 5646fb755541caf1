import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressUriCapped } from '../../../src/core/codec/lz-uri.ts';
import { scenarioToJson } from '../../../src/core/codec/serialize-scenario.ts';
import { loadPreset, PRESET_IDS } from '../../../src/presets/index.ts';
import { lzBomb } from '../../helpers/lz-bomb.ts';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('decompressUriCapped', () => {
  it('gives what lz-string gives for every preset and random text (ASCII, Unicode, repetitive)', () => {
    const texts = PRESET_IDS.map((id) => scenarioToJson(loadPreset(id)!, 0));
    const random = rng(7);
    for (let n = 0; n < 200; n++) {
      const len = Math.floor(random() * 400);
      const alphabet = n % 3 === 0 ? 'ab' : n % 3 === 1 ? '{"x":[0.5,-1e-3]}' : 'aé€😀\u0000\uffff';
      texts.push(Array.from({ length: len }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
    for (const text of texts) {
      const encoded = compressToEncodedURIComponent(text);
      expect(decompressFromEncodedURIComponent(encoded)).toBe(text);
      expect(decompressUriCapped(encoded, 1e9)).toEqual({ ok: true, text });
      // A space in a pasted link stands for "+", as lz-string reads it.
      expect(decompressUriCapped(encoded.replace(/\+/g, ' '), 1e9)).toEqual({ ok: true, text });
    }
  });

  it('says a link cut short or mangled is corrupt, where lz-string gives "", null or throws, and never throws itself', () => {
    const encoded = compressToEncodedURIComponent(scenarioToJson(loadPreset('mazur')!, 0));
    expect(decompressUriCapped(encoded.slice(0, encoded.length >> 1), 1e9)).toEqual({ ok: false, reason: 'corrupt' });
    expect(decompressUriCapped('', 1e9)).toEqual({ ok: false, reason: 'corrupt' });
    const random = rng(11);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$%!é';
    for (let n = 0; n < 300; n++) {
      const junk = Array.from(
        { length: 1 + Math.floor(random() * 60) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      let theirs: string | null;
      try {
        theirs = decompressFromEncodedURIComponent(junk);
      } catch {
        theirs = null; // lz-string throws on some junk
      }
      const ours = decompressUriCapped(junk, 1e6);
      if (theirs === null || theirs === '') expect(ours.ok && ours.text !== '', junk).toBe(false);
      // Where lz-string reads junk as text, this gives the same text or calls it corrupt (lz-string can write "undefined").
      if (ours.ok) expect(ours.text, junk).toBe(theirs);
    }
  });

  it('stops a decompression bomb at the limit instead of writing it all', () => {
    // 5 KB that inflate to 3 million characters: each code repeats the one before, one letter longer.
    const bomb = lzBomb(2500);
    expect(bomb.encoded.length).toBeLessThan(5_000);
    expect(decompressFromEncodedURIComponent(bomb.encoded)).toBe('a'.repeat(bomb.inflated));
    expect(decompressUriCapped(bomb.encoded, 1_000_000)).toEqual({ ok: false, reason: 'too-long', limit: 1_000_000 });
    expect(decompressUriCapped(bomb.encoded, bomb.inflated)).toEqual({ ok: true, text: 'a'.repeat(bomb.inflated) });
  });
});
