import { describe, expect, it } from 'vitest';
import { parseSelectionKey, selectionKey } from '../../src/core/selection.ts';

describe('parseSelectionKey', () => {
  it('reads every kind of key', () => {
    expect(parseSelectionKey('edge:1:0:2')).toEqual({ kind: 'edge', l: 1, j: 0, i: 2 });
    expect(parseSelectionKey('node:2:1')).toEqual({ kind: 'node', l: 2, j: 1 });
    expect(parseSelectionKey('bias:0:3')).toEqual({ kind: 'bias', l: 0, j: 3 });
    expect(parseSelectionKey('loss')).toEqual({ kind: 'loss' });
  });

  it('reads only the canonical form, so that a key read and written back is the same text', () => {
    for (const key of [
      'node::0',
      'node: 1:0',
      'node:1e0:0',
      'node:01:0',
      'node:+1:0',
      'node:1.0:0',
      'edge:0x1:0:0',
      'node:1:0:',
      'Node:1:0',
      'node:1',
      'edge:1:0',
      'loss:0',
      '',
    ]) {
      expect(parseSelectionKey(key), key).toBeNull();
    }
  });

  it('round-trips with selectionKey', () => {
    for (const key of ['edge:0:0:0', 'edge:31:1023:1023', 'node:0:5', 'bias:2:0', 'loss']) {
      const sel = parseSelectionKey(key);
      expect(sel).not.toBeNull();
      if (sel !== null) expect(selectionKey(sel)).toBe(key);
    }
  });
});
