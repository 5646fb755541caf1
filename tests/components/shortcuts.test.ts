import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { selectionKey, type Selection } from '../../src/core/selection.ts';
import {
  chordLabel,
  chordMatches,
  isEditable,
  matchShortcut,
  networkOrder,
  nextInOrder,
  SHORTCUT_GROUPS,
  SHORTCUTS,
  shortcutLabel,
  type KeyInput,
} from '../../src/components/shortcuts.ts';
import { loadPreset } from '../../src/presets/index.ts';

function key(k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

const keys = (order: readonly Selection[]) => order.map(selectionKey);

describe('the shortcut table', () => {
  it('maps each lesson key to its action with the focus on the page', () => {
    const cases: [KeyInput, string][] = [
      [key('ArrowRight'), 'step-forward'],
      [key('ArrowLeft'), 'step-back'],
      [key('1'), 'phase-forward'],
      [key('2'), 'phase-loss'],
      [key('3'), 'phase-backward'],
      [key('4'), 'phase-update'],
      [key('Home'), 'start'],
      [key('End'), 'end'],
      [key(' '), 'play-pause'],
      [key('n'), 'next-iteration'],
      [key('N', { shiftKey: true }), 'next-iteration'],
      [key(']'), 'select-next'],
      [key('['), 'select-previous'],
      [key('Enter'), 'edit'],
      [key('e'), 'edit'],
      [key('E', { shiftKey: true }), 'edit'],
      [key('Escape'), 'clear-selection'],
      [key('?', { shiftKey: true }), 'help'],
      [key('p'), 'presentation'],
      [key('t'), 'theme'],
    ];
    for (const [ev, action] of cases) expect(matchShortcut(ev, 'other'), `${ev.key}`).toBe(action);
  });

  it('fires nothing while typing in a field', () => {
    for (const s of SHORTCUTS)
      for (const c of s.keys)
        expect(matchShortcut(key(c.key, { ctrlKey: c.ctrl ?? false, shiftKey: c.shift ?? false }), 'text')).toBeNull();
  });

  it('leaves Space and Enter to a focused button, and arrows, Home and End to a focused slider', () => {
    expect(matchShortcut(key(' '), 'button')).toBeNull();
    expect(matchShortcut(key('Enter'), 'button')).toBeNull();
    expect(matchShortcut(key('ArrowRight'), 'button')).toBe('step-forward');
    expect(matchShortcut(key('e'), 'button')).toBe('edit');
    for (const k of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) expect(matchShortcut(key(k), 'slider'), k).toBeNull();
    expect(matchShortcut(key(' '), 'slider')).toBe('play-pause');
    expect(matchShortcut(key('3'), 'slider')).toBe('phase-backward');
  });

  it('ignores keys held with Ctrl, ⌘ or Alt, and leaves undo and redo to their own hook', () => {
    expect(matchShortcut(key('ArrowRight', { ctrlKey: true }), 'other')).toBeNull();
    expect(matchShortcut(key('p', { metaKey: true }), 'other')).toBeNull();
    expect(matchShortcut(key('n', { altKey: true }), 'other')).toBeNull();
    expect(matchShortcut(key('z', { ctrlKey: true }), 'other')).toBeNull();
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBeNull();
    const undo = SHORTCUTS.find((s) => s.description === 'Undo')!;
    const redo = SHORTCUTS.find((s) => s.description === 'Redo')!;
    expect(chordMatches(undo.keys[0], key('z', { ctrlKey: true }))).toBe(true);
    expect(chordMatches(undo.keys[0], key('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(chordMatches(redo.keys[0], key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(chordMatches(redo.keys[0], key('z', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(chordMatches(redo.keys[1], key('y', { ctrlKey: true }))).toBe(true);
  });

  it('on a layout without Latin letters, goes by the physical key', () => {
    expect(matchShortcut(key('т', { code: 'KeyN' }), 'other')).toBe('next-iteration');
    expect(matchShortcut(key('з', { code: 'KeyP' }), 'other')).toBe('presentation');
    expect(matchShortcut(key('ü', { code: 'BracketLeft' }), 'other')).toBe('select-previous');
    // A Latin letter is the letter, wherever it sits (AZERTY's A is on KeyQ).
    expect(matchShortcut(key('a', { code: 'KeyQ' }), 'other')).toBeNull();
    expect(matchShortcut(key('n', { code: 'KeyB' }), 'other')).toBe('next-iteration');
  });

  it('gives every key one meaning, and every entry a group and a description', () => {
    const seen = new Map<string, string>();
    for (const s of SHORTCUTS) {
      expect(SHORTCUT_GROUPS).toContain(s.group);
      expect(s.description.length).toBeGreaterThan(3);
      for (const c of s.keys) {
        const id = `${c.ctrl ? 'C' : ''}${c.shift === undefined ? '*' : c.shift ? 'S' : ''}${c.key.toLowerCase()}`;
        expect(seen.get(id), `${chordLabel(c)} is listed twice`).toBeUndefined();
        seen.set(id, s.description);
      }
    }
  });

  it('writes keys as the help shows them', () => {
    expect(chordLabel({ key: 'ArrowRight' })).toBe('→');
    expect(chordLabel({ key: ' ' })).toBe('Space');
    expect(chordLabel({ key: 'Escape' })).toBe('Esc');
    expect(chordLabel({ key: 'n' })).toBe('N');
    expect(chordLabel({ key: 'z', ctrl: true, shift: true })).toBe('Ctrl+Shift+Z');
    expect(chordLabel({ key: 'Tab', shift: true })).toBe('Shift+Tab');
    expect(shortcutLabel('step-back')).toBe('←');
    expect(shortcutLabel('help')).toBe('?');
  });
});

describe('network order', () => {
  it('lists the inputs, then per layer its weights (by j, then i), biases and nodes, then the loss', () => {
    expect(keys(networkOrder([2, 2, 1], [true, false]))).toEqual([
      'node:0:0',
      'node:0:1',
      'edge:0:0:0',
      'edge:0:0:1',
      'edge:0:1:0',
      'edge:0:1:1',
      'bias:0:0',
      'bias:0:1',
      'node:1:0',
      'node:1:1',
      'edge:1:0:0',
      'edge:1:0:1',
      'node:2:0',
      'loss',
    ]);
  });

  it("covers every element of a preset once, in the diagram's Tab order", () => {
    const { model } = compileScenario(loadPreset('mazur')!);
    const order = keys(networkOrder(model.sizes, model.hasBias));
    expect(new Set(order).size).toBe(order.length);
    expect(order.length).toBe(2 + 2 + 2 + 8 + 4 + 1);
    expect(order.slice(0, 8)).toEqual([
      'node:0:0',
      'node:0:1',
      'edge:0:0:0',
      'edge:0:0:1',
      'edge:0:1:0',
      'edge:0:1:1',
      'bias:0:0',
      'bias:0:1',
    ]);
  });

  it('steps forward and back, wrapping around, from nothing to the first or the last', () => {
    const order = networkOrder([1, 1], [false]);
    expect(keys(order)).toEqual(['node:0:0', 'edge:0:0:0', 'node:1:0', 'loss']);
    expect(nextInOrder(order, null, 1)).toEqual({ kind: 'node', l: 0, j: 0 });
    expect(nextInOrder(order, null, -1)).toEqual({ kind: 'loss' });
    expect(nextInOrder(order, { kind: 'node', l: 0, j: 0 }, 1)).toEqual({ kind: 'edge', l: 0, j: 0, i: 0 });
    expect(nextInOrder(order, { kind: 'loss' }, 1)).toEqual({ kind: 'node', l: 0, j: 0 });
    expect(nextInOrder(order, { kind: 'node', l: 0, j: 0 }, -1)).toEqual({ kind: 'loss' });
    // A selection the network no longer has (its shape changed) starts over.
    expect(nextInOrder(order, { kind: 'edge', l: 4, j: 0, i: 0 }, 1)).toEqual({ kind: 'node', l: 0, j: 0 });
    expect(nextInOrder([], null, 1)).toBeNull();
  });
});

describe('what the editor can change', () => {
  it('is a weight, a bias, an input or a target; not a hidden node or the loss', () => {
    expect(isEditable({ kind: 'edge', l: 0, j: 0, i: 0 }, 2)).toBe(true);
    expect(isEditable({ kind: 'bias', l: 1, j: 0 }, 2)).toBe(true);
    expect(isEditable({ kind: 'node', l: 0, j: 1 }, 2)).toBe(true);
    expect(isEditable({ kind: 'node', l: 2, j: 0 }, 2)).toBe(true);
    expect(isEditable({ kind: 'node', l: 1, j: 0 }, 2)).toBe(false);
    expect(isEditable({ kind: 'loss' }, 2)).toBe(false);
    expect(isEditable(null, 2)).toBe(false);
  });
});
