import { describe, expect, it } from 'vitest';
import { lessonStepRefs } from '../../src/core/lesson-step-refs.ts';
import { parseQuantityRef, type QuantityRef } from '../../src/core/quantity-ref.ts';
import { revealedBy } from '../../src/tex/revealed-quantities.ts';

function refs(...texts: string[]): QuantityRef[] {
  return texts.map((t) => {
    const read = parseQuantityRef(t);
    if (!read.ok) throw new Error(read.message);
    return read.ref;
  });
}

describe('revealedBy: the lines a lesson step’s own values name', () => {
  it('a node value of the sample shown, not of another sample', () => {
    const r = revealedBy(refs('a:node:1:0'), 1, 4);
    expect(r({ kind: 'a', l: 1, j: 0, sample: 1 })).toBe(true);
    expect(r({ kind: 'a', l: 1, j: 0, sample: 0 })).toBe(false);
    expect(r({ kind: 'z', l: 1, j: 0, sample: 1 })).toBe(false);
    expect(r({ kind: 'a', l: 1, j: 1, sample: 1 })).toBe(false);
  });

  it('a gradient: the batch’s line; a sample’s line only when the batch is that sample', () => {
    const g = refs('gradient:edge:1:0:0', 'gradient:bias:0:1');
    expect(revealedBy(g, 0, 4)({ kind: 'dLdw', l: 1, j: 0, i: 0, sample: 'batch' })).toBe(true);
    expect(revealedBy(g, 0, 4)({ kind: 'dLdw', l: 1, j: 0, i: 0, sample: 0 })).toBe(false);
    expect(revealedBy(g, 0, 1)({ kind: 'dLdw', l: 1, j: 0, i: 0, sample: 0 })).toBe(true);
    expect(revealedBy(g, 0, 4)({ kind: 'dLdb', l: 0, j: 1, sample: 'batch' })).toBe(true);
    expect(revealedBy(g, 0, 4)({ kind: 'dLdb', l: 0, j: 0, sample: 'batch' })).toBe(false);
  });

  it('φ′(z) with δ, whose line shows it as a factor', () => {
    const r = revealedBy(refs('dLdz:node:2:1'), 0, 1);
    expect(r({ kind: 'dadz', l: 2, j: 1, sample: 0 })).toBe(true);
    expect(revealedBy(refs('dLda:node:2:1'), 0, 1)({ kind: 'dadz', l: 2, j: 1, sample: 0 })).toBe(false);
  });

  it('the loss, its terms and the values after the update', () => {
    const r = revealedBy(refs('loss', 'loss-term:1', 'after:loss', 'after:edge:0:1:0', 'after:bias:1:0'), 0, 1);
    expect(r({ kind: 'loss' })).toBe(true);
    expect(r({ kind: 'sample-loss', sample: 0 })).toBe(true);
    expect(r({ kind: 'loss-term', sample: 0, k: 1 })).toBe(true);
    expect(r({ kind: 'loss-term', sample: 0, k: 0 })).toBe(false);
    expect(r({ kind: 'loss-after' })).toBe(true);
    expect(r({ kind: 'weight-after', l: 0, j: 1, i: 0 })).toBe(true);
    expect(r({ kind: 'bias-after', l: 1, j: 0 })).toBe(true);
    expect(revealedBy(refs('loss'), 0, 2)({ kind: 'sample-loss', sample: 0 })).toBe(false);
    expect(revealedBy([], 0, 1)({ kind: 'loss' })).toBe(false);
  });
});

describe('lessonStepRefs: what a step shows of its own accord', () => {
  const step = {
    text: 'Its output is {{a:node:2:0}}; in math, $\\delta = {{dLdz:node:2:0}}$ and **{{loss}}**.',
    compare: [{ label: 'printed', value: 0.5, of: refs('gradient:edge:1:0:0')[0] }],
    ask: { of: refs('dLda:node:1:0')[0], digits: 4 },
  };
  const keys = (answered: boolean) =>
    lessonStepRefs(step, answered).map((r) => ('sel' in r ? `${r.kind}:${JSON.stringify(r.sel)}` : r.kind));

  it('its text’s values in reading order, inside math too, and its compare rows; its ask once answered', () => {
    expect(keys(false)).toEqual([
      'a:{"kind":"node","l":2,"j":0}',
      'dLdz:{"kind":"node","l":2,"j":0}',
      'loss',
      'gradient:{"kind":"edge","l":1,"j":0,"i":0}',
    ]);
    expect(keys(true)).toContain('dLda:{"kind":"node","l":1,"j":0}');
  });
});
