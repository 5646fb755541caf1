import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, loadPreset } from '../../src/presets/index.ts';
import { guardedOpen, markOpened, OPENING_KEY } from '../../src/store/open-guard.ts';
import { initialInputs } from '../../src/store/create-app-store.ts';
import type { SessionStart } from '../../src/store/persist-session.ts';

function fakeStorage() {
  const map = new Map<string, string>();
  return {
    map,
    get: () => ({
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    }),
  };
}

const saved: SessionStart = { inputs: initialInputs(loadPreset('mazur')!, 'mazur'), pastStates: [] };

describe('opening the session, guarded against a freeze that follows the user', () => {
  it('opens the saved session normally, marking the opening until the page is on screen', () => {
    const st = fakeStorage();
    let opened = 0;
    const start = guardedOpen('', st.get, () => (opened++, saved));
    expect(start).toBe(saved);
    expect(opened).toBe(1);
    expect(st.map.has(OPENING_KEY)).toBe(true);
    markOpened(st.get);
    expect(st.map.has(OPENING_KEY)).toBe(false);
    expect(guardedOpen('', st.get, () => saved)).toBe(saved);
  });

  it('after an opening that never finished, shows the default preset, says why, and leaves the saved session alone', () => {
    const st = fakeStorage();
    st.map.set('backprop-lab:session', '{"kept": true}');
    guardedOpen('', st.get, () => saved);
    // the tab froze: no markOpened; the next visit
    let opened = 0;
    const start = guardedOpen('', st.get, () => (opened++, saved));
    expect(opened).toBe(0);
    expect(start.inputs.presetId).toBe(DEFAULT_PRESET_ID);
    expect(start.inputs.notice?.text).toMatch(/did not finish opening your saved session/);
    expect(start.inputs.notice?.details?.[0]).toMatch(/reload the page to try it again/);
    expect(st.map.get('backprop-lab:session')).toBe('{"kept": true}');
    // this visit is on screen: a reload tries the saved session again
    markOpened(st.get);
    expect(guardedOpen('', st.get, () => saved)).toBe(saved);
  });

  it('names the link when the opening was a link’s', () => {
    const st = fakeStorage();
    st.map.set(OPENING_KEY, '1');
    expect(guardedOpen('#scenario=abc', st.get, () => saved).inputs.notice?.text).toMatch(
      /did not finish opening the link/,
    );
  });

  it('works without storage', () => {
    expect(
      guardedOpen(
        '',
        () => null,
        () => saved,
      ),
    ).toBe(saved);
    expect(
      guardedOpen(
        '',
        () => {
          throw new Error('denied');
        },
        () => saved,
      ),
    ).toBe(saved);
    markOpened(() => null);
  });
});
