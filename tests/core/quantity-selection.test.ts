import { describe, expect, it } from 'vitest';
import { parseQuantityRef } from '../../src/core/quantity-ref.ts';
import { quantitySelection } from '../../src/core/quantity-selection.ts';
import { selectionKey } from '../../src/core/selection.ts';

const at = (text: string, depth = 2) => {
  const read = parseQuantityRef(text);
  if (!read.ok) throw new Error(read.message);
  return selectionKey(quantitySelection(read.ref, depth));
};

describe('the diagram element of a quantity', () => {
  it('is the parameter, the node, the input or output node, or the loss', () => {
    expect(at('gradient:edge:1:0:0')).toBe('edge:1:0:0');
    expect(at('after:bias:0:1')).toBe('bias:0:1');
    expect(at('after:loss')).toBe('loss');
    expect(at('dLdz:node:2:0')).toBe('node:2:0');
    expect(at('x:1')).toBe('node:0:1');
    expect(at('y:1', 3)).toBe('node:3:1');
    expect(at('loss')).toBe('loss');
    expect(at('loss-term:0')).toBe('loss');
  });
});
