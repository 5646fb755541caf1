import { describe, expect, it } from 'vitest';
import {
  withRegularization,
  withSampleAppended,
  withSampleInputs,
  withSampleOfSetRemoved,
} from '../../src/core/scenario-edits.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('edits of one point of the data view', () => {
  it('append a point to the training or the test data, sharing the other set', () => {
    const s = loadPreset('playground')!;
    const t = withSampleAppended(s, 'train', { x: [0.25, -0.5], y: [1] });
    expect(t.data.length).toBe(s.data.length + 1);
    expect(t.data[t.data.length - 1]).toEqual({ x: [0.25, -0.5], y: [1] });
    expect(t.testData).toBe(s.testData);
    const u = withSampleAppended(s, 'test', { x: [0, 0], y: [-1] });
    expect(u.testData!.length).toBe(s.testData!.length + 1);
    expect(u.data).toBe(s.data);
    const none = { ...s, testData: undefined };
    expect(withSampleAppended(none, 'test', { x: [1, 1], y: [1] }).testData).toEqual([{ x: [1, 1], y: [1] }]);
  });

  it('move a point along the plane’s axes only', () => {
    const s = loadPreset('playground')!;
    const t = withSampleInputs(s, 'test', 2, [1], [0.75]);
    expect(t.testData![2].x).toEqual([s.testData![2].x[0], 0.75]);
    expect(t.testData![2].y).toEqual(s.testData![2].y);
    expect(s.testData![2].x[1]).not.toBe(0.75);
    expect(withSampleInputs(s, 'train', 0, [0, 1], [0.1, 0.2]).data[0].x).toEqual([0.1, 0.2]);
    expect(withSampleInputs(s, 'train', 9999, [0], [1])).toBe(s);
  });

  it('remove a point; the last test point leaves no testData, the last training point stays', () => {
    const s = loadPreset('playground')!;
    expect(withSampleOfSetRemoved(s, 'train', 0).data).toEqual(s.data.slice(1));
    const one = { ...s, data: s.data.slice(0, 1), testData: s.testData!.slice(0, 1) };
    expect(withSampleOfSetRemoved(one, 'test', 0).testData).toBeUndefined();
    expect('testData' in withSampleOfSetRemoved(one, 'test', 0)).toBe(false);
    expect(withSampleOfSetRemoved(one, 'train', 0).data.length).toBe(1);
  });
});

describe('the weight penalty’s rates', () => {
  it('are set one at a time, and both at 0 leave no regularization', () => {
    const s = loadPreset('playground')!;
    const a = withRegularization(s, 'l2', 0.01);
    expect(a.regularization).toEqual({ l2: 0.01 });
    const b = withRegularization(a, 'l1', 0.001);
    expect(b.regularization).toEqual({ l2: 0.01, l1: 0.001 });
    const c = withRegularization(b, 'l2', 0);
    expect(c.regularization).toEqual({ l1: 0.001 });
    const d = withRegularization(c, 'l1', 0);
    expect('regularization' in d).toBe(false);
    expect(d.data).toBe(s.data);
  });
});
