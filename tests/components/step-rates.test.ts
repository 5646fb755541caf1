import { describe, expect, it } from 'vitest';
import { createStepRates } from '../../src/components/step-rates.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { loadPreset } from '../../src/presets/index.ts';

describe('the measured time of a training step, per network', () => {
  const numpy = compileScenario(loadPreset('numpy-341')!);

  it('predicts nothing for a network it has not measured', () => {
    expect(createStepRates().predictMs(numpy, 1000)).toBeNull();
  });

  it('predicts a run from the last measurement of the same network and data', () => {
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
