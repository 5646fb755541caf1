import { expect, it } from 'vitest';
import { sampleRange } from '../../src/view/sample-range.ts';

it('names one sample alone ("sample 1", not "samples 1–1") and several as a range', () => {
  expect(sampleRange(0, 1)).toBe('sample 1');
  expect(sampleRange(4, 1)).toBe('sample 5');
  expect(sampleRange(0, 6)).toBe('samples 1–6');
  expect(sampleRange(10, 10)).toBe('samples 11–20');
});
