import { describe, expect, it } from 'vitest';
import { parseQuantityRef } from '../../src/core/quantity-ref.ts';
import { quantityRefName } from '../../src/core/quantity-name.ts';
import { loadPreset } from '../../src/presets/index.ts';

const ref = (text: string) => {
  const read = parseQuantityRef(text);
  if (!read.ok) throw new Error(read.message);
  return read.ref;
};

describe('a quantity in words', () => {
  const mazur = loadPreset('mazur')!;
  it('uses the network’s own labels (Mazur: w₅, h₁, o₁)', () => {
    expect(quantityRefName(mazur, ref('gradient:edge:1:0:0'))).toBe('∂L/∂w₅');
    expect(quantityRefName(mazur, ref('a:node:1:0'))).toBe('a of h₁');
    expect(quantityRefName(mazur, ref('dLdz:node:2:0'))).toBe('∂L/∂z of o₁');
    expect(quantityRefName(mazur, ref('after:edge:1:0:0'))).toBe('w₅ after the update');
    expect(quantityRefName(mazur, ref('after:loss'))).toBe('L after the update');
    expect(quantityRefName(mazur, ref('loss-term:1'))).toBe('the loss term of o₂');
    expect(quantityRefName(mazur, ref('x:0'))).toBe('i₁');
    expect(quantityRefName(mazur, ref('loss'))).toBe('L');
  });
});
