import { describe, expect, it } from 'vitest';
import { gradeInOrder } from '../../src/core/worksheet-grade.ts';

/**
 * Predict, then reveal: a run of predictions is marked in computation order and the first
 * wrong one is pointed out. The truths are Mazur's published values (oracle
 * tutorial_published): net_h1 0.3775, out_h1 0.593269992, net_h2 0.3925, out_h2 0.596884378.
 */
const truths = [0.3775, 0.5932699921071872, 0.3925, 0.596884378259767];

describe('gradeInOrder', () => {
  it('all right, to 4 significant digits, with more digits or a unicode minus spelled', () => {
    expect(gradeInOrder(['0.3775', '0.5933', '0.3925', '0.596884378'], truths, 4)).toEqual({
      kind: 'all-right',
      count: 4,
    });
  });

  it('stops at the first wrong value: everything before it is right', () => {
    expect(gradeInOrder(['0.3775', '0.5933', '0.3926', '0.1'], truths, 4)).toEqual({
      kind: 'stop',
      index: 2,
      reason: 'wrong',
    });
  });

  it('a wrong first value is index 0', () => {
    expect(gradeInOrder(['0.38', '0.5933', '0.3925', '0.5969'], truths, 4)).toEqual({
      kind: 'stop',
      index: 0,
      reason: 'wrong',
    });
  });

  it('a blank or unreadable value stops the grading before any later wrong one', () => {
    expect(gradeInOrder(['0.3775', '  ', '9', '9'], truths, 4)).toEqual({ kind: 'stop', index: 1, reason: 'blank' });
    expect(gradeInOrder(['0.3775', '0.5933', 'abc', '9'], truths, 4)).toEqual({
      kind: 'stop',
      index: 2,
      reason: 'unreadable',
    });
  });

  it('respects the precision: 0.5933 is right to 4 digits and wrong to 9', () => {
    expect(gradeInOrder(['0.3775', '0.5933'], truths.slice(0, 2), 4).kind).toBe('all-right');
    expect(gradeInOrder(['0.3775', '0.5933'], truths.slice(0, 2), 9)).toEqual({
      kind: 'stop',
      index: 1,
      reason: 'wrong',
    });
    expect(gradeInOrder(['0.3775', '0.593269992'], truths.slice(0, 2), 9).kind).toBe('all-right');
  });

  it('grades nothing as all right with count 0', () => {
    expect(gradeInOrder([], [], 4)).toEqual({ kind: 'all-right', count: 0 });
  });
});
