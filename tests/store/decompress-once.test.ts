import { describe, expect, it, vi } from 'vitest';
import { loadPreset } from '../../src/presets/index.ts';
import * as lz from '../../src/core/codec/lz-uri.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { openSession, SESSION_KEY, type StorageLike } from '../../src/store/persist-session.ts';
import { sessionEnvelope } from '../../src/store/session-envelope.ts';
import { shareLinkHash } from '../../src/store/share-options.ts';

vi.mock('../../src/core/codec/lz-uri.ts', async (original) => {
  const actual = await original<typeof import('../../src/core/codec/lz-uri.ts')>();
  return { ...actual, decompressUriCapped: vi.fn(actual.decompressUriCapped) };
});

function storageWith(text: string | null): StorageLike {
  const items = new Map<string, string>();
  if (text !== null) items.set(SESSION_KEY, text);
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('opening a link decompresses its scenario once', () => {
  const mazur = loadPreset('mazur')!;
  const walkthrough = createAppStore(initialInputs(loadPreset('walkthrough')!, 'walkthrough')).getState();
  const cases: [string, string | null, string][] = [
    ['nothing saved', null, shareLinkHash(mazur)],
    ['another scenario saved', JSON.stringify(sessionEnvelope(walkthrough, '')), shareLinkHash(mazur, { position: 3 })],
    [
      'the same scenario saved',
      JSON.stringify(sessionEnvelope({ ...walkthrough, scenario: mazur, presetId: null, origin: mazur }, '')),
      shareLinkHash(mazur, { position: 3 }),
    ],
    ['a link that cannot be opened', JSON.stringify(sessionEnvelope(walkthrough, '')), '#scenario=garbage'],
  ];
  for (const [name, saved, hash] of cases) {
    it(name, () => {
      const spy = vi.mocked(lz.decompressUriCapped);
      spy.mockClear();
      openSession(hash, () => storageWith(saved));
      expect(spy).toHaveBeenCalledTimes(1);
    });
  }
});
