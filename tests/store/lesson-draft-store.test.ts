import { describe, expect, it } from 'vitest';
import { addStep, newDraft, updateStep } from '../../src/core/lesson-draft.ts';
import { createDraftStore, DRAFT_KEY, readSavedDraft } from '../../src/store/lesson-draft-store.ts';
import { createEditorFlags, EDITOR_FLAGS_KEY, readEditorFlags } from '../../src/store/lesson-editor-flags.ts';

function memory() {
  const items = new Map<string, string>();
  return {
    items,
    storage: () => ({
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    }),
  };
}

describe('the lesson draft store', () => {
  it('saves the draft as typed, and a new store (a reload) reads it back', () => {
    const m = memory();
    const store = createDraftStore(m.storage, 0);
    let d = addStep(newDraft('preset:mazur', 'T'), { pos: 3, sel: 'loss' }).draft;
    d = updateStep(d, 0, { text: 'hi', compare: [{ label: 'book', value: '0.2x', of: 'loss' }] });
    store.edit(d);
    store.flush();
    expect(m.items.has(DRAFT_KEY)).toBe(true);
    const back = readSavedDraft(m.storage);
    expect(back.draft?.title).toBe('T');
    expect(back.draft?.steps[0].view).toEqual({ pos: 3, sel: 'loss' });
    expect(back.draft?.steps[0].compare[0].value).toBe('0.2x');
  });

  it('undo takes the last edit back', () => {
    const store = createDraftStore(memory().storage, 0);
    const a = newDraft('preset:mazur', 'A');
    store.edit(a);
    store.edit({ ...a, title: 'B' });
    expect(store.get().draft?.title).toBe('B');
    expect(store.undo()).toBe(true);
    expect(store.get().draft?.title).toBe('A');
    expect(store.undo()).toBe(false);
  });

  it('a stored draft that cannot be read, or no storage at all, starts empty without throwing', () => {
    const m = memory();
    m.items.set(DRAFT_KEY, '{not json');
    expect(readSavedDraft(m.storage).draft).toBeNull();
    expect(
      readSavedDraft(() => {
        throw new Error('SecurityError');
      }).draft,
    ).toBeNull();
  });
});

describe('the lesson editor flags', () => {
  it('are saved at each change and read back (a reload comes back to the editor)', () => {
    const m = memory();
    const flags = createEditorFlags(m.storage);
    expect(flags.get()).toEqual({ open: false, trying: false });
    let heard = 0;
    flags.subscribe(() => heard++);
    flags.set({ open: true });
    flags.set({ open: true });
    expect(heard).toBe(1);
    expect(readEditorFlags(m.storage)).toEqual({ open: true, trying: false });
    m.items.set(EDITOR_FLAGS_KEY, '[broken');
    expect(readEditorFlags(m.storage)).toEqual({ open: false, trying: false });
  });
});
