import { describe, expect, it } from 'vitest';
import { createStepRates } from '../../src/components/step-rates.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('the measured time of a training step, per network', () => {
  const numpy = compileScenario(loadPreset('numpy-341')!);

  it('predicts nothing for a network it has not measured', () => {
    expect(createStepRates().predictMs(numpy, 1000)).toBeNull();
  });

  it('predicts a run from the fastest measurement of the same network and data', () => {
    const rates = createStepRates();
    rates.record(numpy, 500, 2);
    expect(rates.predictMs(numpy, 10_000)).toBeCloseTo(40, 10);
    rates.record(numpy, 1000, 1);
    expect(rates.predictMs(numpy, 10_000)).toBeCloseTo(10, 10);
  });

  it('keeps the measurement when only the parameters or the sample values change, not when the sample count or batch does', () => {
    const rates = createStepRates();
    rates.record(numpy, 100, 1);
    const moved = { ...numpy, params: { w: numpy.params.w.map((v) => v + 1), b: numpy.params.b.slice() } };
    expect(rates.predictMs(moved, 100)).toBeCloseTo(1, 10);
    expect(rates.predictMs({ ...numpy, batchSize: numpy.batchSize + 1 }, 100)).toBeNull();
    expect(rates.predictMs({ ...numpy, data: { ...numpy.data } }, 100)).toBeCloseTo(1, 10);
    expect(rates.predictMs({ ...numpy, data: { ...numpy.data, count: numpy.data.count + 1 } }, 100)).toBeNull();
    expect(rates.predictMs(compileScenario(loadPreset('numpy-341')!), 100)).toBeNull();
  });

  it('ignores a measurement of no steps or no time', () => {
    const rates = createStepRates();
    rates.record(numpy, 0, 5);
    rates.record(numpy, 10, 0);
    expect(rates.predictMs(numpy, 100)).toBeNull();
  });
});

describe('when a network’s measured rate has settled', () => {
  const numpy = compileScenario(loadPreset('numpy-341')!);

  it('is not settled after one measurement, nor while each is much faster or slower than the one before (the engine still compiling, the thread taken)', () => {
    const rates = createStepRates();
    expect(rates.settled(numpy)).toBe(false);
    rates.record(numpy, 500, 7.5);
    expect(rates.settled(numpy)).toBe(false);
    rates.record(numpy, 2000, 6);
    expect(rates.settled(numpy)).toBe(false);
    rates.record(numpy, 2000, 12);
    expect(rates.settled(numpy)).toBe(false);
  });

  it('is settled once two measurements in a row agree, and predicts from the fastest', () => {
    const rates = createStepRates();
    rates.record(numpy, 500, 7.5);
    rates.record(numpy, 4000, 4);
    rates.record(numpy, 4000, 3.6);
    expect(rates.settled(numpy)).toBe(true);
    expect(rates.predictMs(numpy, 10_000)).toBeCloseTo(9, 10);
    // a slower measurement (the thread taken meanwhile) leaves the prediction at the fastest
    rates.record(numpy, 4000, 8);
    expect(rates.settled(numpy)).toBe(false);
    expect(rates.predictMs(numpy, 10_000)).toBeCloseTo(9, 10);
  });

  it('starts again for other data counts', () => {
    const rates = createStepRates();
    rates.record(numpy, 4000, 4);
    rates.record(numpy, 4000, 4);
    expect(rates.settled(numpy)).toBe(true);
    const more = { ...numpy, data: { ...numpy.data, count: numpy.data.count + 1 } };
    expect(rates.settled(more)).toBe(false);
    rates.record(more, 4000, 4);
    expect(rates.settled(more)).toBe(false);
  });
});
